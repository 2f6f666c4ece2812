/*
 * domain_event.h: domain events (every VIR_DOMAIN_EVENT_ID_*) and the
 * registration of domain event callbacks on a virObjectEventState.
 *
 * Constructors take the domain's identity as (id, name, uuid), which is
 * what a driver has in its virDomainObj and what the remote driver gets
 * off the wire; VIR_DOMAIN_EVENT_OBJ(obj) spells it for a virDomainObj.
 * Each returns a new event to hand to virObjectEventStateQueue().
 */
#pragma once

#include "conf/object_event.h"

#define VIR_DOMAIN_EVENT_OBJ(obj) \
    (obj)->def->id, (obj)->def->name, (obj)->def->uuid


/* Registration: the legacy lifecycle API (tracked by function) ... */
int virDomainEventStateRegister(virConnectPtr conn, virObjectEventState *state,
                                virConnectDomainEventCallback callback,
                                void *opaque, virFreeCallback freecb);
int virDomainEventStateDeregister(virConnectPtr conn, virObjectEventState *state,
                                  virConnectDomainEventCallback callback);
/* ... and RegisterAny (@dom NULL: every domain).  Both return what
 * virObjectEventStateRegisterID returns. */
int virDomainEventStateRegisterID(virConnectPtr conn, virObjectEventState *state,
                                  virDomainPtr dom, int eventID,
                                  virConnectDomainEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb,
                                  int *callbackID);
/* The ID (and remote ID) of a legacy lifecycle callback, for the remote
 * driver; -1 with an error if it is not registered. */
int virDomainEventStateCallbackID(virConnectPtr conn, virObjectEventState *state,
                                  virConnectDomainEventCallback callback,
                                  int *remoteID);
/* As RegisterID, for the remote driver (legacy and server filtering). */
int virDomainEventStateRegisterClient(virConnectPtr conn,
                                      virObjectEventState *state,
                                      virDomainPtr dom, int eventID,
                                      virConnectDomainEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb,
                                      bool legacy, int *callbackID,
                                      bool remoteFilter);

#define VIR_DOMAIN_EVENT_ARGS int id, const char *name, const unsigned char *uuid

virObjectEvent *virDomainEventLifecycleNew(VIR_DOMAIN_EVENT_ARGS, int type, int detail);
virObjectEvent *virDomainEventRebootNew(VIR_DOMAIN_EVENT_ARGS);
virObjectEvent *virDomainEventRTCChangeNew(VIR_DOMAIN_EVENT_ARGS, long long offset);
virObjectEvent *virDomainEventWatchdogNew(VIR_DOMAIN_EVENT_ARGS, int action);
virObjectEvent *virDomainEventIOErrorNew(VIR_DOMAIN_EVENT_ARGS, const char *srcPath,
                                         const char *devAlias, int action);
virObjectEvent *virDomainEventIOErrorReasonNew(VIR_DOMAIN_EVENT_ARGS,
                                               const char *srcPath,
                                               const char *devAlias, int action,
                                               const char *reason);
/* Copies @local, @remote and @subject (each may be NULL). */
virObjectEvent *virDomainEventGraphicsNew(VIR_DOMAIN_EVENT_ARGS, int phase,
                                          const virDomainEventGraphicsAddress *local,
                                          const virDomainEventGraphicsAddress *remote,
                                          const char *authScheme,
                                          const virDomainEventGraphicsSubject *subject);
virObjectEvent *virDomainEventControlErrorNew(VIR_DOMAIN_EVENT_ARGS);
/* VIR_DOMAIN_EVENT_ID_BLOCK_JOB (@disk is the path) or, with @v2,
 * VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 (@disk is the target name). */
virObjectEvent *virDomainEventBlockJobNew(VIR_DOMAIN_EVENT_ARGS, bool v2,
                                          const char *disk, int type, int status);
virObjectEvent *virDomainEventDiskChangeNew(VIR_DOMAIN_EVENT_ARGS,
                                            const char *oldSrcPath,
                                            const char *newSrcPath,
                                            const char *devAlias, int reason);
virObjectEvent *virDomainEventTrayChangeNew(VIR_DOMAIN_EVENT_ARGS,
                                            const char *devAlias, int reason);
virObjectEvent *virDomainEventPMWakeupNew(VIR_DOMAIN_EVENT_ARGS, int reason);
virObjectEvent *virDomainEventPMSuspendNew(VIR_DOMAIN_EVENT_ARGS, int reason);
virObjectEvent *virDomainEventPMSuspendDiskNew(VIR_DOMAIN_EVENT_ARGS, int reason);
virObjectEvent *virDomainEventBalloonChangeNew(VIR_DOMAIN_EVENT_ARGS,
                                               unsigned long long actual);
virObjectEvent *virDomainEventDeviceRemovedNew(VIR_DOMAIN_EVENT_ARGS, const char *devAlias);
virObjectEvent *virDomainEventDeviceAddedNew(VIR_DOMAIN_EVENT_ARGS, const char *devAlias);
virObjectEvent *virDomainEventDeviceRemovalFailedNew(VIR_DOMAIN_EVENT_ARGS,
                                                     const char *devAlias);
/* Steal @params. */
virObjectEvent *virDomainEventTunableNew(VIR_DOMAIN_EVENT_ARGS,
                                         virTypedParameterPtr params, int nparams);
virObjectEvent *virDomainEventJobCompletedNew(VIR_DOMAIN_EVENT_ARGS,
                                              virTypedParameterPtr params, int nparams);
virObjectEvent *virDomainEventAgentLifecycleNew(VIR_DOMAIN_EVENT_ARGS, int state, int reason);
virObjectEvent *virDomainEventMigrationIterationNew(VIR_DOMAIN_EVENT_ARGS, int iteration);
virObjectEvent *virDomainEventMetadataChangeNew(VIR_DOMAIN_EVENT_ARGS, int type,
                                                const char *nsuri);
virObjectEvent *virDomainEventBlockThresholdNew(VIR_DOMAIN_EVENT_ARGS, const char *dev,
                                                const char *path,
                                                unsigned long long threshold,
                                                unsigned long long excess);
virObjectEvent *virDomainEventMemoryFailureNew(VIR_DOMAIN_EVENT_ARGS, int recipient,
                                               int action, unsigned int flags);
virObjectEvent *virDomainEventMemoryDeviceSizeChangeNew(VIR_DOMAIN_EVENT_ARGS,
                                                        const char *alias,
                                                        unsigned long long size);
