/*
 * xmlfuzz.c: a libFuzzer target for one XML document type, chosen at
 * build time with -DFUZZ_CATEGORY="network".  Each input is parsed as a
 * document of that type and, when accepted, formatted and parsed again:
 * the second parse must accept what the formatter wrote.  Refusals are
 * fine; a crash, a leak, undefined behaviour or a refused round trip is a
 * finding.
 */
#include "internal.h"
#include "conf/virxmlcategory.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const virXMLCategory *cat;
    virXMLRoundtripArgs args = { 0 };
    g_autofree char *xml = NULL;
    g_autofree char *out = NULL;
    g_autofree char *again = NULL;

    if (!cat) {
        virSetErrorFunc(NULL, quiet);
        if (!(cat = virXMLCategoryFind(FUZZ_CATEGORY)))
            abort();
    }
    xml = g_strndup((const char *)data, size);
    out = cat->roundtrip(xml, &args);
    if (out && !(again = cat->roundtrip(out, &args))) {
        fprintf(stderr, "formatted output was refused: %s\n%s\n",
                virGetLastErrorMessage(), out);
        abort();
    }
    virResetLastError();
    return 0;
}
