/*
 * virnetsocket.c: stream sockets for the RPC layer.
 */
#include "internal.h"
#include "rpc/virnetsocket.h"
#include "rpc/virnettlscontext.h"
#include "virnetprotocol.h"
#include "util/virfile.h"
#include "util/virlog.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.netsocket");

struct _virNetSocket {
    int fd;
    int errfd;                   /* stderr of the tunnel command, or -1 */
    virCommand *cmd;             /* the tunnel command, or NULL */
    int family;                  /* AF_UNIX, AF_INET, AF_INET6 */
    bool quietEOF;
    char *localAddrStr;
    char *remoteAddrStr;
    virNetTLSSession *tls;       /* not owned */
    char *unlinkPath;            /* a listening UNIX socket's file */

    int *rxfds;                  /* received descriptors not yet taken */
    size_t nrxfds;
};

static int
virNetSocketSetFlags(int fd)
{
    int flags = fcntl(fd, F_GETFL);

    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        virReportSystemError(errno, "%s", "Unable to enable non-blocking flag");
        return -1;
    }
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
        virReportSystemError(errno, "%s", "Unable to set close-on-exec flag");
        return -1;
    }
    return 0;
}

/* "ADDR;PORT" for an IP address; UNIX sockets read as libvirt's do. */
static char *
virNetSocketFormatAddr(const struct sockaddr_storage *ss)
{
    char host[NI_MAXHOST];
    char serv[NI_MAXSERV];
    socklen_t len;

    if (ss->ss_family == AF_UNIX)
        return g_strdup("127.0.0.1;0");
    len = ss->ss_family == AF_INET ? sizeof(struct sockaddr_in)
                                   : sizeof(struct sockaddr_in6);
    if (getnameinfo((const struct sockaddr *)ss, len, host, sizeof(host),
                    serv, sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return g_strdup("");
    return g_strdup_printf("%s;%s", host, serv);
}

static virNetSocket *
virNetSocketWrap(int fd, int errfd, virCommand *cmd)
{
    virNetSocket *sock = g_new0(virNetSocket, 1);
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    sock->fd = fd;
    sock->errfd = errfd;
    sock->cmd = cmd;
    memset(&ss, 0, sizeof(ss));
    if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0) {
        sock->family = ss.ss_family;
        sock->localAddrStr = virNetSocketFormatAddr(&ss);
    } else {
        sock->family = AF_UNIX;   /* a pipe to a command */
    }
    len = sizeof(ss);
    memset(&ss, 0, sizeof(ss));
    if (getpeername(fd, (struct sockaddr *)&ss, &len) == 0)
        sock->remoteAddrStr = virNetSocketFormatAddr(&ss);
    return sock;
}

static int
virNetSocketNew(int fd, int errfd, virCommand *cmd, virNetSocket **retsock)
{
    if (virNetSocketSetFlags(fd) < 0)
        return -1;
    *retsock = virNetSocketWrap(fd, errfd, cmd);
    return 0;
}

void
virNetSocketFree(virNetSocket *sock)
{
    size_t i;

    if (!sock)
        return;
    for (i = 0; i < sock->nrxfds; i++)
        close(sock->rxfds[i]);
    g_free(sock->rxfds);
    if (sock->fd >= 0)
        close(sock->fd);
    if (sock->errfd >= 0)
        close(sock->errfd);
    if (sock->cmd) {
        virCommandAbort(sock->cmd);
        virCommandFree(sock->cmd);
    }
    if (sock->unlinkPath)
        unlink(sock->unlinkPath);
    g_free(sock->unlinkPath);
    g_free(sock->localAddrStr);
    g_free(sock->remoteAddrStr);
    g_free(sock);
}

/* ---- listening ---------------------------------------------------- */

static int
virNetSocketFillUNIX(struct sockaddr_un *un, const char *path)
{
    memset(un, 0, sizeof(*un));
    un->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(un->sun_path)) {
        virReportSystemError(ENAMETOOLONG, "Path %s too long for unix socket", path);
        return -1;
    }
    strcpy(un->sun_path, path);
    if (un->sun_path[0] == '@')
        un->sun_path[0] = '\0';
    return 0;
}

