/*
 * virnettlscontext.c: GnuTLS x509 contexts and sessions.
 *
 * A context's own certificate is checked when it is loaded (times,
 * constraints, usage, and signature by the CA), so a daemon with bad
 * credentials refuses to start instead of failing every handshake.
 * After a handshake, the peer's certificate chain is verified against
 * the CA; a client then also matches the server's name, a server the
 * client's distinguished name against its allow list.
 */
#include "internal.h"
#include "rpc/virnettlscontext.h"
#include "util/virlog.h"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <dlfcn.h>
#include <time.h>

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.nettlscontext");

#define TLS_PRIORITY "NORMAL"
#define PKI_DIR SYSCONFDIR "/pki"

struct _virNetTLSContext {
    gint refs;                         /* g_atomic access only */
    /* immutable after creation; GnuTLS credentials are safe to share */
    gnutls_certificate_credentials_t x509cred;
    bool isServer;
    bool requireValidCert;
    char **x509dnACL;                  /* NULL: any DN */
    char *priority;
};

struct _virNetTLSSession {
    gnutls_session_t session;
    bool isServer;
    bool handshakeComplete;
    char *hostname;
    char *x509dname;
};

/*
 * GnuTLS is loaded when the first TLS context is made, not with the
 * library: a program that never uses TLS (most of them: UNIX sockets)
 * does not map GnuTLS and its dependencies (p11-kit, nettle, ...), which
 * saves memory and start-up time and keeps their destructors out of
 * every process.
 */
#define VIR_NET_TLS_FUNCS(X) \
    X(gnutls_certificate_allocate_credentials) \
    X(gnutls_certificate_free_credentials) \
    X(gnutls_certificate_get_peers) \
    X(gnutls_certificate_server_set_request) \
    X(gnutls_certificate_set_x509_crl_file) \
    X(gnutls_certificate_set_x509_key_file) \
    X(gnutls_certificate_set_x509_trust_file) \
    X(gnutls_certificate_verify_peers2) \
    X(gnutls_cipher_get) \
    X(gnutls_cipher_get_key_size) \
    X(gnutls_credentials_set) \
    X(gnutls_deinit) \
    X(gnutls_global_init) \
    X(gnutls_handshake) \
    X(gnutls_init) \
    X(gnutls_priority_set_direct) \
    X(gnutls_record_check_pending) \
    X(gnutls_record_get_direction) \
    X(gnutls_record_recv) \
    X(gnutls_record_send) \
    X(gnutls_server_name_set) \
    X(gnutls_strerror) \
    X(gnutls_transport_set_int2) \
    X(gnutls_x509_crt_check_hostname) \
    X(gnutls_x509_crt_deinit) \
    X(gnutls_x509_crt_get_activation_time) \
    X(gnutls_x509_crt_get_basic_constraints) \
    X(gnutls_x509_crt_get_dn) \
    X(gnutls_x509_crt_get_expiration_time) \
    X(gnutls_x509_crt_get_key_purpose_oid) \
    X(gnutls_x509_crt_get_key_usage) \
    X(gnutls_x509_crt_import) \
    X(gnutls_x509_crt_init) \
    X(gnutls_x509_crt_list_import) \
    X(gnutls_x509_crt_list_verify)

#define X(name) static __typeof__(name) *p_##name;
VIR_NET_TLS_FUNCS(X)
#undef X

