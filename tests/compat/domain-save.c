/*
 * domain-save.c: save images (written, read back, redefined, restored,
 * also one written by libvirt itself), managed save and its effect on
 * undefine, start and the list filters, core dumps, and the errors of
 * each.
 */
#include <unistd.h>

#include "compat.h"

static const char *transientXML =
"<domain type='test'>"
"  <name>tsave</name>"
"  <uuid>11111111-2222-3333-4444-666666666666</uuid>"
"  <memory>1048576</memory>"
"  <vcpu>1</vcpu>"
"  <os><type>hvm</type></os>"
"</domain>";

static void
showState(virDomainPtr dom)
{
    int state = -1, reason = -1;

    if (CHECK_INT(virDomainGetState(dom, &state, &reason, 0)) == 0)
        printf("  state=%d reason=%d id=%d\n", state, reason, (int)virDomainGetID(dom));
}

static char *
join(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);

    snprintf(path, len, "%s/%s", dir, name);
    return path;
}

static void
saveImages(virConnectPtr conn, const char *tmp, const char *data)
{
    virDomainPtr dom = CHECK_PTR(virDomainLookupByName(conn, "test"));
    char *img = join(tmp, "test.img");
    char *theirs = join(data, "saved-by-libvirt.img");
    char *shortImg = join(data, "saved-short.img");
    char *notImg = join(data, "node-auth.xml");
    char *xml;

    CHECK_INT(virDomainSaveFlags(dom, img, "<domain/>", 0));
    CHECK_INT(virDomainSaveFlags(dom, img, NULL, VIR_DOMAIN_SAVE_PAUSED));
    CHECK_INT(virDomainSaveFlags(dom, img, NULL, VIR_DOMAIN_SAVE_PAUSED | VIR_DOMAIN_SAVE_RUNNING));
    CHECK_INT(virDomainSaveFlags(dom, NULL, NULL, 0));
    CHECK_INT(virDomainSave(dom, "/nonexistent-dir/test.img"));
    showState(dom);
    CHECK_INT(virDomainSave(dom, img));
    showState(dom);
    CHECK_INT(virDomainSave(dom, img));
    CHECK_INT(virDomainHasManagedSaveImage(dom, 0));
    CHECK_STR(virDomainSaveImageGetXMLDesc(conn, img, 0));
    CHECK_STR(virDomainSaveImageGetXMLDesc(conn, img, 2));
    xml = virDomainSaveImageGetXMLDesc(conn, img, VIR_DOMAIN_SAVE_IMAGE_XML_SECURE);
    CHECK_INT(virDomainSaveImageDefineXML(conn, img, "<domain", 0));
    CHECK_INT(virDomainSaveImageDefineXML(conn, img, xml, 4));
    CHECK_INT(virDomainSaveImageDefineXML(conn, img, xml, VIR_DOMAIN_SAVE_RUNNING));
    free(xml);
    CHECK_INT(virDomainSaveImageDefineXML(conn, img,
        "<domain type='test'><name>test</name>"
        "<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>"
        "<memory>4096</memory><currentMemory>2048</currentMemory><vcpu>1</vcpu>"
        "<os><type>hvm</type></os></domain>", 0));
    CHECK_STR(virDomainSaveImageGetXMLDesc(conn, img, 0));
    CHECK_INT(virDomainRestoreFlags(conn, img, "<domain/>", 0));
    CHECK_INT(virDomainRestoreFlags(conn, img, NULL, 1));
    CHECK_INT(virDomainRestore(conn, img));
    virDomainFree(dom);
    dom = CHECK_PTR(virDomainLookupByName(conn, "test"));
    showState(dom);
    CHECK_STR(virDomainGetXMLDesc(dom, 0));
    CHECK_STR(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    CHECK_INT(virDomainRestore(conn, img));

    compatSection("images from elsewhere");
    CHECK_STR(virDomainSaveImageGetXMLDesc(conn, theirs, 0));
    CHECK_INT(virDomainDestroy(dom));
    CHECK_INT(virDomainRestore(conn, theirs));
    showState(dom);
    CHECK_INT(virDomainRestore(conn, "/nonexistent-dir/test.img"));
    CHECK_INT(virDomainRestore(conn, shortImg));
    CHECK_INT(virDomainRestore(conn, notImg));
    CHECK_STR(virDomainSaveImageGetXMLDesc(conn, notImg, 0));
    CHECK_INT(virDomainRestore(conn, NULL));
    virDomainFree(dom);

    compatSection("transient");
    dom = CHECK_PTR(virDomainCreateXML(conn, transientXML, 0));
    CHECK_INT(virDomainSave(dom, img));
    CHECK_FAIL_PTR(virDomainLookupByName(conn, "tsave"));
    CHECK_INT(virDomainRestore(conn, img));
    virDomainFree(dom);
    dom = CHECK_PTR(virDomainLookupByName(conn, "tsave"));
    showState(dom);
    CHECK_INT(virDomainIsPersistent(dom));
    CHECK_INT(virDomainManagedSave(dom, 0));
    CHECK_INT(virDomainDestroy(dom));
    virDomainFree(dom);
    unlink(img);
    free(img);
    free(theirs);
    free(shortImg);
    free(notImg);
}

static void
managedSave(virConnectPtr conn)
{
    virDomainPtr dom = CHECK_PTR(virDomainLookupByName(conn, "test"));

    CHECK_INT(virDomainManagedSave(dom, VIR_DOMAIN_SAVE_RUNNING | VIR_DOMAIN_SAVE_PAUSED));
    CHECK_INT(virDomainManagedSave(dom, 1 << 10));
    CHECK_INT(virDomainManagedSave(dom, VIR_DOMAIN_SAVE_BYPASS_CACHE));
    showState(dom);
    CHECK_INT(virDomainHasManagedSaveImage(dom, 0));
    CHECK_INT(virDomainHasManagedSaveImage(dom, 1));
    CHECK_INT(virDomainManagedSave(dom, 0));
    compatShowDomains(conn, VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE);
    compatShowDomains(conn, VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE);
    CHECK_INT(virDomainUndefine(dom));
    CHECK_INT(virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_NVRAM));
    CHECK_INT(virDomainCreate(dom));
    CHECK_INT(virDomainHasManagedSaveImage(dom, 0));
    CHECK_INT(virDomainManagedSave(dom, VIR_DOMAIN_SAVE_PAUSED));
    CHECK_INT(virDomainManagedSaveRemove(dom, 1));
    CHECK_INT(virDomainManagedSaveRemove(dom, 0));
    CHECK_INT(virDomainHasManagedSaveImage(dom, 0));
    CHECK_INT(virDomainManagedSave(dom, 0));
    CHECK_INT(virDomainCreate(dom));
    CHECK_INT(virDomainManagedSave(dom, 0));
    CHECK_INT(virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE));
    CHECK_FAIL_PTR(virDomainLookupByName(conn, "test"));
    CHECK_INT(virDomainHasManagedSaveImage(dom, 0));
    virDomainFree(dom);
}

