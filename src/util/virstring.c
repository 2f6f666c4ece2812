/*
 * virstring.c: number parsing and small string helpers.
 */
#include "internal.h"
#include "util/virstring.h"

#include <limits.h>
#include <stdlib.h>

#define VIR_FROM_THIS VIR_FROM_NONE

/* Common tail of every parser: decide failure and publish the end. */
static int
virStrToLongFinish(const char *s, char *p, char **end_ptr, bool err)
{
    err = err || errno != 0 || p == s || (!end_ptr && *p != '\0');
    if (end_ptr)
        *end_ptr = p;
    return err ? -1 : 0;
}


/* True if a '-' occurs in the text strtoul consumed. */
static bool
virStrToLongSawMinus(const char *s, const char *p)
{
    return p > s && memchr(s, '-', p - s) != NULL;
}


/* Signed parse into the range [min, max]. */
static int
virStrToLongSigned(const char *s, char **end_ptr, int base,
                   long long min, long long max, long long *result)
{
    long long val;
    char *p;
    bool err;

    errno = 0;
    val = strtoll(s, &p, base);
    err = val < min || val > max;
    if (virStrToLongFinish(s, p, end_ptr, err) < 0)
        return -1;
    *result = val;
    return 0;
}


/* Unsigned parse; @noMinus rejects any sign. */
static int
virStrToLongUnsigned(const char *s, char **end_ptr, int base, bool noMinus,
                     unsigned long long *result)
{
    unsigned long long val;
    char *p;
    bool err;

    errno = 0;
    val = strtoull(s, &p, base);
    err = noMinus && virStrToLongSawMinus(s, p);
    if (virStrToLongFinish(s, p, end_ptr, err) < 0)
        return -1;
    *result = val;
    return 0;
}


int
virStrToLong_i(char const *s, char **end_ptr, int base, int *result)
{
    long long val;

    if (virStrToLongSigned(s, end_ptr, base, INT_MIN, INT_MAX, &val) < 0)
        return -1;
    *result = val;
    return 0;
}


int
virStrToLong_l(char const *s, char **end_ptr, int base, long *result)
{
    long long val;

    if (virStrToLongSigned(s, end_ptr, base, LONG_MIN, LONG_MAX, &val) < 0)
        return -1;
    *result = val;
    return 0;
}


int
virStrToLong_ll(char const *s, char **end_ptr, int base, long long *result)
{
    return virStrToLongSigned(s, end_ptr, base, LLONG_MIN, LLONG_MAX, result);
}


/* Unsigned int with "-N" meaning UINT_MAX + 1 - N for N <= UINT_MAX. */
static int
virStrToLongUIntCommon(char const *s, char **end_ptr, int base,
                       bool noMinus, unsigned int *result)
{
    unsigned long long val;
    char *p;
    bool err;

    errno = 0;
    val = strtoull(s, &p, base);
    if (virStrToLongSawMinus(s, p)) {
        err = noMinus || -val > UINT_MAX;
        val &= UINT_MAX;
    } else {
        err = val > UINT_MAX;
    }
    if (virStrToLongFinish(s, p, end_ptr, err) < 0)
        return -1;
    *result = val;
    return 0;
}


int
virStrToLong_ui(char const *s, char **end_ptr, int base, unsigned int *result)
{
    return virStrToLongUIntCommon(s, end_ptr, base, false, result);
}


int
virStrToLong_uip(char const *s, char **end_ptr, int base,
                 unsigned int *result)
{
    return virStrToLongUIntCommon(s, end_ptr, base, true, result);
}


int
virStrToLong_ul(char const *s, char **end_ptr, int base,
                unsigned long *result)
{
    unsigned long long val;

    G_STATIC_ASSERT(sizeof(unsigned long) == sizeof(unsigned long long));
    if (virStrToLongUnsigned(s, end_ptr, base, false, &val) < 0)
        return -1;
    *result = val;
    return 0;
}


