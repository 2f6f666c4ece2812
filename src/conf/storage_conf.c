/*
 * storage_conf.c: storage pool and storage volume documents.
 *
 * Sections, in the order a split would take them apart:
 *   1. elements shared with domain disks: sizes and units, paths,
 *      <permissions>, <secret>, <auth>, <encryption>
 *   2. the scsi pool's <adapter>
 *   3. pools: the per-type table, namespaces, <source>, the document
 *   4. volumes
 *   5. the xml2xml categories
 */
#include "internal.h"

#include <limits.h>
#include <stddef.h>
#include <libxml/xpathInternals.h>

#include "conf/storage_conf.h"
#include "conf/virxmlcategory.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE


/* ==== 1. shared elements ==== */

VIR_ENUM_IMPL(virStorageFileFormat, VIR_STORAGE_FILE_LAST,
              "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc",
              "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed",
              "vmdk");

VIR_ENUM_IMPL(virStorageFileFeature, VIR_STORAGE_FILE_FEATURE_LAST,
              "lazy_refcounts", "extended_l2");

/* The multiplier a unit name stands for: b/byte/bytes, or one of
 * k m g t p e alone or followed by "iB" (powers of 1024) or by "B"
 * (powers of 1000), in any case.  -1 for anything else. */
static int
virStorageUnitScale(const char *unit, unsigned long long *scale)
{
    static const char prefixes[] = "kmgtpe";
    const char *prefix;
    unsigned long long base;
    ptrdiff_t i;

    if (g_ascii_strcasecmp(unit, "b") == 0 ||
        g_ascii_strcasecmp(unit, "byte") == 0 ||
        g_ascii_strcasecmp(unit, "bytes") == 0) {
        *scale = 1;
        return 0;
    }
    if (!unit[1] || g_ascii_strcasecmp(unit + 1, "iB") == 0)
        base = 1024;
    else if (g_ascii_tolower(unit[1]) == 'b' && !unit[2])
        base = 1000;
    else
        return -1;
    if (!(prefix = strchr(prefixes, g_ascii_tolower(unit[0]))))
        return -1;

    *scale = 1;
    for (i = 0; i <= prefix - prefixes; i++)
        *scale *= base;
    return 0;
}

/* Multiply @value by @unit (by @scale when no unit is given); the result
 * may not pass @limit. */
static int
virStorageScaleInteger(unsigned long long *value, const char *unit,
                       unsigned long long scale, unsigned long long limit)
{
    if (!unit || !*unit) {
        unit = "";
    } else if (virStorageUnitScale(unit, &scale) < 0) {
        virReportError(VIR_ERR_INVALID_ARG, "unknown suffix '%s'", unit);
        return -1;
    }

    if (*value && *value > limit / scale) {
        virReportError(VIR_ERR_OVERFLOW, "value too large: %llu%s",
                       *value, unit);
        return -1;
    }
    *value *= scale;
    return 0;
}

/* <capacity unit='...'>N</capacity> and <allocation>: bytes, at most
 * LLONG_MAX (files are sized by a signed off_t). */
static int
virStorageParseSize(const char *value, const char *unit,
                    unsigned long long *bytes)
{
    if (virStrToLong_ullp(value, NULL, 10, bytes) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed capacity element");
        return -1;
    }
    return virStorageScaleInteger(bytes, unit, 1, LLONG_MAX);
}

/* An optional element holding a size with a unit attribute, in bytes
 * (0 when the element is absent). */
static int
virStorageParseScaledElement(xmlXPathContextPtr ctxt, const char *xpath,
                             unsigned long long *bytes)
{
    g_autofree char *valueXPath = g_strdup_printf("string(%s)", xpath);
    g_autofree char *unitXPath = g_strdup_printf("string(%s/@unit)", xpath);
    g_autofree char *value = virXPathString(valueXPath, ctxt);
    g_autofree char *unit = NULL;
    unsigned long long val;

    *bytes = 0;
    if (!value)
        return 0;
    if (virStrToLong_ullp(value, NULL, 10, &val) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value '%s' for element or attribute '%s'",
                       value, xpath);
        return -1;
    }
    unit = virXPathString(unitXPath, ctxt);
    if (virStorageScaleInteger(&val, unit, 1, ULLONG_MAX) < 0)
        return -1;
    *bytes = val;
    return 0;
}

/* @path with runs of '/' squeezed and no trailing '/' ("//" at the start
 * is kept: POSIX gives it a meaning).  URIs are left alone. */
static char *
virStorageSanitizePath(const char *path)
{
    const char *scheme = strstr(path, "://");
    const char *p = path;
    GString *out;

    if (scheme && strchr(path, '/') > scheme)
        return g_strdup(path);

    out = g_string_sized_new(strlen(path));
    if (p[0] == '/' && p[1] == '/' && p[2] != '/') {
        g_string_append(out, "//");
        p += 2;
    }
    while (*p) {
        if (*p != '/') {
            g_string_append_c(out, *p++);
            continue;
        }
        while (*p == '/')
            p++;
        if (out->len > 0 && !*p)
            break;
        g_string_append_c(out, '/');
    }
    return g_string_free(out, FALSE);
}

/* <permissions>: mode, owner, group, label */

static void
virStoragePermsClear(virStoragePerms *perms)
{
    g_free(perms->label);
    perms->label = NULL;
    perms->mode = -1;
    perms->uid = (uid_t) -1;
    perms->gid = (gid_t) -1;
}

/* <owner> or <group>: a uid/gid, or -1 as libvirt once wrote it. */
static int
virStoragePermsParseId(xmlXPathContextPtr ctxt, const char *name,
                       unsigned int *id)
{
    g_autofree char *xpath = g_strdup_printf("./%s", name);
    g_autofree char *strXPath = g_strdup_printf("string(./%s)", name);
    long long val;

    if (!virXPathNode(xpath, ctxt))
        return 0;
    if (virXPathLongLong(strXPath, ctxt, &val) < 0 ||
        val < -1 || val > (long long) UINT_MAX) {
        virReportError(VIR_ERR_XML_ERROR, "malformed %s element", name);
        return -1;
    }
    *id = (unsigned int) val;
    return 0;
}

static int
virStoragePermsParse(xmlXPathContextPtr ctxt, const char *xpath,
                     virStoragePerms *perms)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    xmlNodePtr node = virXPathNode(xpath, ctxt);
    g_autofree char *mode = NULL;
    unsigned int uid = (unsigned int) -1;
    unsigned int gid = (unsigned int) -1;

    virStoragePermsClear(perms);
    if (!node)
        return 0;
    ctxt->node = node;

    if ((mode = virXPathString("string(./mode)", ctxt))) {
        int val;

        if (virStrToLong_i(mode, NULL, 8, &val) < 0 || (val & ~0777)) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "malformed octal mode");
            return -1;
        }
        perms->mode = val;
    }
    if (virStoragePermsParseId(ctxt, "owner", &uid) < 0 ||
        virStoragePermsParseId(ctxt, "group", &gid) < 0)
        return -1;
    perms->uid = uid;
    perms->gid = gid;
    perms->label = virXPathString("string(./label)", ctxt);
    return 0;
}

static void
virStoragePermsFormat(virBuffer *buf, const virStoragePerms *perms)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (perms->mode != -1)
        virBufferAsprintf(&childBuf, "<mode>0%o</mode>\n", perms->mode);
    if (perms->uid != (uid_t) -1)
        virBufferAsprintf(&childBuf, "<owner>%d</owner>\n", (int) perms->uid);
    if (perms->gid != (gid_t) -1)
        virBufferAsprintf(&childBuf, "<group>%d</group>\n", (int) perms->gid);
    virBufferEscapeString(&childBuf, "<label>%s</label>\n", perms->label);
    virBufferFormatElement(buf, "permissions", NULL, &childBuf);
}

/* <secret uuid='...'/> or <secret usage='...'/> */

static void
virStorageSecretLookupClear(virSecretLookupTypeDef *def)
{
    g_free(def->usage);
    memset(def, 0, sizeof(*def));
}

static int
virStorageSecretLookupParse(xmlNodePtr node, virSecretLookupTypeDef *def)
{
    g_autofree char *uuid = virXMLPropString(node, "uuid");
    g_autofree char *usage = virXMLPropString(node, "usage");

    if (!uuid && !usage) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing secret uuid or usage attribute");
        return -1;
    }
    if (uuid && usage) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "either secret uuid or usage expected");
        return -1;
    }
    if (uuid) {
        if (virUUIDParse(uuid, def->uuid) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "invalid secret uuid '%s'", uuid);
            return -1;
        }
        def->type = VIR_SECRET_LOOKUP_TYPE_UUID;
    } else {
        def->usage = g_steal_pointer(&usage);
        def->type = VIR_SECRET_LOOKUP_TYPE_USAGE;
    }
    return 0;
}

