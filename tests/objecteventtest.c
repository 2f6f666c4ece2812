/*
 * objecteventtest.c: the event queue and callback list (conf/object_event)
 * with real connections and the default event loop: delivery of every
 * family's events with their payloads, per-object filters, remote IDs,
 * deregistration from inside a callback and from another thread while
 * the callback runs, and free callbacks.
 */
#include "internal.h"
#include "datatypes.h"
#include "conf/domain_event.h"
#include "conf/family_event.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static const unsigned char uuidA[VIR_UUID_BUFLEN] = { 1, 2, 3, 4, 5, 6, 7, 8,
                                                      9, 10, 11, 12, 13, 14, 15, 16 };
static const unsigned char uuidB[VIR_UUID_BUFLEN] = { 16, 15, 14, 13, 12, 11, 10, 9,
                                                      8, 7, 6, 5, 4, 3, 2, 1 };

typedef struct {
    int calls;
    char name[64];
    int id;
    int a, b;
    long long ll;
    unsigned long long u1, u2;
    char s[3][64];
    int nparams;
    int freed;
    /* deregister this callback ID from inside the callback (-1: none) */
    int dropID;
    int dropResult;
    virObjectEventState *state;
} Seen;

static void
seenDomain(Seen *seen, virDomainPtr dom)
{
    seen->calls++;
    g_strlcpy(seen->name, virDomainGetName(dom), sizeof(seen->name));
    seen->id = virDomainGetID(dom);
}

static void
seenStr(Seen *seen, int i, const char *s)
{
    g_strlcpy(seen->s[i], s ? s : "(null)", sizeof(seen->s[i]));
}

static int
lifecycleCb(virConnectPtr conn, virDomainPtr dom, int event, int detail,
            void *opaque)
{
    Seen *seen = opaque;

    seenDomain(seen, dom);
    seen->a = event;
    seen->b = detail;
    if (seen->dropID >= 0) {
        seen->dropResult = virObjectEventStateDeregisterID(conn, seen->state,
                                                           seen->dropID, true);
        seen->dropID = -1;
    }
    return 0;
}

static void
rtcCb(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, long long offset,
      void *opaque)
{
    Seen *seen = opaque;

    seenDomain(seen, dom);
    seen->ll = offset;
}

static void
ioErrorReasonCb(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                const char *src, const char *alias, int action,
                const char *reason, void *opaque)
{
    Seen *seen = opaque;

    seenDomain(seen, dom);
    seenStr(seen, 0, src);
    seenStr(seen, 1, alias);
    seenStr(seen, 2, reason);
    seen->a = action;
}

static void
thresholdCb(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, const char *dev,
            const char *path, unsigned long long threshold,
            unsigned long long excess, void *opaque)
{
    Seen *seen = opaque;

    seenDomain(seen, dom);
    seenStr(seen, 0, dev);
    seenStr(seen, 1, path);
    seen->u1 = threshold;
    seen->u2 = excess;
}

static void
tunableCb(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
          virTypedParameterPtr params, int nparams, void *opaque)
{
    Seen *seen = opaque;
    unsigned long long v = 0;

    seenDomain(seen, dom);
    seen->nparams = nparams;
    if (virTypedParamsGetULLong(params, nparams, "cputune.vcpu_period", &v) == 1)
        seen->u1 = v;
}

static void
graphicsCb(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int phase,
           const virDomainEventGraphicsAddress *local,
           const virDomainEventGraphicsAddress *remote,
           const char *scheme, const virDomainEventGraphicsSubject *subject,
           void *opaque)
{
    Seen *seen = opaque;

    seenDomain(seen, dom);
    seen->a = phase;
    seenStr(seen, 0, local->node);
    seenStr(seen, 1, remote->service);
    seenStr(seen, 2, scheme);
    seen->b = subject->nidentity;
}

static void
networkCb(virConnectPtr conn G_GNUC_UNUSED, virNetworkPtr net, int event,
          int detail, void *opaque)
{
    Seen *seen = opaque;

    seen->calls++;
    g_strlcpy(seen->name, virNetworkGetName(net), sizeof(seen->name));
    seen->a = event;
    seen->b = detail;
}

static void
poolRefreshCb(virConnectPtr conn G_GNUC_UNUSED, virStoragePoolPtr pool,
              void *opaque)
{
    Seen *seen = opaque;

    seen->calls++;
    g_strlcpy(seen->name, virStoragePoolGetName(pool), sizeof(seen->name));
}

