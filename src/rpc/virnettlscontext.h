/*
 * virnettlscontext.h: TLS with GnuTLS x509 credentials.
 *
 * A context holds the credentials of one side: the CA certificate (and
 * CRL) the peer must be signed by, and our own certificate and key.  A
 * server context may require a client certificate and restrict the
 * distinguished names it accepts; a client context checks the server's
 * certificate against the host name it connected to.  Sessions are made
 * from a context per connection and run over the socket's descriptor.
 *
 * Contexts are reference counted and may be shared by many sessions in
 * many threads; a session belongs to the connection that owns it.
 */
#pragma once

#include "internal.h"
#include <sys/types.h>

typedef struct _virNetTLSContext virNetTLSContext;
typedef struct _virNetTLSSession virNetTLSSession;

typedef enum {
    VIR_NET_TLS_HANDSHAKE_COMPLETE,
    VIR_NET_TLS_HANDSHAKE_SENDING,
    VIR_NET_TLS_HANDSHAKE_RECVING,
} virNetTLSSessionHandshakeStatus;

/* Files named explicitly; @cacrl may be NULL or missing. */
virNetTLSContext *virNetTLSContextNewServer(const char *cacert,
                                            const char *cacrl,
                                            const char *cert,
                                            const char *key,
                                            const char *const *x509dnACL,
                                            const char *priority,
                                            bool sanityCheckCert,
                                            bool requireValidCert);
virNetTLSContext *virNetTLSContextNewClient(const char *cacert,
                                            const char *cacrl,
                                            const char *cert,
                                            const char *key,
                                            const char *priority,
                                            bool sanityCheckCert,
                                            bool requireValidCert);

/* The files under @pkipath (cacert.pem, cacrl.pem, server/client cert
 * and key), or libvirt's default locations: the system ones, or for an
 * unprivileged process ~/.pki/libvirt when @tryUserPkiPath and present. */
virNetTLSContext *virNetTLSContextNewServerPath(const char *pkipath,
                                                bool tryUserPkiPath,
                                                const char *const *x509dnACL,
                                                const char *priority,
                                                bool sanityCheckCert,
                                                bool requireValidCert);
virNetTLSContext *virNetTLSContextNewClientPath(const char *pkipath,
                                                bool tryUserPkiPath,
                                                const char *priority,
                                                bool sanityCheckCert,
                                                bool requireValidCert);

virNetTLSContext *virNetTLSContextRef(virNetTLSContext *ctxt);
void virNetTLSContextUnref(virNetTLSContext *ctxt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetTLSContext, virNetTLSContextUnref);

/* Check the peer's certificate once the handshake is done; -1 with an
 * error when it is missing (where required), untrusted, expired, for
 * another host, or its DN is not allowed. */
int virNetTLSContextCheckCertificate(virNetTLSContext *ctxt,
                                     virNetTLSSession *sess);

/* A session on descriptor @fd; @hostname is the server's name (client
 * side, for the certificate check), NULL on the server. */
virNetTLSSession *virNetTLSSessionNew(virNetTLSContext *ctxt,
                                      const char *hostname, int fd);
void virNetTLSSessionFree(virNetTLSSession *sess);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetTLSSession, virNetTLSSessionFree);

/* One step of the handshake: 0 done, 1 wants more I/O (see
 * GetHandshakeStatus for the direction), -1 with an error. */
int virNetTLSSessionHandshake(virNetTLSSession *sess);
virNetTLSSessionHandshakeStatus
virNetTLSSessionGetHandshakeStatus(virNetTLSSession *sess);

/* Record I/O: bytes moved, or -1 with errno (EAGAIN: would block;
 * 0 bytes read: end of file). */
ssize_t virNetTLSSessionRead(virNetTLSSession *sess, char *buf, size_t len);
ssize_t virNetTLSSessionWrite(virNetTLSSession *sess, const char *buf,
                              size_t len);
/* Decrypted bytes waiting to be read. */
size_t virNetTLSSessionGetPending(virNetTLSSession *sess);
/* The cipher's key size in bytes (SSF for the access checks). */
int virNetTLSSessionGetKeySize(virNetTLSSession *sess);
/* The peer certificate's distinguished name, once checked (or NULL). */
const char *virNetTLSSessionGetX509DName(virNetTLSSession *sess);
