/*
 * virnetsocket.h: one stream socket of the RPC layer (UNIX, TCP, or a
 * pipe to a tunnel command such as ssh), with optional TLS.
 *
 * Sockets are non-blocking and close-on-exec.  A socket has one owner
 * (a client connection, a server connection or a listening service),
 * which serialises its use; the socket itself takes no lock.
 *
 * On UNIX sockets, descriptors arrive as libvirt sends them: one per
 * one-byte message after the RPC message that announces them.  Reads
 * collect every descriptor that comes with the data into a queue, in
 * order, for the owner to take when it parses the message that needs
 * them (virNetSocketTakeFD).
 */
#pragma once

#include "internal.h"
#include <sys/types.h>
#include "util/vircommand.h"

typedef struct _virNetSocket virNetSocket;
typedef struct _virNetTLSSession virNetTLSSession;

void virNetSocketFree(virNetSocket *sock);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetSocket, virNetSocketFree);

/* Listening sockets.  UNIX: @path is created (an existing socket file is
 * replaced) with permissions @perms and owner @user/@group (-1:
 * unchanged); a path starting with '@' is abstract.  TCP: one socket per
 * address @nodename (NULL: any) resolves to, on @service (a port or name;
 * "0" picks a free port), restricted to @family (AF_UNSPEC: any). */
int virNetSocketNewListenUNIX(const char *path, mode_t perms, uid_t user,
                              gid_t group, virNetSocket **retsock);
int virNetSocketNewListenTCP(const char *nodename, const char *service,
                             int family, virNetSocket ***retsocks,
                             size_t *nretsocks);

/* Connected sockets.  With @spawnDaemon, a UNIX connection refused or
 * missing starts that binary with --timeout=120 (once, under a lock in
 * the user's runtime directory) and retries, as libvirt does for
 * per-user daemons. */
int virNetSocketNewConnectUNIX(const char *path, const char *spawnDaemon,
                               virNetSocket **retsock);
int virNetSocketNewConnectTCP(const char *nodename, const char *service,
                              int family, virNetSocket **retsock);
/* Run @cmd with its stdin and stdout connected to the socket (its stderr
 * is kept, to explain a failed read); takes @cmd. */
int virNetSocketNewConnectCommand(virCommand *cmd, virNetSocket **retsock);
/* Adopt a descriptor: a connected or listening stream socket (systemd
 * activation, socketpair in tests). */
int virNetSocketNewFD(int fd, virNetSocket **retsock);

/* Accept one connection: 0 with *@clientsock NULL when none is pending. */
int virNetSocketAccept(virNetSocket *sock, virNetSocket **clientsock);
/* Listen with a backlog. */
int virNetSocketListen(virNetSocket *sock, int backlog);

int virNetSocketGetFD(virNetSocket *sock);
bool virNetSocketIsLocal(virNetSocket *sock);
bool virNetSocketIsUNIX(virNetSocket *sock);
int virNetSocketGetPort(virNetSocket *sock);
/* The peer's credentials on a UNIX socket. */
int virNetSocketGetUNIXIdentity(virNetSocket *sock, uid_t *uid, gid_t *gid,
                                pid_t *pid);
/* "ADDR;PORT" as libvirt writes addresses (UNIX: "127.0.0.1;0"). */
const char *virNetSocketLocalAddrString(virNetSocket *sock);
const char *virNetSocketRemoteAddrString(virNetSocket *sock);

/* Reads and writes: the number of bytes moved, 0 when the socket would
 * block, -1 with an error reported (end of file is "End of file while
 * reading data", unless the socket was set quiet, then -2 with none). */
ssize_t virNetSocketRead(virNetSocket *sock, char *buf, size_t len);
ssize_t virNetSocketWrite(virNetSocket *sock, const char *buf, size_t len);
void virNetSocketSetQuietEOF(virNetSocket *sock);

/* Send one descriptor: 1 when sent, 0 when it would block, -1 error. */
int virNetSocketSendFD(virNetSocket *sock, int fd);
/* The oldest received descriptor not yet taken, or -1. */
int virNetSocketTakeFD(virNetSocket *sock);

/* Bytes a read would return without touching the socket (TLS records
 * already decrypted). */
bool virNetSocketHasCachedData(virNetSocket *sock);

/* TLS: once set, reads and writes go through the session once its
 * handshake is complete.  The socket does not own the session. */
void virNetSocketSetTLSSession(virNetSocket *sock, virNetTLSSession *sess);

/* Shut both directions down (peers see EOF), keeping the descriptor. */
void virNetSocketShutdown(virNetSocket *sock);