static void
nodedevCb(virConnectPtr conn G_GNUC_UNUSED, virNodeDevicePtr dev, int event,
          int detail, void *opaque)
{
    Seen *seen = opaque;

    seen->calls++;
    g_strlcpy(seen->name, virNodeDeviceGetName(dev), sizeof(seen->name));
    seen->a = event;
    seen->b = detail;
}

static void
secretCb(virConnectPtr conn G_GNUC_UNUSED, virSecretPtr secret, void *opaque)
{
    Seen *seen = opaque;

    seen->calls++;
    g_strlcpy(seen->name, virSecretGetUsageID(secret), sizeof(seen->name));
    seen->a = virSecretGetUsageType(secret);
}

static void
seenFree(void *opaque)
{
    ((Seen *)opaque)->freed++;
}

static void
noop(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}

/* Run the loop until queued events have gone out (a short timer makes
 * sure an iteration ends even when nothing is queued). */
static void
flush(void)
{
    int t = virEventAddTimeout(20, noop, NULL, NULL);

    virEventRunDefaultImpl();
    virEventRunDefaultImpl();
    virEventRemoveTimeout(t);
}

static virConnectPtr conn;

static void
seenInit(Seen *seen, virObjectEventState *state)
{
    memset(seen, 0, sizeof(*seen));
    seen->dropID = -1;
    seen->state = state;
}

static int
testDomainPayloads(void)
{
    g_autoptr(virObjectEventState) state = virObjectEventStateNew();
    Seen life, rtc, ioerr, thr, tun, gfx;
    int id[6];
    virTypedParameterPtr params = NULL;
    int nparams = 0, maxparams = 0;
    virDomainEventGraphicsAddress local = { 0, (char *)"127.0.0.1", (char *)"5900" };
    virDomainEventGraphicsAddress remote = { 0, (char *)"10.0.0.2", (char *)"40000" };
    virDomainEventGraphicsSubjectIdentity ident[2] = {
        { (char *)"x509dname", (char *)"CN=a" }, { (char *)"saslUsername", (char *)"b" } };
    virDomainEventGraphicsSubject subject = { 2, ident };
    size_t i;

    seenInit(&life, state);
    seenInit(&rtc, state);
    seenInit(&ioerr, state);
    seenInit(&thr, state);
    seenInit(&tun, state);
    seenInit(&gfx, state);
    CHECK(virDomainEventStateRegisterID(conn, state, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                        VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                        &life, seenFree, &id[0]) == 1);
    CHECK(virDomainEventStateRegisterID(conn, state, NULL, VIR_DOMAIN_EVENT_ID_RTC_CHANGE,
                                        VIR_DOMAIN_EVENT_CALLBACK(rtcCb),
                                        &rtc, seenFree, &id[1]) == 1);
    CHECK(virDomainEventStateRegisterID(conn, state, NULL,
                                        VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON,
                                        VIR_DOMAIN_EVENT_CALLBACK(ioErrorReasonCb),
                                        &ioerr, seenFree, &id[2]) == 1);
    CHECK(virDomainEventStateRegisterID(conn, state, NULL,
                                        VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD,
                                        VIR_DOMAIN_EVENT_CALLBACK(thresholdCb),
                                        &thr, seenFree, &id[3]) == 1);
    CHECK(virDomainEventStateRegisterID(conn, state, NULL, VIR_DOMAIN_EVENT_ID_TUNABLE,
                                        VIR_DOMAIN_EVENT_CALLBACK(tunableCb),
                                        &tun, seenFree, &id[4]) == 1);
    CHECK(virDomainEventStateRegisterID(conn, state, NULL, VIR_DOMAIN_EVENT_ID_GRAPHICS,
                                        VIR_DOMAIN_EVENT_CALLBACK(graphicsCb),
                                        &gfx, seenFree, &id[5]) == 1);
    for (i = 0; i < 6; i++)
        CHECK_INTEQ(id[i], i);

    virObjectEventStateQueue(state, virDomainEventLifecycleNew(3, "vm1", uuidA,
                                                               VIR_DOMAIN_EVENT_STOPPED,
                                                               VIR_DOMAIN_EVENT_STOPPED_DESTROYED));
    virObjectEventStateQueue(state, virDomainEventRTCChangeNew(3, "vm1", uuidA, -3600));
    virObjectEventStateQueue(state, virDomainEventIOErrorReasonNew(3, "vm1", uuidA,
                                                                   "/img", "virtio-disk0",
                                                                   1, "enospc"));
    virObjectEventStateQueue(state, virDomainEventBlockThresholdNew(3, "vm1", uuidA,
                                                                    "vda", "/img", 100,
                                                                    7));
    CHECK(virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                  "cputune.vcpu_period", 123456) == 0);
    virObjectEventStateQueue(state, virDomainEventTunableNew(3, "vm1", uuidA,
                                                             params, nparams));
    virObjectEventStateQueue(state, virDomainEventGraphicsNew(3, "vm1", uuidA, 1, &local,
                                                              &remote, "vnc", &subject));
    /* not listened for: must simply not be delivered */
    virObjectEventStateQueue(state, virDomainEventRebootNew(3, "vm1", uuidA));
    /* nothing may be delivered inside the driver call that queued it */
    CHECK_INTEQ(life.calls, 0);
    flush();

    CHECK_INTEQ(life.calls, 1);
    CHECK_STREQ(life.name, "vm1");
    CHECK_INTEQ(life.id, 3);
    CHECK_INTEQ(life.a, VIR_DOMAIN_EVENT_STOPPED);
    CHECK_INTEQ(life.b, VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
    CHECK_INTEQ(rtc.calls, 1);
    CHECK_INTEQ(rtc.ll, -3600);
    CHECK_INTEQ(ioerr.calls, 1);
    CHECK_STREQ(ioerr.s[0], "/img");
    CHECK_STREQ(ioerr.s[1], "virtio-disk0");
    CHECK_STREQ(ioerr.s[2], "enospc");
    CHECK_INTEQ(ioerr.a, 1);
    CHECK_INTEQ(thr.calls, 1);
    CHECK_STREQ(thr.s[0], "vda");
    CHECK_INTEQ(thr.u1, 100);
    CHECK_INTEQ(thr.u2, 7);
    CHECK_INTEQ(tun.calls, 1);
    CHECK_INTEQ(tun.nparams, 1);
    CHECK_INTEQ(tun.u1, 123456);
    CHECK_INTEQ(gfx.calls, 1);
    CHECK_STREQ(gfx.s[0], "127.0.0.1");
    CHECK_STREQ(gfx.s[1], "40000");
    CHECK_STREQ(gfx.s[2], "vnc");
    CHECK_INTEQ(gfx.b, 2);

    for (i = 0; i < 6; i++)
        CHECK_INTEQ(virObjectEventStateDeregisterID(conn, state, id[i], true), 0);
    CHECK_INTEQ(life.freed + rtc.freed + ioerr.freed + thr.freed + tun.freed +
                gfx.freed, 6);
    CHECK_INTEQ(virObjectEventStateCount(state, conn), 0);
    return 0;
}

