/*
 * raw_rtt: the floor under an RPC call on this machine.  A child process
 * echoes what it reads on a UNIX stream socket; the parent sends a
 * 28-byte packet (the size of a bare libvirt call header) and waits for
 * the 28 bytes back, N times, with poll() before every read as an event
 * loop would.  Prints p50/p99 in microseconds and round trips per second.
 *
 * With --daemon SOCKET the same loop talks to a libvirt-protocol daemon
 * instead of the echo child: AUTH_LIST and CONNECT_OPEN test:///default,
 * then N calls of CONNECT_GET_LIB_VERSION, each a 28-byte call answered
 * by a 36-byte reply, so the difference to the echo is the daemon's own
 * cost of a trivial call.  With CLIENTS > 1, that many processes, each
 * with its own connection opened beforehand, make N calls each, released
 * together: calls/s is all calls over the time until the last client is
 * done, p50/p99 over every call.  A C client costs a few microseconds a
 * call, so unlike python3-libvirt it leaves the CPU to the daemon.
 *
 *   raw_rtt [N]
 *   raw_rtt --daemon SOCKET [N [CLIENTS]]
 */
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PKT 28

static long long
now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int
read_full(int fd, char *buf, size_t len)
{
    size_t got = 0;

    while (got < len) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        ssize_t n;

        if (poll(&p, 1, -1) < 0)
            return -1;
        if ((n = read(fd, buf + got, len - got)) <= 0)
            return -1;
        got += n;
    }
    return 0;
}

/* One call of the remote program; the reply's status, -1 on I/O errors. */
static int
daemon_call(int fd, int proc, unsigned serial, const char *body, size_t blen)
{
    unsigned char pkt[256];
    unsigned hdr[7] = { htonl(PKT + blen), htonl(0x20008086), htonl(1),
                        htonl(proc), htonl(0), htonl(serial), htonl(0) };
    char reply[4096];
    unsigned len;

    memcpy(pkt, hdr, PKT);
    memcpy(pkt + PKT, body, blen);
    if (write(fd, pkt, PKT + blen) != (ssize_t)(PKT + blen) ||
        read_full(fd, reply, 4) < 0)
        return -1;
    memcpy(&len, reply, 4);
    len = ntohl(len);
    if (len < PKT || len > sizeof(reply) || read_full(fd, reply + 4, len - 4) < 0)
        return -1;
    memcpy(&len, reply + 24, 4);
    return ntohl(len);
}

static int
daemon_open(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    /* remote_connect_open_args: optional string, flags */
    static const char open_args[] = "\0\0\0\1\0\0\0\017test:///default\0" "\0\0\0\0";
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
        daemon_call(fd, 66, 1, NULL, 0) != 0 ||
        daemon_call(fd, 1, 2, open_args, sizeof(open_args) - 1) != 0) {
        fprintf(stderr, "raw_rtt: cannot open test:///default on %s\n", path);
        exit(1);
    }
    return fd;
}

static int
cmp(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;

    return x < y ? -1 : x > y;
}

static void
report(const char *op, int clients, long long *lat, int n, long long total)
{
    qsort(lat, n, sizeof(*lat), cmp);
    printf("op=%s clients=%d calls_per_s=%.0f p50_us=%.1f p99_us=%.1f n=%d\n",
           op, clients, n / (total / 1e9), lat[n / 2] / 1e3, lat[n * 99 / 100] / 1e3, n);
}

/* n trivial calls on fd, their latencies in lat; 0 or 1 */
static int
daemon_calls(int fd, long long *lat, int n)
{
    long long t0;
    int i;

    for (i = 0; i < n; i++) {
        t0 = now_ns();
        if (daemon_call(fd, 157, 3 + i, NULL, 0) != 0)
            return 1;
        lat[i] = now_ns() - t0;
    }
    return 0;
}

static int
daemon_main(const char *path, int n, int clients)
{
    /* shared with the client processes */
    long long *lat = mmap(NULL, sizeof(*lat) * n * clients, PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int go[2];
    long long total;
    int failed = 0;
    int k;

    if (lat == MAP_FAILED || pipe(go) < 0)
        return 1;
    for (k = 0; k < clients; k++) {
        int fd = daemon_open(path);
        pid_t pid = fork();

        if (pid < 0)
            return 1;
        if (pid == 0) {
            char c;

            close(go[1]);
            if (read(go[0], &c, 1) != 0)
                _exit(1);
            _exit(daemon_calls(fd, lat + (long long)k * n, n));
        }
        close(fd);
    }
    close(go[0]);
    total = now_ns();
    close(go[1]);           /* EOF: every client starts */
    for (k = 0; k < clients; k++) {
        int st;

        if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
            failed = 1;
    }
    total = now_ns() - total;
    if (failed) {
        fprintf(stderr, "raw_rtt: a client failed\n");
        return 1;
    }
    report("raw_client_get_lib_version", clients, lat, n * clients, total);
    return 0;
}

int
main(int argc, char **argv)
{
    int n;
    char path[] = "/tmp/raw_rtt.XXXXXX";
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    char buf[PKT] = { 0 };
    long long *lat;
    long long t0, total;
    int lfd, fd, i;
    pid_t pid;

    if (argc > 2 && strcmp(argv[1], "--daemon") == 0)
        return daemon_main(argv[2], argc > 3 ? atoi(argv[3]) : 100000,
                           argc > 4 ? atoi(argv[4]) : 1);
    n = argc > 1 ? atoi(argv[1]) : 100000;
    if (!(lat = calloc(n, sizeof(*lat))))
        return 1;
    if (!lat || !mkdtemp(path))
        return 1;
    snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/sock", path);
    lfd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(lfd, 1) < 0)
        return 1;
    if ((pid = fork()) == 0) {
        int cfd = accept(lfd, NULL, NULL);

        while (read_full(cfd, buf, PKT) == 0)
            if (write(cfd, buf, PKT) != PKT)
                break;
        _exit(0);
    }
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
        return 1;
    total = now_ns();
    for (i = 0; i < n; i++) {
        t0 = now_ns();
        if (write(fd, buf, PKT) != PKT || read_full(fd, buf, PKT) < 0)
            return 1;
        lat[i] = now_ns() - t0;
    }
    total = now_ns() - total;
    close(fd);
    waitpid(pid, NULL, 0);
    unlink(sa.sun_path);
    rmdir(path);
    report("raw_unix_rtt", 1, lat, n, total);
    free(lat);
    return 0;
}
