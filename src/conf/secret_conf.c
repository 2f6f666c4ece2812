/*
 * secret_conf.c: parse and format the <secret> document.
 */
#include "internal.h"
#include "conf/secret_conf.h"
#include "conf/virxmlcategory.h"
#include "util/virbuffer.h"
#include "util/virstring.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_SECRET

VIR_ENUM_IMPL(virSecretUsage,
              VIR_SECRET_USAGE_TYPE_LAST,
              "none", "volume", "ceph", "iscsi", "tls", "vtpm");

/* Each usage type names its object with one child of <usage>. */
typedef struct {
    const char *element;        /* child holding usage_id */
    const char *missing;        /* error when that child is absent */
} virSecretUsageInfo;

static const virSecretUsageInfo virSecretUsages[] = {
    [VIR_SECRET_USAGE_TYPE_NONE] = { NULL, NULL },
    [VIR_SECRET_USAGE_TYPE_VOLUME] = {
        "volume", "volume usage specified, but volume path is missing" },
    [VIR_SECRET_USAGE_TYPE_CEPH] = {
        "name", "Ceph usage specified, but name is missing" },
    [VIR_SECRET_USAGE_TYPE_ISCSI] = {
        "target", "iSCSI usage specified, but target is missing" },
    [VIR_SECRET_USAGE_TYPE_TLS] = {
        "name", "TLS usage specified, but name is missing" },
    [VIR_SECRET_USAGE_TYPE_VTPM] = {
        "name", "vTPM usage specified, but name is missing" },
};
G_STATIC_ASSERT(G_N_ELEMENTS(virSecretUsages) == VIR_SECRET_USAGE_TYPE_LAST);


void
virSecretDefFree(virSecretDef *def)
{
    if (!def)
        return;
    g_free(def->description);
    g_free(def->usage_id);
    g_free(def);
}


/* <usage type='...'>, with ctxt on <secret>. */
static int
virSecretDefParseUsage(xmlXPathContextPtr ctxt, virSecretDef *def)
{
    g_autofree char *typeStr = virXPathString("./usage/@type", ctxt);
    g_autofree char *path = NULL;
    const virSecretUsageInfo *info;
    int type;

    if (!typeStr) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "unknown secret usage type");
        return -1;
    }
    if ((type = virSecretUsageTypeFromString(typeStr)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown secret usage type %s", typeStr);
        return -1;
    }
    def->usage_type = type;
    info = &virSecretUsages[type];
    if (!info->element)
        return 0;

    path = g_strdup_printf("./usage/%s", info->element);
    if (!(def->usage_id = virXPathString(path, ctxt))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", info->missing);
        return -1;
    }
    return 0;
}


static int
virSecretDefParseYesNo(xmlXPathContextPtr ctxt, const char *name, bool *value)
{
    g_autofree char *path = g_strdup_printf("./@%s", name);
    g_autofree char *str = virXPathString(path, ctxt);

    if (str && virStringParseYesNo(str, value) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "invalid value of '%s'", name);
        return -1;
    }
    return 0;
}


static virSecretDef *
virSecretDefParseXML(xmlXPathContextPtr ctxt)
{
    g_autoptr(virSecretDef) def = g_new0(virSecretDef, 1);
    g_autofree char *uuid = NULL;

    if (virSecretDefParseYesNo(ctxt, "ephemeral", &def->isephemeral) < 0 ||
        virSecretDefParseYesNo(ctxt, "private", &def->isprivate) < 0)
        return NULL;

    if (!(uuid = virXPathString("./uuid", ctxt))) {
        if (virUUIDGenerate(def->uuid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Failed to generate UUID");
            return NULL;
        }
    } else if (virUUIDParse(uuid, def->uuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "malformed uuid element");
        return NULL;
    }

    def->description = virXPathString("./description", ctxt);

    if (virXPathNode("./usage", ctxt) &&
        virSecretDefParseUsage(ctxt, def) < 0)
        return NULL;

    return g_steal_pointer(&def);
}


virSecretDef *
virSecretDefParse(const char *xmlStr, const char *filename, unsigned int flags)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    bool validate = !!(flags & VIR_SECRET_DEFINE_VALIDATE);

    if (!(xml = virXMLParseHelper(VIR_FROM_THIS, filename, xmlStr,
                                  "(definition_of_secret)", "secret", &ctxt,
                                  "secret.rng", validate)))
        return NULL;

    return virSecretDefParseXML(ctxt);
}


char *
virSecretDefFormat(const virSecretDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    const char *usage = virSecretUsageTypeToString(def->usage_type);

    if (!usage) {
        virReportEnumRangeError(virSecretUsageType, def->usage_type);
        return NULL;
    }

    virBufferAsprintf(&buf, "<secret ephemeral='%s' private='%s'>\n",
                      def->isephemeral ? "yes" : "no",
                      def->isprivate ? "yes" : "no");
    virBufferAdjustIndent(&buf, 2);
    virBufferAsprintf(&buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(def->uuid, uuidstr));
    virBufferEscapeString(&buf, "<description>%s</description>\n",
                          def->description);

    if (def->usage_type != VIR_SECRET_USAGE_TYPE_NONE) {
        const char *element = virSecretUsages[def->usage_type].element;

        virBufferAsprintf(&buf, "<usage type='%s'>\n", usage);
        virBufferAdjustIndent(&buf, 2);
        if (def->usage_id) {
            virBufferAsprintf(&buf, "<%s>", element);
            virBufferEscapeString(&buf, "%s", def->usage_id);
            virBufferAsprintf(&buf, "</%s>\n", element);
        }
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</usage>\n");
    }

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</secret>\n");
    return virBufferContentAndReset(&buf);
}


static char *
secretRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(virSecretDef) def = virSecretDefParse(xml, NULL, 0);

    if (!def)
        return NULL;
    return virSecretDefFormat(def);
}

const virXMLCategory virSecretXMLCategory = { "secret", secretRoundtrip };
