/* vsh: the generic shell's parser, option getters, number parsing and
 * tables, driven through a small command table of its own.  (What users
 * see is compared with libvirt's virsh by the virsh-golden check.) */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "testutils.h"
#include "vsh.h"
#include "vsh-table.h"

static bool ranHandler;

static bool
cmdProbe(vshControl *ctl G_GNUC_UNUSED, const vshCmd *cmd G_GNUC_UNUSED)
{
    ranHandler = true;
    return true;
}

static const vshCmdOptDef opts_probe[] = {
    { .name = "dom", .type = VSH_OT_DATA, .flags = VSH_OFLAG_REQ, .help = "d" },
    { .name = "count", .type = VSH_OT_INT, .help = "c" },
    /* an alias names a later option */
    { .name = "big", .type = VSH_OT_ALIAS, .help = "size=1G" },
    { .name = "size", .type = VSH_OT_STRING, .help = "s" },
    { .name = "name", .type = VSH_OT_STRING, .flags = VSH_OFLAG_REQ_OPT,
      .help = "n" },
    { .name = "hot", .type = VSH_OT_ALIAS, .help = "live" },
    { .name = "live", .type = VSH_OT_BOOL, .help = "l" },
    { .name = NULL }
};
static const vshCmdInfo info_probe = { .help = "probe", .desc = "" };

static const vshCmdDef testCmds[] = {
    VSH_CMD_HELP,
    { .name = "probe", .handler = cmdProbe, .opts = opts_probe,
      .info = &info_probe, .flags = VSH_CMD_FLAG_NOCONNECT },
    { .name = "pr", .flags = VSH_CMD_FLAG_ALIAS, .alias = "probe" },
    { .name = NULL }
};
static const vshCmdGrp testGroups[] = {
    { "Test", "test", testCmds },
    { NULL, NULL, NULL }
};
static const vshClientHooks testHooks = { NULL };
static vshControl ctl = {
    .name = "vshtest", .env_prefix = "VSHTEST", .log_fd = -1,
    .debug = VSH_DEBUG_DEFAULT, .progname = (char *)"vshtest",
    .hooks = &testHooks,
};

static bool
parse(const char *line)
{
    g_autofree char *copy = g_strdup(line);

    return vshCommandStringParse(&ctl, copy, NULL, 0);
}

static int
testParse(void)
{
    unsigned long long size = 0;
    const char *s = NULL;
    int count = 0;

    CHECK(parse("probe vm1 7 10M"));
    CHECK_STREQ(ctl.cmd->def->name, "probe");
    CHECK_INTEQ(vshCommandOptStringReq(&ctl, ctl.cmd, "dom", &s), 0);
    CHECK_STREQ(s, "vm1");
    CHECK_INTEQ(vshCommandOptInt(&ctl, ctl.cmd, "count", &count), 1);
    CHECK_INTEQ(count, 7);
    CHECK_INTEQ(vshCommandOptScaledInt(&ctl, ctl.cmd, "size", &size, 1,
                                       ULLONG_MAX), 1);
    CHECK(size == 10ULL << 20);
    CHECK(!vshCommandOptBool(ctl.cmd, "live"));

    /* REQ_OPT options never take positional data */
    CHECK(!parse("probe vm1 7 10M extra"));
    CHECK(parse("probe --name=n1 --hot --dom 'a b'; pr x"));
    CHECK(vshCommandOptBool(ctl.cmd, "live"));
    CHECK_INTEQ(vshCommandOptStringReq(&ctl, ctl.cmd, "name", &s), 0);
    CHECK_STREQ(s, "n1");
    CHECK_INTEQ(vshCommandOptStringReq(&ctl, ctl.cmd, "dom", &s), 0);
    CHECK_STREQ(s, "a b");
    CHECK(ctl.cmd->next && strcmp(ctl.cmd->next->def->name, "probe") == 0);

    /* an alias with a value */
    CHECK(parse("probe x --big"));
    CHECK_INTEQ(vshCommandOptScaledInt(&ctl, ctl.cmd, "size", &size, 1,
                                       ULLONG_MAX), 1);
    CHECK(size == 1ULL << 30);

    /* errors drop every command of the line */
    CHECK(!parse("probe x; probe"));
    CHECK(ctl.cmd == NULL);
    CHECK(!parse("probe x --count"));
    CHECK(!parse("probe x --live=1"));
    CHECK(!parse("probe x --live --live"));
    CHECK(!parse("nosuch"));

    /* --help turns into 'help probe' */
    CHECK(parse("probe --help x"));
    CHECK_STREQ(ctl.cmd->def->name, "help");

    ranHandler = false;
    CHECK(parse("probe x"));
    CHECK(vshCommandRun(&ctl, ctl.cmd));
    CHECK(ranHandler);

    CHECK(parse("probe x abc"));
    CHECK_INTEQ(vshCommandOptInt(&ctl, ctl.cmd, "count", &count), -1);
    return 0;
}

