/*
 * pool-events.c: storage pool lifecycle and refresh events as the
 * operations raise them (define, build, start, refresh, stop, delete,
 * undefine, a transient pool), delivered through the public event loop
 * to callbacks of every pool or of one, on the connection that acted and
 * on another one sharing test:///default; failed operations raise none.
 */
#include "compat.h"

static const char *poolXML =
"<pool type='dir'>"
"  <name>evpool</name>"
"  <uuid>7d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c5d</uuid>"
"  <target><path>/evpool</path></target>"
"</pool>";

static int ticked;

static void
tick(int timer, void *opaque)
{
    (void)opaque;
    virEventRemoveTimeout(timer);
    ticked = 1;
}

/* Run the loop until every queued event is delivered: a timer of a few
 * milliseconds fires only after the driver's zero-delay flush. */
static void
drain(void)
{
    ticked = 0;
    virEventAddTimeout(5, tick, NULL, NULL);
    while (!ticked)
        virEventRunDefaultImpl();
}

static void
lifecycle(virConnectPtr conn, virStoragePoolPtr pool, int event, int detail,
          void *opaque)
{
    (void)conn;
    printf("  event [%s] %s: %d/%d\n", (const char *)opaque,
           virStoragePoolGetName(pool), event, detail);
}

static void
refresh(virConnectPtr conn, virStoragePoolPtr pool, void *opaque)
{
    (void)conn;
    printf("  refresh [%s] %s\n", (const char *)opaque, virStoragePoolGetName(pool));
}

static int
registerLifecycle(virConnectPtr conn, virStoragePoolPtr pool, const char *tag)
{
    char expr[96];
    int id = virConnectStoragePoolEventRegisterAny(conn, pool,
                                                   VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                                   VIR_STORAGE_POOL_EVENT_CALLBACK(lifecycle),
                                                   (void *)tag, NULL);

    snprintf(expr, sizeof(expr), "register lifecycle [%s]", tag);
    if (id < 0)
        compatShowError(expr);
    else
        printf("%s -> ok\n", expr);
    return id;
}

/* Refused calls on @pool, inactive or (@active) running: no events. */
static void
failures(virStoragePoolPtr pool, int active)
{
    compatSection(active ? "refused on a running pool" : "refused on a stopped pool");
    if (active) {
        CHECK_INT(virStoragePoolCreate(pool, 0));
        CHECK_INT(virStoragePoolBuild(pool, 0));
        CHECK_INT(virStoragePoolDelete(pool, 0));
        CHECK_INT(virStoragePoolUndefine(pool));
        CHECK_INT(virStoragePoolRefresh(pool, 1));
    } else {
        CHECK_INT(virStoragePoolRefresh(pool, 0));
        CHECK_INT(virStoragePoolDestroy(pool));
        CHECK_INT(virStoragePoolCreate(pool, 1));
        CHECK_INT(virStoragePoolBuild(pool, 1));
        CHECK_INT(virStoragePoolDelete(pool, 1));
    }
    drain();
}