int
virNetSocketNewListenUNIX(const char *path, mode_t perms, uid_t user,
                          gid_t group, virNetSocket **retsock)
{
    struct sockaddr_un un;
    mode_t oldmask;
    int fd;

    if (virNetSocketFillUNIX(&un, path) < 0)
        return -1;
    if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0) {
        virReportSystemError(errno, "%s", "Failed to create socket");
        return -1;
    }
    if (path[0] != '@')
        unlink(path);
    oldmask = umask(~perms & 0777);
    if (bind(fd, (struct sockaddr *)&un, sizeof(un)) < 0) {
        umask(oldmask);
        virReportSystemError(errno, "Failed to bind socket to '%s'", path);
        close(fd);
        return -1;
    }
    umask(oldmask);
    if (path[0] != '@' && (user != (uid_t)-1 || group != (gid_t)-1) &&
        chown(path, user, group) < 0) {
        virReportSystemError(errno, "Failed to change ownership of '%s' to %d:%d",
                             path, (int)user, (int)group);
        close(fd);
        return -1;
    }
    if (virNetSocketNew(fd, -1, NULL, retsock) < 0) {
        close(fd);
        return -1;
    }
    if (path[0] != '@')
        (*retsock)->unlinkPath = g_strdup(path);
    return 0;
}

int
virNetSocketNewListenTCP(const char *nodename, const char *service,
                         int family, virNetSocket ***retsocks,
                         size_t *nretsocks)
{
    struct addrinfo hints = { 0 };
    struct addrinfo *ai = NULL, *runp;
    g_autofree virNetSocket **socks = NULL;
    size_t nsocks = 0;
    int err;
    int bindErrno = 0;

    hints.ai_family = family;
    hints.ai_flags = AI_PASSIVE | AI_ADDRCONFIG;
    hints.ai_socktype = SOCK_STREAM;
    if ((err = getaddrinfo(nodename, service, &hints, &ai)) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Unable to resolve address '%s' service '%s': %s",
                       NULLSTR(nodename), service, gai_strerror(err));
        return -1;
    }
    for (runp = ai; runp; runp = runp->ai_next) {
        int fd = socket(runp->ai_family, runp->ai_socktype, runp->ai_protocol);
        int one = 1;

        if (fd < 0)
            continue;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (runp->ai_family == AF_INET6)
            setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
        if (bind(fd, runp->ai_addr, runp->ai_addrlen) < 0) {
            bindErrno = errno;
            close(fd);
            continue;
        }
        socks = g_renew(virNetSocket *, socks, nsocks + 1);
        if (virNetSocketNew(fd, -1, NULL, &socks[nsocks]) < 0) {
            close(fd);
            continue;
        }
        nsocks++;
    }
    freeaddrinfo(ai);
    if (nsocks == 0) {
        if (bindErrno)
            virReportSystemError(bindErrno, "%s", "Unable to bind to port");
        else
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "No addresses to bind to");
        return -1;
    }
    *retsocks = g_steal_pointer(&socks);
    *nretsocks = nsocks;
    return 0;
}

int
virNetSocketListen(virNetSocket *sock, int backlog)
{
    if (listen(sock->fd, backlog > 0 ? backlog : 30) < 0) {
        virReportSystemError(errno, "%s", "Unable to listen on socket");
        return -1;
    }
    return 0;
}

int
virNetSocketAccept(virNetSocket *sock, virNetSocket **clientsock)
{
    int fd;

    *clientsock = NULL;
    fd = accept4(sock->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ||
            errno == ECONNABORTED)
            return 0;
        virReportSystemError(errno, "%s", "Unable to accept client");
        return -1;
    }
    if (sock->family != AF_UNIX) {
        int one = 1;

        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    *clientsock = virNetSocketWrap(fd, -1, NULL);
    /* a client going away is no error of the server's */
    (*clientsock)->quietEOF = true;
    return 0;
}

/* ---- connecting --------------------------------------------------- */

