/*
 * virstring.h: number parsing and small string helpers.
 *
 * The virStrToLong_* family parses a whole number with strtol semantics
 * and stricter checks.  Each returns 0 on success and -1 on failure
 * (no error is reported: callers word the error for their context), and
 * leaves *result untouched on failure.
 *
 *  - With @end_ptr NULL the whole string must be the number; otherwise
 *    *end_ptr is set to the first unparsed character (also on failure)
 *    and trailing text is the caller's business.
 *  - No digits at all, or a value out of range of the result type, fail.
 *  - _ui, _ul, _ull accept a leading '-' with two's-complement
 *    wraparound ("-1" gives UINT_MAX / ULONG_MAX / ULLONG_MAX); for _ui a
 *    negative value below -UINT_MAX fails.
 *  - _uip, _ulp, _ullp reject any '-' sign.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

int virStrToLong_i(char const *s, char **end_ptr, int base, int *result);
int virStrToLong_ui(char const *s, char **end_ptr, int base,
                    unsigned int *result);
int virStrToLong_uip(char const *s, char **end_ptr, int base,
                     unsigned int *result);
int virStrToLong_l(char const *s, char **end_ptr, int base, long *result);
int virStrToLong_ul(char const *s, char **end_ptr, int base,
                    unsigned long *result);
int virStrToLong_ulp(char const *s, char **end_ptr, int base,
                     unsigned long *result);
int virStrToLong_ll(char const *s, char **end_ptr, int base,
                    long long *result);
int virStrToLong_ull(char const *s, char **end_ptr, int base,
                     unsigned long long *result);
int virStrToLong_ullp(char const *s, char **end_ptr, int base,
                      unsigned long long *result);

/* Parse a double in the C locale, whatever the process locale is. */
int virStrToDouble(char const *s, char **end_ptr, double *result);

/* Format @number with "%lf" in the C locale into a new string. */
int virDoubleToStr(char **strp, double number);

/* Advance *str past ASCII whitespace. */
void virSkipSpaces(const char **str);

/* Advance *str past whitespace and backslashes. */
void virSkipSpacesAndBackslash(const char **str);

/* Advance *str to the first digit (or the end). */
void virSkipToDigit(const char **str);

/*
 * Trim trailing whitespace.  With @endp NULL, or *endp NULL, the string
 * end is the NUL and the string is cut there; with *endp set, the search
 * starts at *endp and nothing is written.  If @endp is given it receives
 * the new end.
 */
void virTrimSpaces(char *str, char **endp);

/* Set *endp to the end of @str without trailing whitespace (NULL if the
 * whole string is whitespace); *endp may give a starting end. */
void virSkipSpacesBackwards(const char *str, char **endp);

/* True if @str is NULL or only whitespace. */
bool virStringIsEmpty(const char *str);

/* Copy @src into @dest of @destbytes bytes, always NUL-terminated when
 * @destbytes > 0.  Returns -1 if it had to truncate. */
int virStrcpy(char *dest, const char *src, size_t destbytes);
#define virStrcpyStatic(dest, src) virStrcpy((dest), (src), sizeof(dest))

/* qsort comparators for arrays of char * (ascending / descending). */
int virStringSortCompare(const void *a, const void *b);
int virStringSortRevCompare(const void *a, const void *b);

/* A copy of @haystack with every @oldneedle replaced by @newneedle. */
char *virStringReplace(const char *haystack, const char *oldneedle,
                       const char *newneedle);

bool virStringHasSuffix(const char *str, const char *suffix);
bool virStringHasCaseSuffix(const char *str, const char *suffix);

/* Cut @suffix off @str if present; returns whether it was. */
bool virStringStripSuffix(char *str, const char *suffix);

/* True if @file is exactly @name followed by @suffix. */
bool virStringMatchesNameSuffix(const char *file, const char *name,
                                const char *suffix);

/* True if @str contains any character of @chars (false for NULL). */
bool virStringHasChars(const char *str, const char *chars);

/* ASCII control characters other than \t \n \r. */
bool virStringHasControlChars(const char *str);
void virStringStripControlChars(char *str);

/* Keep only the characters of @str found in @valid. */
void virStringFilterChars(char *str, const char *valid);

/* Remove one trailing newline, if any. */
void virStringTrimOptionalNewline(char *str);

/* Strip [ ] around an IPv6 address ("[::1]" -> "::1"). */
void virStringStripIPv6Brackets(char *str);

/* Every character printable ASCII. */
bool virStringIsPrintable(const char *str);

/* "yes" -> true, "no" -> false; anything else returns -1 (no error). */
int virStringParseYesNo(const char *str, bool *result);

/* Number of entries of a NULL-terminated list (0 for NULL). */
size_t virStringListLength(const char * const *strings);

/* True if @strings (NULL-terminated, may be NULL) contains @needle. */
bool virStringListHasString(const char **strings, const char *needle);

/* "MAJOR[.MINOR[.MICRO]]" -> MAJOR * 1000000 + MINOR * 1000 + MICRO.
 * Without @allowMissing all three parts are required; trailing text
 * after the last part is ignored. */
int virStringParseVersion(unsigned long *version, const char *str,
                          bool allowMissing);