int
main(int argc, char **argv)
{
    virConnectPtr conn;
    virConnectPtr other;
    virStoragePoolPtr pool;
    virStoragePoolPtr def;
    int all, one, remote, refr, refrOne;

    (void)argc;
    (void)argv;
    CHECK_INT(virEventRegisterDefaultImpl());
    conn = compatOpen("test:///default", 0);
    other = compatOpen("test:///default", 0);

    compatSection("registration");
    all = registerLifecycle(conn, NULL, "all");
    def = CHECK_PTR(virStoragePoolLookupByName(conn, "default-pool"));
    one = registerLifecycle(conn, def, "default-pool");
    remote = registerLifecycle(other, NULL, "other");
    refr = CHECK_INT(virConnectStoragePoolEventRegisterAny(conn, NULL,
                                                           VIR_STORAGE_POOL_EVENT_ID_REFRESH,
                                                           VIR_STORAGE_POOL_EVENT_CALLBACK(refresh),
                                                           "all", NULL));
    refrOne = CHECK_INT(virConnectStoragePoolEventRegisterAny(other, def,
                                                              VIR_STORAGE_POOL_EVENT_ID_REFRESH,
                                                              VIR_STORAGE_POOL_EVENT_CALLBACK(refresh),
                                                              "other-default", NULL));
    registerLifecycle(conn, NULL, "all");
    CHECK_INT(virConnectStoragePoolEventRegisterAny(conn, NULL, 2,
                                                    VIR_STORAGE_POOL_EVENT_CALLBACK(refresh),
                                                    "bad", NULL));
    CHECK_INT(virConnectStoragePoolEventRegisterAny(conn, NULL, -1,
                                                    VIR_STORAGE_POOL_EVENT_CALLBACK(refresh),
                                                    "bad", NULL));
    CHECK_INT(virConnectStoragePoolEventRegisterAny(conn, NULL,
                                                    VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                                    NULL, NULL, NULL));
    CHECK_INT(virConnectStoragePoolEventRegisterAny(NULL, NULL,
                                                    VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                                    VIR_STORAGE_POOL_EVENT_CALLBACK(lifecycle),
                                                    NULL, NULL));

    compatSection("the default pool refreshed, stopped, built, deleted, started");
    CHECK_INT(virStoragePoolRefresh(def, 0));
    drain();
    CHECK_INT(virStoragePoolDestroy(def));
    drain();
    CHECK_INT(virStoragePoolRefresh(def, 0));
    CHECK_INT(virStoragePoolDestroy(def));
    CHECK_INT(virStoragePoolBuild(def, 0));
    CHECK_INT(virStoragePoolDelete(def, 0));
    drain();
    CHECK_INT(virStoragePoolCreate(def, 0));
    drain();

    compatSection("a pool defined, started, stopped and undefined");
    pool = CHECK_PTR(virStoragePoolDefineXML(conn, poolXML, 0));
    drain();
    failures(pool, 0);
    CHECK_INT(virStoragePoolBuild(pool, 0));
    CHECK_INT(virStoragePoolCreate(pool, 0));
    drain();
    failures(pool, 1);
    CHECK_INT(virStoragePoolRefresh(pool, 0));
    CHECK_INT(virStoragePoolDestroy(pool));
    CHECK_INT(virStoragePoolDelete(pool, 0));
    CHECK_INT(virStoragePoolUndefine(pool));
    drain();
    virStoragePoolFree(pool);

    compatSection("defined again while running");
    pool = CHECK_PTR(virStoragePoolDefineXML(conn, poolXML, 0));
    CHECK_INT(virStoragePoolCreate(pool, 0));
    virStoragePoolFree(pool);
    pool = CHECK_PTR(virStoragePoolDefineXML(conn, poolXML, 0));
    drain();
    CHECK_INT(virStoragePoolDestroy(pool));
    CHECK_INT(virStoragePoolUndefine(pool));
    drain();
    virStoragePoolFree(pool);

    compatSection("a transient pool");
    pool = CHECK_PTR(virStoragePoolCreateXML(conn, poolXML, 0));
    drain();
    CHECK_INT(virStoragePoolRefresh(pool, 0));
    CHECK_INT(virStoragePoolDestroy(pool));
    drain();
    CHECK_INT(virStoragePoolRefresh(pool, 0));
    drain();
    virStoragePoolFree(pool);

    compatSection("deregistration");
    CHECK_INT(virConnectStoragePoolEventDeregisterAny(conn, one));
    CHECK_INT(virConnectStoragePoolEventDeregisterAny(conn, one));
    CHECK_INT(virConnectStoragePoolEventDeregisterAny(other, all));
    CHECK_INT(virConnectStoragePoolEventDeregisterAny(conn, refr));
    CHECK_INT(virConnectStoragePoolEventDeregisterAny(NULL, refr));
    CHECK_INT(virStoragePoolDestroy(def));
    CHECK_INT(virStoragePoolCreate(def, 0));
    CHECK_INT(virStoragePoolRefresh(def, 0));
    drain();
    CHECK_INT(virConnectStoragePoolEventDeregisterAny(conn, all));
    CHECK_INT(virConnectStoragePoolEventDeregisterAny(other, remote));
    CHECK_INT(virConnectStoragePoolEventDeregisterAny(other, refrOne));
    CHECK_INT(virStoragePoolDestroy(def));
    CHECK_INT(virStoragePoolCreate(def, 0));
    CHECK_INT(virStoragePoolRefresh(def, 0));
    drain();
    virStoragePoolFree(def);
    CHECK_INT(virConnectClose(other));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
