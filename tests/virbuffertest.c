/* virBuffer: indentation, escaping, trimming, element formatting. */
#include "internal.h"
#include "testutils.h"
#include "util/virbuffer.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static int
testEmpty(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    CHECK_INTEQ(virBufferUse(&buf), 0);
    CHECK_STREQ(virBufferCurrentContent(&buf), "");
    CHECK(virBufferContentAndReset(&buf) == NULL);
    CHECK(virBufferCurrentContent(NULL) == NULL);
    /* NULL strings and buffers are ignored */
    virBufferAdd(&buf, NULL, -1);
    virBufferAdd(NULL, "x", -1);
    virBufferEscapeString(&buf, "<a>%s</a>", NULL);
    CHECK_INTEQ(virBufferUse(&buf), 0);
    return 0;
}

static int
testAdd(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_autofree char *out = NULL;

    virBufferAdd(&buf, "hello world", 5);
    virBufferAddChar(&buf, ' ');
    virBufferAddLit(&buf, "there");
    virBufferAsprintf(&buf, " %d-%s", 42, "x");
    virBufferStrcat(&buf, "!", "?", NULL);
    CHECK_INTEQ(virBufferUse(&buf), strlen("hello there 42-x!?"));
    out = virBufferContentAndReset(&buf);
    CHECK_STREQ(out, "hello there 42-x!?");
    CHECK_INTEQ(virBufferUse(&buf), 0);
    return 0;
}

static int
testIndent(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_autofree char *out = NULL;

    virBufferAddLit(&buf, "<a>\n");
    virBufferAdjustIndent(&buf, 2);
    CHECK_INTEQ(virBufferGetIndent(&buf), 2);
    CHECK_INTEQ(virBufferGetEffectiveIndent(&buf), 2);
    virBufferAsprintf(&buf, "<b x='%d'", 1);
    CHECK_INTEQ(virBufferGetEffectiveIndent(&buf), 0);
    /* no indentation in the middle of a line */
    virBufferAddLit(&buf, "/>\n");
    /* newlines inside one string are not indented */
    virBufferAddLit(&buf, "<c/>\n<d/>\n");
    /* ...except with virBufferAddStr */
    virBufferAddStr(&buf, "<e/>\n<f/>\n");
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</a>\n");

    out = virBufferContentAndReset(&buf);
    CHECK_STREQ(out,
                "<a>\n"
                "  <b x='1'/>\n"
                "  <c/>\n"
                "<d/>\n"
                "  <e/>\n"
                "  <f/>\n"
                "</a>\n");

    /* clamping */
    virBufferAdjustIndent(&buf, -10);
    CHECK_INTEQ(virBufferGetIndent(&buf), 0);
    virBufferSetIndent(&buf, 4);
    virBufferAdjustIndent(&buf, G_MAXINT);
    CHECK_INTEQ(virBufferGetIndent(&buf), G_MAXINT);
    virBufferSetIndent(&buf, 3);
    virBufferAddChar(&buf, 'x');
    CHECK_STREQ(virBufferCurrentContent(&buf), "   x");
    return 0;
}

static int
testEscapeString(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virBufferEscapeString(&buf, "<v a='%s'/>", "<&>\"'");
    CHECK_STREQ(virBufferCurrentContent(&buf),
                "<v a='&lt;&amp;&gt;&quot;&apos;'/>");
    virBufferFreeAndReset(&buf);

    /* tab, newline, CR kept; 0x01-0x08, 0x0B, 0x0C, 0x0E-0x19 dropped;
     * 0x1A-0x1F kept as libvirt does */
    virBufferEscapeString(&buf, "%s", "a\tb\nc\rd\x01" "e\x08" "f\x0b\x0c"
                          "g\x0e\x19" "h\x1a" "i");
    CHECK_STREQ(virBufferCurrentContent(&buf),
                "a\tb\nc\rdefgh\x1a" "i");
    virBufferFreeAndReset(&buf);

    /* plain text goes through the format untouched */
    virBufferEscapeString(&buf, "<name>%s</name>\n", "vm-1");
    CHECK_STREQ(virBufferCurrentContent(&buf), "<name>vm-1</name>\n");
    virBufferFreeAndReset(&buf);

    /* indented, and a format with '%%' around the string */
    virBufferAdjustIndent(&buf, 4);
    virBufferEscapeString(&buf, "<p v='100%%'>%s</p>\n", "a&b");
    virBufferEscapeString(&buf, "%s", "<x>");
    CHECK_STREQ(virBufferCurrentContent(&buf),
                "    <p v='100%'>a&amp;b</p>\n    &lt;x&gt;");
    virBufferFreeAndReset(&buf);

    virBufferEscape(&buf, '\\', ",", "%s", "a,b,,c");
    CHECK_STREQ(virBufferCurrentContent(&buf), "a\\,b\\,\\,c");
    virBufferFreeAndReset(&buf);

    virBufferEscapeRegex(&buf, "^%s$", "a.b*");
    CHECK_STREQ(virBufferCurrentContent(&buf), "^a\\.b\\*$");
    virBufferFreeAndReset(&buf);

    virBufferURIEncodeString(&buf, "a b/c");
    CHECK_STREQ(virBufferCurrentContent(&buf), "a%20b%2Fc");
    return 0;
}