static void
coreDumps(virConnectPtr conn, const char *tmp)
{
    virDomainPtr dom = CHECK_PTR(virDomainCreateXML(conn, transientXML, 0));
    char *core = join(tmp, "core");

    CHECK_INT(virDomainCoreDump(dom, core, 0));
    CHECK_INT(access(core, R_OK));
    CHECK_INT(virDomainCoreDump(dom, core, VIR_DUMP_LIVE));
    CHECK_INT(virDomainCoreDump(dom, core, VIR_DUMP_LIVE | VIR_DUMP_CRASH));
    CHECK_INT(virDomainCoreDump(dom, core, VIR_DUMP_RESET | VIR_DUMP_LIVE));
    CHECK_INT(virDomainCoreDump(dom, NULL, 0));
    CHECK_INT(virDomainCoreDump(dom, "/nonexistent-dir/core", 0));
    CHECK_INT(virDomainCoreDumpWithFormat(dom, core, VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_ZLIB, 0));
    CHECK_INT(virDomainCoreDumpWithFormat(dom, core, 99, 0));
    CHECK_INT(virDomainCoreDumpWithFormat(dom, core, VIR_DOMAIN_CORE_DUMP_FORMAT_RAW, 0));
    CHECK_INT(virDomainCoreDumpWithFormat(dom, core, VIR_DOMAIN_CORE_DUMP_FORMAT_RAW,
                                          VIR_DUMP_CRASH));
    CHECK_FAIL_PTR(virDomainLookupByName(conn, "tsave"));
    CHECK_INT(virDomainCoreDump(dom, core, 0));
    virDomainFree(dom);
    unlink(core);
    free(core);
}

int
main(int argc, char **argv)
{
    const char *data = COMPAT_DATA_DIR(argc, argv);
    virConnectPtr conn = compatOpen("test:///default", 0);
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    char tmp[] = "/tmp/compat-save-XXXXXX";
    virDomainPtr dom;

    if (!mkdtemp(tmp))
        return 1;
    compatSection("save and restore");
    saveImages(conn, tmp, data);

    compatSection("read-only");
    dom = CHECK_PTR(virDomainLookupByName(ro, "test"));
    CHECK_INT(virDomainSave(dom, "/tmp/x"));
    CHECK_INT(virDomainRestore(ro, "/tmp/x"));
    CHECK_STR(virDomainSaveImageGetXMLDesc(ro, "/tmp/x", 0));
    CHECK_INT(virDomainManagedSave(dom, 0));
    CHECK_INT(virDomainManagedSaveRemove(dom, 0));
    CHECK_INT(virDomainHasManagedSaveImage(dom, 0));
    CHECK_INT(virDomainCoreDump(dom, "/tmp/x", 0));
    virDomainFree(dom);

    compatSection("managed save");
    managedSave(conn);

    compatSection("core dumps");
    coreDumps(conn, tmp);

    rmdir(tmp);
    CHECK_INT(virConnectClose(ro));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