static void
virStorageSecretLookupFormat(virBuffer *buf, const char *secrettype,
                             const virSecretLookupTypeDef *def)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virBufferAddLit(buf, "<secret");
    virBufferEscapeString(buf, " type='%s'", secrettype);
    if (def->type == VIR_SECRET_LOOKUP_TYPE_UUID)
        virBufferAsprintf(buf, " uuid='%s'", virUUIDFormat(def->uuid, uuidstr));
    else if (def->type == VIR_SECRET_LOOKUP_TYPE_USAGE)
        virBufferEscapeString(buf, " usage='%s'", def->usage);
    virBufferAddLit(buf, "/>\n");
}

/* <auth> */

VIR_ENUM_IMPL(virStorageAuth, VIR_STORAGE_AUTH_TYPE_LAST,
              "none", "chap", "ceph");

void
virStorageAuthDefFree(virStorageAuthDef *def)
{
    if (!def)
        return;
    g_free(def->username);
    g_free(def->secrettype);
    virStorageSecretLookupClear(&def->seclookupdef);
    g_free(def);
}

virStorageAuthDef *
virStorageAuthDefParse(xmlNodePtr node, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virStorageAuthDef) def = g_new0(virStorageAuthDef, 1);
    g_autofree char *type = NULL;
    xmlNodePtr secret;

    ctxt->node = node;
    if (!(def->username = virXPathString("string(./@username)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing username for auth");
        return NULL;
    }
    if ((type = virXPathString("string(./@type)", ctxt))) {
        int val = virStorageAuthTypeFromString(type);

        if (val < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown auth type '%s'", type);
            return NULL;
        }
        def->authType = val;
    }
    if (!(secret = virXPathNode("./secret", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing <secret> element in auth");
        return NULL;
    }
    def->secrettype = virXMLPropString(secret, "type");
    if (virStorageSecretLookupParse(secret, &def->seclookupdef) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

void
virStorageAuthDefFormat(virBuffer *buf, const virStorageAuthDef *def)
{
    virBufferAddLit(buf, "<auth");
    if (def->authType != VIR_STORAGE_AUTH_TYPE_NONE)
        virBufferAsprintf(buf, " type='%s'",
                          virStorageAuthTypeToString(def->authType));
    virBufferEscapeString(buf, " username='%s'", def->username);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virStorageSecretLookupFormat(buf, def->secrettype, &def->seclookupdef);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</auth>\n");
}

/* <encryption> */

VIR_ENUM_IMPL(virStorageEncryptionSecret,
              VIR_STORAGE_ENCRYPTION_SECRET_TYPE_LAST,
              "passphrase");

VIR_ENUM_IMPL(virStorageEncryptionFormat, VIR_STORAGE_ENCRYPTION_FORMAT_LAST,
              "default", "qcow", "luks", "luks2");

VIR_ENUM_IMPL(virStorageEncryptionEngine, VIR_STORAGE_ENCRYPTION_ENGINE_LAST,
              "default", "qemu", "librbd");

void
virStorageEncryptionFree(virStorageEncryption *enc)
{
    size_t i;

    if (!enc)
        return;
    for (i = 0; i < enc->nsecrets; i++)
        virStorageSecretLookupClear(&enc->secrets[i].seclookupdef);
    g_free(enc->secrets);
    g_free(enc->encinfo.cipher_name);
    g_free(enc->encinfo.cipher_mode);
    g_free(enc->encinfo.cipher_hash);
    g_free(enc->encinfo.ivgen_name);
    g_free(enc->encinfo.ivgen_hash);
    g_free(enc);
}

static int
virStorageEncryptionSecretParse(xmlNodePtr node,
                                virStorageEncryptionSecret *secret)
{
    g_autofree char *type = virXMLPropString(node, "type");
    int val;

    if (!type || !*type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "unknown volume encryption secret type");
        return -1;
    }
    if ((val = virStorageEncryptionSecretTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown volume encryption secret type %s", type);
        return -1;
    }
    secret->type = val;
    return virStorageSecretLookupParse(node, &secret->seclookupdef);
}

/* LUKS: <cipher name= size= [mode=] [hash=]/> and <ivgen name= [hash=]/> */
static int
virStorageEncryptionInfoParse(xmlXPathContextPtr ctxt,
                              virStorageEncryptionInfoDef *info)
{
    xmlNodePtr cipher = virXPathNode("./cipher[1]", ctxt);
    xmlNodePtr ivgen = virXPathNode("./ivgen[1]", ctxt);

    if (cipher) {
        if (!(info->cipher_name = virXMLPropString(cipher, "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "cipher info missing 'name' attribute");
            return -1;
        }
        if (virXMLPropUInt(cipher, "size", 10, VIR_XML_PROP_REQUIRED,
                           &info->cipher_size) < 0)
            return -1;
        info->cipher_mode = virXMLPropString(cipher, "mode");
        info->cipher_hash = virXMLPropString(cipher, "hash");
    }
    if (ivgen) {
        if (!info->cipher_name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "ivgen element found, but cipher is missing");
            return -1;
        }
        if (!(info->ivgen_name = virXMLPropString(ivgen, "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing ivgen info name string");
            return -1;
        }
        info->ivgen_hash = virXMLPropString(ivgen, "hash");
    }
    return 0;
}

virStorageEncryption *
virStorageEncryptionParseNode(xmlNodePtr node, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virStorageEncryption) enc = g_new0(virStorageEncryption, 1);
    g_autofree xmlNodePtr *secrets = NULL;
    g_autofree char *format = NULL;
    unsigned int engine;
    int val;
    int n;
    size_t i;

    ctxt->node = node;
    if (!(format = virXPathString("string(./@format)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "unknown volume encryption format");
        return NULL;
    }
    if ((val = virStorageEncryptionFormatTypeFromString(format)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown volume encryption format type %s", format);
        return NULL;
    }
    enc->format = val;
    if (virXMLPropEnum(node, "engine", virStorageEncryptionEngineTypeFromString,
                       VIR_XML_PROP_NONZERO, &engine) < 0)
        return NULL;
    enc->engine = engine;

    if ((n = virXPathNodeSet("./secret", ctxt, &secrets)) < 0)
        return NULL;
    enc->secrets = g_new0(virStorageEncryptionSecret, n);
    for (i = 0; i < n; i++) {
        enc->nsecrets++;
        if (virStorageEncryptionSecretParse(secrets[i], &enc->secrets[i]) < 0)
            return NULL;
    }

    if (enc->format == VIR_STORAGE_ENCRYPTION_FORMAT_LUKS &&
        virStorageEncryptionInfoParse(ctxt, &enc->encinfo) < 0)
        return NULL;
    return g_steal_pointer(&enc);
}

static void
virStorageEncryptionInfoFormat(virBuffer *buf,
                               const virStorageEncryptionInfoDef *info)
{
    virBufferEscapeString(buf, "<cipher name='%s'", info->cipher_name);
    virBufferAsprintf(buf, " size='%u'", info->cipher_size);
    virBufferEscapeString(buf, " mode='%s'", info->cipher_mode);
    virBufferEscapeString(buf, " hash='%s'", info->cipher_hash);
    virBufferAddLit(buf, "/>\n");

    if (info->ivgen_name) {
        virBufferEscapeString(buf, "<ivgen name='%s'", info->ivgen_name);
        virBufferEscapeString(buf, " hash='%s'", info->ivgen_hash);
        virBufferAddLit(buf, "/>\n");
    }
}

void
virStorageEncryptionFormat(virBuffer *buf, const virStorageEncryption *enc)
{
    size_t i;

    virBufferAsprintf(buf, "<encryption format='%s'",
                      virStorageEncryptionFormatTypeToString(enc->format));
    if (enc->engine != VIR_STORAGE_ENCRYPTION_ENGINE_DEFAULT)
        virBufferAsprintf(buf, " engine='%s'",
                          virStorageEncryptionEngineTypeToString(enc->engine));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    for (i = 0; i < enc->nsecrets; i++)
        virStorageSecretLookupFormat(buf,
                                     virStorageEncryptionSecretTypeToString(enc->secrets[i].type),
                                     &enc->secrets[i].seclookupdef);
    if (enc->format == VIR_STORAGE_ENCRYPTION_FORMAT_LUKS &&
        enc->encinfo.cipher_name)
        virStorageEncryptionInfoFormat(buf, &enc->encinfo);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</encryption>\n");
}


/* ==== 2. <adapter> ==== */

VIR_ENUM_IMPL(virStorageAdapter, VIR_STORAGE_ADAPTER_TYPE_LAST,
              "default", "scsi_host", "fc_host");

static void
virStorageAdapterClear(virStorageAdapter *adapter)
{
    g_free(adapter->scsi_host.name);
    g_free(adapter->fchost.parent);
    g_free(adapter->fchost.parent_wwnn);
    g_free(adapter->fchost.parent_wwpn);
    g_free(adapter->fchost.parent_fabric_wwn);
    g_free(adapter->fchost.wwnn);
    g_free(adapter->fchost.wwpn);
    memset(adapter, 0, sizeof(*adapter));
}

/* <address domain= bus= slot= function= [multifunction=]/> */
static int
virStorageAdapterPCIAddrParse(xmlNodePtr node, virStorageAdapterPCIAddr *addr)
{
    if (virXMLPropUInt(node, "domain", 0, VIR_XML_PROP_NONE, &addr->domain) < 0 ||
        virXMLPropUInt(node, "bus", 0, VIR_XML_PROP_NONE, &addr->bus) < 0 ||
        virXMLPropUInt(node, "slot", 0, VIR_XML_PROP_NONE, &addr->slot) < 0 ||
        virXMLPropUInt(node, "function", 0, VIR_XML_PROP_NONE, &addr->function) < 0 ||
        virXMLPropTristateSwitch(node, "multifunction", VIR_XML_PROP_NONE,
                                 &addr->multi) < 0)
        return -1;

    /* an all-zero address is "not given" and passes */
    if (!addr->domain && !addr->bus && !addr->slot)
        return 0;
    if (addr->bus > 0xFF) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address bus='0x%x', must be <= 0xFF",
                       addr->bus);
        return -1;
    }
    if (addr->slot > 0x1F) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address slot='0x%x', must be <= 0x1F",
                       addr->slot);
        return -1;
    }
    if (addr->function > 7) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address function=0x%x, must be <= 7",
                       addr->function);
        return -1;
    }
    return 0;
}

static int
virStorageAdapterParseSCSIHost(xmlNodePtr node, xmlXPathContextPtr ctxt,
                               virStorageAdapterSCSIHost *scsi)
{
    xmlNodePtr addr;

    scsi->name = virXMLPropString(node, "name");
    if (!virXPathNode("./parentaddr", ctxt))
        return 0;

    if (!(addr = virXPathNode("./parentaddr/address", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing scsi_host PCI address element");
        return -1;
    }
    scsi->has_parent = true;
    if (virStorageAdapterPCIAddrParse(addr, &scsi->parentaddr) < 0)
        return -1;
    if (virXPathInt("string(./parentaddr/@unique_id)", ctxt,
                    &scsi->unique_id) < 0 || scsi->unique_id < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing or invalid scsi adapter 'unique_id' value");
        return -1;
    }
    return 0;
}

static int
virStorageAdapterParseFCHost(xmlNodePtr node, virStorageAdapterFCHost *fc)
{
    if (virXMLPropTristateBool(node, "managed", VIR_XML_PROP_NONE,
                               &fc->managed) < 0)
        return -1;
    fc->parent = virXMLPropString(node, "parent");
    fc->parent_wwnn = virXMLPropString(node, "parent_wwnn");
    fc->parent_wwpn = virXMLPropString(node, "parent_wwpn");
    fc->parent_fabric_wwn = virXMLPropString(node, "parent_fabric_wwn");
    fc->wwpn = virXMLPropString(node, "wwpn");
    fc->wwnn = virXMLPropString(node, "wwnn");
    return 0;
}

/* Without a type, only the old form <adapter name='hostN'/> is taken. */
static int
virStorageAdapterParseLegacy(xmlNodePtr node, xmlXPathContextPtr ctxt,
                             virStorageAdapter *adapter)
{
    g_autofree char *wwnn = virXMLPropString(node, "wwnn");
    g_autofree char *wwpn = virXMLPropString(node, "wwpn");
    g_autofree char *parent = virXMLPropString(node, "parent");

    if (wwnn || wwpn || parent) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Use of 'wwnn', 'wwpn', and 'parent' attributes "
                       "requires use of the adapter 'type'");
        return -1;
    }
    if (virXPathNode("./parentaddr", ctxt)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Use of 'parentaddr' element requires use of the "
                       "adapter 'type'");
        return -1;
    }
    if ((adapter->scsi_host.name = virXMLPropString(node, "name")))
        adapter->type = VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST;
    return 0;
}

static int
virStorageAdapterParse(xmlNodePtr node, xmlXPathContextPtr ctxt,
                       virStorageAdapter *adapter)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    unsigned int type;
    int rc;

    ctxt->node = node;
    if ((rc = virXMLPropEnum(node, "type", virStorageAdapterTypeFromString,
                             VIR_XML_PROP_NONZERO, &type)) < 0)
        return -1;
    if (rc == 0)
        return virStorageAdapterParseLegacy(node, ctxt, adapter);

    adapter->type = type;
    if (type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST)
        return virStorageAdapterParseFCHost(node, &adapter->fchost);
    return virStorageAdapterParseSCSIHost(node, ctxt, &adapter->scsi_host);
}

