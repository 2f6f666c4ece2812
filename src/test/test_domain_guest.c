/*
 * test_domain_guest.c: what the test driver's running domains answer
 * about their insides: NMI, process signals, user passwords, file
 * system freeze/thaw/trim (a guest with "/" and "/boot"), memory
 * statistics and peeks, the security label and the domain messages.
 *
 * Nothing here is a real guest: the answers are libvirt's test driver's
 * fixed ones, the freeze state is kept per domain (testDomainObjPrivate).
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The running domain of @domain (locked, referenced), or NULL with an
 * error ("domain is not running" when it is off). */
static virDomainObj *
testDomObjRunning(virDomainPtr domain)
{
    virDomainObj *dom = testDomObjFromDomain(domain);

    if (dom && virDomainObjCheckActive(dom) < 0)
        virDomainObjEndAPI(&dom);
    return dom;
}


static int
testDomainInjectNMI(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjRunning(domain)))
        return -1;
    virDomainObjEndAPI(&dom);
    return 0;
}


static int
testDomainSendProcessSignal(virDomainPtr domain, long long pid, unsigned int signum,
                            unsigned int flags)
{
    virDomainObj *dom;

    virCheckFlags(0, -1);

    if (pid != 1) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "only sending a signal to pid 1 is supported");
        return -1;
    }
    if (signum >= VIR_DOMAIN_PROCESS_SIGNAL_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "signum value %d is out of range", signum);
        return -1;
    }
    /* as libvirt's test driver: a shut off domain takes signals too */
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    virDomainObjEndAPI(&dom);
    return 0;
}


static int
testDomainSetUserPassword(virDomainPtr domain, const char *user G_GNUC_UNUSED,
                          const char *password G_GNUC_UNUSED, unsigned int flags)
{
    virDomainObj *dom;

    virCheckFlags(VIR_DOMAIN_PASSWORD_ENCRYPTED, -1);

    if (!(dom = testDomObjRunning(domain)))
        return -1;
    virDomainObjEndAPI(&dom);
    return 0;
}


/* ---- file systems ---- */

/* The index of the guest's mount point @path in frozen[], or -1 with
 * libvirt's error. */
static int
testDomainMountIndex(const char *path)
{
    if (STREQ(path, "/"))
        return 0;
    if (STREQ(path, "/boot"))
        return 1;
    virReportError(VIR_ERR_OPERATION_INVALID, "mount point not found: %s", path);
    return -1;
}


/* Freeze (@freeze) or thaw the @n mount points (all when 0); the number
 * whose state changed, or -1 with nothing changed. */
static int
testDomainFSSetFrozen(virDomainPtr domain, const char **mounts, unsigned int n,
                      bool freeze)
{
    testDomainObjPrivate *priv;
    virDomainObj *dom;
    bool frozen[2];
    int changed = 0;
    size_t i;

    if (!(dom = testDomObjRunning(domain)))
        return -1;
    priv = testDomainPrivate(dom);
    memcpy(frozen, priv->frozen, sizeof(frozen));
    for (i = 0; i < (n ? n : G_N_ELEMENTS(frozen)); i++) {
        int idx = n ? testDomainMountIndex(mounts[i]) : (int)i;

        if (idx < 0) {
            virDomainObjEndAPI(&dom);
            return -1;
        }
        if (frozen[idx] != freeze) {
            frozen[idx] = freeze;
            changed++;
        }
    }
    memcpy(priv->frozen, frozen, sizeof(frozen));
    virDomainObjEndAPI(&dom);
    return changed;
}


static int
testDomainFSFreeze(virDomainPtr domain, const char **mounts, unsigned int n,
                   unsigned int flags)
{
    virCheckFlags(0, -1);
    return testDomainFSSetFrozen(domain, mounts, n, true);
}


static int
testDomainFSThaw(virDomainPtr domain, const char **mounts, unsigned int n,
                 unsigned int flags)
{
    virCheckFlags(0, -1);
    return testDomainFSSetFrozen(domain, mounts, n, false);
}


static int
testDomainFSTrim(virDomainPtr domain, const char *mountPoint,
                 unsigned long long minimum G_GNUC_UNUSED, unsigned int flags)
{
    virDomainObj *dom;
    int ret = 0;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjRunning(domain)))
        return -1;
    if (mountPoint && testDomainMountIndex(mountPoint) < 0)
        ret = -1;
    virDomainObjEndAPI(&dom);
    return ret;
}