#define gnutls_certificate_allocate_credentials (*p_gnutls_certificate_allocate_credentials)
#define gnutls_certificate_free_credentials (*p_gnutls_certificate_free_credentials)
#define gnutls_certificate_get_peers (*p_gnutls_certificate_get_peers)
#define gnutls_certificate_server_set_request (*p_gnutls_certificate_server_set_request)
#define gnutls_certificate_set_x509_crl_file (*p_gnutls_certificate_set_x509_crl_file)
#define gnutls_certificate_set_x509_key_file (*p_gnutls_certificate_set_x509_key_file)
#define gnutls_certificate_set_x509_trust_file (*p_gnutls_certificate_set_x509_trust_file)
#define gnutls_certificate_verify_peers2 (*p_gnutls_certificate_verify_peers2)
#define gnutls_cipher_get (*p_gnutls_cipher_get)
#define gnutls_cipher_get_key_size (*p_gnutls_cipher_get_key_size)
#define gnutls_credentials_set (*p_gnutls_credentials_set)
#define gnutls_deinit (*p_gnutls_deinit)
#define gnutls_global_init (*p_gnutls_global_init)
#define gnutls_handshake (*p_gnutls_handshake)
#define gnutls_init (*p_gnutls_init)
#define gnutls_priority_set_direct (*p_gnutls_priority_set_direct)
#define gnutls_record_check_pending (*p_gnutls_record_check_pending)
#define gnutls_record_get_direction (*p_gnutls_record_get_direction)
#define gnutls_record_recv (*p_gnutls_record_recv)
#define gnutls_record_send (*p_gnutls_record_send)
#define gnutls_server_name_set (*p_gnutls_server_name_set)
#define gnutls_strerror (*p_gnutls_strerror)
#define gnutls_transport_set_int2 (*p_gnutls_transport_set_int2)
#define gnutls_x509_crt_check_hostname (*p_gnutls_x509_crt_check_hostname)
#define gnutls_x509_crt_deinit (*p_gnutls_x509_crt_deinit)
#define gnutls_x509_crt_get_activation_time (*p_gnutls_x509_crt_get_activation_time)
#define gnutls_x509_crt_get_basic_constraints (*p_gnutls_x509_crt_get_basic_constraints)
#define gnutls_x509_crt_get_dn (*p_gnutls_x509_crt_get_dn)
#define gnutls_x509_crt_get_expiration_time (*p_gnutls_x509_crt_get_expiration_time)
#define gnutls_x509_crt_get_key_purpose_oid (*p_gnutls_x509_crt_get_key_purpose_oid)
#define gnutls_x509_crt_get_key_usage (*p_gnutls_x509_crt_get_key_usage)
#define gnutls_x509_crt_import (*p_gnutls_x509_crt_import)
#define gnutls_x509_crt_init (*p_gnutls_x509_crt_init)
#define gnutls_x509_crt_list_import (*p_gnutls_x509_crt_list_import)
#define gnutls_x509_crt_list_verify (*p_gnutls_x509_crt_list_verify)

static int virNetTLSLoadResult = -1;
static char *virNetTLSLoadError;

static gpointer
virNetTLSLoad(gpointer opaque G_GNUC_UNUSED)
{
    void *lib = dlopen("libgnutls.so.30", RTLD_NOW | RTLD_LOCAL);

    if (!lib) {
        virNetTLSLoadError = g_strdup(dlerror());
        return NULL;
    }
#define X(name) \
    if (!(p_##name = (__typeof__(name) *)dlsym(lib, #name))) { \
        virNetTLSLoadError = g_strdup_printf("no symbol %s", #name); \
        return NULL; \
    }
    VIR_NET_TLS_FUNCS(X)
#undef X
    gnutls_global_init();
    virNetTLSLoadResult = 0;
    return NULL;
}

static int
virNetTLSInit(void)
{
    static GOnce once = G_ONCE_INIT;

    g_once(&once, virNetTLSLoad, NULL);
    if (virNetTLSLoadResult < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR, "Unable to load GnuTLS: %s",
                       NULLSTR(virNetTLSLoadError));
        return -1;
    }
    return 0;
}

static const char *
virNetTLSStatusReason(unsigned int status)
{
    if (status & GNUTLS_CERT_INSECURE_ALGORITHM)
        return "The certificate uses an insecure algorithm";
    if (status & GNUTLS_CERT_REVOKED)
        return "The certificate has been revoked.";
    if (status & GNUTLS_CERT_SIGNER_NOT_FOUND)
        return "The certificate hasn't got a known issuer.";
    if (status & GNUTLS_CERT_INVALID)
        return "The certificate is not trusted.";
    return "Invalid certificate";
}

/* ---- checks on one certificate ------------------------------------ */

static int
virNetTLSCheckTimes(gnutls_x509_crt_t cert, const char *file,
                    bool isServer, bool isCA)
{
    time_t now = time(NULL);

    if (gnutls_x509_crt_get_expiration_time(cert) < now) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       isCA ? "The CA certificate %s has expired" :
                       isServer ? "The server certificate %s has expired" :
                       "The client certificate %s has expired", file);
        return -1;
    }
    if (gnutls_x509_crt_get_activation_time(cert) > now) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       isCA ? "The CA certificate %s is not yet active" :
                       isServer ? "The server certificate %s is not yet active" :
                       "The client certificate %s is not yet active", file);
        return -1;
    }
    return 0;
}

