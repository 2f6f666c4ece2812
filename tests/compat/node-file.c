/*
 * node-file.c: test:///PATH.xml connections: a node description with
 * host facts and domains in every state the test namespace offers
 * (inline and by file reference), malformed descriptions, and the
 * <auth> section's users.
 */
#include "compat.h"

static void
showNodeInfo(virConnectPtr conn)
{
    virNodeInfo info;

    if (CHECK_INT(virNodeGetInfo(conn, &info)) == 0)
        printf("  model=%s memory=%lu cpus=%u mhz=%u nodes=%u sockets=%u cores=%u threads=%u\n",
               info.model, info.memory, info.cpus, info.mhz, info.nodes,
               info.sockets, info.cores, info.threads);
}

static void
showDomain(virConnectPtr conn, const char *name)
{
    virDomainPtr dom = virDomainLookupByName(conn, name);

    printf("-- %s\n", name);
    if (!dom) {
        compatShowError("virDomainLookupByName");
        return;
    }
    CHECK_STR(virDomainGetXMLDesc(dom, 0));
    CHECK_STR(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    virDomainFree(dom);
}

static char *
nodeURI(const char *dir, const char *file)
{
    size_t len = strlen(dir) + strlen(file) + 16;
    char *uri = malloc(len);

    snprintf(uri, len, "test://%s/%s", dir, file);
    return uri;
}

static void
tryFile(const char *dir, const char *file)
{
    char *uri = nodeURI(dir, file);
    virConnectPtr conn;

    printf("-- %s\n", file);
    if ((conn = compatTryOpen(uri, NULL, 0)))
        virConnectClose(conn);
    free(uri);
}

/* Answers the <auth> prompts: user[0] and password[1] from @cbdata. */
static int
authCallback(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata)
{
    const char **answers = cbdata;
    unsigned int i;

    for (i = 0; i < ncred; i++) {
        const char *answer = cred[i].type == VIR_CRED_AUTHNAME ? answers[0] : answers[1];

        printf("  prompt type=%d '%s' challenge='%s' default='%s'\n", cred[i].type,
               cred[i].prompt, cred[i].challenge ? cred[i].challenge : "(null)",
               cred[i].defresult ? cred[i].defresult : "(null)");
        if (!answer)
            return -1;
        cred[i].result = strdup(answer);
        cred[i].resultlen = strlen(answer);
    }
    return 0;
}

static void
tryAuth(const char *uri, const char *user, const char *password)
{
    int credtypes[] = { VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE };
    const char *answers[] = { user, password };
    virConnectAuth auth = { credtypes, 2, authCallback, answers };
    virConnectPtr conn;

    printf("-- user=%s password=%s\n", user ? user : "(none)", password ? password : "(none)");
    if ((conn = compatTryOpen(uri, &auth, 0)))
        virConnectClose(conn);
}

int
main(int argc, char **argv)
{
    const char *dir = COMPAT_DATA_DIR(argc, argv);
    char *uri = nodeURI(dir, "node-domains.xml");
    virConnectPtr conn = compatOpen(uri, 0);
    const char *bad[] = {
        "node-bad-cpu.xml", "node-bad-memory.xml", "node-bad-runstate.xml",
        "node-bad-transient.xml", "node-bad-managedsave.xml", "node-bad-ref.xml",
        "node-bad-root.xml", "node-bad-dup.xml", "node-bad-model.xml",
        "no-such-node.xml",
    };
    size_t i;

    compatSection("host facts");
    showNodeInfo(conn);
    CHECK_STR(virConnectGetCapabilities(conn));
    CHECK_INT(virConnectNumOfDomains(conn));
    CHECK_INT(virConnectNumOfDefinedDomains(conn));

    compatSection("domains");
    compatShowDomains(conn, 0);
    showDomain(conn, "inline-running");
    showDomain(conn, "from-file");
    showDomain(conn, "paused");
    showDomain(conn, "transient");
    showDomain(conn, "saved");

    compatSection("a second connection has a state of its own");
    {
        virConnectPtr other = compatOpen(uri, 0);
        virDomainPtr dom = CHECK_PTR(virDomainLookupByName(other, "paused"));

        CHECK_INT(virDomainDestroy(dom));
        virDomainFree(dom);
        compatShowDomains(other, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
        compatShowDomains(conn, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
        CHECK_INT(virConnectClose(other));
    }
    CHECK_INT(virConnectClose(conn));
    free(uri);

    compatSection("malformed descriptions");
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        tryFile(dir, bad[i]);
    tryFile(dir, "");

    compatSection("auth");
    uri = nodeURI(dir, "node-auth.xml");
    if ((conn = compatTryOpen(uri, NULL, 0)))
        virConnectClose(conn);
    tryAuth(uri, "alice", "secret");
    tryAuth(uri, "alice", "wrong");
    tryAuth(uri, "bob", NULL);
    tryAuth(uri, "carol", "x");
    tryAuth(uri, NULL, NULL);
    free(uri);
    return 0;
}
