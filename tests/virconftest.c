/* virconf: libvirtd.conf / qemu.conf syntax, typed getters, writing. */
#include "internal.h"
#include "testutils.h"
#include "util/virconf.h"
#include "util/virfile.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_NONE

/* In the style of libvirtd.conf and qemu.conf. */
static const char *sample =
    "# Master libvirt daemon configuration file\n"
    "#\n"
    "\n"
    "#################################################################\n"
    "#\n"
    "# Network connectivity controls\n"
    "#\n"
    "listen_tls = 0\n"
    "listen_tcp = 1\n"
    "tcp_port = \"16509\"\n"
    "listen_addr = '192.168.0.1'   # a trailing comment\n"
    "unix_sock_group = \"libvirt\"\n"
    "unix_sock_ro_perms = \"0777\"\n"
    "max_clients = 5000\n"
    "min_workers = -1\n"
    "max_anonymous_clients = 20 ; max_queued_clients = 1000\n"
    "tls_allowed_dn_list = [\"DN1\", \"DN2\"]\n"
    "access_drivers = [ \"polkit\" ]\n"
    "cgroup_device_acl = [\n"
    "    \"/dev/null\", \"/dev/full\", \"/dev/zero\",\n"
    "    \"/dev/random\", \"/dev/urandom\",\n"
    "    \"/dev/ptmx\", \"/dev/kvm\",\n"
    "]\n"
    "empty_list = [ ]\n"
    "numbers = [ 1, 2 ]\n"
    "big = 18446744073709551615\n"
    "neg = -9223372036854775808\n"
    "multi = \"\"\"line one\n"
    "line two\"\"\"\n"
    "\n";


static int
testParseSample(void)
{
    g_autoptr(virConf) conf = virConfReadString(sample, 0);
    g_autofree char *str = NULL;
    g_auto(GStrv) list = NULL;
    bool b = true;
    int i = 0;
    unsigned int u = 0;
    long long ll = 0;
    unsigned long long ull = 0;
    size_t sz = 0;
    ssize_t ssz = 0;

    CHECK(conf != NULL);

    CHECK_INTEQ(virConfGetValueBool(conf, "listen_tls", &b), 1);
    CHECK(!b);
    CHECK_INTEQ(virConfGetValueBool(conf, "listen_tcp", &b), 1);
    CHECK(b);
    CHECK_INTEQ(virConfGetValueString(conf, "tcp_port", &str), 1);
    CHECK_STREQ(str, "16509");
    CHECK_INTEQ(virConfGetValueString(conf, "listen_addr", &str), 1);
    CHECK_STREQ(str, "192.168.0.1");
    CHECK_INTEQ(virConfGetValueUInt(conf, "max_clients", &u), 1);
    CHECK_INTEQ(u, 5000);
    CHECK_INTEQ(virConfGetValueInt(conf, "min_workers", &i), 1);
    CHECK_INTEQ(i, -1);
    CHECK_INTEQ(virConfGetValueSizeT(conf, "max_queued_clients", &sz), 1);
    CHECK_INTEQ(sz, 1000);
    CHECK_INTEQ(virConfGetValueSSizeT(conf, "min_workers", &ssz), 1);
    CHECK_INTEQ(ssz, -1);
    CHECK_INTEQ(virConfGetValueULLong(conf, "big", &ull), 1);
    CHECK(ull == ULLONG_MAX);
    CHECK_INTEQ(virConfGetValueLLong(conf, "neg", &ll), 1);
    CHECK(ll == LLONG_MIN);
    CHECK_INTEQ(virConfGetValueString(conf, "multi", &str), 1);
    CHECK_STREQ(str, "line one\nline two");

    CHECK_INTEQ(virConfGetValueStringList(conf, "cgroup_device_acl", false,
                                          &list), 1);
    CHECK_INTEQ(g_strv_length(list), 7);
    CHECK_STREQ(list[0], "/dev/null");
    CHECK_STREQ(list[6], "/dev/kvm");
    CHECK_INTEQ(virConfGetValueStringList(conf, "empty_list", false, &list), 1);
    CHECK_INTEQ(g_strv_length(list), 0);
    /* a plain string as a one-element list when allowed */
    CHECK_INTEQ(virConfGetValueStringList(conf, "unix_sock_group", true,
                                          &list), 1);
    CHECK_INTEQ(g_strv_length(list), 1);
    CHECK_STREQ(list[0], "libvirt");

    CHECK_INTEQ(virConfGetValueType(conf, "access_drivers"), VIR_CONF_LIST);
    CHECK_INTEQ(virConfGetValueType(conf, "min_workers"), VIR_CONF_LLONG);
    CHECK_INTEQ(virConfGetValueType(conf, "max_clients"), VIR_CONF_ULLONG);
    CHECK_INTEQ(virConfGetValueType(conf, "nope"), VIR_CONF_NONE);

    /* absent: 0 and output untouched */
    i = 99;
    CHECK_INTEQ(virConfGetValueInt(conf, "nope", &i), 0);
    CHECK_INTEQ(i, 99);
    return 0;
}