/* Start a per-user daemon that exits when idle, as libvirt does. */
static int
virNetSocketForkDaemon(const char *binary)
{
    g_autoptr(virCommand) cmd = virCommandNewArgList(binary, "--timeout=120", NULL);

    virCommandAddEnvPassCommon(cmd);
    virCommandAddEnvPass(cmd, "XDG_CACHE_HOME");
    virCommandAddEnvPass(cmd, "XDG_CONFIG_HOME");
    virCommandAddEnvPass(cmd, "XDG_RUNTIME_DIR");
    virCommandDaemonize(cmd);
    return virCommandRun(cmd, NULL);
}

/* The lock that makes concurrent clients start one daemon, not several. */
static int
virNetSocketLockSpawn(const char *binary, char **lockpath)
{
    g_autofree char *base = g_path_get_basename(binary);
    const char *rundir = g_get_user_runtime_dir();
    g_autofree char *dir = g_build_filename(rundir, "libvirt", NULL);
    int fd;

    if (g_mkdir_with_parents(dir, 0700) < 0) {
        virReportSystemError(errno, "Cannot create user runtime directory '%s'", dir);
        return -1;
    }
    *lockpath = g_strdup_printf("%s/%s.lock", dir, base);
    if ((fd = open(*lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
        virReportSystemError(errno, "Unable to create lock '%s'", *lockpath);
        return -1;
    }
    if (flock(fd, LOCK_EX) < 0) {
        virReportSystemError(errno, "Unable to lock '%s'", *lockpath);
        close(fd);
        return -1;
    }
    return fd;
}

int
virNetSocketNewConnectUNIX(const char *path, const char *spawnDaemon,
                           virNetSocket **retsock)
{
    g_autofree char *lockpath = NULL;
    struct sockaddr_un un;
    int lockfd = -1;
    int retries = 500;
    bool launched = false;
    int fd;
    int ret = -1;

    if (virNetSocketFillUNIX(&un, path) < 0)
        return -1;
    if (spawnDaemon && (lockfd = virNetSocketLockSpawn(spawnDaemon, &lockpath)) < 0)
        return -1;
    if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
        virReportSystemError(errno, "%s", "Failed to create socket");
        goto cleanup;
    }
    while (connect(fd, (struct sockaddr *)&un, sizeof(un)) < 0) {
        int err = errno;

        if (!spawnDaemon || --retries == 0 ||
            (err != ENOENT && err != ECONNREFUSED)) {
            virReportSystemError(err, "Failed to connect socket to '%s'", path);
            goto cleanup;
        }
        if (!launched) {
            if (virNetSocketForkDaemon(spawnDaemon) < 0)
                goto cleanup;
            launched = true;
        }
        g_usleep(10000);
    }
    if (virNetSocketNew(fd, -1, NULL, retsock) < 0)
        goto cleanup;
    fd = -1;
    ret = 0;

 cleanup:
    if (fd >= 0)
        close(fd);
    if (lockfd >= 0) {
        unlink(lockpath);
        close(lockfd);
    }
    return ret;
}

int
virNetSocketNewConnectTCP(const char *nodename, const char *service,
                          int family, virNetSocket **retsock)
{
    struct addrinfo hints = { 0 };
    struct addrinfo *ai = NULL, *runp;
    int err;
    int savedErrno = ENOENT;
    int fd = -1;

    hints.ai_family = family;
    hints.ai_flags = AI_ADDRCONFIG;
    hints.ai_socktype = SOCK_STREAM;
    if ((err = getaddrinfo(nodename, service, &hints, &ai)) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Unable to resolve address '%s' service '%s': %s",
                       nodename, service, gai_strerror(err));
        return -1;
    }
    for (runp = ai; runp; runp = runp->ai_next) {
        int one = 1;

        if ((fd = socket(runp->ai_family, runp->ai_socktype | SOCK_CLOEXEC,
                         runp->ai_protocol)) < 0) {
            savedErrno = errno;
            continue;
        }
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        if (connect(fd, runp->ai_addr, runp->ai_addrlen) == 0)
            break;
        savedErrno = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(ai);
    if (fd < 0) {
        virReportSystemError(savedErrno, "unable to connect to server at '%s:%s'",
                             nodename, service);
        return -1;
    }
    if (virNetSocketNew(fd, -1, NULL, retsock) < 0) {
        close(fd);
        return -1;
    }
    return 0;
}

int
virNetSocketNewConnectCommand(virCommand *cmd, virNetSocket **retsock)
{
    int sv[2];
    int errfd = -1;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
        virReportSystemError(errno, "%s", "unable to create socket pair");
        virCommandFree(cmd);
        return -1;
    }
    virCommandSetInputFD(cmd, sv[1]);
    virCommandSetOutputFD(cmd, &sv[1]);
    virCommandSetErrorFD(cmd, &errfd);
    if (virCommandRunAsync(cmd, NULL) < 0) {
        close(sv[0]);
        close(sv[1]);
        virCommandFree(cmd);
        return -1;
    }
    close(sv[1]);
    if (errfd >= 0)
        ignore_value(fcntl(errfd, F_SETFL, fcntl(errfd, F_GETFL) | O_NONBLOCK));
    if (virNetSocketNew(sv[0], errfd, cmd, retsock) < 0) {
        close(sv[0]);
        if (errfd >= 0)
            close(errfd);
        virCommandFree(cmd);
        return -1;
    }
    return 0;
}

