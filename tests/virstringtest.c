/* virstring: number parsing with libvirt's semantics and string helpers. */
#include "internal.h"
#include "testutils.h"
#include "util/virstring.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>

#define VIR_FROM_THIS VIR_FROM_NONE

static int
testStrToLongI(void)
{
    int v = 7;
    char *end;

    CHECK_INTEQ(virStrToLong_i("42", NULL, 10, &v), 0);
    CHECK_INTEQ(v, 42);
    CHECK_INTEQ(virStrToLong_i("-2147483648", NULL, 10, &v), 0);
    CHECK_INTEQ(v, INT_MIN);
    CHECK_INTEQ(virStrToLong_i("0x1f", NULL, 16, &v), 0);
    CHECK_INTEQ(v, 31);
    CHECK_INTEQ(virStrToLong_i("010", NULL, 0, &v), 0);
    CHECK_INTEQ(v, 8);

    /* failures leave the result untouched */
    v = 7;
    CHECK_INTEQ(virStrToLong_i("2147483648", NULL, 10, &v), -1);
    CHECK_INTEQ(virStrToLong_i("12abc", NULL, 10, &v), -1);
    CHECK_INTEQ(virStrToLong_i("", NULL, 10, &v), -1);
    CHECK_INTEQ(virStrToLong_i("abc", NULL, 10, &v), -1);
    CHECK_INTEQ(v, 7);

    /* with an end pointer trailing text is the caller's business */
    CHECK_INTEQ(virStrToLong_i("12abc", &end, 10, &v), 0);
    CHECK_INTEQ(v, 12);
    CHECK_STREQ(end, "abc");
    /* and the end pointer is set on failure too */
    CHECK_INTEQ(virStrToLong_i("x", &end, 10, &v), -1);
    CHECK_STREQ(end, "x");
    return 0;
}

static int
testStrToLongUI(void)
{
    unsigned int u = 7;

    CHECK_INTEQ(virStrToLong_ui("4294967295", NULL, 10, &u), 0);
    CHECK_INTEQ(u, UINT_MAX);
    CHECK_INTEQ(virStrToLong_ui("4294967296", NULL, 10, &u), -1);

    /* "-1" wraps to UINT_MAX for _ui, as in libvirt */
    CHECK_INTEQ(virStrToLong_ui("-1", NULL, 10, &u), 0);
    CHECK_INTEQ(u, UINT_MAX);
    CHECK_INTEQ(virStrToLong_ui("-4294967295", NULL, 10, &u), 0);
    CHECK_INTEQ(u, 1);
    CHECK_INTEQ(virStrToLong_ui("-4294967296", NULL, 10, &u), -1);

    /* ...but _uip refuses any sign */
    u = 7;
    CHECK_INTEQ(virStrToLong_uip("-1", NULL, 10, &u), -1);
    CHECK_INTEQ(virStrToLong_uip("-0", NULL, 10, &u), -1);
    CHECK_INTEQ(u, 7);
    CHECK_INTEQ(virStrToLong_uip("12", NULL, 10, &u), 0);
    CHECK_INTEQ(u, 12);
    return 0;
}

static int
testStrToLongWide(void)
{
    long l;
    unsigned long ul;
    long long ll;
    unsigned long long ull;

    CHECK_INTEQ(virStrToLong_l("-9223372036854775808", NULL, 10, &l), 0);
    CHECK(l == LONG_MIN);
    CHECK_INTEQ(virStrToLong_l("9223372036854775808", NULL, 10, &l), -1);

    CHECK_INTEQ(virStrToLong_ul("-1", NULL, 10, &ul), 0);
    CHECK(ul == ULONG_MAX);
    CHECK_INTEQ(virStrToLong_ulp("-1", NULL, 10, &ul), -1);

    CHECK_INTEQ(virStrToLong_ll("9223372036854775807", NULL, 10, &ll), 0);
    CHECK(ll == LLONG_MAX);
    CHECK_INTEQ(virStrToLong_ll("9223372036854775808", NULL, 10, &ll), -1);

    CHECK_INTEQ(virStrToLong_ull("18446744073709551615", NULL, 10, &ull), 0);
    CHECK(ull == ULLONG_MAX);
    CHECK_INTEQ(virStrToLong_ull("18446744073709551616", NULL, 10, &ull), -1);
    CHECK_INTEQ(virStrToLong_ull("-1", NULL, 10, &ull), 0);
    CHECK(ull == ULLONG_MAX);
    CHECK_INTEQ(virStrToLong_ullp("-1", NULL, 10, &ull), -1);
    CHECK_INTEQ(virStrToLong_ullp(" 5", NULL, 10, &ull), 0);
    CHECK(ull == 5);
    return 0;
}

static int
testStrToDouble(void)
{
    double d = 0;
    char *end;
    g_autofree char *str = NULL;

    CHECK_INTEQ(virStrToDouble("1.5", NULL, &d), 0);
    CHECK(d == 1.5);
    CHECK_INTEQ(virStrToDouble("-2e3", NULL, &d), 0);
    CHECK(d == -2000);
    CHECK_INTEQ(virStrToDouble("1.5x", NULL, &d), -1);
    CHECK_INTEQ(virStrToDouble("1.5x", &end, &d), 0);
    CHECK_STREQ(end, "x");
    CHECK_INTEQ(virStrToDouble("", NULL, &d), -1);
    CHECK_INTEQ(virStrToDouble("1e999", NULL, &d), -1);

    /* a locale with ',' as decimal point must not matter */
    if (setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
        CHECK_INTEQ(virStrToDouble("2.25", NULL, &d), 0);
        CHECK(d == 2.25);
        CHECK_INTEQ(virDoubleToStr(&str, 0.5), 0);
        CHECK_STREQ(str, "0.500000");
        setlocale(LC_NUMERIC, "C");
    } else {
        CHECK_INTEQ(virDoubleToStr(&str, 0.5), 0);
        CHECK_STREQ(str, "0.500000");
    }
    return 0;
}

