/*
 * virnetsockettest: RPC sockets over real UNIX and TCP sockets, a tunnel
 * command, and descriptor passing.
 */
#include "internal.h"
#include "testutils.h"
#include "rpc/virnetsocket.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <glib/gstdio.h>

#define VIR_FROM_THIS VIR_FROM_NONE

static void
waitFD(int fd, short events)
{
    struct pollfd p = { fd, events, 0 };

    ignore_value(poll(&p, 1, 5000));
}

/* Write all of @buf, waiting while the socket is full. */
static int
writeAll(virNetSocket *sock, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = virNetSocketWrite(sock, buf, len);

        if (n < 0)
            return -1;
        if (n == 0) {
            waitFD(virNetSocketGetFD(sock), POLLOUT);
            continue;
        }
        buf += n;
        len -= n;
    }
    return 0;
}

static ssize_t
readSome(virNetSocket *sock, char *buf, size_t len)
{
    for (;;) {
        ssize_t n = virNetSocketRead(sock, buf, len);

        if (n != 0)
            return n;
        waitFD(virNetSocketGetFD(sock), POLLIN);
    }
}

static int
testUNIX(void)
{
    g_autofree char *path = g_build_filename(virTestTempDir(), "sock", NULL);
    g_autoptr(virNetSocket) lsock = NULL;
    g_autoptr(virNetSocket) csock = NULL;
    g_autoptr(virNetSocket) ssock = NULL;
    char buf[16];
    uid_t uid;
    gid_t gid;
    pid_t pid;
    GStatBuf sb;

    CHECK(virNetSocketNewListenUNIX(path, 0700, -1, -1, &lsock) == 0);
    CHECK(g_stat(path, &sb) == 0);
    CHECK_INTEQ(sb.st_mode & 0777, 0700);
    CHECK(virNetSocketListen(lsock, 5) == 0);
    CHECK(virNetSocketAccept(lsock, &ssock) == 0);
    CHECK(ssock == NULL);          /* nobody yet */
    CHECK(virNetSocketNewConnectUNIX(path, NULL, &csock) == 0);
    waitFD(virNetSocketGetFD(lsock), POLLIN);
    CHECK(virNetSocketAccept(lsock, &ssock) == 0);
    CHECK(ssock != NULL);
    CHECK(virNetSocketIsLocal(ssock));
    CHECK_STREQ(virNetSocketRemoteAddrString(ssock), "127.0.0.1;0");

    CHECK(virNetSocketGetUNIXIdentity(ssock, &uid, &gid, &pid) == 0);
    CHECK_INTEQ(uid, getuid());
    CHECK_INTEQ(pid, getpid());

    CHECK(virNetSocketRead(ssock, buf, sizeof(buf)) == 0);   /* would block */
    CHECK(writeAll(csock, "hello", 5) == 0);
    CHECK_INTEQ(readSome(ssock, buf, sizeof(buf)), 5);
    CHECK(memcmp(buf, "hello", 5) == 0);

    /* end of file: a server's connection says nothing (-2), a client's
     * has libvirt's error */
    CHECK(writeAll(ssock, "bye", 3) == 0);
    CHECK_INTEQ(readSome(csock, buf, sizeof(buf)), 3);
    g_clear_pointer(&ssock, virNetSocketFree);
    CHECK_INTEQ(readSome(csock, buf, sizeof(buf)), -1);
    CHECK_STREQ(virGetLastError()->message,
                "End of file while reading data: Input/output error");
    return 0;
}

static int
testConnectMissing(void)
{
    g_autoptr(virNetSocket) sock = NULL;

    CHECK(virNetSocketNewConnectUNIX("/nonexistent/nuvirt-sock", NULL, &sock) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_SYSTEM_ERROR);
    CHECK_INTEQ(virGetLastError()->domain, VIR_FROM_RPC);
    CHECK_STREQ(virGetLastError()->message,
                "Failed to connect socket to '/nonexistent/nuvirt-sock': No such file or directory");
    return 0;
}