static int
virNetTLSCheckConstraints(gnutls_x509_crt_t cert, const char *file,
                          bool isServer, bool isCA)
{
    int ca = gnutls_x509_crt_get_basic_constraints(cert, NULL, NULL, NULL);

    if (ca > 0 && !isCA) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       isServer ? "The certificate %s basic constraints show a CA, but we need one for a server" :
                       "The certificate %s basic constraints show a CA, but we need one for a client",
                       file);
        return -1;
    }
    if (ca == 0 && isCA) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "The certificate %s basic constraints do not show a CA", file);
        return -1;
    }
    if (ca == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE && isCA) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "The certificate %s is missing basic constraints for a CA", file);
        return -1;
    }
    return 0;
}

static int
virNetTLSCheckUsage(gnutls_x509_crt_t cert, const char *file, bool isCA)
{
    unsigned int usage = 0;
    unsigned int critical = 0;

    if (gnutls_x509_crt_get_key_usage(cert, &usage, &critical) < 0)
        return 0;   /* no key usage: anything goes */
    if (isCA && !(usage & GNUTLS_KEY_KEY_CERT_SIGN) && critical) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Certificate %s usage does not permit certificate signing", file);
        return -1;
    }
    if (!isCA && !(usage & GNUTLS_KEY_DIGITAL_SIGNATURE) && critical) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Certificate %s usage does not permit digital signature", file);
        return -1;
    }
    if (!isCA && !(usage & GNUTLS_KEY_KEY_ENCIPHERMENT) && critical) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Certificate %s usage does not permit key encipherment", file);
        return -1;
    }
    return 0;
}

static int
virNetTLSCheckPurpose(gnutls_x509_crt_t cert, const char *file, bool isServer)
{
    bool any = false, server = false, client = false, critical = false;
    size_t i;

    for (i = 0; ; i++) {
        char oid[256];
        size_t size = sizeof(oid);
        unsigned int crit = 0;
        int rv = gnutls_x509_crt_get_key_purpose_oid(cert, i, oid, &size, &crit);

        if (rv < 0)
            break;
        any = true;
        if (crit)
            critical = true;
        if (STREQ(oid, GNUTLS_KP_TLS_WWW_SERVER))
            server = true;
        else if (STREQ(oid, GNUTLS_KP_TLS_WWW_CLIENT))
            client = true;
    }
    if (!any || !critical)
        return 0;
    if (isServer && !server) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Certificate %s purpose does not allow use for with a TLS server", file);
        return -1;
    }
    if (!isServer && !client) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Certificate %s purpose does not allow use for with a TLS client", file);
        return -1;
    }
    return 0;
}

static int
virNetTLSCheckCert(gnutls_x509_crt_t cert, const char *file, bool isServer,
                   bool isCA)
{
    if (virNetTLSCheckTimes(cert, file, isServer, isCA) < 0 ||
        virNetTLSCheckConstraints(cert, file, isServer, isCA) < 0 ||
        virNetTLSCheckUsage(cert, file, isCA) < 0)
        return -1;
    if (!isCA && virNetTLSCheckPurpose(cert, file, isServer) < 0)
        return -1;
    return 0;
}

/* ---- loading ------------------------------------------------------ */

