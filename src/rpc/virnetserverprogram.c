/*
 * virnetserverprogram.c: dispatch of calls to a program's handlers.
 */
#include "internal.h"
#include "rpc/virnetserverprogram.h"
#include "rpc/virnetserverclient.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.netserverprogram");

struct _virNetServerProgram {
    gint refs;                   /* g_atomic access only */
    /* immutable after creation */
    unsigned int program;
    unsigned int version;
    const virNetServerProgramProc *procs;
    size_t nprocs;
};

virNetServerProgram *
virNetServerProgramNew(unsigned int program, unsigned int version,
                       const virNetServerProgramProc *procs, size_t nprocs)
{
    virNetServerProgram *prog = g_new0(virNetServerProgram, 1);

    prog->refs = 1;
    prog->program = program;
    prog->version = version;
    prog->procs = procs;
    prog->nprocs = nprocs;
    return prog;
}

virNetServerProgram *
virNetServerProgramRef(virNetServerProgram *prog)
{
    g_atomic_int_inc(&prog->refs);
    return prog;
}

void
virNetServerProgramUnref(virNetServerProgram *prog)
{
    if (prog && g_atomic_int_dec_and_test(&prog->refs))
        g_free(prog);
}

unsigned int
virNetServerProgramGetID(virNetServerProgram *prog)
{
    return prog->program;
}

unsigned int
virNetServerProgramGetVersion(virNetServerProgram *prog)
{
    return prog->version;
}

bool
virNetServerProgramMatches(virNetServerProgram *prog, virNetMessage *msg)
{
    return prog->program == msg->header.prog && prog->version == msg->header.vers;
}

static const virNetServerProgramProc *
virNetServerProgramGetProc(virNetServerProgram *prog, int procedure)
{
    if (procedure < 0 || (size_t)procedure >= prog->nprocs ||
        !prog->procs[procedure].func)
        return NULL;
    return &prog->procs[procedure];
}

unsigned int
virNetServerProgramGetPriority(virNetServerProgram *prog, int procedure)
{
    const virNetServerProgramProc *proc = virNetServerProgramGetProc(prog, procedure);

    return proc ? proc->priority : 0;
}

static int
virNetServerProgramSendError(unsigned int program, unsigned int version,
                             virNetServerClient *client, virNetMessage *msg,
                             virNetMessageError *rerr, int procedure,
                             int type, unsigned int serial)
{
    bool tracked = msg->tracked;

    virNetMessageSaveError(rerr);
    virNetMessageClear(msg);
    msg->tracked = tracked;
    msg->header.prog = program;
    msg->header.vers = version;
    msg->header.proc = procedure;
    msg->header.type = type;
    msg->header.serial = serial;
    msg->header.status = VIR_NET_ERROR;
    if (virNetMessageEncodeHeader(msg) < 0 ||
        virNetMessageEncodePayload(msg, (xdrproc_t)xdr_virNetMessageError, rerr) < 0) {
        VIR_WARN("Failed to serialize remote error");
        xdr_free((xdrproc_t)xdr_virNetMessageError, (char *)rerr);
        virNetMessageFree(msg);
        return -1;
    }
    xdr_free((xdrproc_t)xdr_virNetMessageError, (char *)rerr);
    virNetServerClientSendMessage(client, msg);
    return 0;
}

int
virNetServerProgramSendReplyError(virNetServerProgram *prog,
                                  virNetServerClient *client,
                                  virNetMessage *msg, virNetMessageError *rerr,
                                  virNetMessageHeader *req)
{
    return virNetServerProgramSendError(prog->program, prog->version, client, msg,
                                        rerr, req->proc,
                                        req->type == VIR_NET_STREAM ? VIR_NET_STREAM
                                                                    : VIR_NET_REPLY,
                                        req->serial);
}

int
virNetServerProgramSendStreamError(virNetServerProgram *prog,
                                   virNetServerClient *client,
                                   virNetMessage *msg, virNetMessageError *rerr,
                                   int procedure, unsigned int serial)
{
    return virNetServerProgramSendError(prog->program, prog->version, client, msg,
                                        rerr, procedure, VIR_NET_STREAM, serial);
}

int
virNetServerProgramUnknownError(virNetServerClient *client, virNetMessage *msg)
{
    virNetMessageError rerr;
    virNetMessageHeader req = msg->header;

    virReportError(VIR_ERR_RPC, "Cannot find program %d version %d",
                   req.prog, req.vers);
    memset(&rerr, 0, sizeof(rerr));
    return virNetServerProgramSendError(req.prog, req.vers, client, msg, &rerr,
                                        req.proc, VIR_NET_REPLY, req.serial);
}