/* 16 hex digits, optionally after "0x" */
static bool
virStorageValidateWWN(const char *wwn)
{
    const char *p = STRPREFIX(wwn, "0x") ? wwn + 2 : wwn;
    size_t i;

    for (i = 0; p[i] && g_ascii_isxdigit(p[i]); i++)
        ;
    if (i != 16 || p[i]) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Malformed wwn: %s", wwn);
        return false;
    }
    return true;
}

static int
virStorageAdapterValidateFCHost(const virStorageAdapterFCHost *fc)
{
    if (!fc->wwnn || !fc->wwpn) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "'wwnn' and 'wwpn' must be specified for adapter type 'fchost'");
        return -1;
    }
    if (!virStorageValidateWWN(fc->wwnn) || !virStorageValidateWWN(fc->wwpn))
        return -1;
    if (fc->parent_wwnn && !fc->parent_wwpn) {
        virReportError(VIR_ERR_XML_ERROR,
                       "when providing parent_wwnn='%s', the parent_wwpn must also be provided",
                       fc->parent_wwnn);
        return -1;
    }
    if (!fc->parent_wwnn && fc->parent_wwpn) {
        virReportError(VIR_ERR_XML_ERROR,
                       "when providing parent_wwpn='%s', the parent_wwnn must also be provided",
                       fc->parent_wwpn);
        return -1;
    }
    if ((fc->parent_wwnn && !virStorageValidateWWN(fc->parent_wwnn)) ||
        (fc->parent_wwpn && !virStorageValidateWWN(fc->parent_wwpn)) ||
        (fc->parent_fabric_wwn && !virStorageValidateWWN(fc->parent_fabric_wwn)))
        return -1;
    return 0;
}

static int
virStorageAdapterValidate(const virStorageAdapter *adapter)
{
    const virStorageAdapterSCSIHost *scsi = &adapter->scsi_host;

    switch (adapter->type) {
    case VIR_STORAGE_ADAPTER_TYPE_DEFAULT:
    case VIR_STORAGE_ADAPTER_TYPE_LAST:
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source adapter");
        return -1;
    case VIR_STORAGE_ADAPTER_TYPE_FC_HOST:
        return virStorageAdapterValidateFCHost(&adapter->fchost);
    case VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST:
        break;
    }

    if (!scsi->name && !scsi->has_parent) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Either 'name' or 'parent' must be specified for the 'scsi_host' adapter");
        return -1;
    }
    if (scsi->name && scsi->has_parent) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Both 'name' and 'parent' cannot be specified for the 'scsi_host' adapter");
        return -1;
    }
    return 0;
}

static void
virStorageAdapterFormat(virBuffer *buf, const virStorageAdapter *adapter)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const virStorageAdapterFCHost *fc = &adapter->fchost;
    const virStorageAdapterSCSIHost *scsi = &adapter->scsi_host;

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virStorageAdapterTypeToString(adapter->type));
    if (adapter->type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST) {
        virBufferEscapeString(&attrBuf, " parent='%s'", fc->parent);
        virBufferEscapeString(&attrBuf, " parent_wwnn='%s'", fc->parent_wwnn);
        virBufferEscapeString(&attrBuf, " parent_wwpn='%s'", fc->parent_wwpn);
        virBufferEscapeString(&attrBuf, " parent_fabric_wwn='%s'",
                              fc->parent_fabric_wwn);
        if (fc->managed != VIR_TRISTATE_BOOL_ABSENT)
            virBufferAsprintf(&attrBuf, " managed='%s'",
                              virTristateBoolTypeToString(fc->managed));
        virBufferEscapeString(&attrBuf, " wwnn='%s'", fc->wwnn);
        virBufferEscapeString(&attrBuf, " wwpn='%s'", fc->wwpn);
    } else if (scsi->name) {
        virBufferEscapeString(&attrBuf, " name='%s'", scsi->name);
    } else {
        virBufferAsprintf(&childBuf, "<parentaddr unique_id='%d'>\n",
                          scsi->unique_id);
        virBufferAdjustIndent(&childBuf, 2);
        /* function in decimal after 0x, as libvirt writes it */
        virBufferAsprintf(&childBuf,
                          "<address domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%d'/>\n",
                          scsi->parentaddr.domain, scsi->parentaddr.bus,
                          scsi->parentaddr.slot, scsi->parentaddr.function);
        virBufferAdjustIndent(&childBuf, -2);
        virBufferAddLit(&childBuf, "</parentaddr>\n");
    }
    virBufferFormatElement(buf, "adapter", &attrBuf, &childBuf);
}