static int
virNetTLSReadFile(const char *what, const char *file, gnutls_datum_t *data,
                  char **buf)
{
    gsize len;
    g_autoptr(GError) gerr = NULL;

    if (!g_file_get_contents(file, buf, &len, &gerr)) {
        virReportSystemError(gerr->code == G_FILE_ERROR_NOENT ? ENOENT : EACCES,
                             "Cannot read %s '%s'", what, file);
        return -1;
    }
    data->data = (unsigned char *)*buf;
    data->size = len;
    return 0;
}

/* Check our own certificate and the CA's before using them. */
static int
virNetTLSSanityCheck(bool isServer, const char *cacertFile, const char *certFile)
{
    g_autofree char *cabuf = NULL;
    g_autofree char *certbuf = NULL;
    gnutls_datum_t data;
    gnutls_x509_crt_t cacerts[16];
    unsigned int ncacerts = G_N_ELEMENTS(cacerts);
    gnutls_x509_crt_t cert = NULL;
    unsigned int status = 0;
    int ret = -1;
    size_t i;

    if (virNetTLSReadFile("CA certificate", cacertFile, &data, &cabuf) < 0)
        return -1;
    if (gnutls_x509_crt_list_import(cacerts, &ncacerts, &data,
                                    GNUTLS_X509_FMT_PEM, 0) < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Unable to import CA certificate list %s", cacertFile);
        return -1;
    }
    for (i = 0; i < ncacerts; i++) {
        if (virNetTLSCheckCert(cacerts[i], cacertFile, isServer, true) < 0)
            goto cleanup;
    }
    if (certFile && g_file_test(certFile, G_FILE_TEST_EXISTS)) {
        if (virNetTLSReadFile("certificate", certFile, &data, &certbuf) < 0)
            goto cleanup;
        if (gnutls_x509_crt_init(&cert) < 0 ||
            gnutls_x509_crt_import(cert, &data, GNUTLS_X509_FMT_PEM) < 0) {
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           isServer ? "Unable to import server certificate %s" :
                           "Unable to import client certificate %s", certFile);
            goto cleanup;
        }
        if (virNetTLSCheckCert(cert, certFile, isServer, false) < 0)
            goto cleanup;
        if (gnutls_x509_crt_list_verify(&cert, 1, cacerts, ncacerts, NULL, 0,
                                        0, &status) < 0) {
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           isServer ? "Unable to verify server certificate %s against CA certificate %s" :
                           "Unable to verify client certificate %s against CA certificate %s",
                           certFile, cacertFile);
            goto cleanup;
        }
        if (status != 0) {
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           "Our own certificate %s failed validation against %s: %s",
                           certFile, cacertFile, virNetTLSStatusReason(status));
            goto cleanup;
        }
    }
    ret = 0;

 cleanup:
    if (cert)
        gnutls_x509_crt_deinit(cert);
    for (i = 0; i < ncacerts; i++)
        gnutls_x509_crt_deinit(cacerts[i]);
    return ret;
}

static int
virNetTLSLoadCredentials(virNetTLSContext *ctxt, const char *cacert,
                         const char *cacrl, const char *cert, const char *key)
{
    int err;

    if (cacert && *cacert) {
        if (!g_file_test(cacert, G_FILE_TEST_EXISTS)) {
            virReportSystemError(ENOENT, "Cannot read %s '%s'", "CA certificate", cacert);
            return -1;
        }
        if ((err = gnutls_certificate_set_x509_trust_file(ctxt->x509cred, cacert,
                                                          GNUTLS_X509_FMT_PEM)) < 0) {
            virReportError(VIR_ERR_SYSTEM_ERROR, "Unable to set x509 CA certificate: %s: %s",
                           cacert, gnutls_strerror(err));
            return -1;
        }
    }
    if (cacrl && *cacrl && g_file_test(cacrl, G_FILE_TEST_EXISTS) &&
        (err = gnutls_certificate_set_x509_crl_file(ctxt->x509cred, cacrl,
                                                    GNUTLS_X509_FMT_PEM)) < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Unable to set x509 certificate revocation list: %s: %s",
                       cacrl, gnutls_strerror(err));
        return -1;
    }
    if (cert && *cert && key && *key) {
        bool haveCert = g_file_test(cert, G_FILE_TEST_EXISTS);
        bool haveKey = g_file_test(key, G_FILE_TEST_EXISTS);

        if (ctxt->isServer && (!haveCert || !haveKey)) {
            virReportSystemError(ENOENT, "Cannot read %s '%s'",
                                 haveCert ? "private key" : "certificate",
                                 haveCert ? key : cert);
            return -1;
        }
        if (haveCert && haveKey &&
            (err = gnutls_certificate_set_x509_key_file(ctxt->x509cred, cert, key,
                                                        GNUTLS_X509_FMT_PEM)) < 0) {
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           "Unable to set x509 key and certificate: %s, %s: %s",
                           key, cert, gnutls_strerror(err));
            return -1;
        }
    }
    return 0;
}