/* virBufferAsprintf formats common conversions itself: compare with
 * glib's printf, which the others still go through. */
#define CHECK_PRINTF(...) \
    do { \
        g_auto(virBuffer) pb = VIR_BUFFER_INITIALIZER; \
        g_autofree char *want = g_strdup_printf(__VA_ARGS__); \
        virBufferAsprintf(&pb, __VA_ARGS__); \
        CHECK_INTEQ(virBufferUse(&pb), strlen(want)); \
        CHECK_STREQ(virBufferCurrentContent(&pb), want); \
    } while (0)

static int
testPrintf(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_autofree char *big = g_strnfill(600, 'q');

    CHECK_PRINTF("plain text, no conversion");
    CHECK_PRINTF("%d|%i|%d|%d|%d", 0, -1, G_MAXINT, G_MININT, 42);
    CHECK_PRINTF("%u|%u|%x|%X|%x", 0u, G_MAXUINT, 0xdeadbeefu, 0xabcdefu, 0u);
    CHECK_PRINTF("%ld|%lu|%lx|%ld", G_MINLONG, G_MAXULONG, 0x1fUL, 7L);
    CHECK_PRINTF("%lld|%llu|%llx|%llX", (long long)G_MININT64, (unsigned long long)G_MAXUINT64,
                 0x123456789abcdefULL, 0xfedcba9876543210ULL);
    CHECK_PRINTF("%zu|%zd|%zx", (size_t)G_MAXSIZE, (ssize_t)-5, (size_t)255);
    CHECK_PRINTF("%02x:%02x:%02X|%04x|%08x", 0u, 0xau, 0xffu, 0x1234u, 0x12u);
    CHECK_PRINTF("%5d|%05d|%05d|%3u|%03u|%1d|%0d", 42, 42, -42, 12345u, 7u, -7, 3);
    CHECK_PRINTF("%010lld|%20llu|%-5d|%+d|% d", -123LL, 1ULL, 1, 2, 3);
    CHECK_PRINTF("<a n='%s' c='%c'>%s</a>%%%s", "x", 'y', "", "tail");
    CHECK_PRINTF("%s|%.2f|%p|%5s|%-3s|%.1s|%hhu|%hd", "mixed", 1.5, (void *)&buf,
                 "r", "l", "cut", 300u, 70000);
    CHECK_PRINTF("%s%s", big, "long output");

    /* NULL for %s prints (null), as glibc does */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat"
    virBufferAsprintf(&buf, "[%s]", (const char *)NULL);
#pragma GCC diagnostic pop
    CHECK_STREQ(virBufferCurrentContent(&buf), "[(null)]");
    return 0;
}

