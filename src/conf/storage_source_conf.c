/*
 * storage_source_conf.c: the storage elements volumes share with domain
 * disks: image formats and features, sizes and units, paths,
 * <permissions>, <secret>, <auth> and <encryption>.
 */
#include "internal.h"

#include <limits.h>
#include <stddef.h>

#include "conf/storage_source_conf.h"
#include "conf/storage_conf_priv.h"
#include "util/virfile.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

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

/* libvirt scales in its util code, whose errors have no domain */
#define virReportScaleError(code, ...) \
    virReportErrorHelper(VIR_FROM_NONE, code, __FILE__, __FUNCTION__, __LINE__, \
                         __VA_ARGS__)

/* Multiply @value by @unit (by @scale when no unit is given); the result
 * may not pass @limit. */
static int
virStorageScaleInteger(unsigned long long *value, const char *unit,
                       unsigned long long scale, unsigned long long limit)
{
    if (!unit || !*unit) {
        unit = "";
    } else if (virStorageUnitScale(unit, &scale) < 0) {
        virReportScaleError(VIR_ERR_INVALID_ARG, "unknown suffix '%s'", unit);
        return -1;
    }

    if (*value && *value > limit / scale) {
        virReportScaleError(VIR_ERR_OVERFLOW, "value too large: %llu%s",
                            *value, unit);
        return -1;
    }
    *value *= scale;
    return 0;
}

/* <capacity unit='...'>N</capacity> and <allocation>: bytes, at most
 * LLONG_MAX (files are sized by a signed off_t). */
int
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
int
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
char *
virStorageSanitizePath(const char *path)
{
    return virFileSanitizePath(path);
}

/* <permissions>: mode, owner, group, label */

void
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

int
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

void
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