/* ==== 3. pools ==== */

VIR_ENUM_IMPL(virStoragePool, VIR_STORAGE_POOL_LAST,
              "dir", "fs", "netfs", "logical", "disk", "iscsi",
              "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster",
              "zfs", "vstorage");

VIR_ENUM_IMPL(virStoragePoolFormatFileSystem, VIR_STORAGE_POOL_FS_LAST,
              "auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf", "gfs",
              "gfs2", "vfat", "hfs+", "xfs", "ocfs2", "vmfs");

VIR_ENUM_IMPL(virStoragePoolFormatFileSystemNet, VIR_STORAGE_POOL_NETFS_LAST,
              "auto", "nfs", "glusterfs", "cifs");

VIR_ENUM_IMPL(virStoragePoolFormatDisk, VIR_STORAGE_POOL_DISK_LAST,
              "unknown", "dos", "dvh", "gpt", "mac", "bsd", "pc98", "sun",
              "lvm2");

VIR_ENUM_IMPL(virStoragePoolFormatLogical, VIR_STORAGE_POOL_LOGICAL_LAST,
              "unknown", "lvm2");

VIR_ENUM_IMPL(virStorageVolDefRefreshAllocation,
              VIR_STORAGE_VOL_DEF_REFRESH_ALLOCATION_LAST,
              "default", "capacity");

VIR_ENUM_IMPL(virStorageVolFormatDisk, VIR_STORAGE_VOL_DISK_LAST,
              "none", "linux", "fat16", "fat32", "linux-swap", "linux-lvm",
              "linux-raid", "extended");

/* A format enum: the names of <format type='...'/> and the value used
 * when it is absent. */
typedef struct {
    const char *(*toString)(int format);
    int (*fromString)(const char *name);
    int defaultFormat;
} virStorageFormatNames;

/* Volume images: any name but "none" */
static int
virStorageVolFileFormatFromString(const char *name)
{
    int format = virStorageFileFormatTypeFromString(name);

    return format == VIR_STORAGE_FILE_NONE ? -1 : format;
}

static const virStorageFormatNames poolFormatFS = {
    virStoragePoolFormatFileSystemTypeToString,
    virStoragePoolFormatFileSystemTypeFromString, VIR_STORAGE_POOL_FS_AUTO,
};
static const virStorageFormatNames poolFormatNetFS = {
    virStoragePoolFormatFileSystemNetTypeToString,
    virStoragePoolFormatFileSystemNetTypeFromString, VIR_STORAGE_POOL_NETFS_AUTO,
};
static const virStorageFormatNames poolFormatDisk = {
    virStoragePoolFormatDiskTypeToString,
    virStoragePoolFormatDiskTypeFromString, VIR_STORAGE_POOL_DISK_UNKNOWN,
};
static const virStorageFormatNames poolFormatLogical = {
    virStoragePoolFormatLogicalTypeToString,
    virStoragePoolFormatLogicalTypeFromString, VIR_STORAGE_POOL_LOGICAL_LVM2,
};
static const virStorageFormatNames volFormatFile = {
    virStorageFileFormatTypeToString,
    virStorageVolFileFormatFromString, VIR_STORAGE_FILE_RAW,
};
static const virStorageFormatNames volFormatDisk = {
    virStorageVolFormatDiskTypeToString,
    virStorageVolFormatDiskTypeFromString, VIR_STORAGE_VOL_DISK_NONE,
};

/* A backend's own element, in its XML namespace, holding options:
 *   <fs:mount_opts><fs:option name='sync'/></fs:mount_opts>
 *   <rbd:config_opts><rbd:option name='a' value='b'/></rbd:config_opts> */
typedef struct {
    const char *prefix;
    const char *uri;
    const char *element;
    const char *what;           /* names the options in messages */
    bool hasValue;              /* options carry a non-empty value */
} virStoragePoolNamespace;

static const virStoragePoolNamespace fsNamespace = {
    "fs", "http://libvirt.org/schemas/storagepool/fs/1.0",
    "mount_opts", "fs mount", false,
};
static const virStoragePoolNamespace rbdNamespace = {
    "rbd", "http://libvirt.org/schemas/storagepool/rbd/1.0",
    "config_opts", "rbd", true,
};

/* What a pool type's <source> holds (and formats) */
enum {
    SRC_HOST = 1 << 0,
    SRC_DEVICE = 1 << 1,
    SRC_DIR = 1 << 2,
    SRC_ADAPTER = 1 << 3,
    SRC_NAME = 1 << 4,          /* pool name and source name default to each other */
    SRC_INITIATOR = 1 << 5,
};

typedef struct {
    unsigned int source;        /* SRC_*: elements of <source> */
    unsigned int required;      /* SRC_*: ... that must be given */
    bool sourceNameRequired;    /* a <source> must have <name> */
    const char *defaultDir;     /* source dir when a <source> has none */
    bool network;               /* no local <target> */
    const char *devPrefix;      /* target path: this + source name */
    bool cow;                   /* <features><cow/> allowed */
    const virStorageFormatNames *poolFormat;
    const virStorageFormatNames *volFormat;
    const virStoragePoolNamespace *ns;
} virStoragePoolTypeInfo;

static const virStoragePoolTypeInfo poolTypeInfo[] = {
    [VIR_STORAGE_POOL_DIR] = {
        .cow = true, .volFormat = &volFormatFile,
    },
    [VIR_STORAGE_POOL_FS] = {
        .source = SRC_DEVICE, .required = SRC_DEVICE, .cow = true,
        .poolFormat = &poolFormatFS, .volFormat = &volFormatFile,
        .ns = &fsNamespace,
    },
    [VIR_STORAGE_POOL_NETFS] = {
        .source = SRC_HOST | SRC_DIR, .required = SRC_HOST | SRC_DIR,
        .poolFormat = &poolFormatNetFS, .volFormat = &volFormatFile,
        .ns = &fsNamespace,
    },
    [VIR_STORAGE_POOL_LOGICAL] = {
        .source = SRC_NAME | SRC_DEVICE, .devPrefix = "/dev/",
        .poolFormat = &poolFormatLogical,
    },
    [VIR_STORAGE_POOL_DISK] = {
        .source = SRC_DEVICE, .required = SRC_DEVICE,
        .poolFormat = &poolFormatDisk, .volFormat = &volFormatDisk,
    },
    [VIR_STORAGE_POOL_ISCSI] = {
        .source = SRC_HOST | SRC_DEVICE | SRC_INITIATOR, .required = SRC_HOST,
    },
    [VIR_STORAGE_POOL_ISCSI_DIRECT] = {
        .source = SRC_HOST | SRC_DEVICE | SRC_INITIATOR,
        .required = SRC_HOST | SRC_INITIATOR, .network = true,
    },
    [VIR_STORAGE_POOL_SCSI] = {
        .source = SRC_ADAPTER, .required = SRC_ADAPTER,
    },
    [VIR_STORAGE_POOL_MPATH] = {
        .source = 0,
    },
    [VIR_STORAGE_POOL_RBD] = {
        .source = SRC_HOST | SRC_NAME, .required = SRC_HOST,
        .sourceNameRequired = true, .network = true,
        .volFormat = &volFormatFile, .ns = &rbdNamespace,
    },
    [VIR_STORAGE_POOL_SHEEPDOG] = {
        .source = SRC_HOST | SRC_NAME, .required = SRC_HOST, .network = true,
    },
    [VIR_STORAGE_POOL_GLUSTER] = {
        .source = SRC_HOST | SRC_NAME | SRC_DIR, .required = SRC_HOST | SRC_DIR,
        .defaultDir = "/", .network = true, .volFormat = &volFormatFile,
    },
    [VIR_STORAGE_POOL_ZFS] = {
        .source = SRC_NAME | SRC_DEVICE, .devPrefix = "/dev/zvol/",
    },
    [VIR_STORAGE_POOL_VSTORAGE] = {
        .source = SRC_NAME, .volFormat = &volFormatFile,
    },
};
G_STATIC_ASSERT(G_N_ELEMENTS(poolTypeInfo) == VIR_STORAGE_POOL_LAST);

static const virStoragePoolTypeInfo *
virStoragePoolTypeInfoGet(int type)
{
    if (type < 0 || type >= VIR_STORAGE_POOL_LAST) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "missing backend for pool type %d", type);
        return NULL;
    }
    return &poolTypeInfo[type];
}

