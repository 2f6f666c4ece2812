/*
 * domain-guest.c: the calls that reach into a running guest (NMI,
 * process signals, user passwords, file system freeze/thaw/trim, memory
 * statistics and peeks, security label, messages), on the running
 * domain "test" and after it is shut off, with their errors.
 */
#include "compat.h"

static void
fileSystems(virDomainPtr dom)
{
    const char *root[] = { "/" };
    const char *both[] = { "/", "/boot" };
    const char *bad[] = { "/boot", "/nosuch" };

    compatSection("file systems");
    CHECK_INT(virDomainFSFreeze(dom, root, 1, 0));
    CHECK_INT(virDomainFSFreeze(dom, root, 1, 0));
    CHECK_INT(virDomainFSFreeze(dom, bad, 2, 0));
    CHECK_INT(virDomainFSFreeze(dom, NULL, 0, 0));
    CHECK_INT(virDomainFSFreeze(dom, NULL, 0, 1));
    CHECK_INT(virDomainFSThaw(dom, both, 2, 0));
    CHECK_INT(virDomainFSThaw(dom, NULL, 0, 0));
    CHECK_INT(virDomainFSFreeze(dom, both, 2, 0));
    CHECK_INT(virDomainFSThaw(dom, bad, 2, 0));
    CHECK_INT(virDomainFSThaw(dom, NULL, 0, 0));
    CHECK_INT(virDomainFSThaw(dom, NULL, 0, 2));
    CHECK_INT(virDomainFSTrim(dom, NULL, 0, 0));
    CHECK_INT(virDomainFSTrim(dom, "/boot", 1024, 0));
    CHECK_INT(virDomainFSTrim(dom, "/nosuch", 0, 0));
    CHECK_INT(virDomainFSTrim(dom, "/", 0, 4));
}

static void
memory(virDomainPtr dom)
{
    virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
    unsigned char buf[8];
    int i, n;

    compatSection("memory");
    n = CHECK_INT(virDomainMemoryStats(dom, stats, VIR_DOMAIN_MEMORY_STAT_NR, 0));
    for (i = 0; i < n; i++)
        printf("  tag %d = %llu\n", stats[i].tag, stats[i].val);
    n = CHECK_INT(virDomainMemoryStats(dom, stats, 3, 0));
    for (i = 0; i < n; i++)
        printf("  tag %d = %llu\n", stats[i].tag, stats[i].val);
    CHECK_INT(virDomainMemoryStats(dom, stats, 3, 1));
    if (CHECK_INT(virDomainMemoryPeek(dom, 254, sizeof(buf), buf, VIR_MEMORY_VIRTUAL)) == 0) {
        for (i = 0; i < (int)sizeof(buf); i++)
            printf(" %02x", buf[i]);
        printf("\n");
    }
    CHECK_INT(virDomainMemoryPeek(dom, 0, sizeof(buf), buf, VIR_MEMORY_PHYSICAL));
    CHECK_INT(virDomainMemoryPeek(dom, 0, sizeof(buf), buf, 0));
    CHECK_INT(virDomainMemoryPeek(dom, 0, sizeof(buf), buf,
                                  VIR_MEMORY_VIRTUAL | VIR_MEMORY_PHYSICAL));
    CHECK_INT(virDomainMemoryPeek(dom, 0, sizeof(buf), buf, 4));
}

static void
misc(virDomainPtr dom)
{
    virSecurityLabel label;
    char **msgs = NULL;
    int i, n;

    compatSection("misc");
    CHECK_INT(virDomainInjectNMI(dom, 0));
    CHECK_INT(virDomainInjectNMI(dom, 1));
    CHECK_INT(virDomainSendProcessSignal(dom, 1, VIR_DOMAIN_PROCESS_SIGNAL_TERM, 0));
    CHECK_INT(virDomainSendProcessSignal(dom, 2, VIR_DOMAIN_PROCESS_SIGNAL_TERM, 0));
    CHECK_INT(virDomainSendProcessSignal(dom, 1, 500, 0));
    CHECK_INT(virDomainSendProcessSignal(dom, 1, 0, 8));
    CHECK_INT(virDomainSetUserPassword(dom, "root", "secret", 0));
    CHECK_INT(virDomainSetUserPassword(dom, "root", "$6$x", VIR_DOMAIN_PASSWORD_ENCRYPTED));
    CHECK_INT(virDomainSetUserPassword(dom, "root", "secret", 2));
    if (CHECK_INT(virDomainGetSecurityLabel(dom, &label)) == 0)
        printf("  label='%s' enforcing=%d\n", label.label, label.enforcing);
    n = CHECK_INT(virDomainGetMessages(dom, &msgs, 0));
    for (i = 0; i < n; i++)
        printf("  %s\n", msgs[i]);
    for (i = 0; msgs && msgs[i]; i++)
        free(msgs[i]);
    free(msgs);
    msgs = NULL;
    CHECK_INT(virDomainGetMessages(dom, &msgs, VIR_DOMAIN_MESSAGE_TAINTING));
    free(msgs);
    CHECK_INT(virDomainGetMessages(dom, &msgs, 4));
}

static void
shutOff(virDomainPtr dom)
{
    virDomainMemoryStatStruct stats[2];
    virSecurityLabel label;
    unsigned char buf[4];

    compatSection("shut off");
    CHECK_INT(virDomainDestroy(dom));
    CHECK_INT(virDomainInjectNMI(dom, 0));
    CHECK_INT(virDomainSendProcessSignal(dom, 1, VIR_DOMAIN_PROCESS_SIGNAL_KILL, 0));
    CHECK_INT(virDomainSetUserPassword(dom, "root", "secret", 0));
    CHECK_INT(virDomainFSFreeze(dom, NULL, 0, 0));
    CHECK_INT(virDomainFSThaw(dom, NULL, 0, 0));
    CHECK_INT(virDomainFSTrim(dom, NULL, 0, 0));
    CHECK_INT(virDomainMemoryStats(dom, stats, 2, 0));
    CHECK_INT(virDomainMemoryPeek(dom, 0, sizeof(buf), buf, VIR_MEMORY_VIRTUAL));
    if (CHECK_INT(virDomainGetSecurityLabel(dom, &label)) == 0)
        printf("  label='%s' enforcing=%d\n", label.label, label.enforcing);
}

int
main(void)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom = CHECK_PTR(virDomainLookupByName(conn, "test"));

    if (!dom)
        return 1;
    fileSystems(dom);
    memory(dom);
    misc(dom);
    CHECK_INT(virDomainSetMemory(dom, 100000));
    memory(dom);
    shutOff(dom);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}