static int
testFilterAndDrop(void)
{
    g_autoptr(virObjectEventState) state = virObjectEventStateNew();
    virDomainPtr domA = virGetDomain(conn, "a", uuidA, 1);
    Seen all, onlyA, dropper;
    int idAll, idA, idDrop;

    seenInit(&all, state);
    seenInit(&onlyA, state);
    seenInit(&dropper, state);

    /* nothing listens yet: queued events are dropped, not kept */
    virObjectEventStateQueue(state, virDomainEventLifecycleNew(1, "a", uuidA, 0, 0));

    CHECK(virDomainEventStateRegisterID(conn, state, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                        VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                        &all, NULL, &idAll) == 1);
    CHECK(virDomainEventStateRegisterID(conn, state, domA, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                        VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                        &onlyA, NULL, &idA) == 2);
    /* the same callback for the same object twice is refused */
    CHECK(virDomainEventStateRegisterID(conn, state, domA, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                        VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                        &onlyA, NULL, &idDrop) < 0);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INVALID_ARG);
    /* legacy callback that deregisters the per-object one when it runs */
    CHECK(virDomainEventStateRegister(conn, state, lifecycleCb, &dropper,
                                      seenFree) >= 0);
    dropper.dropID = idA;

    flush();
    CHECK_INTEQ(all.calls, 0);

    virObjectEventStateQueue(state, virDomainEventLifecycleNew(2, "b", uuidB, 1, 0));
    virObjectEventStateQueue(state, virDomainEventLifecycleNew(1, "a", uuidA, 2, 0));
    virObjectEventStateQueue(state, virDomainEventLifecycleNew(1, "a", uuidA, 3, 0));
    flush();
    CHECK_INTEQ(all.calls, 3);
    CHECK_INTEQ(all.a, 3);
    CHECK_INTEQ(dropper.calls, 3);
    CHECK_INTEQ(dropper.dropResult, 2);  /* all and dropper itself remain */
    /* the first event (of 'b') did not match it, and dropper removed it
     * while that event was being dispatched: it never runs */
    CHECK_INTEQ(onlyA.calls, 0);
    CHECK_STREQ(all.name, "a");
    CHECK(virObjectEventStateDeregisterID(conn, state, idA, true) < 0);

    CHECK_INTEQ(virDomainEventStateDeregister(conn, state, lifecycleCb), 1);
    CHECK_INTEQ(dropper.freed, 1);
    CHECK(virDomainEventStateDeregister(conn, state, lifecycleCb) < 0);
    CHECK_INTEQ(virObjectEventStateDeregisterID(conn, state, idAll, true), 0);
    virObjectUnref(domA);
    return 0;
}

