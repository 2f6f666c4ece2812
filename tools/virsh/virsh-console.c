/*
 * virsh-console.c: the interactive console of a domain: the terminal in
 * raw mode, relaying between it and a console stream through the event
 * loop until the escape character, a hang-up or an error.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "virsh.h"

/* Bytes waiting to be written one way. */
typedef struct {
    char *data;
    size_t length;   /* allocated */
    size_t offset;   /* used */
} virshConsoleBuffer;

typedef struct {
    GMutex lock;
    GCond cond;
    gint refs;
    virStreamPtr st;            /* NULL once shut down */
    bool quit;
    int stdinWatch;
    int stdoutWatch;
    virshConsoleBuffer streamToTerminal;
    virshConsoleBuffer terminalToStream;
    char escapeChar;
    char *error;                /* why it ended, when it failed */
    bool failed;
} virshConsole;

static void
virshConsoleUnref(void *opaque)
{
    virshConsole *con = opaque;

    if (!g_atomic_int_dec_and_test(&con->refs))
        return;
    virshStreamFree(con->st);
    g_free(con->error);
    g_mutex_clear(&con->lock);
    g_cond_clear(&con->cond);
    g_free(con);
}

static virshConsole *
virshConsoleRef(virshConsole *con)
{
    g_atomic_int_inc(&con->refs);
    return con;
}

/* Remember the first reason the console fails. */
static void
virshConsoleFail(virshConsole *con, const char *msg)
{
    con->failed = true;
    if (!con->error)
        con->error = g_strdup(msg);
}

static void
virshConsoleShutdown(virshConsole *con, bool graceful)
{
    virErrorPtr err = virGetLastError();

    if (!graceful && !con->error && err && err->message)
        virshConsoleFail(con, err->message);
    if (con->st) {
        virStreamEventRemoveCallback(con->st);
        if ((graceful ? virStreamFinish(con->st) : virStreamAbort(con->st)) < 0)
            virshConsoleFail(con, "internal error: cannot terminate console stream");
        g_clear_pointer(&con->st, virshStreamFree);
    }
    g_clear_pointer(&con->streamToTerminal.data, g_free);
    g_clear_pointer(&con->terminalToStream.data, g_free);
    if (con->stdinWatch != -1)
        virEventRemoveHandle(con->stdinWatch);
    if (con->stdoutWatch != -1)
        virEventRemoveHandle(con->stdoutWatch);
    con->stdinWatch = con->stdoutWatch = -1;
    if (!con->quit) {
        con->quit = true;
        g_cond_signal(&con->cond);
    }
}

static void
virshConsoleBufferReserve(virshConsoleBuffer *buf)
{
    if (buf->length - buf->offset < 1024) {
        buf->data = g_realloc(buf->data, buf->length + 1024);
        buf->length += 1024;
    }
}

/* Drop @done sent bytes; keep at most 1 KiB of spare room. */
static void
virshConsoleBufferConsume(virshConsoleBuffer *buf, size_t done)
{
    memmove(buf->data, buf->data + done, buf->offset - done);
    buf->offset -= done;
    if (buf->length - buf->offset > 1024) {
        buf->data = g_realloc(buf->data, buf->offset + 1024);
        buf->length = buf->offset + 1024;
    }
}

static void
virshConsoleOnStream(virStreamPtr st, int events, void *opaque)
{
    virshConsole *con = opaque;

    g_mutex_lock(&con->lock);
    if (!con->st)
        goto out;

    if (events & VIR_STREAM_EVENT_READABLE) {
        virshConsoleBuffer *b = &con->streamToTerminal;
        int got;

        virshConsoleBufferReserve(b);
        got = virStreamRecv(st, b->data + b->offset, b->length - b->offset);
        if (got == -2)
            goto out;
        if (got <= 0) {
            virshConsoleShutdown(con, got == 0);
            goto out;
        }
        b->offset += got;
        if (b->offset)
            virEventUpdateHandle(con->stdoutWatch, VIR_EVENT_HANDLE_WRITABLE);
    }
    if ((events & VIR_STREAM_EVENT_WRITABLE) && con->terminalToStream.offset) {
        virshConsoleBuffer *b = &con->terminalToStream;
        int done = virStreamSend(con->st, b->data, b->offset);

        if (done == -2)
            goto out;
        if (done < 0) {
            virshConsoleShutdown(con, false);
            goto out;
        }
        virshConsoleBufferConsume(b, done);
    }
    if (!con->terminalToStream.offset)
        virStreamEventUpdateCallback(con->st, VIR_STREAM_EVENT_READABLE);
    if (events & (VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP))
        virshConsoleShutdown(con, false);
 out:
    g_mutex_unlock(&con->lock);
}