static int
virNetServerProgramDispatchCall(virNetServerProgram *prog, virNetServer *server,
                                virNetServerClient *client, virNetMessage *msg)
{
    const virNetServerProgramProc *proc;
    g_autofree char *arg = NULL;
    g_autofree char *ret = NULL;
    virNetMessageError rerr;
    bool decoded = false;
    int rv;

    memset(&rerr, 0, sizeof(rerr));
    if (msg->header.status != VIR_NET_OK) {
        virReportError(VIR_ERR_RPC, "Unexpected message status %u", msg->header.status);
        goto error;
    }
    if (!(proc = virNetServerProgramGetProc(prog, msg->header.proc))) {
        virReportError(VIR_ERR_RPC, "unknown procedure: %d", msg->header.proc);
        goto error;
    }
    if (proc->needAuth && !virNetServerClientIsAuthenticated(client)) {
        virReportError(VIR_ERR_RPC, "%s", "authentication required");
        goto error;
    }
    arg = g_malloc0(MAX(proc->arg_len, 1));
    ret = g_malloc0(MAX(proc->ret_len, 1));
    if (virNetMessageDecodePayload(msg, proc->arg_filter, arg) < 0) {
        xdr_free(proc->arg_filter, arg);
        goto error;
    }
    decoded = true;

    rv = proc->func(server, client, msg, &rerr, arg, ret);
    if (rv != 1) {
        size_t i;

        for (i = 0; i < msg->nfds; i++) {
            if (msg->fds[i] >= 0)
                close(msg->fds[i]);
        }
        g_clear_pointer(&msg->fds, g_free);
        msg->nfds = 0;
    }
    if (rv < 0)
        goto error;

    msg->header.type = msg->nfds ? VIR_NET_REPLY_WITH_FDS : VIR_NET_REPLY;
    msg->header.status = VIR_NET_OK;
    if (virNetMessageEncodeHeader(msg) < 0 ||
        (msg->nfds && virNetMessageEncodeNumFDs(msg) < 0) ||
        virNetMessageEncodePayload(msg, proc->ret_filter, ret) < 0) {
        xdr_free(proc->ret_filter, ret);
        goto error;
    }
    xdr_free(proc->arg_filter, arg);
    xdr_free(proc->ret_filter, ret);
    virNetServerClientSendMessage(client, msg);
    return 0;

 error:
    if (decoded) {
        xdr_free(proc->arg_filter, arg);
        xdr_free(proc->ret_filter, ret);
    }
    return virNetServerProgramSendReplyError(prog, client, msg, &rerr, &msg->header);
}

int
virNetServerProgramDispatch(virNetServerProgram *prog, virNetServer *server,
                            virNetServerClient *client, virNetMessage *msg)
{
    virNetMessageError rerr;

    memset(&rerr, 0, sizeof(rerr));
    switch (msg->header.type) {
    case VIR_NET_CALL:
    case VIR_NET_CALL_WITH_FDS:
        return virNetServerProgramDispatchCall(prog, server, client, msg);
    case VIR_NET_STREAM:
        /* packets of a stream that is gone: dropped */
        VIR_INFO("Ignoring unexpected stream data serial=%u proc=%d status=%d",
                 msg->header.serial, msg->header.proc, msg->header.status);
        virNetServerClientDropMessage(client, msg);
        return 0;
    default:
        virReportError(VIR_ERR_RPC, "Unexpected message type %u", msg->header.type);
        virResetLastError();
        virNetServerClientDropMessage(client, msg);
        return 0;
    }
}

int
virNetServerProgramSendStreamData(virNetServerProgram *prog,
                                  virNetServerClient *client, virNetMessage *msg,
                                  int procedure, unsigned int serial,
                                  const char *data, size_t len)
{
    msg->header.prog = prog->program;
    msg->header.vers = prog->version;
    msg->header.proc = procedure;
    msg->header.type = VIR_NET_STREAM;
    msg->header.serial = serial;
    /* data (even none, the end of data): CONTINUE; the finish: OK */
    msg->header.status = data ? VIR_NET_CONTINUE : VIR_NET_OK;
    if (virNetMessageEncodeHeader(msg) < 0 ||
        virNetMessageEncodePayloadRaw(msg, data, len) < 0)
        return -1;
    virNetServerClientSendMessage(client, msg);
    return 0;
}

int
virNetServerProgramSendStreamHole(virNetServerProgram *prog,
                                  virNetServerClient *client, virNetMessage *msg,
                                  int procedure, unsigned int serial,
                                  long long length, unsigned int flags)
{
    virNetStreamHole data = { .length = length, .flags = flags };

    msg->header.prog = prog->program;
    msg->header.vers = prog->version;
    msg->header.proc = procedure;
    msg->header.type = VIR_NET_STREAM_HOLE;
    msg->header.serial = serial;
    msg->header.status = VIR_NET_CONTINUE;
    if (virNetMessageEncodeHeader(msg) < 0 ||
        virNetMessageEncodePayload(msg, (xdrproc_t)xdr_virNetStreamHole, &data) < 0)
        return -1;
    virNetServerClientSendMessage(client, msg);
    return 0;
}
