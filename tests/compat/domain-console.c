/*
 * domain-console.c: keys sent to a domain (every code set, codes known
 * and unknown, bad counts and flags) and its screenshot stream: the
 * MIME type and that the data is a PNG image (libvirt's image and
 * nuvirt's differ, so only the signature is compared).
 */
#include "compat.h"

static void
sendKeys(virDomainPtr dom)
{
    static const struct {
        unsigned int codeset;
        unsigned int code;
    } keys[] = {
        { VIR_KEYCODE_SET_LINUX, 30 }, { VIR_KEYCODE_SET_LINUX, 0 },
        { VIR_KEYCODE_SET_LINUX, 0x20c }, { VIR_KEYCODE_SET_LINUX, 0x20d },
        { VIR_KEYCODE_SET_LINUX, 0x10a }, { VIR_KEYCODE_SET_XT, 0x1e },
        { VIR_KEYCODE_SET_XT, 0x60 }, { VIR_KEYCODE_SET_ATSET1, 0xe01c },
        { VIR_KEYCODE_SET_ATSET1, 0xe00d }, { VIR_KEYCODE_SET_ATSET2, 0x1c },
        { VIR_KEYCODE_SET_ATSET2, 0xe07a }, { VIR_KEYCODE_SET_ATSET3, 0x1c },
        { VIR_KEYCODE_SET_ATSET3, 0x200 }, { VIR_KEYCODE_SET_OSX, 0x0 },
        { VIR_KEYCODE_SET_OSX, 0x7f }, { VIR_KEYCODE_SET_XT_KBD, 0x1e },
        { VIR_KEYCODE_SET_XT_KBD, 0x1ff }, { VIR_KEYCODE_SET_USB, 0x04 },
        { VIR_KEYCODE_SET_USB, 0xff }, { VIR_KEYCODE_SET_WIN32, 0x41 },
        { VIR_KEYCODE_SET_WIN32, 0x400 }, { VIR_KEYCODE_SET_QNUM, 0x9e },
        { VIR_KEYCODE_SET_QNUM, 0x100 }, { VIR_KEYCODE_SET_LINUX, 0xffffffff },
    };
    unsigned int many[20] = { 0 };
    unsigned int two[2] = { 30, 48 };
    size_t i;

    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        unsigned int code = keys[i].code;

        printf("codeset %u code 0x%x: ", keys[i].codeset, code);
        CHECK_INT(virDomainSendKey(dom, keys[i].codeset, 10, &code, 1, 0));
    }
    /* the codes 0..0x2ff and 0xe000..0xe0ff of every set: which are refused */
    for (i = 0; i < VIR_KEYCODE_SET_LAST; i++) {
        unsigned int code;
        unsigned long refused = 0, sum = 0;

        for (code = 0; code <= 0xe0ff; code = code == 0x2ff ? 0xe000 : code + 1) {
            if (virDomainSendKey(dom, i, 0, &code, 1, 0) < 0) {
                refused++;
                sum += code;
            }
        }
        printf("codeset %zu: %lu refused, sum %lu\n", i, refused, sum);
    }
    CHECK_INT(virDomainSendKey(dom, VIR_KEYCODE_SET_LINUX, 0, two, 2, 0));
    CHECK_INT(virDomainSendKey(dom, VIR_KEYCODE_SET_LINUX, 0, many, 16, 0));
    CHECK_INT(virDomainSendKey(dom, VIR_KEYCODE_SET_LINUX, 0, many, 17, 0));
    CHECK_INT(virDomainSendKey(dom, VIR_KEYCODE_SET_LINUX, 0, many, 0, 0));
    CHECK_INT(virDomainSendKey(dom, VIR_KEYCODE_SET_LINUX, 0, NULL, 1, 0));
    CHECK_INT(virDomainSendKey(dom, VIR_KEYCODE_SET_LAST, 0, two, 1, 0));
    CHECK_INT(virDomainSendKey(dom, VIR_KEYCODE_SET_LINUX, 0, two, 1, 1));
}

static int
sink(virStreamPtr st, const char *data, size_t n, void *opaque)
{
    unsigned char *head = opaque;
    size_t *got = (size_t *)(head + 16);

    (void)st;
    if (*got < 8)
        memcpy(head + *got, data, n < 8 - *got ? n : 8 - *got);
    *got += n;
    return n;
}

static void
screenshot(virConnectPtr conn, virDomainPtr dom, unsigned int flags)
{
    virStreamPtr st = virStreamNew(conn, 0);
    unsigned char buf[32] = { 0 };
    char *mime;

    mime = virDomainScreenshot(dom, st, 0, flags);
    if (!mime) {
        compatShowError("virDomainScreenshot");
    } else {
        printf("virDomainScreenshot(0x%x) -> '%s'\n", flags, mime);
        free(mime);
        if (virStreamRecvAll(st, sink, buf) < 0)
            compatShowError("virStreamRecvAll");
        else
            printf("PNG signature: %d, data: %d\n",
                   memcmp(buf, "\x89PNG\r\n\x1a\n", 8) == 0,
                   *(size_t *)(buf + 16) > 100);
        CHECK_INT(virStreamFinish(st));
    }
    virStreamFree(st);
    fflush(stdout);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn, ro;
    virDomainPtr test, rodom;
    unsigned int key = 30;

    (void)argc;
    (void)argv;
    conn = compatOpen("test:///default", 0);
    test = CHECK_PTR(virDomainLookupByName(conn, "test"));
    if (!test)
        return 1;

    compatSection("send keys");
    sendKeys(test);

    compatSection("screenshot");
    screenshot(conn, test, 0);
    screenshot(conn, test, 1);
    CHECK_INT(virDomainDestroy(test));
    screenshot(conn, test, 0);
    CHECK_FAIL_PTR(virDomainScreenshot(test, NULL, 0, 0));
    CHECK_INT(virDomainSendKey(test, VIR_KEYCODE_SET_LINUX, 0, &key, 1, 0));

    compatSection("read-only connection");
    ro = compatOpen("test:///default", VIR_CONNECT_RO);
    rodom = CHECK_PTR(virDomainLookupByName(ro, "test"));
    if (rodom) {
        screenshot(ro, rodom, 0);
        CHECK_INT(virDomainSendKey(rodom, VIR_KEYCODE_SET_LINUX, 0, &key, 1, 0));
        virDomainFree(rodom);
    }
    virConnectClose(ro);
    virDomainFree(test);
    virConnectClose(conn);
    return 0;
}
