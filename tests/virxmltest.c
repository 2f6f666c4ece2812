/* XML parsing errors, XPath readers and typed attribute readers. */
#include "internal.h"
#include "util/virxml.h"
#include <libxml/xpathInternals.h>
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

typedef enum {
    TEST_COLOR_RED,
    TEST_COLOR_GREEN,
    TEST_COLOR_LAST
} testColor;
VIR_ENUM_DECL(testColor);
VIR_ENUM_IMPL(testColor, TEST_COLOR_LAST, "red", "green");

static const char *doc =
    "<root kind='green' n='-3' u='7' big='18446744073709551615' zero='0'\n"
    "      uuid='c7a5fdbd-edaf-9455-926a-d65c16db1809' on='yes'>\n"
    "  <item>one</item>\n"
    "  <item>two</item>\n"
    "  <count>42</count>\n"
    "  <minus>-1</minus>\n"
    "</root>\n";

static int
testMalformed(void)
{
    xmlDocPtr xml = virXMLParseHelper(VIR_FROM_NETWORK, NULL,
                                      "<network>\n  <name>x</nam>\n</network>",
                                      "network.xml", NULL, NULL, NULL, false);

    CHECK(xml == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_XML_DETAIL);
    CHECK_INTEQ(virGetLastErrorDomain(), VIR_FROM_NETWORK);
    CHECK_STREQ(virGetLastErrorMessage(),
                "network.xml:2: Opening and ending tag mismatch: name line 2 and nam\n"
                "  <name>x</nam>\n"
                "---------------^");
    virResetLastError();

    /* at the very end there is no context line: libvirt prints "(null)" */
    xml = virXMLParseHelper(VIR_FROM_NETWORK, NULL, "<network>\n  <name>x</name>\n",
                            "(network_definition)", NULL, NULL, NULL, false);
    CHECK(xml == NULL);
    CHECK_STREQ(virGetLastErrorMessage(),
                "(network_definition):3: Premature end of data in tag network line 1\n"
                "(null)\n^");
    virResetLastError();

    xml = virXMLParseHelper(VIR_FROM_NETWORK, NULL, "<pool/>", NULL,
                            "network", NULL, NULL, false);
    CHECK(xml == NULL);
    CHECK_STREQ(virGetLastErrorMessage(),
                "XML error: expecting root element of 'network', not 'pool'");
    virResetLastError();
    return 0;
}

static int
testReaders(void)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(xmlDoc) xml = virXMLParseHelper(VIR_FROM_NONE, NULL, doc, NULL,
                                              "root", &ctxt, NULL, false);
    g_autofree xmlNodePtr *items = NULL;
    g_autofree char *first = NULL;
    unsigned int kind;
    unsigned int u;
    int n;
    unsigned long long big;
    unsigned char uuid[VIR_UUID_BUFLEN];
    virTristateBool on;

    CHECK(xml != NULL);
    CHECK_INTEQ(virXPathNodeSet("./item", ctxt, &items), 2);
    first = virXPathString("string(./item[1])", ctxt);
    CHECK_STREQ(first, "one");
    CHECK_INTEQ(virXPathInt("string(./count)", ctxt, &n), 0);
    CHECK_INTEQ(n, 42);
    CHECK_INTEQ(virXPathInt("string(./missing)", ctxt, &n), -1);
    CHECK_INTEQ(virXPathInt("string(./item[1])", ctxt, &n), -2);
    /* unsigned readers refuse a sign, as libvirt's do */
    CHECK_INTEQ(virXPathUInt("string(./minus)", ctxt, &u), -2);
    CHECK(virXPathNode("./count", ctxt) != NULL);
    CHECK(virXPathNode("./nothing", ctxt) == NULL);

    CHECK_INTEQ(virXMLPropEnum(ctxt->node, "kind", testColorTypeFromString,
                               VIR_XML_PROP_NONE, &kind), 1);
    CHECK_INTEQ(kind, TEST_COLOR_GREEN);
    CHECK_INTEQ(virXMLPropEnum(ctxt->node, "absent", testColorTypeFromString,
                               VIR_XML_PROP_NONE, &kind), 0);
    CHECK_INTEQ(virXMLPropEnum(ctxt->node, "absent", testColorTypeFromString,
                               VIR_XML_PROP_REQUIRED, &kind), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "XML error: Missing required attribute 'absent' in element 'root'");
    CHECK_INTEQ(virXMLPropEnum(ctxt->node, "u", testColorTypeFromString,
                               VIR_XML_PROP_NONE, &kind), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "XML error: Invalid value for attribute 'u' in element 'root': '7'.");

    CHECK_INTEQ(virXMLPropInt(ctxt->node, "n", 10, VIR_XML_PROP_NONE, &n, 0), 1);
    CHECK_INTEQ(n, -3);
    CHECK_INTEQ(virXMLPropInt(ctxt->node, "n", 10, VIR_XML_PROP_NONNEGATIVE, &n, 0), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "XML error: Invalid value for attribute 'n' in element 'root': '-3'. Expected non-negative value");
    CHECK_INTEQ(virXMLPropUInt(ctxt->node, "u", 10, VIR_XML_PROP_NONZERO, &u), 1);
    CHECK_INTEQ(u, 7);
    CHECK_INTEQ(virXMLPropUInt(ctxt->node, "zero", 10, VIR_XML_PROP_NONZERO, &u), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "XML error: Invalid value for attribute 'zero' in element 'root': Zero is not permitted");
    CHECK_INTEQ(virXMLPropUInt(ctxt->node, "n", 10, VIR_XML_PROP_NONE, &u), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "XML error: Invalid value for attribute 'n' in element 'root': '-3'. Expected non-negative integer value");
    CHECK_INTEQ(virXMLPropULongLong(ctxt->node, "big", 10, VIR_XML_PROP_NONE, &big), 1);
    CHECK(big == 18446744073709551615ULL);
    CHECK_INTEQ(virXMLPropUUID(ctxt->node, "uuid", VIR_XML_PROP_REQUIRED, uuid), 1);
    CHECK_INTEQ(uuid[0], 0xc7);
    CHECK_INTEQ(virXMLPropUUID(ctxt->node, "kind", VIR_XML_PROP_NONE, uuid), -1);
    CHECK_INTEQ(virXMLPropTristateBool(ctxt->node, "on", VIR_XML_PROP_NONE, &on), 1);
    CHECK_INTEQ(on, VIR_TRISTATE_BOOL_YES);
    virResetLastError();
    return 0;
}

