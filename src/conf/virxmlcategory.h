/*
 * virxmlcategory.h: one entry per XML document type, for tools and tests
 * that parse a document and format it back (build/tests/xml2xml, the
 * conformance runner).
 *
 * Each document family's file defines its category next to its parser
 * and formatter; xmlcategories.c lists them.
 */
#pragma once

#include <stdbool.h>

typedef struct {
    bool inactive;          /* parse and format as an inactive definition */
    bool secure;            /* include secrets (passwords) in the output */
    const char *poolXML;    /* storagevol: the pool the volume lives in */
    const char *params;     /* the conformance manifest's params column */
} virXMLRoundtripArgs;

typedef struct {
    const char *name;       /* folder name under conformance/xml */
    /* Parse @xml and format the result; NULL with an error set if the
     * document is refused. */
    char *(*roundtrip)(const char *xml, const virXMLRoundtripArgs *args);
} virXMLCategory;

/* The category called @name, or NULL. */
const virXMLCategory *virXMLCategoryFind(const char *name);

/* Value of "key=value" in a ';'-separated params string, or NULL. */
char *virXMLRoundtripParam(const virXMLRoundtripArgs *args, const char *key);

/* The "flags" param, "NAME_A|NAME_B" (or "0"), as bits: 1 << i for
 * @names[i]; unknown names are ignored. */
unsigned int virXMLRoundtripFlags(const virXMLRoundtripArgs *args,
                                  const char * const *names, size_t nnames);
