/*
 * virnetclientprogram.c: calls and asynchronous messages of one program.
 */
#include "internal.h"
#include "rpc/virnetclientprogram.h"
#include "util/virlog.h"

#include <fcntl.h>

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.netclientprogram");

struct _virNetClientProgram {
    gint refs;                   /* g_atomic access only */
    /* immutable after creation */
    unsigned int program;
    unsigned int version;
    const virNetClientProgramEvent *events;
    size_t nevents;
    void *opaque;
};

VIR_PRIVATE_EXPORT virNetClientProgram *
virNetClientProgramNew(unsigned int program, unsigned int version,
                       const virNetClientProgramEvent *events, size_t nevents,
                       void *opaque)
{
    virNetClientProgram *prog = g_new0(virNetClientProgram, 1);

    prog->refs = 1;
    prog->program = program;
    prog->version = version;
    prog->events = events;
    prog->nevents = nevents;
    prog->opaque = opaque;
    return prog;
}

virNetClientProgram *
virNetClientProgramRef(virNetClientProgram *prog)
{
    g_atomic_int_inc(&prog->refs);
    return prog;
}

VIR_PRIVATE_EXPORT void
virNetClientProgramUnref(virNetClientProgram *prog)
{
    if (prog && g_atomic_int_dec_and_test(&prog->refs))
        g_free(prog);
}

unsigned int
virNetClientProgramGetProgram(virNetClientProgram *prog)
{
    return prog->program;
}

unsigned int
virNetClientProgramGetVersion(virNetClientProgram *prog)
{
    return prog->version;
}

bool
virNetClientProgramMatches(virNetClientProgram *prog, virNetMessage *msg)
{
    return prog->program == msg->header.prog && prog->version == msg->header.vers;
}

void
virNetClientProgramDispatch(virNetClientProgram *prog, virNetClient *client,
                            virNetMessage *msg)
{
    const virNetClientProgramEvent *event = NULL;
    g_autofree char *evdata = NULL;
    size_t i;

    if (msg->header.type != VIR_NET_MESSAGE || msg->header.status != VIR_NET_OK) {
        VIR_DEBUG("ignoring message type %d status %d",
                  msg->header.type, msg->header.status);
        return;
    }
    for (i = 0; i < prog->nevents; i++) {
        if (prog->events[i].proc == msg->header.proc) {
            event = &prog->events[i];
            break;
        }
    }
    if (!event) {
        VIR_DEBUG("no event for procedure %d", msg->header.proc);
        return;
    }
    evdata = g_malloc0(event->msg_len);
    if (virNetMessageDecodePayload(msg, event->msg_filter, evdata) < 0) {
        VIR_WARN("undecodable event %d: %s", msg->header.proc,
                 virGetLastErrorMessage());
        virResetLastError();
        return;
    }
    event->func(prog, client, evdata, prog->opaque);
    xdr_free(event->msg_filter, evdata);
}

int
virNetClientProgramDecodeReply(virNetClientProgram *prog, virNetMessage *msg,
                               int proc, unsigned int serial,
                               xdrproc_t ret_filter, void *ret)
{
    if (msg->header.type != VIR_NET_REPLY &&
        msg->header.type != VIR_NET_REPLY_WITH_FDS &&
        msg->header.type != VIR_NET_STREAM) {
        virReportError(VIR_ERR_RPC, "Unexpected message type %d", msg->header.type);
        return -1;
    }
    if (msg->header.proc != proc) {
        virReportError(VIR_ERR_RPC, "Unexpected message proc %d != %d",
                       msg->header.proc, proc);
        return -1;
    }
    if (msg->header.serial != serial) {
        virReportError(VIR_ERR_RPC, "Unexpected message serial %d != %d",
                       msg->header.serial, serial);
        return -1;
    }
    switch (msg->header.status) {
    case VIR_NET_OK:
        if (ret_filter && virNetMessageDecodePayload(msg, ret_filter, ret) < 0)
            return -1;
        return 0;
    case VIR_NET_ERROR: {
        virNetMessageError err;

        memset(&err, 0, sizeof(err));
        if (virNetMessageDecodePayload(msg, (xdrproc_t)xdr_virNetMessageError, &err) < 0)
            return -1;
        virNetMessageRaiseError(&err);
        xdr_free((xdrproc_t)xdr_virNetMessageError, (char *)&err);
        return -1;
    }
    default:
        virReportError(VIR_ERR_RPC, "Unexpected message status %d", msg->header.status);
        return -1;
    }
    (void)prog;
}

VIR_PRIVATE_EXPORT int
virNetClientProgramCall(virNetClientProgram *prog, virNetClient *client,
                        unsigned int serial, int proc,
                        size_t noutfds, int *outfds,
                        size_t *ninfds, int **infds,
                        xdrproc_t args_filter, void *args,
                        xdrproc_t ret_filter, void *ret)
{
    g_autoptr(virNetMessage) msg = virNetMessageNew(false);
    size_t i;

    if (infds)
        *infds = NULL;
    if (ninfds)
        *ninfds = 0;
    msg->header.prog = prog->program;
    msg->header.vers = prog->version;
    msg->header.proc = proc;
    msg->header.type = noutfds ? VIR_NET_CALL_WITH_FDS : VIR_NET_CALL;
    msg->header.serial = serial;
    msg->header.status = VIR_NET_OK;
    for (i = 0; i < noutfds; i++) {
        if (virNetMessageAddFD(msg, outfds[i]) < 0)
            return -1;
    }
    if (virNetMessageEncodeHeader(msg) < 0 ||
        (noutfds && virNetMessageEncodeNumFDs(msg) < 0) ||
        virNetMessageEncodePayload(msg, args_filter, args) < 0)
        return -1;

    if (virNetClientSendWithReply(client, msg) < 0)
        return -1;

    if (msg->header.type == VIR_NET_REPLY_WITH_FDS && (!infds || !ninfds)) {
        virReportError(VIR_ERR_RPC, "Unexpected message type %d", msg->header.type);
        return -1;
    }
    if (virNetClientProgramDecodeReply(prog, msg, proc, serial, ret_filter, ret) < 0)
        return -1;
    if (infds && msg->nfds) {
        *infds = g_new0(int, msg->nfds);
        for (i = 0; i < msg->nfds; i++)
            (*infds)[i] = -1;
        for (i = 0; i < msg->nfds; i++) {
            if (((*infds)[i] = virNetMessageDupFD(msg, i)) < 0) {
                size_t j;

                for (j = 0; j < i; j++)
                    close((*infds)[j]);
                g_clear_pointer(infds, g_free);
                xdr_free(ret_filter, ret);
                return -1;
            }
        }
        *ninfds = msg->nfds;
    }
    return 0;
}