static int
testAutorestore(void)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(xmlDoc) xml = virXMLParseHelper(VIR_FROM_NONE, NULL, doc, NULL,
                                              NULL, &ctxt, NULL, false);
    xmlNodePtr root = ctxt->node;

    CHECK(xml != NULL);
    {
        VIR_XPATH_NODE_AUTORESTORE(ctxt);
        ctxt->node = virXPathNode("./count", ctxt);
        CHECK(ctxt->node != root);
    }
    CHECK(ctxt->node == root);
    CHECK_STREQ(testColorTypeToString(TEST_COLOR_RED), "red");
    CHECK(testColorTypeToString(TEST_COLOR_LAST) == NULL);
    CHECK_INTEQ(testColorTypeFromString("blue"), -1);
    return 0;
}

/* The readers walk simple paths themselves: they must find what
 * libxml2's XPath engine finds, node for node and string for string. */
static const char *pathDoc =
    "<domain xmlns:x='urn:x' type='kvm' x:type='ns'>\n"
    "  <name>a<b>b</b>c</name>\n"
    "  <devices><disk d='1'><target dev='vda'/></disk>\n"
    "    <x:disk d='ns'/>\n"
    "    <disk d='2'><target dev='vdb'/><target dev='vdc'/></disk></devices>\n"
    "  <devices><disk d='3'/></devices>\n"
    "  <empty></empty><x:name>other</x:name>\n"
    "  <v-1_x>dash</v-1_x>\n"
    "</domain>\n";

static const char *const simplePaths[] = {
    ".", "./name", "name", "./name[1]", "./devices/disk", "devices/disk/@d",
    "./devices[1]/disk", "./devices/disk[1]", "./devices/disk/target/@dev",
    "./devices/disk[1]/target[1]/@dev", "./@type", "@type", "./empty",
    "./missing", "./missing/@x", "./devices/x:disk", "./x:name", "./v-1_x",
    "./devices/*", "./name/b", "./@missing", "./devices/disk[2]", "./@x:type",
    "./*[1]", "./devices/*/@d", "./devices/x:disk/@d", "./x:name[1]",
    "./devices/disk[@d='2']/target", "./devices//target", "./devices/./disk",
};

static int
testSimplePaths(void)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(xmlDoc) xml = virXMLParseHelper(VIR_FROM_NONE, NULL, pathDoc, NULL,
                                              NULL, &ctxt, NULL, false);
    size_t i;

    CHECK(xml != NULL);
    CHECK(xmlXPathRegisterNs(ctxt, BAD_CAST "x", BAD_CAST "urn:x") == 0);
    for (i = 0; i < G_N_ELEMENTS(simplePaths); i++) {
        const char *path = simplePaths[i];
        g_autofree char *strExpr = g_strdup_printf("string(%s)", path);
        g_autofree char *boolExpr = g_strdup_printf("boolean(%s)", path);
        g_autoptr(xmlXPathObject) ref = xmlXPathEval(BAD_CAST path, ctxt);
        g_autoptr(xmlXPathObject) refStr = xmlXPathEval(BAD_CAST strExpr, ctxt);
        g_autofree xmlNodePtr *nodes = NULL;
        g_autofree char *str = virXPathString(path, ctxt);
        g_autofree char *str2 = virXPathString(strExpr, ctxt);
        int refN = ref->nodesetval ? ref->nodesetval->nodeNr : 0;
        int n = virXPathNodeSet(path, ctxt, &nodes);
        int j;

        fprintf(stderr, "# %s\n", path);
        CHECK_INTEQ(n, refN);
        for (j = 0; j < n; j++)
            CHECK(nodes[j] == ref->nodesetval->nodeTab[j]);
        CHECK(virXPathNode(path, ctxt) == (refN ? ref->nodesetval->nodeTab[0] : NULL));
        CHECK_INTEQ(virXPathBoolean(boolExpr, ctxt), refN > 0);
        CHECK_STREQ(str, *refStr->stringval ? (char *)refStr->stringval : NULL);
        CHECK_STREQ(str2, str);
    }
    return 0;
}

int
main(void)
{
    virTestRun("malformed", testMalformed);
    virTestRun("readers", testReaders);
    virTestRun("autorestore", testAutorestore);
    virTestRun("simple paths", testSimplePaths);
    return virTestDone();
}
