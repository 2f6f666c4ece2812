/*
 * xml2xml: parse an XML document of one category and print it back as
 * nuvirt formats it.
 *
 *   xml2xml CATEGORY FILE [--inactive] [--secure] [--pool POOL.xml]
 *                         [--params 'k=v;k=v']
 *
 * Exit 0 with the document on stdout, or 1 with the error on stderr.
 */
#include "internal.h"
#include "conf/virxmlcategory.h"

#include <stdio.h>
#include <stdlib.h>

static int
usage(void)
{
    fprintf(stderr, "usage: xml2xml CATEGORY FILE [--inactive] [--secure] "
            "[--pool POOL.xml] [--params PARAMS]\n");
    return 2;
}

int
main(int argc, char **argv)
{
    virXMLRoundtripArgs args = { 0 };
    const virXMLCategory *cat;
    g_autofree char *xml = NULL;
    g_autofree char *pool = NULL;
    g_autofree char *out = NULL;
    g_autoptr(GError) err = NULL;
    int i;

    if (argc < 3)
        return usage();
    for (i = 3; i < argc; i++) {
        if (STREQ(argv[i], "--inactive")) {
            args.inactive = true;
        } else if (STREQ(argv[i], "--secure")) {
            args.secure = true;
        } else if (STREQ(argv[i], "--pool") && i + 1 < argc) {
            if (!g_file_get_contents(argv[++i], &pool, NULL, &err)) {
                fprintf(stderr, "%s\n", err->message);
                return 1;
            }
            args.poolXML = pool;
        } else if (STREQ(argv[i], "--params") && i + 1 < argc) {
            args.params = argv[++i];
        } else {
            return usage();
        }
    }
    if (!(cat = virXMLCategoryFind(argv[1]))) {
        fprintf(stderr, "unknown category '%s'\n", argv[1]);
        return 2;
    }
    if (!g_file_get_contents(argv[2], &xml, NULL, &err)) {
        fprintf(stderr, "%s\n", err->message);
        return 1;
    }
    if (!(out = cat->roundtrip(xml, &args))) {
        fprintf(stderr, "%s\n", virGetLastErrorMessage());
        return 1;
    }
    fputs(out, stdout);
    return 0;
}