/* <format type='...'/> at @xpath, by @names; the default when absent */
static int
virStorageFormatParse(xmlXPathContextPtr ctxt, const char *xpath,
                      const virStorageFormatNames *names, const char *what,
                      int *format)
{
    g_autofree char *name = virXPathString(xpath, ctxt);

    if (!name) {
        *format = names->defaultFormat;
        return 0;
    }
    if ((*format = names->fromString(name)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown %s format type %s", what, name);
        return -1;
    }
    return 0;
}

/* namespaced options */

static void
virStoragePoolNSOptionsFree(virStoragePoolNSOptions *opts)
{
    if (!opts)
        return;
    g_strfreev(opts->names);
    g_strfreev(opts->values);
    g_free(opts);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePoolNSOptions, virStoragePoolNSOptionsFree);

static int
virStoragePoolNSOptionParse(xmlNodePtr node, const virStoragePoolNamespace *ns,
                            virStoragePoolNSOptions *opts)
{
    g_autofree char *name = virXMLPropString(node, "name");
    g_autofree char *value = NULL;

    if (!name) {
        virReportError(VIR_ERR_XML_ERROR, "no %s option name specified", ns->what);
        return -1;
    }
    if (ns->hasValue) {
        if (!*name) {
            virReportError(VIR_ERR_XML_ERROR,
                           "empty %s option name specified", ns->what);
            return -1;
        }
        if (!(value = virXMLPropString(node, "value"))) {
            virReportError(VIR_ERR_XML_ERROR,
                           "no %s option value specified for name '%s'",
                           ns->what, name);
            return -1;
        }
        if (!*value) {
            virReportError(VIR_ERR_XML_ERROR,
                           "empty %s option value specified for name '%s'",
                           ns->what, name);
            return -1;
        }
        opts->values[opts->noptions] = g_steal_pointer(&value);
    }
    opts->names[opts->noptions++] = g_steal_pointer(&name);
    return 0;
}

static int
virStoragePoolNSParse(xmlXPathContextPtr ctxt, const virStoragePoolNamespace *ns,
                      virStoragePoolNSOptions **result)
{
    g_autoptr(virStoragePoolNSOptions) opts = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *xpath = NULL;
    int n;
    size_t i;

    if (xmlXPathRegisterNs(ctxt, BAD_CAST ns->prefix, BAD_CAST ns->uri) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Failed to register xml namespace '%s'", ns->uri);
        return -1;
    }
    xpath = g_strdup_printf("./%s:%s/%s:option", ns->prefix, ns->element,
                            ns->prefix);
    if ((n = virXPathNodeSet(xpath, ctxt, &nodes)) <= 0)
        return n;

    opts = g_new0(virStoragePoolNSOptions, 1);
    opts->names = g_new0(char *, n + 1);
    if (ns->hasValue)
        opts->values = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        if (virStoragePoolNSOptionParse(nodes[i], ns, opts) < 0)
            return -1;
    }
    *result = g_steal_pointer(&opts);
    return 0;
}

static void
virStoragePoolNSFormat(virBuffer *buf, const virStoragePoolNamespace *ns,
                       const virStoragePoolNSOptions *opts)
{
    size_t i;

    virBufferAsprintf(buf, "<%s:%s>\n", ns->prefix, ns->element);
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < opts->noptions; i++) {
        virBufferAsprintf(buf, "<%s:option", ns->prefix);
        virBufferEscapeString(buf, " name='%s'", opts->names[i]);
        if (opts->values)
            virBufferEscapeString(buf, " value='%s'", opts->values[i]);
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s:%s>\n", ns->prefix, ns->element);
}

/* <source> */

void
virStoragePoolSourceClear(virStoragePoolSource *source)
{
    size_t i;

    if (!source)
        return;
    for (i = 0; i < source->nhost; i++)
        g_free(source->hosts[i].name);
    g_free(source->hosts);
    for (i = 0; i < source->ndevice; i++) {
        g_free(source->devices[i].path);
        g_free(source->devices[i].freeExtents);
    }
    g_free(source->devices);
    g_free(source->dir);
    virStorageAdapterClear(&source->adapter);
    g_free(source->name);
    g_free(source->initiatorIqn);
    virStorageAuthDefFree(source->auth);
    g_free(source->vendor);
    g_free(source->product);
    g_free(source->protocolVer);
    memset(source, 0, sizeof(*source));
}

void
virStoragePoolSourceFree(virStoragePoolSource *source)
{
    virStoragePoolSourceClear(source);
    g_free(source);
}

static int
virStoragePoolSourceParseHosts(xmlXPathContextPtr ctxt,
                               virStoragePoolSource *source)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./host", ctxt, &nodes)) < 0)
        return -1;
    source->hosts = g_new0(virStoragePoolSourceHost, n);
    for (i = 0; i < n; i++) {
        virStoragePoolSourceHost *host = &source->hosts[source->nhost++];

        if (!(host->name = virXMLPropString(nodes[i], "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing storage pool host name");
            return -1;
        }
        if (virXMLPropInt(nodes[i], "port", 10, VIR_XML_PROP_NONE,
                          &host->port, 0) < 0)
            return -1;
    }
    return 0;
}

static int
virStoragePoolSourceParseDevices(xmlXPathContextPtr ctxt,
                                 virStoragePoolSource *source)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./device", ctxt, &nodes)) < 0)
        return -1;
    source->devices = g_new0(virStoragePoolSourceDevice, n);
    for (i = 0; i < n; i++) {
        virStoragePoolSourceDevice *dev = &source->devices[source->ndevice++];

        if (!(dev->path = virXMLPropString(nodes[i], "path"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing storage pool source device path");
            return -1;
        }
        if (virXMLPropTristateBool(nodes[i], "part_separator",
                                   VIR_XML_PROP_NONE, &dev->part_separator) < 0)
            return -1;
    }
    return 0;
}

/* <protocol ver='...'/>: NFS only, and no ',' (it ends up in mount -o) */
static int
virStoragePoolSourceParseProtocol(xmlXPathContextPtr ctxt,
                                  virStoragePoolSource *source)
{
    if (!(source->protocolVer = virXPathString("string(./protocol/@ver)", ctxt)))
        return 0;
    if (source->format != VIR_STORAGE_POOL_NETFS_NFS &&
        source->format != VIR_STORAGE_POOL_NETFS_AUTO) {
        const char *name = virStoragePoolFormatFileSystemNetTypeToString(source->format);

        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "storage pool protocol ver unsupported for pool type '%s'",
                       name ? name : "(null)");
        return -1;
    }
    if (strchr(source->protocolVer, ',')) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "storage pool protocol ver '%s' must not contain ','",
                       source->protocolVer);
        return -1;
    }
    return 0;
}

static int
virStoragePoolSourceParse(xmlXPathContextPtr ctxt, xmlNodePtr node,
                          virStoragePoolType type, virStoragePoolSource *source)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    const virStoragePoolTypeInfo *info = &poolTypeInfo[type];
    g_autofree char *dir = NULL;
    xmlNodePtr child;

    ctxt->node = node;
    source->name = virXPathString("string(./name)", ctxt);
    if (info->sourceNameRequired && !source->name) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "element 'name' is mandatory for RBD pool");
        return -1;
    }
    if (info->poolFormat &&
        virStorageFormatParse(ctxt, "string(./format/@type)", info->poolFormat,
                              "pool", &source->format) < 0)
        return -1;
    if (virStoragePoolSourceParseHosts(ctxt, source) < 0)
        return -1;
    source->initiatorIqn = virXPathString("string(./initiator/iqn/@name)", ctxt);
    if (virStoragePoolSourceParseDevices(ctxt, source) < 0)
        return -1;

    if ((dir = virXPathString("string(./dir/@path)", ctxt)))
        source->dir = virStorageSanitizePath(dir);
    else
        source->dir = g_strdup(info->defaultDir);

    if ((child = virXPathNode("./adapter", ctxt)) &&
        virStorageAdapterParse(child, ctxt, &source->adapter) < 0)
        return -1;
    if ((child = virXPathNode("./auth", ctxt))) {
        if (!(source->auth = virStorageAuthDefParse(child, ctxt)))
            return -1;
        if (source->auth->authType == VIR_STORAGE_AUTH_TYPE_NONE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "storage pool missing auth type");
            return -1;
        }
    }
    if (virStoragePoolSourceParseProtocol(ctxt, source) < 0)
        return -1;
    source->vendor = virXPathString("string(./vendor/@name)", ctxt);
    source->product = virXPathString("string(./product/@name)", ctxt);
    return 0;
}