/* ---- memory ---- */

static int
testDomainMemoryStats(virDomainPtr domain, virDomainMemoryStatPtr stats,
                      unsigned int nr_stats, unsigned int flags)
{
    virDomainObj *dom;
    unsigned long long cur;
    unsigned int n = 0;
    size_t i;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjRunning(domain)))
        return -1;
    /* libvirt's test driver keeps the balloon size in an int */
    cur = (unsigned long long)(int)dom->def->mem.cur;
    if (dom->def->nmemballoons > 0 &&
        dom->def->memballoons[0]->model != VIR_DOMAIN_MEMBALLOON_MODEL_NONE) {
        const struct {
            int tag;
            unsigned long long val;
        } table[] = {
            { VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON, cur },
            { VIR_DOMAIN_MEMORY_STAT_SWAP_IN, 0 },
            { VIR_DOMAIN_MEMORY_STAT_SWAP_OUT, 0 },
            { VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT, 0 },
            { VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT, 0 },
            { VIR_DOMAIN_MEMORY_STAT_UNUSED, cur / 2 },
            { VIR_DOMAIN_MEMORY_STAT_AVAILABLE, cur },
            { VIR_DOMAIN_MEMORY_STAT_USABLE, cur / 2 },
            { VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE, 627319920 },
            { VIR_DOMAIN_MEMORY_STAT_DISK_CACHES, cur / 8 },
            { VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC, 0 },
            { VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL, 0 },
            { VIR_DOMAIN_MEMORY_STAT_RSS, cur / 2 },
        };

        for (i = 0; i < G_N_ELEMENTS(table) && n < nr_stats; i++, n++) {
            stats[n].tag = table[i].tag;
            stats[n].val = table[i].val;
        }
    }
    virDomainObjEndAPI(&dom);
    return n;
}


static int
testDomainMemoryPeek(virDomainPtr domain, unsigned long long start, size_t size,
                     void *buffer, unsigned int flags)
{
    unsigned char b = start;
    virDomainObj *dom;
    size_t i;

    virCheckFlags(VIR_MEMORY_VIRTUAL | VIR_MEMORY_PHYSICAL, -1);

    if (flags != VIR_MEMORY_VIRTUAL && flags != VIR_MEMORY_PHYSICAL) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "flags parameter must be VIR_MEMORY_VIRTUAL or VIR_MEMORY_PHYSICAL");
        return -1;
    }
    if (!(dom = testDomObjRunning(domain)))
        return -1;
    /* a made-up memory: each byte is its address's low byte */
    for (i = 0; i < size; i++)
        ((unsigned char *)buffer)[i] = b++;
    virDomainObjEndAPI(&dom);
    return 0;
}


/* ---- security label and messages ---- */

static int
testDomainGetSecurityLabel(virDomainPtr domain, virSecurityLabelPtr seclabel)
{
    virDomainObj *dom;

    memset(seclabel, 0, sizeof(*seclabel));
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjIsActive(dom)) {
        g_strlcpy(seclabel->label, "libvirt-test", sizeof(seclabel->label));
        seclabel->enforcing = 1;
    }
    virDomainObjEndAPI(&dom);
    return 0;
}


static int
testDomainGetMessages(virDomainPtr domain, char ***msgs, unsigned int flags)
{
    virDomainObj *dom;

    virCheckFlags(VIR_DOMAIN_MESSAGE_DEPRECATION | VIR_DOMAIN_MESSAGE_TAINTING, -1);

    *msgs = NULL;
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    /* the test driver never taints a domain nor finds a deprecated
     * setting: an empty, NULL-terminated list */
    *msgs = g_new0(char *, 1);
    virDomainObjEndAPI(&dom);
    return 0;
}


void
testDomainGuestRegister(virHypervisorDriver *d)
{
    d->domainInjectNMI = testDomainInjectNMI;
    d->domainSendProcessSignal = testDomainSendProcessSignal;
    d->domainSetUserPassword = testDomainSetUserPassword;
    d->domainFSFreeze = testDomainFSFreeze;
    d->domainFSThaw = testDomainFSThaw;
    d->domainFSTrim = testDomainFSTrim;
    d->domainMemoryStats = testDomainMemoryStats;
    d->domainMemoryPeek = testDomainMemoryPeek;
    d->domainGetSecurityLabel = testDomainGetSecurityLabel;
    d->domainGetMessages = testDomainGetMessages;
}
