/*
 * test_domain_save.c: saving and restoring the test driver's domains,
 * managed save, and core dumps.
 *
 * A save image is a real file in libvirt's test-driver layout, so images
 * written by either implementation restore on the other:
 *
 *   "TestGuestMagic\0"   15 bytes
 *   int len              native byte order, 1..8192
 *   the domain XML       len bytes (live definition, with secrets)
 *
 * A core dump is the magic alone.  Managed save keeps no file: the flag
 * on the domain object stands for the image, as in libvirt's test driver.
 */
#include <fcntl.h>
#include <sys/stat.h>

#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virfile.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define TEST_SAVE_MAGIC "TestGuestMagic"
#define TEST_SAVE_MAX_XML 8192

/* Write @def's image to @path; on failure nothing is left behind. */
static int
testDomainSaveImageWrite(const char *path, const virDomainDef *def)
{
    g_autofree char *xml = virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_SECURE);
    VIR_AUTOCLOSE fd = -1;
    int len;

    if (!xml) {
        virReportSystemError(errno,
                             "saving domain '%s' failed to allocate space for metadata",
                             def->name);
        return -1;
    }
    if ((fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, S_IRUSR | S_IWUSR)) < 0) {
        virReportSystemError(errno, "saving domain '%s' to '%s': open failed",
                             def->name, path);
        return -1;
    }
    len = strlen(xml);
    if (safewrite(fd, TEST_SAVE_MAGIC, sizeof(TEST_SAVE_MAGIC)) < 0 ||
        safewrite(fd, &len, sizeof(len)) < 0 ||
        safewrite(fd, xml, len) < 0 ||
        VIR_CLOSE(fd) < 0) {
        virReportSystemError(errno, "saving domain '%s' to '%s': write failed",
                             def->name, path);
        unlink(path);
        return -1;
    }
    return 0;
}


/* The definition saved in the image at @path. */
static virDomainDef *
testDomainSaveImageRead(testDriver *drv, const char *path)
{
    VIR_AUTOCLOSE fd = -1;
    char magic[sizeof(TEST_SAVE_MAGIC)];
    g_autofree char *xml = NULL;
    int len;

    if ((fd = open(path, O_RDONLY)) < 0) {
        virReportSystemError(errno, "cannot read domain image '%s'", path);
        return NULL;
    }
    if (saferead(fd, magic, sizeof(magic)) != sizeof(magic)) {
        virReportSystemError(errno, "incomplete save header in '%s'", path);
        return NULL;
    }
    if (memcmp(magic, TEST_SAVE_MAGIC, sizeof(magic)) != 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "mismatched header magic");
        return NULL;
    }
    if (saferead(fd, &len, sizeof(len)) != sizeof(len)) {
        virReportSystemError(errno, "failed to read metadata length in '%s'", path);
        return NULL;
    }
    if (len < 1 || len > TEST_SAVE_MAX_XML) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "length of metadata out of range");
        return NULL;
    }
    xml = g_new0(char, len + 1);
    if (saferead(fd, xml, len) != len) {
        virReportSystemError(errno, "incomplete metadata in '%s'", path);
        return NULL;
    }
    return virDomainDefParseString(xml, drv->xmlopt, VIR_DOMAIN_DEF_PARSE_INACTIVE);
}


static int
testDomainSaveFlags(virDomainPtr domain, const char *path, const char *dxml,
                    unsigned int flags)
{
    testDriver *drv = testDriverOf(domain->conn);
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(0, -1);

    if (dxml) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s", "xml modification unsupported");
        return -1;
    }
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0 ||
        testDomainSaveImageWrite(path, dom->def) < 0)
        goto cleanup;
    testDomainShutdownState(dom, VIR_DOMAIN_SHUTOFF_SAVED);
    domain->id = -1;
    testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_STOPPED,
                             VIR_DOMAIN_EVENT_STOPPED_SAVED);
    if (!dom->persistent)
        virDomainObjListRemove(drv->domains, dom);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainSave(virDomainPtr domain, const char *path)
{
    return testDomainSaveFlags(domain, path, NULL, 0);
}


static int
testDomainRestoreFlags(virConnectPtr conn, const char *path, const char *dxml,
                       unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virDomainDef) def = NULL;
    virDomainObj *dom;
    int ret = 0;

    virCheckFlags(0, -1);

    if (dxml) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s", "xml modification unsupported");
        return -1;
    }
    if (!(def = testDomainSaveImageRead(drv, path)) ||
        testDomainGenerateIfnames(def) < 0 ||
        !(dom = virDomainObjListAdd(drv->domains, &def,
                                    VIR_DOMAIN_OBJ_LIST_ADD_LIVE |
                                    VIR_DOMAIN_OBJ_LIST_ADD_CHECK_LIVE, NULL)))
        return -1;
    if (testDomainStartState(drv, dom, VIR_DOMAIN_RUNNING_RESTORED) < 0) {
        if (!dom->persistent)
            virDomainObjListRemove(drv->domains, dom);
        ret = -1;
    } else {
        testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_STARTED,
                                 VIR_DOMAIN_EVENT_STARTED_RESTORED);
    }
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainRestore(virConnectPtr conn, const char *path)
{
    return testDomainRestoreFlags(conn, path, NULL, 0);
}