static void
virStoragePoolSourceFormatDevice(virBuffer *buf,
                                 const virStoragePoolSourceDevice *dev)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virBufferEscapeString(&attrBuf, " path='%s'", dev->path);
    if (dev->part_separator != VIR_TRISTATE_BOOL_ABSENT)
        virBufferAsprintf(&attrBuf, " part_separator='%s'",
                          virTristateBoolTypeToString(dev->part_separator));
    for (i = 0; i < dev->nfreeExtent; i++)
        virBufferAsprintf(&childBuf, "<freeExtent start='%llu' end='%llu'/>\n",
                          dev->freeExtents[i].start, dev->freeExtents[i].end);
    virBufferFormatElement(buf, "device", &attrBuf, &childBuf);
}

static int
virStoragePoolSourceFormat(virBuffer *buf, const virStoragePoolTypeInfo *info,
                           const virStoragePoolSource *src)
{
    size_t i;

    virBufferAddLit(buf, "<source>\n");
    virBufferAdjustIndent(buf, 2);

    for (i = 0; (info->source & SRC_HOST) && i < src->nhost; i++) {
        virBufferEscapeString(buf, "<host name='%s'", src->hosts[i].name);
        if (src->hosts[i].port)
            virBufferAsprintf(buf, " port='%d'", src->hosts[i].port);
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; (info->source & SRC_DEVICE) && i < src->ndevice; i++)
        virStoragePoolSourceFormatDevice(buf, &src->devices[i]);
    if (info->source & SRC_DIR)
        virBufferEscapeString(buf, "<dir path='%s'/>\n", src->dir);
    if ((info->source & SRC_ADAPTER) &&
        src->adapter.type != VIR_STORAGE_ADAPTER_TYPE_DEFAULT)
        virStorageAdapterFormat(buf, &src->adapter);
    if (info->source & SRC_NAME)
        virBufferEscapeString(buf, "<name>%s</name>\n", src->name);
    if ((info->source & SRC_INITIATOR) && src->initiatorIqn) {
        virBufferAddLit(buf, "<initiator>\n");
        virBufferEscapeString(buf, "  <iqn name='%s'/>\n", src->initiatorIqn);
        virBufferAddLit(buf, "</initiator>\n");
    }
    if (info->poolFormat) {
        const char *format = info->poolFormat->toString(src->format);

        if (!format) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown pool format number %d", src->format);
            return -1;
        }
        virBufferAsprintf(buf, "<format type='%s'/>\n", format);
    }
    if (src->auth)
        virStorageAuthDefFormat(buf, src->auth);
    virBufferEscapeString(buf, "<protocol ver='%s'/>\n", src->protocolVer);
    virBufferEscapeString(buf, "<vendor name='%s'/>\n", src->vendor);
    virBufferEscapeString(buf, "<product name='%s'/>\n", src->product);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</source>\n");
    return 0;
}

virStoragePoolSource *
virStoragePoolDefParseSourceString(const char *srcSpec, virStoragePoolType type)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(virStoragePoolSource) source = NULL;

    if (!virStoragePoolTypeInfoGet(type))
        return NULL;
    if (!(xml = virXMLParse(NULL, srcSpec, "(storage_source_specification)",
                            "source", &ctxt)))
        return NULL;
    source = g_new0(virStoragePoolSource, 1);
    if (virStoragePoolSourceParse(ctxt, ctxt->node, type, source) < 0)
        return NULL;
    return g_steal_pointer(&source);
}

char *
virStoragePoolSourceListFormat(virStoragePoolType type,
                               virStoragePoolSource *sources, size_t nsources)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    const virStoragePoolTypeInfo *info = virStoragePoolTypeInfoGet(type);
    size_t i;

    if (!info)
        return NULL;
    virBufferAddLit(&buf, "<sources>\n");
    virBufferAdjustIndent(&buf, 2);
    for (i = 0; i < nsources; i++) {
        if (virStoragePoolSourceFormat(&buf, info, &sources[i]) < 0)
            return NULL;
    }
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</sources>\n");
    return virBufferContentAndReset(&buf);
}

/* the <pool> document */

void
virStoragePoolDefFree(virStoragePoolDef *def)
{
    if (!def)
        return;
    g_free(def->name);
    virStoragePoolSourceClear(&def->source);
    g_free(def->target.path);
    g_free(def->target.perms.label);
    virStoragePoolNSOptionsFree(def->nsopts);
    g_free(def);
}

/* <name> (or the source name) and <uuid> (or a new one) */
static int
virStoragePoolDefParseIdentity(xmlXPathContextPtr ctxt, virStoragePoolDef *def,
                               const virStoragePoolTypeInfo *info)
{
    g_autofree char *uuid = NULL;

    def->name = virXPathString("string(./name)", ctxt);
    if (!def->name && (info->source & SRC_NAME))
        def->name = g_strdup(def->source.name);
    if (!def->name) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing pool source name element");
        return -1;
    }
    if (strchr(def->name, '/')) {
        virReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'",
                       def->name);
        return -1;
    }

    if (!(uuid = virXPathString("string(./uuid)", ctxt)))
        return virUUIDGenerate(def->uuid);
    if (virUUIDParse(uuid, def->uuid) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed uuid element");
        return -1;
    }
    return 0;
}

static int
virStoragePoolDefParseFeatures(xmlXPathContextPtr ctxt, virStoragePoolDef *def,
                               const virStoragePoolTypeInfo *info)
{
    xmlNodePtr cow = virXPathNode("./features/cow", ctxt);
    int rc;

    if ((rc = virXMLPropTristateBool(cow, "state", VIR_XML_PROP_NONE,
                                     &def->cow)) <= 0)
        return rc;
    if (!info->cow) {
        virReportError(VIR_ERR_NO_SUPPORT, "%s",
                       "cow feature may only be used for 'fs' and 'dir' pools");
        return -1;
    }
    return 0;
}

/* What the pool type requires of <source>, once the names are known */
static int
virStoragePoolDefCheckSource(virStoragePoolDef *def,
                             const virStoragePoolTypeInfo *info)
{
    virStoragePoolSource *src = &def->source;

    if ((info->required & SRC_HOST) && !src->nhost) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source host name");
        return -1;
    }
    if ((info->required & SRC_DIR) && !src->dir) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source path");
        return -1;
    }
    if ((info->source & SRC_NAME) && !src->name)
        src->name = g_strdup(def->name);
    if ((info->required & SRC_ADAPTER) &&
        virStorageAdapterValidate(&src->adapter) < 0)
        return -1;
    if ((info->required & SRC_DEVICE) && !src->ndevice) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source device name");
        return -1;
    }
    return 0;
}

/* <target>: a path (derived from the source name for volume groups) and
 * permissions; pools on network storage have none */
static int
virStoragePoolDefParseTarget(xmlXPathContextPtr ctxt, virStoragePoolDef *def,
                             const virStoragePoolTypeInfo *info)
{
    g_autofree char *path = NULL;

    virStoragePermsClear(&def->target.perms);
    if (info->network)
        return 0;

    if (info->devPrefix) {
        path = g_strdup_printf("%s%s", info->devPrefix, def->source.name);
    } else if (!(path = virXPathString("string(./target/path)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool target path");
        return -1;
    }
    def->target.path = virStorageSanitizePath(path);
    return virStoragePermsParse(ctxt, "./target/permissions", &def->target.perms);
}

static int
virStoragePoolDefParseRefresh(xmlXPathContextPtr ctxt, virStoragePoolDef *def)
{
    g_autofree char *allocation = NULL;
    int val;

    if (!(allocation = virXPathString("string(./refresh/volume/@allocation)",
                                      ctxt)))
        return 0;
    if ((val = virStorageVolDefRefreshAllocationTypeFromString(allocation)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown storage pool volume refresh allocation type %s",
                       allocation);
        return -1;
    }
    def->hasRefresh = true;
    def->refreshAllocation = val;
    return 0;
}

virStoragePoolDef *
virStoragePoolDefParseXML(xmlXPathContextPtr ctxt)
{
    g_autoptr(virStoragePoolDef) def = g_new0(virStoragePoolDef, 1);
    const virStoragePoolTypeInfo *info;
    xmlNodePtr source;
    unsigned int type;

    if (virXMLPropEnum(ctxt->node, "type", virStoragePoolTypeFromString,
                       VIR_XML_PROP_REQUIRED, &type) < 0)
        return NULL;
    def->type = type;
    info = &poolTypeInfo[type];

    if ((source = virXPathNode("./source", ctxt))) {
        if (virStoragePoolSourceParse(ctxt, source, def->type, &def->source) < 0)
            return NULL;
    } else if (info->poolFormat) {
        def->source.format = info->poolFormat->defaultFormat;
    }

    if (virStoragePoolDefParseIdentity(ctxt, def, info) < 0 ||
        virStoragePoolDefParseFeatures(ctxt, def, info) < 0 ||
        virStoragePoolDefCheckSource(def, info) < 0 ||
        virStoragePoolDefParseTarget(ctxt, def, info) < 0)
        return NULL;

    if ((info->required & SRC_INITIATOR) && !def->source.initiatorIqn) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "missing initiator IQN");
        return NULL;
    }
    if (virStoragePoolDefParseRefresh(ctxt, def) < 0)
        return NULL;
    if (info->ns && virStoragePoolNSParse(ctxt, info->ns, &def->nsopts) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virStoragePoolDef *
virStoragePoolDefParseNode(xmlDocPtr xml, xmlNodePtr root)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!virXMLNodeNameEqual(root, "pool")) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unexpected root element <%s>, expecting <pool>",
                       root->name);
        return NULL;
    }
    ctxt = virXMLXPathContextNew(xml);
    ctxt->node = root;
    return virStoragePoolDefParseXML(ctxt);
}