#define CHECK_CONF_ERROR(expr, code, msg) \
    do { \
        virResetLastError(); \
        CHECK_INTEQ((expr), -1); \
        CHECK_INTEQ(virGetLastErrorCode(), code); \
        CHECK_INTEQ(virGetLastErrorDomain(), VIR_FROM_CONF); \
        CHECK_STREQ(virGetLastErrorMessage(), msg); \
        virResetLastError(); \
    } while (0)

static int
testTypeErrors(void)
{
    g_autoptr(virConf) conf = virConfReadString(sample, 0);
    g_autofree char *str = g_strdup("keep");
    g_auto(GStrv) list = NULL;
    bool b = false;
    int i = 5;
    unsigned int u = 5;
    long long ll;

    CHECK(conf != NULL);
    CHECK_CONF_ERROR(virConfGetValueString(conf, "listen_tls", &str),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: expected a string for "
                     "'listen_tls' parameter");
    CHECK_STREQ(str, "keep");
    CHECK_CONF_ERROR(virConfGetValueBool(conf, "tcp_port", &b),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: expected a bool for "
                     "'tcp_port' parameter");
    CHECK_CONF_ERROR(virConfGetValueBool(conf, "max_clients", &b),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: value for 'max_clients' "
                     "parameter must be 0 or 1");
    CHECK_CONF_ERROR(virConfGetValueInt(conf, "tcp_port", &i),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: expected a signed integer "
                     "for 'tcp_port' parameter");
    CHECK_CONF_ERROR(virConfGetValueInt(conf, "big", &i),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: value for 'big' parameter "
                     "must be in range -2147483648:2147483647");
    CHECK_INTEQ(i, 5);
    CHECK_CONF_ERROR(virConfGetValueUInt(conf, "min_workers", &u),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: expected an unsigned "
                     "integer for 'min_workers' parameter");
    CHECK_CONF_ERROR(virConfGetValueUInt(conf, "big", &u),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: value for 'big' parameter "
                     "must be in range 0:4294967295");
    CHECK_INTEQ(u, 5);
    CHECK_CONF_ERROR(virConfGetValueLLong(conf, "big", &ll),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: value for 'big' parameter "
                     "must be in range -9223372036854775808:9223372036854775807");
    CHECK_CONF_ERROR(virConfGetValueStringList(conf, "tcp_port", false, &list),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: expected a string list for "
                     "'tcp_port' parameter");
    CHECK_CONF_ERROR(virConfGetValueStringList(conf, "max_clients", true,
                                               &list),
                     VIR_ERR_INTERNAL_ERROR,
                     "internal error: memory conf: expected a string or string "
                     "list for 'max_clients' parameter");
    CHECK_CONF_ERROR(virConfGetValueStringList(conf, "numbers", false, &list),
                     VIR_ERR_CONF_SYNTAX,
                     "configuration file syntax error: memory conf: expected a "
                     "string list for 'numbers' parameter");
    CHECK(list == NULL);
    return 0;
}


typedef struct {
    const char *text;
    const char *message;
} testSyntaxCase;

static int
testSyntaxErrors(void)
{
    static const testSyntaxCase cases[] = {
        { "a = \"unterminated\n",
          "memory conf:1: unterminated string" },
        { "a = 'x\nb = 1\n",
          "memory conf:1: unterminated string" },
        { "a = 1\nb = \"\"\"never closed\n\n",
          "memory conf:2: unterminated string" },
        { "a = 1\n\nb c\n",
          "memory conf:3: expecting an assignment" },
        { "a =\n",
          "memory conf:1: expecting a value" },
        { "a = yes\n",
          "memory conf:1: expecting a value" },
        { "1a = 2\n",
          "memory conf:1: expecting a name" },
        { "a = [ \"x\" \"y\" ]\n",
          "memory conf:1: expecting a separator in list" },
        { "a = [ \"x\",\n  \"y\"\n",
          "memory conf:3: list is not closed with ]" },
        { "a = 1 b = 2\n",
          "memory conf:1: expecting a separator" },
        { "a = -\n",
          "memory conf:1: unterminated number" },
        { "a = 18446744073709551616\n",
          "memory conf:1: numeric value out of range" },
        { "a = -9223372036854775809\n",
          "memory conf:1: numeric value out of range" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(virConf) conf = NULL;
        g_autofree char *expect = NULL;

        virResetLastError();
        conf = virConfReadString(cases[i].text, 0);
        if (conf) {
            fprintf(stderr, "parsed: %s\n", cases[i].text);
            return -1;
        }
        expect = g_strdup_printf("configuration file syntax error: %s",
                                 cases[i].message);
        CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_CONF_SYNTAX);
        CHECK_STREQ(virGetLastErrorMessage(), expect);
    }
    virResetLastError();
    return 0;
}