int
virStrToLong_ulp(char const *s, char **end_ptr, int base,
                 unsigned long *result)
{
    unsigned long long val;

    if (virStrToLongUnsigned(s, end_ptr, base, true, &val) < 0)
        return -1;
    *result = val;
    return 0;
}


int
virStrToLong_ull(char const *s, char **end_ptr, int base,
                 unsigned long long *result)
{
    return virStrToLongUnsigned(s, end_ptr, base, false, result);
}


int
virStrToLong_ullp(char const *s, char **end_ptr, int base,
                  unsigned long long *result)
{
    return virStrToLongUnsigned(s, end_ptr, base, true, result);
}


int
virStrToDouble(char const *s, char **end_ptr, double *result)
{
    double val;
    char *p;

    /* g_ascii_strtod always uses '.' and resets errno itself. */
    val = g_ascii_strtod(s, &p);
    if (virStrToLongFinish(s, p, end_ptr, false) < 0)
        return -1;
    *result = val;
    return 0;
}


int
virDoubleToStr(char **strp, double number)
{
    /* "%f" of DBL_MAX needs 316 bytes. */
    char buf[400];

    *strp = g_strdup(g_ascii_formatd(buf, sizeof(buf), "%f", number));
    return 0;
}


void
virSkipSpaces(const char **str)
{
    const char *cur = *str;

    while (g_ascii_isspace(*cur))
        cur++;
    *str = cur;
}


void
virSkipSpacesAndBackslash(const char **str)
{
    const char *cur = *str;

    while (g_ascii_isspace(*cur) || *cur == '\\')
        cur++;
    *str = cur;
}


void
virSkipToDigit(const char **str)
{
    const char *cur = *str;

    while (*cur && !g_ascii_isdigit(*cur))
        cur++;
    *str = cur;
}


void
virTrimSpaces(char *str, char **endp)
{
    bool cut = !endp || !*endp;
    char *end = cut ? str + strlen(str) : *endp;

    while (end > str && g_ascii_isspace(end[-1]))
        end--;
    if (cut)
        *end = '\0';
    if (endp)
        *endp = end;
}


void
virSkipSpacesBackwards(const char *str, char **endp)
{
    const char *end = *endp ? *endp : str + strlen(str);

    while (end > str && g_ascii_isspace(end[-1]))
        end--;
    *endp = end == str ? NULL : (char *)end;
}


bool
virStringIsEmpty(const char *str)
{
    if (!str)
        return true;
    virSkipSpaces(&str);
    return *str == '\0';
}


int
virStrcpy(char *dest, const char *src, size_t destbytes)
{
    return g_strlcpy(dest, src, destbytes) >= destbytes ? -1 : 0;
}


int
virStringSortCompare(const void *a, const void *b)
{
    return strcmp(*(char * const *)a, *(char * const *)b);
}


int
virStringSortRevCompare(const void *a, const void *b)
{
    return strcmp(*(char * const *)b, *(char * const *)a);
}


char *
virStringReplace(const char *haystack, const char *oldneedle,
                 const char *newneedle)
{
    GString *out = g_string_new(NULL);
    size_t oldlen = strlen(oldneedle);
    const char *cur = haystack;
    const char *hit;

    if (oldlen == 0)
        return g_string_free(g_string_append(out, haystack), FALSE);

    while ((hit = strstr(cur, oldneedle))) {
        g_string_append_len(out, cur, hit - cur);
        g_string_append(out, newneedle);
        cur = hit + oldlen;
    }
    g_string_append(out, cur);
    return g_string_free(out, FALSE);
}


/* Pointer to where @suffix would start in @str, or NULL if too long. */
static const char *
virStringSuffixStart(const char *str, const char *suffix)
{
    size_t len = strlen(str);
    size_t slen = strlen(suffix);

    return slen > len ? NULL : str + len - slen;
}