virStoragePoolDef *
virStoragePoolDefParseString(const char *xmlStr, unsigned int flags)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    virCheckFlags(VIR_STORAGE_POOL_DEFINE_VALIDATE, NULL);
    if (!(xml = virXMLParseHelper(VIR_FROM_THIS, NULL, xmlStr,
                                  "(storage_pool_definition)", "pool", &ctxt,
                                  "storagepool.rng",
                                  flags & VIR_STORAGE_POOL_DEFINE_VALIDATE)))
        return NULL;
    return virStoragePoolDefParseXML(ctxt);
}

static void
virStoragePoolDefFormatTarget(virBuffer *buf, const virStoragePoolDef *def)
{
    virBufferAddLit(buf, "<target>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<path>%s</path>\n", def->target.path);
    virStoragePermsFormat(buf, &def->target.perms);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</target>\n");
}

char *
virStoragePoolDefFormat(const virStoragePoolDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    const virStoragePoolTypeInfo *info = virStoragePoolTypeInfoGet(def->type);
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!info)
        return NULL;
    virBufferAsprintf(&buf, "<pool type='%s'", virStoragePoolTypeToString(def->type));
    if (info->ns && def->nsopts)
        virBufferAsprintf(&buf, " xmlns:%s='%s'", info->ns->prefix, info->ns->uri);
    virBufferAddLit(&buf, ">\n");
    virBufferAdjustIndent(&buf, 2);

    virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
    virBufferAsprintf(&buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->uuid, uuidstr));
    virBufferAsprintf(&buf, "<capacity unit='bytes'>%llu</capacity>\n", def->capacity);
    virBufferAsprintf(&buf, "<allocation unit='bytes'>%llu</allocation>\n",
                      def->allocation);
    virBufferAsprintf(&buf, "<available unit='bytes'>%llu</available>\n",
                      def->available);
    if (def->cow != VIR_TRISTATE_BOOL_ABSENT) {
        virBufferAddLit(&buf, "<features>\n");
        virBufferAsprintf(&buf, "  <cow state='%s'/>\n",
                          virTristateBoolTypeToString(def->cow));
        virBufferAddLit(&buf, "</features>\n");
    }
    if (virStoragePoolSourceFormat(&buf, info, &def->source) < 0)
        return NULL;
    if (!info->network)
        virStoragePoolDefFormatTarget(&buf, def);
    if (def->hasRefresh) {
        virBufferAddLit(&buf, "<refresh>\n");
        virBufferAsprintf(&buf, "  <volume allocation='%s'/>\n",
                          virStorageVolDefRefreshAllocationTypeToString(def->refreshAllocation));
        virBufferAddLit(&buf, "</refresh>\n");
    }
    if (info->ns && def->nsopts)
        virStoragePoolNSFormat(&buf, info->ns, def->nsopts);

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</pool>\n");
    return virBufferContentAndReset(&buf);
}


/* ==== 4. volumes ==== */

VIR_ENUM_IMPL(virStorageVol, VIR_STORAGE_VOL_LAST,
              "file", "block", "dir", "network", "netdir", "ploop");

static void
virStorageVolTargetClear(virStorageVolTarget *target)
{
    g_free(target->path);
    g_free(target->perms.label);
    g_free(target->timestamps);
    virStorageEncryptionFree(target->encryption);
    g_free(target->compat);
    if (target->backingStore) {
        virStorageVolTargetClear(target->backingStore);
        g_free(target->backingStore);
    }
    memset(target, 0, sizeof(*target));
}

void
virStorageVolDefFree(virStorageVolDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->key);
    for (i = 0; i < def->nextent; i++)
        g_free(def->extents[i].path);
    g_free(def->extents);
    virStorageVolTargetClear(&def->target);
    g_free(def);
}

/* <compat>: qcow2 compatibility level, "N.M" */
static int
virStorageVolCheckCompat(const char *compat)
{
    g_auto(GStrv) version = NULL;
    unsigned int val;

    if (!compat)
        return 0;
    version = g_strsplit(compat, ".", 2);
    if (!version[0] || !version[1] ||
        virStrToLong_ui(version[0], NULL, 10, &val) < 0 ||
        virStrToLong_ui(version[1], NULL, 10, &val) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "forbidden characters in 'compat' attribute");
        return -1;
    }
    return 0;
}

/* <target><features>: given at all implies compat 1.1 */
static int
virStorageVolParseFeatures(xmlXPathContextPtr ctxt, virStorageVolTarget *target)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if (!virXPathNode("./target/features", ctxt))
        return 0;
    if ((n = virXPathNodeSet("./target/features/*", ctxt, &nodes)) < 0)
        return -1;
    if (!target->compat)
        target->compat = g_strdup("1.1");
    target->hasFeatures = true;
    for (i = 0; i < n; i++) {
        const char *name = (const char *) nodes[i]->name;
        int f = virStorageFileFeatureTypeFromString(name);

        if (f < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unsupported feature %s", name);
            return -1;
        }
        target->features |= 1u << f;
    }
    return 0;
}

static int
virStorageVolParseBackingStore(xmlXPathContextPtr ctxt, virStorageVolTarget *target,
                               const virStoragePoolTypeInfo *info)
{
    g_autofree char *path = virXPathString("string(./backingStore/path)", ctxt);
    virStorageVolTarget *backing;

    if (!path)
        return 0;
    backing = target->backingStore = g_new0(virStorageVolTarget, 1);
    backing->path = g_steal_pointer(&path);
    if (info->volFormat &&
        virStorageFormatParse(ctxt, "string(./backingStore/format/@type)",
                              info->volFormat, "volume", &backing->format) < 0)
        return -1;
    return virStoragePermsParse(ctxt, "./backingStore/permissions",
                                &backing->perms);
}

/* <capacity> (required unless @flags say otherwise) and <allocation>
 * (defaults to the capacity) */
static int
virStorageVolParseSizes(xmlXPathContextPtr ctxt, virStorageVolTarget *target,
                        unsigned int flags)
{
    g_autofree char *capacity = virXPathString("string(./capacity)", ctxt);
    g_autofree char *capacityUnit = virXPathString("string(./capacity/@unit)", ctxt);
    g_autofree char *allocation = NULL;
    g_autofree char *allocationUnit = NULL;

    if (capacity) {
        if (virStorageParseSize(capacity, capacityUnit, &target->capacity) < 0)
            return -1;
    } else if (!(flags & VIR_VOL_XML_PARSE_NO_CAPACITY) &&
               !((flags & VIR_VOL_XML_PARSE_OPT_CAPACITY) && target->backingStore)) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing capacity element");
        return -1;
    }

    if (!(allocation = virXPathString("string(./allocation)", ctxt))) {
        target->allocation = target->capacity;
        return 0;
    }
    allocationUnit = virXPathString("string(./allocation/@unit)", ctxt);
    if (virStorageParseSize(allocation, allocationUnit, &target->allocation) < 0)
        return -1;
    target->has_allocation = true;
    return 0;
}

static int
virStorageVolParseTarget(xmlXPathContextPtr ctxt, virStorageVolTarget *target,
                         const virStoragePoolTypeInfo *info)
{
    xmlNodePtr encryption;

    target->path = virXPathString("string(./target/path)", ctxt);
    if (info->volFormat &&
        virStorageFormatParse(ctxt, "string(./target/format/@type)",
                              info->volFormat, "volume", &target->format) < 0)
        return -1;
    if (virStoragePermsParse(ctxt, "./target/permissions", &target->perms) < 0)
        return -1;
    if ((encryption = virXPathNode("./target/encryption", ctxt)) &&
        !(target->encryption = virStorageEncryptionParseNode(encryption, ctxt)))
        return -1;

    target->compat = virXPathString("string(./target/compat)", ctxt);
    if (virStorageVolCheckCompat(target->compat) < 0)
        return -1;
    target->nocow = virXPathNode("./target/nocow", ctxt) != NULL;
    if (virStorageParseScaledElement(ctxt, "./target/clusterSize",
                                     &target->clusterSize) < 0)
        return -1;
    return virStorageVolParseFeatures(ctxt, target);
}

