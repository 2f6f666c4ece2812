/*
 * virnetserverprogram.h: one RPC program as a server serves it: a table
 * indexed by procedure number of {handler, argument and result XDR
 * routines and sizes, whether the client must be authenticated, and the
 * priority}.  Dispatch decodes the arguments, runs the handler and sends
 * the result, or the error, back.
 */
#pragma once

#include "internal.h"
#include "rpc/virnetmessage.h"

typedef struct _virNetServer virNetServer;
typedef struct _virNetServerClient virNetServerClient;
typedef struct _virNetServerProgram virNetServerProgram;

/* 0: success, @ret filled; 1: success, and @msg carries descriptors to
 * return; -1: failure, reported in @rerr or the thread's error. */
typedef int (*virNetServerProgramDispatchFunc)(virNetServer *server,
                                               virNetServerClient *client,
                                               virNetMessage *msg,
                                               virNetMessageError *rerr,
                                               void *args, void *ret);

typedef struct {
    virNetServerProgramDispatchFunc func;
    size_t arg_len;
    xdrproc_t arg_filter;
    size_t ret_len;
    xdrproc_t ret_filter;
    bool needAuth;
    unsigned int priority;     /* 1: may run on the priority workers */
} virNetServerProgramProc;

/* @procs (indexed by procedure number, entries without func unknown) must
 * outlive the program. */
virNetServerProgram *virNetServerProgramNew(unsigned int program,
                                            unsigned int version,
                                            const virNetServerProgramProc *procs,
                                            size_t nprocs);
virNetServerProgram *virNetServerProgramRef(virNetServerProgram *prog);
void virNetServerProgramUnref(virNetServerProgram *prog);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetServerProgram, virNetServerProgramUnref);

unsigned int virNetServerProgramGetID(virNetServerProgram *prog);
unsigned int virNetServerProgramGetVersion(virNetServerProgram *prog);
bool virNetServerProgramMatches(virNetServerProgram *prog, virNetMessage *msg);
unsigned int virNetServerProgramGetPriority(virNetServerProgram *prog, int procedure);

/* Handle one complete message (a call); reuses @msg for the reply and
 * always consumes it.  -1 only if even the error reply could not be
 * sent (the caller then closes the connection). */
int virNetServerProgramDispatch(virNetServerProgram *prog, virNetServer *server,
                                virNetServerClient *client, virNetMessage *msg);

/* The reply a server gives a message for a program it does not have. */
int virNetServerProgramUnknownError(virNetServerClient *client,
                                    virNetMessage *msg);

/* Send the error in @rerr (or the thread's error) as the reply to @req:
 * a REPLY, or a STREAM message for stream packets. */
int virNetServerProgramSendReplyError(virNetServerProgram *prog,
                                      virNetServerClient *client,
                                      virNetMessage *msg,
                                      virNetMessageError *rerr,
                                      virNetMessageHeader *req);
int virNetServerProgramSendStreamError(virNetServerProgram *prog,
                                       virNetServerClient *client,
                                       virNetMessage *msg,
                                       virNetMessageError *rerr,
                                       int procedure, unsigned int serial);
/* Stream data (@data NULL: the finish confirmation, status OK; @len 0:
 * end of data) and holes. */
int virNetServerProgramSendStreamData(virNetServerProgram *prog,
                                      virNetServerClient *client,
                                      virNetMessage *msg, int procedure,
                                      unsigned int serial,
                                      const char *data, size_t len);
int virNetServerProgramSendStreamHole(virNetServerProgram *prog,
                                      virNetServerClient *client,
                                      virNetMessage *msg, int procedure,
                                      unsigned int serial, long long length,
                                      unsigned int flags);