static virNetTLSContext *
virNetTLSContextNew(const char *cacert, const char *cacrl, const char *cert,
                    const char *key, const char *const *x509dnACL,
                    const char *priority, bool sanityCheckCert,
                    bool requireValidCert, bool isServer)
{
    g_autoptr(virNetTLSContext) ctxt = g_new0(virNetTLSContext, 1);
    int err;

    if (virNetTLSInit() < 0)
        return NULL;
    ctxt->refs = 1;
    ctxt->isServer = isServer;
    ctxt->requireValidCert = requireValidCert;
    ctxt->priority = g_strdup(priority);
    ctxt->x509dnACL = g_strdupv((char **)x509dnACL);
    if ((err = gnutls_certificate_allocate_credentials(&ctxt->x509cred)) != 0) {
        ctxt->x509cred = NULL;
        virReportError(VIR_ERR_SYSTEM_ERROR, "Unable to allocate x509 credentials: %s",
                       gnutls_strerror(err));
        return NULL;
    }
    if (sanityCheckCert &&
        virNetTLSSanityCheck(isServer, cacert,
                             (cert && key && g_file_test(key, G_FILE_TEST_EXISTS)) ? cert : NULL) < 0)
        return NULL;
    if (virNetTLSLoadCredentials(ctxt, cacert, cacrl, cert, key) < 0)
        return NULL;
    return g_steal_pointer(&ctxt);
}

virNetTLSContext *
virNetTLSContextNewServer(const char *cacert, const char *cacrl,
                          const char *cert, const char *key,
                          const char *const *x509dnACL, const char *priority,
                          bool sanityCheckCert, bool requireValidCert)
{
    return virNetTLSContextNew(cacert, cacrl, cert, key, x509dnACL, priority,
                               sanityCheckCert, requireValidCert, true);
}

virNetTLSContext *
virNetTLSContextNewClient(const char *cacert, const char *cacrl,
                          const char *cert, const char *key,
                          const char *priority, bool sanityCheckCert,
                          bool requireValidCert)
{
    return virNetTLSContextNew(cacert, cacrl, cert, key, NULL, priority,
                               sanityCheckCert, requireValidCert, false);
}

/* The four file names under @dir (or libvirt's system locations). */
static void
virNetTLSPaths(const char *dir, bool isServer, char **cacert, char **cacrl,
               char **key, char **cert)
{
    const char *who = isServer ? "server" : "client";

    if (dir) {
        *cacert = g_strdup_printf("%s/cacert.pem", dir);
        *cacrl = g_strdup_printf("%s/cacrl.pem", dir);
        *key = g_strdup_printf("%s/%skey.pem", dir, who);
        *cert = g_strdup_printf("%s/%scert.pem", dir, who);
    } else {
        *cacert = g_strdup(PKI_DIR "/CA/cacert.pem");
        *cacrl = g_strdup(PKI_DIR "/CA/cacrl.pem");
        *key = g_strdup_printf(PKI_DIR "/libvirt/private/%skey.pem", who);
        *cert = g_strdup_printf(PKI_DIR "/libvirt/%scert.pem", who);
    }
}