static int
testNumbers(void)
{
    unsigned long long ull = 5;
    unsigned int ui = 0;
    int i = 0;

    CHECK_INTEQ(vshStrToUInt("-1", true, &ui), 0);
    CHECK(ui == UINT_MAX);
    CHECK_INTEQ(vshStrToUInt("-1", false, &ui), -1);
    CHECK_INTEQ(vshStrToUInt("4294967296", true, &ui), -1);
    CHECK_INTEQ(vshStrToInt("0x10", 0, &i), 0);
    CHECK_INTEQ(i, 16);
    CHECK_INTEQ(vshStrToInt("", 10, &i), -1);
    CHECK_INTEQ(vshScaleInteger(&ull, "KB", 1, ULLONG_MAX), 0);
    CHECK(ull == 5000);
    ull = 5;
    CHECK_INTEQ(vshScaleInteger(&ull, "k", 1, ULLONG_MAX), 0);
    CHECK(ull == 5120);
    ull = 5;
    CHECK_INTEQ(vshScaleInteger(&ull, "GiB", 1, ULLONG_MAX), 0);
    CHECK(ull == 5ULL << 30);
    CHECK_INTEQ(vshScaleInteger(&ull, "x", 1, ULLONG_MAX), -1);
    ull = 2;
    CHECK_INTEQ(vshScaleInteger(&ull, "", 1024, 1000), -1);
    return 0;
}

static int
testSplit(void)
{
    g_auto(GStrv) a = NULL;
    g_auto(GStrv) b = NULL;
    g_auto(GStrv) c = NULL;

    CHECK_INTEQ(vshStringToArray("a,,b,c", &a), 2);
    CHECK_STREQ(a[0], "a,b");
    CHECK_STREQ(a[1], "c");
    CHECK_INTEQ(vshStringToArray(",x,", &b), 3);
    CHECK_STREQ(b[0], "");
    CHECK_STREQ(b[2], "");
    CHECK_INTEQ(vshStringToArray("", &c), 0);
    CHECK(c[0] == NULL);
    return 0;
}

static int
testTable(void)
{
    g_autoptr(vshTable) t = vshTableNew("Id", "Name", "State", NULL);
    g_autoptr(vshTable) q = vshTableNew("Id", "Name", "State", NULL);
    g_autofree char *out = NULL;
    g_autofree char *quiet = NULL;

    CHECK_INTEQ(vshTableRowAppend(t, "1", "test", "running", NULL), 0);
    CHECK_INTEQ(vshTableRowAppend(t, "-", "a\tb", "shut off", NULL), 0);
    CHECK_INTEQ(vshTableRowAppend(t, "too", "few", NULL), -1);
    out = vshTablePrintToString(t, true);
    CHECK_STREQ(out,
                " Id   Name     State\n"
                "-------------------------\n"
                " 1    test     running\n"
                " -    a\\x09b   shut off\n");
    /* printing escapes the cells in place: one print per table */
    CHECK_INTEQ(vshTableRowAppend(q, "1", "test", "running", NULL), 0);
    CHECK_INTEQ(vshTableRowAppend(q, "-", "a\tb", "shut off", NULL), 0);
    quiet = vshTablePrintToString(q, false);
    CHECK_STREQ(quiet,
                " 1   test     running\n"
                " -   a\\x09b   shut off\n");
    return 0;
}

int
main(void)
{
    if (!vshInit(&ctl, testGroups))
        return EXIT_FAILURE;
    ctl.quiet = true;
    virTestRun("parse", testParse);
    virTestRun("numbers", testNumbers);
    virTestRun("split", testSplit);
    virTestRun("table", testTable);
    vshDeinit(&ctl);
    return virTestDone();
}