bool
virStringHasSuffix(const char *str, const char *suffix)
{
    const char *tail = virStringSuffixStart(str, suffix);

    return tail && STREQ(tail, suffix);
}


bool
virStringHasCaseSuffix(const char *str, const char *suffix)
{
    const char *tail = virStringSuffixStart(str, suffix);

    return tail && g_ascii_strcasecmp(tail, suffix) == 0;
}


bool
virStringStripSuffix(char *str, const char *suffix)
{
    char *tail = (char *)virStringSuffixStart(str, suffix);

    if (!tail || STRNEQ(tail, suffix))
        return false;
    *tail = '\0';
    return true;
}


bool
virStringMatchesNameSuffix(const char *file, const char *name,
                           const char *suffix)
{
    size_t namelen = strlen(name);

    return strncmp(file, name, namelen) == 0 &&
           STREQ(file + namelen, suffix);
}


bool
virStringHasChars(const char *str, const char *chars)
{
    return str && str[strcspn(str, chars)] != '\0';
}


static const char virControlChars[] =
    "\x01\x02\x03\x04\x05\x06\x07\x08\x0B\x0C\x0E\x0F"
    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F";

bool
virStringHasControlChars(const char *str)
{
    return virStringHasChars(str, virControlChars);
}


/* Keep the characters of @str for which strchr(@set) is @keepIfIn. */
static void
virStringFilter(char *str, const char *set, bool keepIfIn)
{
    char *out = str;
    const char *in;

    if (!str)
        return;

    for (in = str; *in; in++) {
        if ((strchr(set, *in) != NULL) == keepIfIn)
            *out++ = *in;
    }
    *out = '\0';
}


void
virStringStripControlChars(char *str)
{
    virStringFilter(str, virControlChars, false);
}


void
virStringFilterChars(char *str, const char *valid)
{
    virStringFilter(str, valid, true);
}


void
virStringTrimOptionalNewline(char *str)
{
    size_t len = strlen(str);

    if (len > 0 && str[len - 1] == '\n')
        str[len - 1] = '\0';
}


void
virStringStripIPv6Brackets(char *str)
{
    size_t len;

    if (!str)
        return;

    len = strlen(str);
    if (len >= 2 && str[0] == '[' && str[len - 1] == ']' &&
        strchr(str, ':')) {
        memmove(str, str + 1, len - 2);
        str[len - 2] = '\0';
    }
}


bool
virStringIsPrintable(const char *str)
{
    for (; *str; str++) {
        if (!g_ascii_isprint(*str))
            return false;
    }
    return true;
}


int
virStringParseYesNo(const char *str, bool *result)
{
    if (STREQ(str, "yes"))
        *result = true;
    else if (STREQ(str, "no"))
        *result = false;
    else
        return -1;
    return 0;
}


size_t
virStringListLength(const char * const *strings)
{
    size_t n = 0;

    while (strings && strings[n])
        n++;
    return n;
}


bool
virStringListHasString(const char **strings, const char *needle)
{
    for (; strings && *strings; strings++) {
        if (STREQ(*strings, needle))
            return true;
    }
    return false;
}


int
virStringParseVersion(unsigned long *version, const char *str,
                      bool allowMissing)
{
    unsigned int parts[3] = { 0, 0, 0 };
    char *tmp;
    size_t i;

    if (virStrToLong_ui(str, &tmp, 10, &parts[0]) < 0)
        return -1;

    for (i = 1; i < 3; i++) {
        if (*tmp != '.') {
            if (!allowMissing)
                return -1;
            break;
        }
        if (virStrToLong_ui(tmp + 1, &tmp, 10, &parts[i]) < 0)
            return -1;
    }

    if (parts[0] > UINT_MAX / 1000000 || parts[1] > 999 || parts[2] > 999)
        return -1;

    *version = 1000000UL * parts[0] + 1000 * parts[1] + parts[2];
    return 0;
}
