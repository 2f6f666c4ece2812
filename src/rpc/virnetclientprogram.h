/*
 * virnetclientprogram.h: one RPC program as its clients use it: calls
 * (encode the arguments, wait for the reply, decode the result or raise
 * the daemon's error) and the asynchronous messages it may receive.
 */
#pragma once

#include "internal.h"
#include "rpc/virnetclient.h"

typedef void (*virNetClientProgramEventFunc)(virNetClientProgram *prog,
                                             virNetClient *client,
                                             void *evdata, void *opaque);

typedef struct {
    int proc;
    virNetClientProgramEventFunc func;
    size_t msg_len;              /* sizeof the decoded struct */
    xdrproc_t msg_filter;
} virNetClientProgramEvent;

/* @events (may be NULL) must outlive the program. */
virNetClientProgram *virNetClientProgramNew(unsigned int program,
                                            unsigned int version,
                                            const virNetClientProgramEvent *events,
                                            size_t nevents, void *opaque);
virNetClientProgram *virNetClientProgramRef(virNetClientProgram *prog);
void virNetClientProgramUnref(virNetClientProgram *prog);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetClientProgram, virNetClientProgramUnref);

unsigned int virNetClientProgramGetProgram(virNetClientProgram *prog);
unsigned int virNetClientProgramGetVersion(virNetClientProgram *prog);
bool virNetClientProgramMatches(virNetClientProgram *prog, virNetMessage *msg);

/* Decode and hand an asynchronous message to its event function; called
 * by the client under its lock, so the function must not call back into
 * the client.  Unknown procedures are ignored. */
void virNetClientProgramDispatch(virNetClientProgram *prog,
                                 virNetClient *client, virNetMessage *msg);

/* One call: 0 with *@ret filled, or -1 with the error.  @outfds are
 * sent with the call; descriptors in the reply are returned in *@infds
 * (the caller owns them). */
int virNetClientProgramCall(virNetClientProgram *prog, virNetClient *client,
                            unsigned int serial, int proc,
                            size_t noutfds, int *outfds,
                            size_t *ninfds, int **infds,
                            xdrproc_t args_filter, void *args,
                            xdrproc_t ret_filter, void *ret);

/* Check that @msg is the reply to (@proc, @serial) and decode it: the
 * result into @ret or the error raised.  0 or -1. */
int virNetClientProgramDecodeReply(virNetClientProgram *prog,
                                   virNetMessage *msg, int proc,
                                   unsigned int serial,
                                   xdrproc_t ret_filter, void *ret);