static void
virNetTLSLocatePaths(const char *pkipath, bool tryUserPkiPath, bool isServer,
                     char **cacert, char **cacrl, char **key, char **cert)
{
    g_autofree char *user = NULL;
    char *ucacert = NULL, *ucacrl = NULL, *ukey = NULL, *ucert = NULL;

    if (pkipath || !tryUserPkiPath) {
        virNetTLSPaths(pkipath, isServer, cacert, cacrl, key, cert);
        return;
    }
    /* each user file that exists wins over the system one; the key and
     * certificate only as a pair */
    user = g_build_filename(g_get_home_dir(), ".pki", "libvirt", NULL);
    virNetTLSPaths(user, isServer, &ucacert, &ucacrl, &ukey, &ucert);
    virNetTLSPaths(NULL, isServer, cacert, cacrl, key, cert);
    if (g_file_test(ucacert, G_FILE_TEST_EXISTS))
        g_free(g_steal_pointer(cacert)), *cacert = g_steal_pointer(&ucacert);
    if (g_file_test(ucacrl, G_FILE_TEST_EXISTS))
        g_free(g_steal_pointer(cacrl)), *cacrl = g_steal_pointer(&ucacrl);
    if (g_file_test(ukey, G_FILE_TEST_EXISTS) && g_file_test(ucert, G_FILE_TEST_EXISTS)) {
        g_free(g_steal_pointer(key)), *key = g_steal_pointer(&ukey);
        g_free(g_steal_pointer(cert)), *cert = g_steal_pointer(&ucert);
    }
    g_free(ucacert);
    g_free(ucacrl);
    g_free(ukey);
    g_free(ucert);
}

virNetTLSContext *
virNetTLSContextNewServerPath(const char *pkipath, bool tryUserPkiPath,
                              const char *const *x509dnACL,
                              const char *priority, bool sanityCheckCert,
                              bool requireValidCert)
{
    g_autofree char *cacert = NULL, *cacrl = NULL, *key = NULL, *cert = NULL;

    virNetTLSLocatePaths(pkipath, tryUserPkiPath, true, &cacert, &cacrl, &key, &cert);
    return virNetTLSContextNewServer(cacert, cacrl, cert, key, x509dnACL,
                                     priority, sanityCheckCert, requireValidCert);
}

virNetTLSContext *
virNetTLSContextNewClientPath(const char *pkipath, bool tryUserPkiPath,
                              const char *priority, bool sanityCheckCert,
                              bool requireValidCert)
{
    g_autofree char *cacert = NULL, *cacrl = NULL, *key = NULL, *cert = NULL;

    virNetTLSLocatePaths(pkipath, tryUserPkiPath, false, &cacert, &cacrl, &key, &cert);
    return virNetTLSContextNewClient(cacert, cacrl, cert, key, priority,
                                     sanityCheckCert, requireValidCert);
}

virNetTLSContext *
virNetTLSContextRef(virNetTLSContext *ctxt)
{
    g_atomic_int_inc(&ctxt->refs);
    return ctxt;
}

void
virNetTLSContextUnref(virNetTLSContext *ctxt)
{
    if (!ctxt || !g_atomic_int_dec_and_test(&ctxt->refs))
        return;
    if (ctxt->x509cred)
        gnutls_certificate_free_credentials(ctxt->x509cred);
    g_strfreev(ctxt->x509dnACL);
    g_free(ctxt->priority);
    g_free(ctxt);
}

/* ---- the peer's certificate --------------------------------------- */