static void
virshConsoleOnStdin(int watch G_GNUC_UNUSED, int fd, int events, void *opaque)
{
    virshConsole *con = opaque;

    g_mutex_lock(&con->lock);
    if (!con->st)
        goto out;

    if (events & VIR_EVENT_HANDLE_READABLE) {
        virshConsoleBuffer *b = &con->terminalToStream;
        ssize_t got;

        virshConsoleBufferReserve(b);
        got = read(fd, b->data + b->offset, b->length - b->offset);
        if (got < 0) {
            if (errno != EAGAIN) {
                g_autofree char *msg = g_strdup_printf("cannot read from stdin: %s",
                                                       g_strerror(errno));

                virshConsoleFail(con, msg);
                virshConsoleShutdown(con, false);
            }
            goto out;
        }
        if (got == 0) {
            virshConsoleFail(con, "internal error: EOF on stdin");
            virshConsoleShutdown(con, false);
            goto out;
        }
        if (b->data[b->offset] == con->escapeChar) {
            virshConsoleShutdown(con, true);
            goto out;
        }
        b->offset += got;
        if (b->offset)
            virStreamEventUpdateCallback(con->st, VIR_STREAM_EVENT_READABLE |
                                         VIR_STREAM_EVENT_WRITABLE);
    }
    if (events & VIR_EVENT_HANDLE_ERROR) {
        virshConsoleFail(con, "internal error: IO error on stdin");
        virshConsoleShutdown(con, false);
    } else if (events & VIR_EVENT_HANDLE_HANGUP) {
        virshConsoleFail(con, "internal error: EOF on stdin");
        virshConsoleShutdown(con, false);
    }
 out:
    g_mutex_unlock(&con->lock);
}

static void
virshConsoleOnStdout(int watch G_GNUC_UNUSED, int fd, int events, void *opaque)
{
    virshConsole *con = opaque;

    g_mutex_lock(&con->lock);
    if (!con->st)
        goto out;

    if ((events & VIR_EVENT_HANDLE_WRITABLE) && con->streamToTerminal.offset) {
        virshConsoleBuffer *b = &con->streamToTerminal;
        ssize_t done = write(fd, b->data, b->offset);

        if (done < 0) {
            if (errno != EAGAIN) {
                g_autofree char *msg = g_strdup_printf("cannot write to stdout: %s",
                                                       g_strerror(errno));

                virshConsoleFail(con, msg);
                virshConsoleShutdown(con, false);
            }
            goto out;
        }
        virshConsoleBufferConsume(b, done);
    }
    if (!con->streamToTerminal.offset)
        virEventUpdateHandle(con->stdoutWatch, 0);
    if (events & VIR_EVENT_HANDLE_ERROR) {
        virshConsoleFail(con, "internal error: IO error stdout");
        virshConsoleShutdown(con, false);
    } else if (events & VIR_EVENT_HANDLE_HANGUP) {
        virshConsoleFail(con, "internal error: EOF on stdout");
        virshConsoleShutdown(con, false);
    }
 out:
    g_mutex_unlock(&con->lock);
}

static void
virshConsoleIgnoreSignal(int sig G_GNUC_UNUSED)
{
}

/* "^]" is Ctrl-], any other string its first character. */
static char
virshGetEscapeChar(const char *s)
{
    if (*s == '^')
        return g_ascii_toupper(s[1]) ^ 0x40;
    return *s;
}