static int
testFormatRoundTrip(void)
{
    /* blank lines are not kept; everything else is */
    const char *text =
        "# comment line\n"
        "a = 1 # trailing\n"
        "b = -5\n"
        "c = \"str\"\n"
        "d = 'has \"double\" quotes'\n"
        "e = \"\"\"both ' and \" quotes\"\"\"\n"
        "f = \"\"\"multi\nline\"\"\"\n"
        "g = [ \"x\", \"y\" ]\n"
        "h = [  ]\n";
    g_autoptr(virConf) conf = virConfReadString(text, 0);
    g_autoptr(virConf) again = NULL;
    g_autofree char *out = NULL;
    g_autofree char *out2 = NULL;
    char mem[512];
    int len = sizeof(mem);
    char tiny[8];
    int tinylen = sizeof(tiny);

    CHECK(conf != NULL);
    out = virConfFormat(conf);
    CHECK_STREQ(out, text);

    /* and the output parses back to the same */
    again = virConfReadString(out, 0);
    CHECK(again != NULL);
    out2 = virConfFormat(again);
    CHECK_STREQ(out2, out);

    CHECK_INTEQ(virConfWriteMem(mem, &len, conf), strlen(text));
    CHECK_INTEQ(len, strlen(text));
    CHECK(memcmp(mem, text, len) == 0);

    /* too small: -1 with the size needed */
    CHECK_INTEQ(virConfWriteMem(tiny, &tinylen, conf), -1);
    CHECK_INTEQ(tinylen, strlen(text));
    return 0;
}


static int
testSetValueAndFile(void)
{
    g_autoptr(virConf) conf = virConfNew();
    g_autoptr(virConf) reread = NULL;
    g_autoptr(virConfValue) bad = g_new0(virConfValue, 1);
    g_autofree char *path = g_build_filename(virTestTempDir(), "out.conf",
                                             NULL);
    g_autofree char *content = NULL;
    g_autofree char *str = NULL;
    virConfValue *val;
    virConfValue *list;
    unsigned int u = 0;
    const char *expect =
        "workers = 4\n"
        "dir = \"/var/run\"\n"
        "names = [ \"a\", \"b\" ]\n";

    val = g_new0(virConfValue, 1);
    val->type = VIR_CONF_ULLONG;
    val->l = 3;
    CHECK_INTEQ(virConfSetValue(conf, "workers", &val), 0);
    CHECK(val == NULL);

    val = g_new0(virConfValue, 1);
    val->type = VIR_CONF_STRING;
    val->str = g_strdup("/var/run");
    CHECK_INTEQ(virConfSetValue(conf, "dir", &val), 0);

    /* replace keeps the position */
    val = g_new0(virConfValue, 1);
    val->type = VIR_CONF_ULLONG;
    val->l = 4;
    CHECK_INTEQ(virConfSetValue(conf, "workers", &val), 0);

    list = g_new0(virConfValue, 1);
    list->type = VIR_CONF_LIST;
    list->list = g_new0(virConfValue, 1);
    list->list->type = VIR_CONF_STRING;
    list->list->str = g_strdup("a");
    list->list->next = g_new0(virConfValue, 1);
    list->list->next->type = VIR_CONF_STRING;
    list->list->next->str = g_strdup("b");
    CHECK_INTEQ(virConfSetValue(conf, "names", &list), 0);

    /* a string value without a string is refused, and consumed */
    bad->type = VIR_CONF_STRING;
    virResetLastError();
    CHECK_INTEQ(virConfSetValue(conf, "bad", &bad), -1);
    CHECK(bad == NULL);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: expecting a value for value of type string");
    virResetLastError();

    CHECK_INTEQ(virConfWriteFile(path, conf), strlen(expect));
    CHECK_INTEQ(virFileReadAll(path, 1024, &content), strlen(expect));
    CHECK_STREQ(content, expect);

    reread = virConfReadFile(path, 0);
    CHECK(reread != NULL);
    CHECK_INTEQ(virConfGetValueUInt(reread, "workers", &u), 1);
    CHECK_INTEQ(u, 4);
    CHECK_INTEQ(virConfGetValueString(reread, "dir", &str), 1);
    CHECK_STREQ(str, "/var/run");
    return 0;
}