int
virNetSocketNewFD(int fd, virNetSocket **retsock)
{
    return virNetSocketNew(fd, -1, NULL, retsock);
}

/* ---- properties --------------------------------------------------- */

int
virNetSocketGetFD(virNetSocket *sock)
{
    return sock->fd;
}

bool
virNetSocketIsUNIX(virNetSocket *sock)
{
    return sock->family == AF_UNIX && !sock->cmd;
}

bool
virNetSocketIsLocal(virNetSocket *sock)
{
    return sock->family == AF_UNIX;
}

int
virNetSocketGetPort(virNetSocket *sock)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    if (getsockname(sock->fd, (struct sockaddr *)&ss, &len) < 0)
        return -1;
    if (ss.ss_family == AF_INET)
        return ntohs(((struct sockaddr_in *)&ss)->sin_port);
    if (ss.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return -1;
}

int
virNetSocketGetUNIXIdentity(virNetSocket *sock, uid_t *uid, gid_t *gid,
                            pid_t *pid)
{
    struct ucred cr;
    socklen_t len = sizeof(cr);

    if (getsockopt(sock->fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) < 0) {
        virReportSystemError(errno, "%s", "Failed to get client socket identity");
        return -1;
    }
    *uid = cr.uid;
    *gid = cr.gid;
    *pid = cr.pid;
    return 0;
}

const char *
virNetSocketLocalAddrString(virNetSocket *sock)
{
    return sock->localAddrStr;
}

const char *
virNetSocketRemoteAddrString(virNetSocket *sock)
{
    return sock->remoteAddrStr;
}

void
virNetSocketSetQuietEOF(virNetSocket *sock)
{
    sock->quietEOF = true;
}

void
virNetSocketSetTLSSession(virNetSocket *sock, virNetTLSSession *sess)
{
    sock->tls = sess;
}

bool
virNetSocketHasCachedData(virNetSocket *sock)
{
    return sock->tls && virNetTLSSessionGetPending(sock->tls) > 0;
}

void
virNetSocketShutdown(virNetSocket *sock)
{
    if (sock->fd >= 0)
        shutdown(sock->fd, SHUT_RDWR);
}

/* ---- I/O ---------------------------------------------------------- */

static bool
virNetSocketTLSActive(virNetSocket *sock)
{
    return sock->tls &&
           virNetTLSSessionGetHandshakeStatus(sock->tls) == VIR_NET_TLS_HANDSHAKE_COMPLETE;
}

/* recvmsg that keeps the descriptors coming with the data. */
static ssize_t
virNetSocketRecvUNIX(virNetSocket *sock, char *buf, size_t len)
{
    char control[CMSG_SPACE(sizeof(int) * VIR_NET_MESSAGE_NUM_FDS_MAX)];
    struct iovec iov = { buf, len };
    struct msghdr mh = { 0 };
    struct cmsghdr *cmsg;
    ssize_t ret;

    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = control;
    mh.msg_controllen = sizeof(control);
    ret = recvmsg(sock->fd, &mh, MSG_CMSG_CLOEXEC);
    if (ret <= 0)
        return ret;
    for (cmsg = CMSG_FIRSTHDR(&mh); cmsg; cmsg = CMSG_NXTHDR(&mh, cmsg)) {
        size_t n, i;

        if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS)
            continue;
        n = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        sock->rxfds = g_renew(int, sock->rxfds, sock->nrxfds + n);
        for (i = 0; i < n; i++)
            memcpy(&sock->rxfds[sock->nrxfds++],
                   CMSG_DATA(cmsg) + i * sizeof(int), sizeof(int));
    }
    if (mh.msg_flags & MSG_CTRUNC) {
        errno = EMSGSIZE;
        return -1;
    }
    return ret;
}