virStorageVolDef *
virStorageVolDefParseXML(const virStoragePoolDef *pool, xmlXPathContextPtr ctxt,
                         unsigned int flags)
{
    g_autoptr(virStorageVolDef) def = NULL;
    const virStoragePoolTypeInfo *info;
    g_autofree char *type = NULL;

    virCheckFlags(VIR_VOL_XML_PARSE_NO_CAPACITY | VIR_VOL_XML_PARSE_OPT_CAPACITY,
                  NULL);
    if (!(info = virStoragePoolTypeInfoGet(pool->type)))
        return NULL;

    def = g_new0(virStorageVolDef, 1);
    if (!(def->name = virXPathString("string(./name)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing volume name element");
        return NULL;
    }
    def->key = virXPathString("string(./key)", ctxt);
    if ((type = virXPathString("string(./@type)", ctxt))) {
        int val = virStorageVolTypeFromString(type);

        if (val < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown volume type '%s'", type);
            return NULL;
        }
        def->type = val;
    }

    if (virStorageVolParseBackingStore(ctxt, &def->target, info) < 0 ||
        virStorageVolParseSizes(ctxt, &def->target, flags) < 0 ||
        virStorageVolParseTarget(ctxt, &def->target, info) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virStorageVolDef *
virStorageVolDefParseNode(const virStoragePoolDef *pool, xmlDocPtr xml,
                          xmlNodePtr root, unsigned int flags)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!virXMLNodeNameEqual(root, "volume")) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unexpected root element <%s>, expecting <volume>",
                       root->name);
        return NULL;
    }
    ctxt = virXMLXPathContextNew(xml);
    ctxt->node = root;
    return virStorageVolDefParseXML(pool, ctxt, flags);
}

virStorageVolDef *
virStorageVolDefParseString(const virStoragePoolDef *pool, const char *xmlStr,
                            unsigned int flags)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!(xml = virXMLParseHelper(VIR_FROM_THIS, NULL, xmlStr,
                                  "(storage_volume_definition)", "volume", &ctxt,
                                  "storagevol.rng",
                                  flags & VIR_VOL_XML_PARSE_VALIDATE)))
        return NULL;
    return virStorageVolDefParseXML(pool, ctxt, flags & ~VIR_VOL_XML_PARSE_VALIDATE);
}

static void
virStorageVolTimestampFormat(virBuffer *buf, const char *name,
                             const struct timespec *ts)
{
    if (ts->tv_nsec < 0)
        return;
    virBufferAsprintf(buf, "<%s>%llu", name, (unsigned long long) ts->tv_sec);
    if (ts->tv_nsec)
        virBufferAsprintf(buf, ".%09ld", ts->tv_nsec);
    virBufferAsprintf(buf, "</%s>\n", name);
}

static void
virStorageVolFeaturesFormat(virBuffer *buf, const virStorageVolTarget *target)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (!target->hasFeatures)
        return;
    for (i = 0; i < VIR_STORAGE_FILE_FEATURE_LAST; i++) {
        if (target->features & (1u << i))
            virBufferAsprintf(&childBuf, "<%s/>\n",
                              virStorageFileFeatureTypeToString(i));
    }
    virBufferFormatElementEmpty(buf, "features", NULL, &childBuf);
}

/* <target> or <backingStore> */
static int
virStorageVolTargetFormat(virBuffer *buf, const char *element,
                          const virStorageFormatNames *formats,
                          const virStorageVolTarget *target)
{
    virBufferAsprintf(buf, "<%s>\n", element);
    virBufferAdjustIndent(buf, 2);

    virBufferEscapeString(buf, "<path>%s</path>\n", target->path);
    if (formats) {
        const char *format = formats->toString(target->format);

        if (!format) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown volume format number %d", target->format);
            return -1;
        }
        virBufferAsprintf(buf, "<format type='%s'/>\n", format);
    }
    virStoragePermsFormat(buf, &target->perms);
    if (target->timestamps) {
        virBufferAddLit(buf, "<timestamps>\n");
        virBufferAdjustIndent(buf, 2);
        virStorageVolTimestampFormat(buf, "atime", &target->timestamps->atime);
        virStorageVolTimestampFormat(buf, "mtime", &target->timestamps->mtime);
        virStorageVolTimestampFormat(buf, "ctime", &target->timestamps->ctime);
        virStorageVolTimestampFormat(buf, "btime", &target->timestamps->btime);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</timestamps>\n");
    }
    if (target->encryption)
        virStorageEncryptionFormat(buf, target->encryption);
    virBufferEscapeString(buf, "<compat>%s</compat>\n", target->compat);
    if (target->clusterSize > 0)
        virBufferAsprintf(buf, "<clusterSize unit='B'>%llu</clusterSize>\n",
                          target->clusterSize);
    virStorageVolFeaturesFormat(buf, target);

    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", element);
    return 0;
}

/* <source>: the extents, grouped under their device */
static void
virStorageVolSourceFormat(virBuffer *buf, const virStorageVolDef *def)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < def->nextent; i++) {
        const virStorageVolSourceExtent *ext = &def->extents[i];
        bool newDevice = i == 0 || STRNEQ(ext->path, def->extents[i - 1].path);

        if (newDevice && i > 0)
            virBufferAddLit(&childBuf, "</device>\n");
        if (newDevice)
            virBufferEscapeString(&childBuf, "<device path='%s'>\n", ext->path);
        virBufferAsprintf(&childBuf, "  <extent start='%llu' end='%llu'/>\n",
                          ext->start, ext->end);
    }
    if (def->nextent)
        virBufferAddLit(&childBuf, "</device>\n");
    virBufferFormatElement(buf, "source", NULL, &childBuf);
}

char *
virStorageVolDefFormat(const virStoragePoolDef *pool, const virStorageVolDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    const virStoragePoolTypeInfo *info = virStoragePoolTypeInfoGet(pool->type);

    if (!info)
        return NULL;
    virBufferAsprintf(&buf, "<volume type='%s'>\n", virStorageVolTypeToString(def->type));
    virBufferAdjustIndent(&buf, 2);

    virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
    virBufferEscapeString(&buf, "<key>%s</key>\n", def->key);
    virStorageVolSourceFormat(&buf, def);
    virBufferAsprintf(&buf, "<capacity unit='bytes'>%llu</capacity>\n",
                      def->target.capacity);
    virBufferAsprintf(&buf, "<allocation unit='bytes'>%llu</allocation>\n",
                      def->target.allocation);
    if (def->target.physical)
        virBufferAsprintf(&buf, "<physical unit='bytes'>%llu</physical>\n",
                          def->target.physical);
    if (virStorageVolTargetFormat(&buf, "target", info->volFormat, &def->target) < 0)
        return NULL;
    if (def->target.backingStore &&
        virStorageVolTargetFormat(&buf, "backingStore", info->volFormat,
                                  def->target.backingStore) < 0)
        return NULL;

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</volume>\n");
    return virBufferContentAndReset(&buf);
}


/* ==== 5. xml2xml categories ==== */

static char *
storagepoolRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(virStoragePoolDef) def = virStoragePoolDefParseString(xml, 0);

    return def ? virStoragePoolDefFormat(def) : NULL;
}

const virXMLCategory virStoragePoolXMLCategory = { "storagepool", storagepoolRoundtrip };

/* The params' flags=A|B in virStorageVolDefParseFlags */
static unsigned int
storagevolRoundtripFlags(const virXMLRoundtripArgs *args)
{
    g_autofree char *param = virXMLRoundtripParam(args, "flags");
    g_auto(GStrv) names = NULL;
    unsigned int flags = 0;
    size_t i;

    if (!param)
        return 0;
    names = g_strsplit(param, "|", -1);
    for (i = 0; names[i]; i++) {
        g_strstrip(names[i]);
        if (STREQ(names[i], "VIR_VOL_XML_PARSE_NO_CAPACITY"))
            flags |= VIR_VOL_XML_PARSE_NO_CAPACITY;
        else if (STREQ(names[i], "VIR_VOL_XML_PARSE_OPT_CAPACITY"))
            flags |= VIR_VOL_XML_PARSE_OPT_CAPACITY;
    }
    return flags;
}

/* The volume is parsed against args->poolXML, or a plain dir pool. */
static char *
storagevolRoundtrip(const char *xml, const virXMLRoundtripArgs *args)
{
    static const char defaultPool[] =
        "<pool type='dir'><name>default</name>"
        "<target><path>/var/lib/libvirt/images</path></target></pool>";
    g_autoptr(virStoragePoolDef) pool = NULL;
    g_autoptr(virStorageVolDef) def = NULL;

    if (!(pool = virStoragePoolDefParseString(args->poolXML ? args->poolXML
                                                            : defaultPool, 0)))
        return NULL;
    if (!(def = virStorageVolDefParseString(pool, xml, storagevolRoundtripFlags(args))))
        return NULL;
    return virStorageVolDefFormat(pool, def);
}

const virXMLCategory virStorageVolXMLCategory = { "storagevol", storagevolRoundtrip };