static int
testReadFileErrors(void)
{
    g_autofree char *path = g_build_filename(virTestTempDir(), "bad.conf",
                                             NULL);
    g_autofree char *missing = g_build_filename(virTestTempDir(), "none.conf",
                                                NULL);
    g_autofree char *expect = NULL;
    virConf *conf;

    CHECK_INTEQ(virFileWriteStr(path, "# ok\nlisten_tls = 0\nx = \n", 0600), 0);
    virResetLastError();
    conf = virConfReadFile(path, 0);
    CHECK(conf == NULL);
    expect = g_strdup_printf("configuration file syntax error: %s:3: "
                             "expecting a value", path);
    CHECK_STREQ(virGetLastErrorMessage(), expect);

    conf = virConfReadFile(missing, 0);
    CHECK(conf == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR);
    CHECK_INTEQ(virGetLastError()->int1, ENOENT);
    virResetLastError();
    return 0;
}


typedef struct {
    GString *seen;
    int stopAt;
} testWalkData;

static int
testWalkCallback(const char *name, virConfValue *value, void *opaque)
{
    testWalkData *data = opaque;

    g_string_append_printf(data->seen, "%s:%d ", name, value->type);
    if (--data->stopAt == 0)
        return -1;
    return 0;
}

static int
testWalk(void)
{
    g_autoptr(virConf) conf = virConfReadString("# c\na = 1\nb = 'x'\nc = [ ]\n",
                                                0);
    g_autoptr(GString) seen = g_string_new(NULL);
    testWalkData data = { seen, 0 };

    CHECK(conf != NULL);
    CHECK_INTEQ(virConfWalk(conf, testWalkCallback, &data), 0);
    CHECK_STREQ(seen->str, "a:2 b:3 c:4 ");

    g_string_truncate(seen, 0);
    data.stopAt = 2;
    CHECK_INTEQ(virConfWalk(conf, testWalkCallback, &data), -1);
    CHECK_STREQ(seen->str, "a:2 b:3 ");
    return 0;
}


static int
testFormats(void)
{
    g_autoptr(virConf) vmx = NULL;
    g_autoptr(virConf) lxc = NULL;
    g_autoptr(virConf) lists = NULL;
    g_autofree char *str = NULL;

    vmx = virConfReadString("config.version = \"8\"\n"
                            "ethernet0.present = \"TRUE\"\n",
                            VIR_CONF_FLAG_VMX_FORMAT);
    CHECK(vmx != NULL);
    CHECK_INTEQ(virConfGetValueString(vmx, "Ethernet0.Present", &str), 1);
    CHECK_STREQ(str, "TRUE");
    virResetLastError();
    lists = virConfReadString("a = 1\n", VIR_CONF_FLAG_VMX_FORMAT);
    CHECK(lists == NULL);
    CHECK_STREQ(virGetLastErrorMessage(),
                "configuration file syntax error: memory conf:1: numbers not "
                "allowed in VMX format");
    virResetLastError();

    lxc = virConfReadString("lxc.rootfs.path = /var/lib/lxc/c1/rootfs  \n",
                            VIR_CONF_FLAG_LXC_FORMAT);
    CHECK(lxc != NULL);
    CHECK_INTEQ(virConfGetValueString(lxc, "lxc.rootfs.path", &str), 1);
    CHECK_STREQ(str, "/var/lib/lxc/c1/rootfs");
    return 0;
}


static int
testEdgeCases(void)
{
    g_autoptr(virConf) empty = virConfReadString("", 0);
    g_autoptr(virConf) blank = virConfReadString("  \n\n\t\n", 0);
    g_autoptr(virConf) crlf = virConfReadString("a = 1\r\nb = \"x\"\r\n", 0);
    g_autoptr(virConf) noeol = virConfReadString("a = [ 1, \"two\", [ 3 ] ]", 0);
    g_autofree char *str = NULL;
    g_autofree char *out = NULL;

    CHECK(empty != NULL);
    CHECK(blank != NULL);
    CHECK(crlf != NULL);
    CHECK_INTEQ(virConfGetValueString(crlf, "b", &str), 1);
    CHECK_STREQ(str, "x");
    CHECK(noeol != NULL);
    out = virConfFormat(noeol);
    CHECK_STREQ(out, "a = [ 1, \"two\", [ 3 ] ]\n");

    virResetLastError();
    CHECK(virConfReadString(NULL, 0) == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INVALID_ARG);
    virResetLastError();
    CHECK_STREQ(virConfTypeToString(VIR_CONF_ULLONG), "unsigned long");
    CHECK(virConfTypeToString(VIR_CONF_LAST) == NULL);
    return 0;
}


int
main(void)
{
    virTestRun("parse sample", testParseSample);
    virTestRun("type errors", testTypeErrors);
    virTestRun("syntax errors", testSyntaxErrors);
    virTestRun("format round trip", testFormatRoundTrip);
    virTestRun("set value and write file", testSetValueAndFile);
    virTestRun("read file errors", testReadFileErrors);
    virTestRun("walk", testWalk);
    virTestRun("vmx and lxc formats", testFormats);
    virTestRun("edge cases", testEdgeCases);
    return virTestDone();
}