static char *
virNetSocketReadErrfd(virNetSocket *sock)
{
    char buf[1024];
    ssize_t n;

    if (sock->errfd < 0)
        return NULL;
    if ((n = read(sock->errfd, buf, sizeof(buf) - 1)) <= 0)
        return NULL;
    while (n > 0 && g_ascii_isspace(buf[n - 1]))
        n--;
    buf[n] = '\0';
    return n ? g_strdup(buf) : NULL;
}

ssize_t
virNetSocketRead(virNetSocket *sock, char *buf, size_t len)
{
    g_autofree char *errout = NULL;
    ssize_t ret;

    do {
        if (virNetSocketTLSActive(sock))
            ret = virNetTLSSessionRead(sock->tls, buf, len);
        else if (sock->family == AF_UNIX && !sock->cmd)
            ret = virNetSocketRecvUNIX(sock, buf, len);
        else
            ret = read(sock->fd, buf, len);
    } while (ret < 0 && errno == EINTR);

    if (ret > 0)
        return ret;
    if (ret < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return 0;
    if (ret == 0 && sock->quietEOF)
        return -2;
    errout = virNetSocketReadErrfd(sock);
    if (ret < 0) {
        if (errout)
            virReportSystemError(errno, "Cannot recv data: %s", errout);
        else
            virReportSystemError(errno, "%s", "Cannot recv data");
    } else {
        if (errout)
            virReportSystemError(EIO, "End of file while reading data: %s", errout);
        else
            virReportSystemError(EIO, "%s", "End of file while reading data");
    }
    return -1;
}

ssize_t
virNetSocketWrite(virNetSocket *sock, const char *buf, size_t len)
{
    ssize_t ret;

    do {
        if (virNetSocketTLSActive(sock))
            ret = virNetTLSSessionWrite(sock->tls, buf, len);
        else
            ret = send(sock->fd, buf, len, MSG_NOSIGNAL);
    } while (ret < 0 && errno == EINTR);

    if (ret < 0 && errno == ENOTSOCK) {
        /* a pipe to a command */
        ret = write(sock->fd, buf, len);
    }
    if (ret > 0)
        return ret;
    if (ret < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return 0;
    if (ret < 0)
        virReportSystemError(errno, "%s", "Cannot write data");
    else
        virReportSystemError(EIO, "%s", "End of file while writing data");
    return -1;
}

int
virNetSocketSendFD(virNetSocket *sock, int fd)
{
    char byte = 0;
    char control[CMSG_SPACE(sizeof(int))];
    struct iovec iov = { &byte, 1 };
    struct msghdr mh = { 0 };
    struct cmsghdr *cmsg;
    ssize_t ret;

    if (!virNetSocketIsUNIX(sock)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Sending file descriptors is not supported on this socket");
        return -1;
    }
    memset(control, 0, sizeof(control));
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = control;
    mh.msg_controllen = sizeof(control);
    cmsg = CMSG_FIRSTHDR(&mh);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    do {
        ret = sendmsg(sock->fd, &mh, MSG_NOSIGNAL);
    } while (ret < 0 && errno == EINTR);
    if (ret == 1)
        return 1;
    if (ret < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return 0;
    virReportSystemError(ret < 0 ? errno : EIO, "Failed to send file descriptor %d", fd);
    return -1;
}

int
virNetSocketTakeFD(virNetSocket *sock)
{
    int fd;

    if (sock->nrxfds == 0)
        return -1;
    fd = sock->rxfds[0];
    memmove(sock->rxfds, sock->rxfds + 1, (sock->nrxfds - 1) * sizeof(int));
    sock->nrxfds--;
    return fd;
}
