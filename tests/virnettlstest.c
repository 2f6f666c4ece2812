/*
 * virnettlstest: TLS contexts and sessions with the checked-in test PKI
 * (tests/tls, made by mkpki.sh): loading and sanity checks of the
 * credentials, a handshake over a socket pair, and the checks of the
 * peer's certificate: its CA, the host name, the DN access list.
 */
#include "internal.h"
#include "testutils.h"
#include "rpc/virnettlscontext.h"

#include <pthread.h>
#include <sys/socket.h>

#define VIR_FROM_THIS VIR_FROM_NONE

static char *pki;

static char *
pkiFile(const char *name)
{
    return g_build_filename(pki, name, NULL);
}

static virNetTLSContext *
serverContext(const char *const *acl)
{
    g_autofree char *ca = pkiFile("cacert.pem");
    g_autofree char *cert = pkiFile("servercert.pem");
    g_autofree char *key = pkiFile("serverkey.pem");

    return virNetTLSContextNewServer(ca, NULL, cert, key, acl, NULL, true, true);
}

static virNetTLSContext *
clientContext(const char *certName, bool sanity)
{
    g_autofree char *ca = pkiFile("cacert.pem");
    g_autofree char *cert = pkiFile(certName);
    g_autofree char *key = pkiFile("clientkey.pem");

    return virNetTLSContextNewClient(ca, NULL, cert, key, NULL, sanity, true);
}

typedef struct {
    virNetTLSContext *ctxt;
    virNetTLSSession *sess;
    int fd;
    int handshake;
    int check;
    char err[256];
} serverSide;

static void *
serverRun(void *opaque)
{
    serverSide *s = opaque;

    s->handshake = virNetTLSSessionHandshake(s->sess);
    if (s->handshake == 0)
        s->check = virNetTLSContextCheckCertificate(s->ctxt, s->sess);
    if (s->handshake < 0 || s->check < 0) {
        g_strlcpy(s->err, virGetLastErrorMessage(), sizeof(s->err));
        /* refused: hang up, as the daemon does */
        shutdown(s->fd, SHUT_RDWR);
    } else {
        /* echo one record */
        char buf[64];
        ssize_t n = virNetTLSSessionRead(s->sess, buf, sizeof(buf));

        if (n > 0)
            ignore_value(virNetTLSSessionWrite(s->sess, buf, n));
    }
    return NULL;
}

/* A handshake between @server and @client over a socket pair; the
 * client checks the server's certificate for @hostname and exchanges a
 * record.  Returns 0, -1 when the client refused the server (error in
 * @clientErr), -3 when the server hung up; the server's side in @s. */
static int
runPair(virNetTLSContext *server, virNetTLSContext *client, const char *hostname,
        serverSide *s, char *clientErr, size_t errlen)
{
    g_autoptr(virNetTLSSession) csess = NULL;
    pthread_t thr;
    int fds[2];
    int rc = -1;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) < 0)
        return -2;
    s->ctxt = server;
    s->fd = fds[0];
    s->check = -1;
    s->err[0] = '\0';
    if (!(s->sess = virNetTLSSessionNew(server, NULL, fds[0])) ||
        !(csess = virNetTLSSessionNew(client, hostname, fds[1])))
        return -2;
    pthread_create(&thr, NULL, serverRun, s);
    if (virNetTLSSessionHandshake(csess) == 0 &&
        (rc = virNetTLSContextCheckCertificate(client, csess)) == 0) {
        char buf[64] = "";

        /* the server echoes, unless it refused us and hung up */
        if (virNetTLSSessionWrite(csess, "hello", 5) != 5 ||
            virNetTLSSessionRead(csess, buf, sizeof(buf)) != 5 ||
            memcmp(buf, "hello", 5) != 0)
            rc = -3;
    }
    if (rc == -1)
        g_strlcpy(clientErr, virGetLastErrorMessage(), errlen);
    shutdown(fds[1], SHUT_RDWR);
    pthread_join(thr, NULL);
    virNetTLSSessionFree(s->sess);
    s->sess = NULL;
    close(fds[0]);
    close(fds[1]);
    return rc;
}