static int
testRemoteIDs(void)
{
    g_autoptr(virObjectEventState) state = virObjectEventStateNew();
    Seen s1, s2;
    int id1, id2;

    seenInit(&s1, state);
    seenInit(&s2, state);
    /* first client-side registration needs a server registration */
    CHECK_INTEQ(virDomainEventStateRegisterClient(conn, state, NULL, 0,
                                                  VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                                  &s1, NULL, false, &id1, true), 1);
    virObjectEventStateSetRemote(conn, state, id1, 7);
    CHECK_INTEQ(virObjectEventStateEventID(conn, state, id1, NULL), 0);
    CHECK_INTEQ(virDomainEventStateRegisterClient(conn, state, NULL, 0,
                                                  VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                                  &s2, NULL, true, &id2, true), 2);
    virObjectEventStateQueueRemote(state, virDomainEventLifecycleNew(1, "a", uuidA, 4, 0), 7);
    virObjectEventStateQueueRemote(state, virDomainEventLifecycleNew(1, "a", uuidA, 5, 0), 8);
    flush();
    CHECK_INTEQ(s1.calls, 1);
    CHECK_INTEQ(s1.a, 4);
    /* bound to the remote ID its twin had at registration */
    CHECK_INTEQ(s2.calls, 1);
    CHECK_INTEQ(virObjectEventStateDeregisterID(conn, state, id2, true), 1);
    CHECK_INTEQ(virObjectEventStateDeregisterID(conn, state, id1, true), 0);
    return 0;
}

static int
testFamilies(void)
{
    g_autoptr(virObjectEventState) state = virObjectEventStateNew();
    virNetworkPtr netB = virGetNetwork(conn, "netB", uuidB);
    Seen net, pool, dev, sec;
    int ids[4];

    seenInit(&net, state);
    seenInit(&pool, state);
    seenInit(&dev, state);
    seenInit(&sec, state);
    CHECK(virNetworkEventStateRegisterID(conn, state, netB, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                         VIR_NETWORK_EVENT_CALLBACK(networkCb),
                                         &net, NULL, &ids[0]) >= 0);
    CHECK(virStoragePoolEventStateRegisterID(conn, state, NULL,
                                             VIR_STORAGE_POOL_EVENT_ID_REFRESH,
                                             VIR_STORAGE_POOL_EVENT_CALLBACK(poolRefreshCb),
                                             &pool, NULL, &ids[1]) >= 0);
    CHECK(virNodeDeviceEventStateRegisterID(conn, state, NULL,
                                            VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
                                            VIR_NODE_DEVICE_EVENT_CALLBACK(nodedevCb),
                                            &dev, NULL, &ids[2]) >= 0);
    CHECK(virSecretEventStateRegisterID(conn, state, NULL,
                                        VIR_SECRET_EVENT_ID_VALUE_CHANGED,
                                        VIR_SECRET_EVENT_CALLBACK(secretCb),
                                        &sec, NULL, &ids[3]) >= 0);
    virObjectEventStateQueue(state, virNetworkEventLifecycleNew("netA", uuidA, 2, 0));
    virObjectEventStateQueue(state, virNetworkEventLifecycleNew("netB", uuidB, 3, 0));
    virObjectEventStateQueue(state, virStoragePoolEventRefreshNew("pool1", uuidA));
    /* a lifecycle event must not reach a refresh callback */
    virObjectEventStateQueue(state, virStoragePoolEventLifecycleNew("pool1", uuidA, 1, 0));
    virObjectEventStateQueue(state, virNodeDeviceEventLifecycleNew("scsi_host9", 1, 0));
    virObjectEventStateQueue(state, virNodeDeviceEventUpdateNew("scsi_host9"));
    virObjectEventStateQueue(state, virSecretEventValueChangedNew(uuidA,
                                                                  VIR_SECRET_USAGE_TYPE_VOLUME,
                                                                  "/var/a.img"));
    /* a domain event with a network callback's ID must not reach it */
    virObjectEventStateQueue(state, virDomainEventLifecycleNew(1, "a", uuidA, 0, 0));
    flush();
    CHECK_INTEQ(net.calls, 1);
    CHECK_STREQ(net.name, "netB");
    CHECK_INTEQ(net.a, 3);
    CHECK_INTEQ(pool.calls, 1);
    CHECK_STREQ(pool.name, "pool1");
    CHECK_INTEQ(dev.calls, 1);
    CHECK_STREQ(dev.name, "scsi_host9");
    CHECK_INTEQ(dev.a, 1);
    CHECK_INTEQ(sec.calls, 1);
    CHECK_STREQ(sec.name, "/var/a.img");
    CHECK_INTEQ(sec.a, VIR_SECRET_USAGE_TYPE_VOLUME);
    for (size_t i = 0; i < 4; i++)
        CHECK(virObjectEventStateDeregisterID(conn, state, ids[i], true) == 0);
    virObjectUnref(netB);
    return 0;
}