static int
virNetTLSCheckDN(virNetTLSContext *ctxt, virNetTLSSession *sess,
                 gnutls_x509_crt_t cert)
{
    size_t size = 0;
    char **acl;

    gnutls_x509_crt_get_dn(cert, NULL, &size);
    sess->x509dname = g_malloc0(size + 1);
    if (gnutls_x509_crt_get_dn(cert, sess->x509dname, &size) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Failed to get certificate %s distinguished name", "[session]");
        return -1;
    }
    if (ctxt->x509dnACL) {
        for (acl = ctxt->x509dnACL; *acl; acl++) {
            if (g_pattern_match_simple(*acl, sess->x509dname))
                break;
        }
        if (!*acl) {
            virReportError(VIR_ERR_SYSTEM_ERROR, "%s",
                           "Client's Distinguished Name is not on the list of allowed "
                           "clients (tls_allowed_dn_list).  Use 'virt-pki-query-dn "
                           "clientcert.pem' to view the Distinguished Name field in the "
                           "client certificate, or run this daemon with --verbose option.");
            return -1;
        }
    }
    if (sess->hostname && !gnutls_x509_crt_check_hostname(cert, sess->hostname)) {
        virReportError(VIR_ERR_RPC, "Certificate %s owner does not match the hostname %s",
                       "[session]", sess->hostname);
        return -1;
    }
    return 0;
}

static int
virNetTLSValidatePeer(virNetTLSContext *ctxt, virNetTLSSession *sess)
{
    const gnutls_datum_t *certs;
    unsigned int ncerts = 0;
    unsigned int status;
    unsigned int i;
    int rv;

    if ((rv = gnutls_certificate_verify_peers2(sess->session, &status)) < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR, "Unable to verify TLS peer: %s",
                       gnutls_strerror(rv));
        return -1;
    }
    if (status != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR, "Certificate failed validation: %s",
                       virNetTLSStatusReason(status));
        return -1;
    }
    if (!(certs = gnutls_certificate_get_peers(sess->session, &ncerts)) || ncerts == 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR, "%s", "The certificate has no peers");
        return -1;
    }
    for (i = 0; i < ncerts; i++) {
        gnutls_x509_crt_t cert;
        int ret = 0;

        if (gnutls_x509_crt_init(&cert) < 0 ||
            gnutls_x509_crt_import(cert, &certs[i], GNUTLS_X509_FMT_DER) < 0) {
            virReportError(VIR_ERR_SYSTEM_ERROR, "%s", "Unable to load certificate");
            return -1;
        }
        if (virNetTLSCheckTimes(cert, "[session]", sess->isServer, i > 0) < 0)
            ret = -1;
        else if (i == 0 &&
                 (virNetTLSCheckDN(ctxt, sess, cert) < 0 ||
                  virNetTLSCheckConstraints(cert, "[session]", !sess->isServer, false) < 0 ||
                  virNetTLSCheckUsage(cert, "[session]", false) < 0 ||
                  virNetTLSCheckPurpose(cert, "[session]", !sess->isServer) < 0))
            ret = -1;
        gnutls_x509_crt_deinit(cert);
        if (ret < 0)
            return -1;
    }
    return 0;
}

int
virNetTLSContextCheckCertificate(virNetTLSContext *ctxt, virNetTLSSession *sess)
{
    if (virNetTLSValidatePeer(ctxt, sess) < 0) {
        VIR_WARN("Certificate check failed %s", virGetLastErrorMessage());
        if (ctxt->requireValidCert) {
            virReportError(VIR_ERR_AUTH_FAILED, "%s", "Failed to verify peer's certificate");
            return -1;
        }
        virResetLastError();
        VIR_INFO("Ignoring bad certificate at user request");
    }
    return 0;
}

/* ---- sessions ----------------------------------------------------- */