static int
testDomainSaveImageDefineXML(virConnectPtr conn, const char *path, const char *dxml,
                             unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virDomainDef) def = NULL;
    g_autoptr(virDomainDef) newdef = NULL;

    virCheckFlags(VIR_DOMAIN_SAVE_RUNNING | VIR_DOMAIN_SAVE_PAUSED, -1);

    if (!(def = testDomainSaveImageRead(drv, path)) ||
        !(newdef = virDomainDefParseString(dxml, drv->xmlopt, VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return -1;
    return testDomainSaveImageWrite(path, newdef);
}


static char *
testDomainSaveImageGetXMLDesc(virConnectPtr conn, const char *path, unsigned int flags)
{
    g_autoptr(virDomainDef) def = NULL;

    virCheckFlags(VIR_DOMAIN_SAVE_IMAGE_XML_SECURE, NULL);

    if (!(def = testDomainSaveImageRead(testDriverOf(conn), path)))
        return NULL;
    return virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_SECURE);
}


/* ---- managed save ---- */

static int
testDomainManagedSave(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_SAVE_BYPASS_CACHE |
                  VIR_DOMAIN_SAVE_RUNNING |
                  VIR_DOMAIN_SAVE_PAUSED, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    if (!dom->persistent) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot do managed save for transient domain");
        goto cleanup;
    }
    testDomainShutdownState(dom, VIR_DOMAIN_SHUTOFF_SAVED);
    domain->id = -1;
    testDomainEventLifecycle(testDriverOf(domain->conn), dom, VIR_DOMAIN_EVENT_STOPPED,
                             VIR_DOMAIN_EVENT_STOPPED_SAVED);
    dom->hasManagedSave = true;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainHasManagedSaveImage(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    int ret;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    ret = dom->hasManagedSave;
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainManagedSaveRemove(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    dom->hasManagedSave = false;
    virDomainObjEndAPI(&dom);
    return 0;
}


/* ---- core dumps ---- */

static int
testDomainCoreDumpWithFormat(virDomainPtr domain, const char *to,
                             unsigned int dumpformat, unsigned int flags)
{
    testDriver *drv = testDriverOf(domain->conn);
    virDomainObj *dom;
    VIR_AUTOCLOSE fd = -1;
    int ret = -1;

    virCheckFlags(VIR_DUMP_CRASH, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    if ((fd = open(to, O_CREAT | O_TRUNC | O_WRONLY, S_IRUSR | S_IWUSR)) < 0) {
        virReportSystemError(errno, "domain '%s' coredump: failed to open %s",
                             domain->name, to);
        goto cleanup;
    }
    if (safewrite(fd, TEST_SAVE_MAGIC, sizeof(TEST_SAVE_MAGIC)) < 0) {
        virReportSystemError(errno, "domain '%s' coredump: failed to write header to %s",
                             domain->name, to);
        goto cleanup;
    }
    if (VIR_CLOSE(fd) < 0) {
        virReportSystemError(errno, "domain '%s' coredump: write failed: %s",
                             domain->name, to);
        goto cleanup;
    }
    /* libvirt checks the format once the file is written */
    if (dumpformat != VIR_DOMAIN_CORE_DUMP_FORMAT_RAW) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "kdump-compressed format is not supported here");
        goto cleanup;
    }
    if (flags & VIR_DUMP_CRASH) {
        testDomainShutdownState(dom, VIR_DOMAIN_SHUTOFF_CRASHED);
        domain->id = -1;
        testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_STOPPED,
                                 VIR_DOMAIN_EVENT_STOPPED_CRASHED);
        if (!dom->persistent)
            virDomainObjListRemove(drv->domains, dom);
    }
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainCoreDump(virDomainPtr domain, const char *to, unsigned int flags)
{
    return testDomainCoreDumpWithFormat(domain, to, VIR_DOMAIN_CORE_DUMP_FORMAT_RAW, flags);
}


void
testDomainSaveRegister(virHypervisorDriver *d)
{
    d->domainSave = testDomainSave;
    d->domainSaveFlags = testDomainSaveFlags;
    d->domainRestore = testDomainRestore;
    d->domainRestoreFlags = testDomainRestoreFlags;
    d->domainSaveImageDefineXML = testDomainSaveImageDefineXML;
    d->domainSaveImageGetXMLDesc = testDomainSaveImageGetXMLDesc;
    d->domainManagedSave = testDomainManagedSave;
    d->domainHasManagedSaveImage = testDomainHasManagedSaveImage;
    d->domainManagedSaveRemove = testDomainManagedSaveRemove;
    d->domainCoreDump = testDomainCoreDump;
    d->domainCoreDumpWithFormat = testDomainCoreDumpWithFormat;
}