static int
testLoad(void)
{
    g_autoptr(virNetTLSContext) server = serverContext(NULL);
    g_autoptr(virNetTLSContext) client = clientContext("clientcert.pem", true);
    g_autofree char *ca = pkiFile("cacert.pem");
    g_autofree char *cakey = pkiFile("cakey.pem");
    g_autofree char *ccert = pkiFile("clientcert.pem");
    g_autofree char *ckey = pkiFile("clientkey.pem");
    g_autofree char *missing = pkiFile("nosuch.pem");
    virNetTLSContext *bad;

    CHECK(server);
    CHECK(client);
    /* a CA certificate is no server certificate */
    CHECK(!virNetTLSContextNewServer(ca, NULL, ca, cakey, NULL, NULL, true, true));
    CHECK(strstr(virGetLastErrorMessage(), "basic constraints show a CA"));
    /* without the sanity check it loads */
    CHECK((bad = virNetTLSContextNewServer(ca, NULL, ca, cakey, NULL, NULL, false, true)));
    virNetTLSContextUnref(bad);
    /* a client certificate's purpose is no server's: only a warning, as
     * in libvirt, since certtool does not mark the purpose critical */
    CHECK((bad = virNetTLSContextNewServer(ca, NULL, ccert, ckey, NULL, NULL, true, true)));
    virNetTLSContextUnref(bad);
    /* a certificate from another CA fails the sanity check */
    CHECK(!clientContext("strangercert.pem", true));
    /* a missing CA certificate */
    CHECK(!virNetTLSContextNewClient(missing, NULL, ccert, ckey, NULL, true, true));
    CHECK(strstr(virGetLastErrorMessage(), "nosuch.pem"));
    return 0;
}

static int
testHandshake(void)
{
    g_autoptr(virNetTLSContext) server = serverContext(NULL);
    g_autoptr(virNetTLSContext) client = clientContext("clientcert.pem", true);
    serverSide s = { 0 };
    char err[256] = "";

    CHECK(server && client);
    CHECK_INTEQ(runPair(server, client, "localhost", &s, err, sizeof(err)), 0);
    CHECK_INTEQ(s.handshake, 0);
    CHECK_INTEQ(s.check, 0);
    /* and by address */
    CHECK_INTEQ(runPair(server, client, "127.0.0.1", &s, err, sizeof(err)), 0);
    return 0;
}

static int
testWrongHost(void)
{
    g_autoptr(virNetTLSContext) server = serverContext(NULL);
    g_autoptr(virNetTLSContext) client = clientContext("clientcert.pem", true);
    serverSide s = { 0 };
    char err[256] = "";

    CHECK(server && client);
    CHECK_INTEQ(runPair(server, client, "elsewhere.example", &s, err, sizeof(err)), -1);
    CHECK_STREQ(err, "authentication failed: Failed to verify peer's certificate");
    return 0;
}

static int
testUntrustedClient(void)
{
    g_autoptr(virNetTLSContext) server = serverContext(NULL);
    g_autoptr(virNetTLSContext) client = clientContext("strangercert.pem", false);
    serverSide s = { 0 };
    char err[256] = "";

    CHECK(server && client);
    CHECK_INTEQ(runPair(server, client, "localhost", &s, err, sizeof(err)), -3);
    CHECK_INTEQ(s.handshake, 0);
    CHECK_INTEQ(s.check, -1);
    CHECK_STREQ(s.err, "authentication failed: Failed to verify peer's certificate");
    return 0;
}

static int
testDNList(void)
{
    const char *deny[] = { "O=other,CN=*", NULL };
    const char *allow[] = { "O=other,CN=*", "*CN=client1*", NULL };
    g_autoptr(virNetTLSContext) client = clientContext("clientcert.pem", true);
    serverSide s = { 0 };
    char err[256] = "";

    CHECK(client);
    {
        g_autoptr(virNetTLSContext) server = serverContext(deny);

        CHECK(server);
        CHECK_INTEQ(runPair(server, client, "localhost", &s, err, sizeof(err)), -3);
        CHECK_INTEQ(s.check, -1);
        CHECK_STREQ(s.err, "authentication failed: Failed to verify peer's certificate");
    }
    {
        g_autoptr(virNetTLSContext) server = serverContext(allow);

        CHECK(server);
        CHECK_INTEQ(runPair(server, client, "localhost", &s, err, sizeof(err)), 0);
        CHECK_INTEQ(s.check, 0);
    }
    return 0;
}

int
main(void)
{
    const char *src = getenv("abs_top_srcdir");

    pki = g_build_filename(src ? src : "..", "tests", "tls", NULL);
    virTestRun("load credentials", testLoad);
    virTestRun("handshake", testHandshake);
    virTestRun("wrong host name", testWrongHost);
    virTestRun("client from another CA", testUntrustedClient);
    virTestRun("DN access list", testDNList);
    g_free(pki);
    return virTestDone();
}