/* A callback that stays inside for a while, run by another thread. */
typedef struct {
    GMutex lock;
    GCond cond;
    bool entered;
    gint finished;
    int freed;
} Slow;

static int
slowCb(virConnectPtr c G_GNUC_UNUSED, virDomainPtr dom G_GNUC_UNUSED,
       int event G_GNUC_UNUSED, int detail G_GNUC_UNUSED, void *opaque)
{
    Slow *slow = opaque;

    g_mutex_lock(&slow->lock);
    slow->entered = true;
    g_cond_signal(&slow->cond);
    g_mutex_unlock(&slow->lock);
    g_usleep(200 * 1000);
    g_atomic_int_set(&slow->finished, 1);
    return 0;
}

static void
slowFree(void *opaque)
{
    ((Slow *)opaque)->freed++;
}

static gpointer
flushThread(gpointer opaque G_GNUC_UNUSED)
{
    flush();
    return NULL;
}

/* Deregistering while another thread runs the callback returns only
 * when the callback is over and its handle (with its reference to the
 * connection) is gone: virConnectClose right after must find no
 * reference but its own. */
static int
testDeregisterWaits(void)
{
    g_autoptr(virObjectEventState) state = virObjectEventStateNew();
    Slow slow = { 0 };
    GThread *thread;
    int refs;
    int id;

    g_mutex_init(&slow.lock);
    g_cond_init(&slow.cond);
    refs = g_atomic_int_get(&conn->parent.parent.refs);
    CHECK(virDomainEventStateRegisterID(conn, state, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                        VIR_DOMAIN_EVENT_CALLBACK(slowCb),
                                        &slow, slowFree, &id) == 1);
    virObjectEventStateQueue(state, virDomainEventLifecycleNew(1, "a", uuidA, 0, 0));
    thread = g_thread_new("flush", flushThread, NULL);
    g_mutex_lock(&slow.lock);
    while (!slow.entered)
        g_cond_wait(&slow.cond, &slow.lock);
    g_mutex_unlock(&slow.lock);

    CHECK_INTEQ(virObjectEventStateDeregisterID(conn, state, id, true), 0);
    CHECK_INTEQ(g_atomic_int_get(&slow.finished), 1);
    CHECK_INTEQ(slow.freed, 1);
    CHECK_INTEQ(g_atomic_int_get(&conn->parent.parent.refs), refs);
    g_thread_join(thread);
    g_cond_clear(&slow.cond);
    g_mutex_clear(&slow.lock);
    return 0;
}

int
main(void)
{
    int ret = 0;

    if (virEventRegisterDefaultImpl() < 0 ||
        !(conn = virConnectOpen("test:///default")))
        return 1;
    ret |= virTestRun("domain event payloads", testDomainPayloads);
    ret |= virTestRun("filters and deregistration in a callback", testFilterAndDrop);
    ret |= virTestRun("remote IDs", testRemoteIDs);
    ret |= virTestRun("network, pool, node device, secret events", testFamilies);
    ret |= virTestRun("deregistration waits for a running callback",
                      testDeregisterWaits);
    virConnectClose(conn);
    (void)ret;
    return virTestDone();
}