static int
testSpaces(void)
{
    const char *p = " \t\nabc ";
    char buf[] = "  abc \t\n";
    char buf2[] = "abc   def";
    char *end = NULL;

    virSkipSpaces(&p);
    CHECK_STREQ(p, "abc ");

    virTrimSpaces(buf, NULL);
    CHECK_STREQ(buf, "  abc");

    /* with *endp set nothing is written; endp moves back */
    end = buf2 + 6;
    virTrimSpaces(buf2, &end);
    CHECK_STREQ(buf2, "abc   def");
    CHECK(end == buf2 + 3);

    end = NULL;
    virSkipSpacesBackwards("   ", &end);
    CHECK(end == NULL);
    end = NULL;
    virSkipSpacesBackwards("ab  ", &end);
    CHECK_STREQ(end, "  ");

    CHECK(virStringIsEmpty(NULL));
    CHECK(virStringIsEmpty(" \t\n"));
    CHECK(!virStringIsEmpty(" x "));

    p = "ab12";
    virSkipToDigit(&p);
    CHECK_STREQ(p, "12");
    return 0;
}

static int
testMisc(void)
{
    char dst[4];
    bool b = false;
    g_autofree char *rep = NULL;
    g_autofree char *rep2 = NULL;
    char ctl[] = "a\x01" "b\tc\x1f";
    char brackets[] = "[::1]";
    char filt[] = "a1b2c3";
    char suffix[] = "disk.qcow2";
    const char *list[] = { "b", "a", "c", NULL };

    CHECK_INTEQ(virStrcpy(dst, "abc", sizeof(dst)), 0);
    CHECK_STREQ(dst, "abc");
    CHECK_INTEQ(virStrcpyStatic(dst, "abcd"), -1);
    CHECK_STREQ(dst, "abc");

    CHECK_INTEQ(virStringParseYesNo("yes", &b), 0);
    CHECK(b);
    CHECK_INTEQ(virStringParseYesNo("no", &b), 0);
    CHECK(!b);
    CHECK_INTEQ(virStringParseYesNo("Yes", &b), -1);

    rep = virStringReplace("a-b-c", "-", "--");
    CHECK_STREQ(rep, "a--b--c");
    rep2 = virStringReplace("aaa", "aa", "b");
    CHECK_STREQ(rep2, "ba");

    CHECK(virStringHasSuffix("disk.qcow2", ".qcow2"));
    CHECK(!virStringHasSuffix("qcow2", "disk.qcow2"));
    CHECK(virStringHasCaseSuffix("disk.QCOW2", ".qcow2"));
    CHECK(virStringStripSuffix(suffix, ".qcow2"));
    CHECK_STREQ(suffix, "disk");
    CHECK(virStringMatchesNameSuffix("vm.xml", "vm", ".xml"));
    CHECK(!virStringMatchesNameSuffix("vm2.xml", "vm", ".xml"));

    CHECK(virStringHasControlChars(ctl));
    virStringStripControlChars(ctl);
    CHECK_STREQ(ctl, "ab\tc");
    virStringFilterChars(filt, "abc");
    CHECK_STREQ(filt, "abc");
    virStringStripIPv6Brackets(brackets);
    CHECK_STREQ(brackets, "::1");

    CHECK_INTEQ(virStringListLength(list), 3);
    CHECK_INTEQ(virStringListLength(NULL), 0);
    CHECK(virStringListHasString(list, "c"));
    CHECK(!virStringListHasString(list, "d"));
    qsort(list, 3, sizeof(char *), virStringSortCompare);
    CHECK_STREQ(list[0], "a");
    CHECK_STREQ(list[2], "c");
    qsort(list, 3, sizeof(char *), virStringSortRevCompare);
    CHECK_STREQ(list[0], "c");
    return 0;
}

static int
testParseVersion(void)
{
    unsigned long v = 0;

    CHECK_INTEQ(virStringParseVersion(&v, "9.0.0", false), 0);
    CHECK_INTEQ(v, 9000000);
    CHECK_INTEQ(virStringParseVersion(&v, "7.2.15-rc1", false), 0);
    CHECK_INTEQ(v, 7002015);
    CHECK_INTEQ(virStringParseVersion(&v, "8.1", false), -1);
    CHECK_INTEQ(virStringParseVersion(&v, "8.1", true), 0);
    CHECK_INTEQ(v, 8001000);
    CHECK_INTEQ(virStringParseVersion(&v, "1.1000.0", false), -1);
    return 0;
}

int
main(void)
{
    virTestRun("strtol int", testStrToLongI);
    virTestRun("strtol uint", testStrToLongUI);
    virTestRun("strtol wide", testStrToLongWide);
    virTestRun("strtod", testStrToDouble);
    virTestRun("spaces", testSpaces);
    virTestRun("misc", testMisc);
    virTestRun("parse version", testParseVersion);
    return virTestDone();
}