static int
testEscapeShell(void)
{
    struct {
        const char *in;
        const char *out;
    } cases[] = {
        { "", "''" },
        { "plain-word_1.2/x", "plain-word_1.2/x" },
        { "two words", "'two words'" },
        { "it's", "'it'\\''s'" },
        { "$HOME", "'$HOME'" },
        { "a\nb", "'a\nb'" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

        virBufferEscapeShell(&buf, cases[i].in);
        CHECK_STREQ(virBufferCurrentContent(&buf), cases[i].out);
    }
    return 0;
}

static int
testTrim(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virBufferAddLit(&buf, "a,b,");
    virBufferTrim(&buf, "x");
    CHECK_STREQ(virBufferCurrentContent(&buf), "a,b,");
    virBufferTrim(&buf, ",");
    CHECK_STREQ(virBufferCurrentContent(&buf), "a,b");
    virBufferTrim(&buf, "too long to match");
    CHECK_STREQ(virBufferCurrentContent(&buf), "a,b");
    virBufferTrimLen(&buf, 2);
    CHECK_STREQ(virBufferCurrentContent(&buf), "a");
    virBufferTrimLen(&buf, 5);
    CHECK_STREQ(virBufferCurrentContent(&buf), "a");
    virBufferFreeAndReset(&buf);

    virBufferAddLit(&buf, "abc \n\n ");
    virBufferTrimChars(&buf, " \n");
    CHECK_STREQ(virBufferCurrentContent(&buf), "abc");
    virBufferFreeAndReset(&buf);

    /* the first character always stays */
    virBufferAddLit(&buf, "   ");
    virBufferTrimChars(&buf, " ");
    CHECK_STREQ(virBufferCurrentContent(&buf), " ");
    return 0;
}

static int
testAddBuffer(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) other = VIR_BUFFER_INITIALIZER;

    virBufferAdjustIndent(&buf, 4);
    virBufferAddLit(&other, "x\ny\n");
    /* no indentation is applied to the added buffer */
    virBufferAddBuffer(&buf, &other);
    CHECK_STREQ(virBufferCurrentContent(&buf), "x\ny\n");
    CHECK_INTEQ(virBufferUse(&other), 0);
    CHECK(other.str == NULL);

    /* consumed even without a destination */
    virBufferAddLit(&other, "drop");
    virBufferAddBuffer(NULL, &other);
    CHECK_INTEQ(virBufferUse(&other), 0);
    return 0;
}

static int
testFormatElement(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) attr = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) child = VIR_BUFFER_INIT_CHILD(&buf);
    g_autofree char *out = NULL;

    /* both empty: nothing */
    virBufferFormatElement(&buf, "none", &attr, &child);
    virBufferFormatElement(&buf, "none", NULL, NULL);
    CHECK_INTEQ(virBufferUse(&buf), 0);

    virBufferAddLit(&buf, "<domain>\n");
    virBufferAdjustIndent(&buf, 2);

    /* attributes only */
    virBufferAddLit(&attr, " type='kvm'");
    virBufferFormatElement(&buf, "a", &attr, NULL);
    CHECK_INTEQ(virBufferUse(&attr), 0);

    /* children only, child buffer inherits indentation + 2 */
    {
        g_auto(virBuffer) kids = VIR_BUFFER_INIT_CHILD(&buf);

        CHECK_INTEQ(virBufferGetIndent(&kids), 4);
        virBufferAddLit(&kids, "<x/>\n");
        virBufferAsprintf(&kids, "<y>%d</y>\n", 2);
        virBufferAsprintf(&attr, " n='%d'", 1);
        virBufferFormatElement(&buf, "b", &attr, &kids);
        CHECK_INTEQ(virBufferUse(&kids), 0);
    }

    /* empty but forced */
    virBufferFormatElementEmpty(&buf, "c", NULL, NULL);

    /* value element without newline after '>' */
    {
        g_auto(virBuffer) value = VIR_BUFFER_INITIALIZER;

        virBufferAddLit(&value, "42");
        virBufferFormatElementFull(&buf, "d", NULL, &value, false, false);
    }

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</domain>\n");

    out = virBufferContentAndReset(&buf);
    CHECK_STREQ(out,
                "<domain>\n"
                "  <a type='kvm'/>\n"
                "  <b n='1'>\n"
                "    <x/>\n"
                "    <y>2</y>\n"
                "  </b>\n"
                "  <c/>\n"
                "  <d>42</d>\n"
                "</domain>\n");
    return 0;
}

static int
testAutoCleanup(void)
{
    /* g_auto frees content on scope exit (checked by ASan) */
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(&buf, "%s", "leak me not");
    CHECK(virBufferUse(&buf) > 0);
    return 0;
}

int
main(void)
{
    virTestRun("empty", testEmpty);
    virTestRun("add", testAdd);
    virTestRun("indent", testIndent);
    virTestRun("escape string", testEscapeString);
    virTestRun("escape shell", testEscapeShell);
    virTestRun("printf", testPrintf);
    virTestRun("trim", testTrim);
    virTestRun("add buffer", testAddBuffer);
    virTestRun("format element", testFormatElement);
    virTestRun("auto cleanup", testAutoCleanup);
    return virTestDone();
}