/* Hook the terminal and the stream up; -1 on error. */
static int
virshConsoleAttach(virshConsole *con, virDomainPtr dom, const char *devname,
                   unsigned int flags)
{
    if (!(con->st = virStreamNew(virDomainGetConnect(dom),
                                 VIR_STREAM_NONBLOCK)))
        return -1;
    if (virDomainOpenConsole(dom, devname, con->st, flags) < 0)
        return -1;

    if ((con->stdinWatch = virEventAddHandle(STDIN_FILENO,
                                             VIR_EVENT_HANDLE_READABLE,
                                             virshConsoleOnStdin,
                                             virshConsoleRef(con),
                                             virshConsoleUnref)) < 0) {
        virshConsoleUnref(con);
        return -1;
    }
    if ((con->stdoutWatch = virEventAddHandle(STDOUT_FILENO, 0,
                                              virshConsoleOnStdout,
                                              virshConsoleRef(con),
                                              virshConsoleUnref)) < 0) {
        virshConsoleUnref(con);
        return -1;
    }
    if (virStreamEventAddCallback(con->st, VIR_STREAM_EVENT_READABLE,
                                  virshConsoleOnStream, virshConsoleRef(con),
                                  virshConsoleUnref) < 0) {
        virshConsoleUnref(con);
        return -1;
    }
    return 0;
}

static int
virshRunConsole(vshControl *ctl, virDomainPtr dom, const char *devname,
                unsigned int flags)
{
    static const int signals[] = { SIGQUIT, SIGTERM, SIGINT, SIGHUP, SIGPIPE };
    struct sigaction old[G_N_ELEMENTS(signals)];
    struct sigaction handler = { .sa_handler = virshConsoleIgnoreSignal };
    virshControl *priv = ctl->privData;
    virshConsole *con;
    int ret = -1;
    size_t i;

    if (vshTTYMakeRaw(ctl, true) < 0) {
        vshTTYRestore(ctl);
        return -1;
    }

    con = g_new0(virshConsole, 1);
    con->refs = 1;
    con->stdinWatch = con->stdoutWatch = -1;
    g_mutex_init(&con->lock);
    g_cond_init(&con->cond);
    g_mutex_lock(&con->lock);

    /* restore the terminal whatever ends us */
    sigemptyset(&handler.sa_mask);
    for (i = 0; i < G_N_ELEMENTS(signals); i++)
        sigaction(signals[i], &handler, &old[i]);

    con->escapeChar = virshGetEscapeChar(priv->escapeChar);
    if (virshConsoleAttach(con, dom, devname, flags) == 0) {
        while (!con->quit)
            g_cond_wait(&con->cond, &con->lock);
        if (!con->failed)
            ret = 0;
    }

    virshConsoleShutdown(con, ret == 0);
    if (ret < 0 && con->error)
        vshSetPendingError(con->error);
    else if (ret < 0)
        vshSaveLibvirtHelperError();
    g_mutex_unlock(&con->lock);
    virshConsoleUnref(con);

    for (i = 0; i < G_N_ELEMENTS(signals); i++)
        sigaction(signals[i], &old[i], NULL);
    vshTTYRestore(ctl);
    return ret;
}

bool
virshRunConsoleCmd(vshControl *ctl, virDomainPtr dom, const char *name,
                   unsigned int flags)
{
    virshControl *priv = ctl->privData;
    int state = virshDomainState(ctl, dom, NULL);

    if (state < 0) {
        vshError(ctl, "%s", "Unable to get domain status");
        return false;
    }
    if (state == VIR_DOMAIN_SHUTOFF) {
        vshError(ctl, "%s", "The domain is not running");
        return false;
    }
    if (!isatty(STDIN_FILENO)) {
        vshError(ctl, "%s", "Cannot run interactive console without a controlling TTY");
        return false;
    }

    vshPrintExtra(ctl, "Connected to domain '%s'\n", virDomainGetName(dom));
    vshPrintExtra(ctl, "Escape character is %s", priv->escapeChar);
    if (priv->escapeChar[0] == '^')
        vshPrintExtra(ctl, " (Ctrl + %c)", priv->escapeChar[1]);
    vshPrintExtra(ctl, "\n");
    fflush(stdout);
    return virshRunConsole(ctl, dom, name, flags) == 0;
}