static int
testTCP(void)
{
    g_autofree virNetSocket **lsocks = NULL;
    size_t nlsocks = 0;
    g_autoptr(virNetSocket) csock = NULL;
    g_autoptr(virNetSocket) ssock = NULL;
    g_autofree char *port = NULL;
    g_autofree char *big = g_strnfill(1 << 20, 'z');
    g_autofree char *got = g_malloc(1 << 20);
    size_t have = 0;
    ssize_t n = 0;
    size_t i;

    CHECK(virNetSocketNewListenTCP("127.0.0.1", "0", AF_INET, &lsocks, &nlsocks) == 0);
    CHECK_INTEQ(nlsocks, 1);
    CHECK(virNetSocketListen(lsocks[0], 5) == 0);
    CHECK(virNetSocketGetPort(lsocks[0]) > 0);
    port = g_strdup_printf("%d", virNetSocketGetPort(lsocks[0]));
    CHECK(virNetSocketNewConnectTCP("127.0.0.1", port, AF_INET, &csock) == 0);
    waitFD(virNetSocketGetFD(lsocks[0]), POLLIN);
    CHECK(virNetSocketAccept(lsocks[0], &ssock) == 0 && ssock);
    CHECK(!virNetSocketIsLocal(ssock));
    CHECK(g_str_has_prefix(virNetSocketRemoteAddrString(ssock), "127.0.0.1;"));

    /* a megabyte: many writes and reads, nothing lost */
    while (have < (1 << 20)) {
        if (writeAll(csock, big + have, MIN(65536, (1 << 20) - have)) < 0)
            return -1;
        while (have < (1 << 20) &&
               (n = virNetSocketRead(ssock, got + have, (1 << 20) - have)) > 0)
            have += n;
        CHECK(n >= 0);
    }
    CHECK(memcmp(big, got, 1 << 20) == 0);

    for (i = 0; i < nlsocks; i++)
        virNetSocketFree(lsocks[i]);
    /* nothing listens there any more */
    g_clear_pointer(&csock, virNetSocketFree);
    CHECK(virNetSocketNewConnectTCP("127.0.0.1", port, AF_INET, &csock) < 0);
    CHECK(strstr(virGetLastError()->message, "unable to connect to server at '127.0.0.1:"));
    return 0;
}

static int
testCommand(void)
{
    g_autoptr(virNetSocket) sock = NULL;
    char buf[64];
    ssize_t n;

    /* cat echoes what we write: a tunnel in miniature */
    CHECK(virNetSocketNewConnectCommand(virCommandNewArgList("cat", NULL), &sock) == 0);
    CHECK(writeAll(sock, "ping", 4) == 0);
    CHECK_INTEQ((n = readSome(sock, buf, sizeof(buf))), 4);
    CHECK(memcmp(buf, "ping", 4) == 0);
    g_clear_pointer(&sock, virNetSocketFree);

    /* a tunnel that fails explains itself with its error output */
    CHECK(virNetSocketNewConnectCommand(virCommandNewArgList("sh", "-c",
                                                             "echo no route to host >&2",
                                                             NULL), &sock) == 0);
    CHECK_INTEQ(readSome(sock, buf, sizeof(buf)), -1);
    CHECK_STREQ(virGetLastError()->message,
                "End of file while reading data: no route to host: Input/output error");
    return 0;
}

static int
testFDPassing(void)
{
    int sv[2];
    int pipefd[2];
    g_autoptr(virNetSocket) a = NULL;
    g_autoptr(virNetSocket) b = NULL;
    char buf[8];
    char data[32];
    size_t have = 0;
    int fd;

    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    CHECK(virNetSocketNewFD(sv[0], &a) == 0);
    CHECK(virNetSocketNewFD(sv[1], &b) == 0);
    CHECK(pipe(pipefd) == 0);

    /* data, then the descriptor with its byte, then more data */
    CHECK(writeAll(a, "msg", 3) == 0);
    CHECK_INTEQ(virNetSocketSendFD(a, pipefd[1]), 1);
    CHECK(writeAll(a, "after", 5) == 0);
    close(pipefd[1]);

    CHECK(virNetSocketTakeFD(b) == -1);
    while (have < 9) {
        ssize_t n = readSome(b, data + have, sizeof(data) - have);

        CHECK(n > 0);
        have += n;
    }
    CHECK_INTEQ(have, 9);
    CHECK(memcmp(data, "msg\0after", 9) == 0);
    CHECK((fd = virNetSocketTakeFD(b)) >= 0);
    CHECK(virNetSocketTakeFD(b) == -1);
    CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
    /* the descriptor works: the pipe's write end */
    CHECK(write(fd, "x", 1) == 1);
    close(fd);
    CHECK(read(pipefd[0], buf, 1) == 1 && buf[0] == 'x');
    close(pipefd[0]);
    return 0;
}

int
main(void)
{
    virTestRun("UNIX sockets", testUNIX);
    virTestRun("connecting to a missing socket", testConnectMissing);
    virTestRun("TCP sockets", testTCP);
    virTestRun("tunnel command", testCommand);
    virTestRun("descriptor passing", testFDPassing);
    return virTestDone();
}