virNetTLSSession *
virNetTLSSessionNew(virNetTLSContext *ctxt, const char *hostname, int fd)
{
    g_autoptr(virNetTLSSession) sess = g_new0(virNetTLSSession, 1);
    const char *priority = ctxt->priority ? ctxt->priority : TLS_PRIORITY;
    int err;

    sess->isServer = ctxt->isServer;
    sess->hostname = g_strdup(hostname);
    /* GNUTLS_NO_SIGNAL: a peer that went away is an EPIPE error on that
     * one connection, never a SIGPIPE killing the whole process */
    if ((err = gnutls_init(&sess->session,
                           (ctxt->isServer ? GNUTLS_SERVER : GNUTLS_CLIENT) |
                           GNUTLS_NO_SIGNAL)) != 0) {
        sess->session = NULL;
        virReportError(VIR_ERR_SYSTEM_ERROR, "Failed to initialize TLS session: %s",
                       gnutls_strerror(err));
        return NULL;
    }
    if ((err = gnutls_priority_set_direct(sess->session, priority, NULL)) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR, "Failed to set TLS session priority to %s: %s",
                       priority, gnutls_strerror(err));
        return NULL;
    }
    if ((err = gnutls_credentials_set(sess->session, GNUTLS_CRD_CERTIFICATE,
                                      ctxt->x509cred)) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR, "Failed set TLS x509 credentials: %s",
                       gnutls_strerror(err));
        return NULL;
    }
    if (ctxt->isServer)
        gnutls_certificate_server_set_request(sess->session, GNUTLS_CERT_REQUEST);
    else if (hostname)
        gnutls_server_name_set(sess->session, GNUTLS_NAME_DNS, hostname, strlen(hostname));
    gnutls_transport_set_int(sess->session, fd);
    return g_steal_pointer(&sess);
}

void
virNetTLSSessionFree(virNetTLSSession *sess)
{
    if (!sess)
        return;
    if (sess->session)
        gnutls_deinit(sess->session);
    g_free(sess->hostname);
    g_free(sess->x509dname);
    g_free(sess);
}

int
virNetTLSSessionHandshake(virNetTLSSession *sess)
{
    int ret = gnutls_handshake(sess->session);

    if (ret == 0) {
        sess->handshakeComplete = true;
        return 0;
    }
    if (ret == GNUTLS_E_INTERRUPTED || ret == GNUTLS_E_AGAIN)
        return 1;
    virReportError(VIR_ERR_AUTH_FAILED, "TLS handshake failed %s", gnutls_strerror(ret));
    return -1;
}

virNetTLSSessionHandshakeStatus
virNetTLSSessionGetHandshakeStatus(virNetTLSSession *sess)
{
    if (sess->handshakeComplete)
        return VIR_NET_TLS_HANDSHAKE_COMPLETE;
    if (gnutls_record_get_direction(sess->session) == 0)
        return VIR_NET_TLS_HANDSHAKE_RECVING;
    return VIR_NET_TLS_HANDSHAKE_SENDING;
}

static ssize_t
virNetTLSErrno(ssize_t ret)
{
    if (ret >= 0)
        return ret;
    switch (ret) {
    case GNUTLS_E_AGAIN:
        errno = EAGAIN;
        break;
    case GNUTLS_E_INTERRUPTED:
        errno = EINTR;
        break;
    case GNUTLS_E_PREMATURE_TERMINATION:
    case GNUTLS_E_UNEXPECTED_PACKET_LENGTH:
        errno = ENOMSG;
        break;
    default:
        errno = EIO;
        break;
    }
    return -1;
}

ssize_t
virNetTLSSessionRead(virNetTLSSession *sess, char *buf, size_t len)
{
    ssize_t ret = virNetTLSErrno(gnutls_record_recv(sess->session, buf, len));

    /* a peer closing without a TLS goodbye is an end of file */
    if (ret < 0 && errno == ENOMSG)
        return 0;
    return ret;
}

ssize_t
virNetTLSSessionWrite(virNetTLSSession *sess, const char *buf, size_t len)
{
    return virNetTLSErrno(gnutls_record_send(sess->session, buf, len));
}

size_t
virNetTLSSessionGetPending(virNetTLSSession *sess)
{
    return gnutls_record_check_pending(sess->session);
}

int
virNetTLSSessionGetKeySize(virNetTLSSession *sess)
{
    int ssf = gnutls_cipher_get_key_size(gnutls_cipher_get(sess->session));

    if (!ssf) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "invalid cipher size for TLS session");
        return -1;
    }
    return ssf;
}

const char *
virNetTLSSessionGetX509DName(virNetTLSSession *sess)
{
    return sess->x509dname;
}
