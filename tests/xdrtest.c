/*
 * xdrtest: the XDR routines rpcgen makes from nuvirt's .x files put the
 * bytes RFC 4506 prescribes on the wire, read them back, and refuse
 * what the protocol bounds forbid.
 *
 * The expected bytes are written out by hand from the standard: every
 * item big-endian and padded to 4 bytes; a string is its length then
 * its bytes; an optional item (T *x) is a 4-byte 0 or 1 then the item;
 * char, short and their unsigned forms take 4 bytes; hyper takes 8.
 */
#include "internal.h"
#include "testutils.h"

#include "remote_protocol.h"
#include "virnetprotocol.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* Encode obj with proc into a fresh buffer; compare with want. */
static int
checkEncode(xdrproc_t proc, void *obj, const unsigned char *want, size_t wantlen)
{
    unsigned char buf[256];
    XDR xdr;
    size_t i;

    memset(buf, 0xEE, sizeof(buf));
    xdrmem_create(&xdr, (char *)buf, sizeof(buf), XDR_ENCODE);
    CHECK(proc(&xdr, obj, 0));
    CHECK_INTEQ(xdr_getpos(&xdr), wantlen);
    xdr_destroy(&xdr);
    for (i = 0; i < wantlen; i++) {
        if (buf[i] != want[i]) {
            fprintf(stderr, "byte %zu: expected 0x%02x, got 0x%02x\n",
                    i, want[i], buf[i]);
            return -1;
        }
    }
    return 0;
}

/* Decode want into obj with proc; all of it must be used. */
static int
checkDecode(xdrproc_t proc, void *obj, const unsigned char *want, size_t wantlen)
{
    XDR xdr;

    xdrmem_create(&xdr, (char *)want, wantlen, XDR_DECODE);
    CHECK(proc(&xdr, obj, 0));
    CHECK_INTEQ(xdr_getpos(&xdr), wantlen);
    xdr_destroy(&xdr);
    return 0;
}

static int
testLookupByName(void)
{
    /* 5 bytes of text: length 5, the text, 3 bytes of padding. */
    static const unsigned char want[] = {
        0x00, 0x00, 0x00, 0x05, 'g', 'u', 'e', 's',
        't', 0x00, 0x00, 0x00,
    };
    /* 4 bytes of text need no padding. */
    static const unsigned char want4[] = {
        0x00, 0x00, 0x00, 0x04, 'd', 'e', 'm', 'o',
    };
    remote_domain_lookup_by_name_args args = { .name = (char *)"guest" };
    remote_domain_lookup_by_name_args back = { 0 };

    CHECK(checkEncode((xdrproc_t)xdr_remote_domain_lookup_by_name_args,
                      &args, want, sizeof(want)) == 0);
    CHECK(checkDecode((xdrproc_t)xdr_remote_domain_lookup_by_name_args,
                      &back, want, sizeof(want)) == 0);
    CHECK_STREQ(back.name, "guest");
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_name_args, (char *)&back);

    args.name = (char *)"demo";
    CHECK(checkEncode((xdrproc_t)xdr_remote_domain_lookup_by_name_args,
                      &args, want4, sizeof(want4)) == 0);
    return 0;
}

static int
testGetInfo(void)
{
    static const unsigned char want[] = {
        0x00, 0x00, 0x00, 0x01,                         /* state (u_char) */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, /* maxMem */
        0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x00, 0x00, /* memory */
        0x00, 0x00, 0x00, 0x02,                         /* nrVirtCpu (u_short) */
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, /* cpuTime */
    };
    remote_domain_get_info_ret ret = {
        .state = 1,
        .maxMem = 1048576,
        .memory = 0x100080000ULL,
        .nrVirtCpu = 2,
        .cpuTime = 0x0102030405060708ULL,
    };
    remote_domain_get_info_ret back = { 0 };

    CHECK(checkEncode((xdrproc_t)xdr_remote_domain_get_info_ret,
                      &ret, want, sizeof(want)) == 0);
    CHECK(checkDecode((xdrproc_t)xdr_remote_domain_get_info_ret,
                      &back, want, sizeof(want)) == 0);
    CHECK_INTEQ(back.state, 1);
    CHECK(back.maxMem == 1048576);
    CHECK(back.memory == 0x100080000ULL);
    CHECK_INTEQ(back.nrVirtCpu, 2);
    CHECK(back.cpuTime == 0x0102030405060708ULL);
    return 0;
}

static int
testError(void)
{
    static const unsigned char want[] = {
        0x00, 0x00, 0x00, 0x2a,                         /* code 42 */
        0x00, 0x00, 0x00, 0x0a,                         /* domain 10 */
        0x00, 0x00, 0x00, 0x01,                         /* message: present */
        0x00, 0x00, 0x00, 0x03, 'b', 'a', 'd', 0x00,
        0x00, 0x00, 0x00, 0x02,                         /* level 2 */
        0x00, 0x00, 0x00, 0x01,                         /* dom: present */
        0x00, 0x00, 0x00, 0x02, 'v', 'm', 0x00, 0x00,   /* dom.name */
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, /* dom.uuid */
        0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
        0x00, 0x00, 0x00, 0x07,                         /* dom.id */
        0x00, 0x00, 0x00, 0x01,                         /* str1: present */
        0x00, 0x00, 0x00, 0x01, 'x', 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,                         /* str2: absent */
        0x00, 0x00, 0x00, 0x00,                         /* str3: absent */
        0xff, 0xff, 0xff, 0xff,                         /* int1 -1 */
        0x00, 0x00, 0x00, 0x00,                         /* int2 0 */
        0x00, 0x00, 0x00, 0x00,                         /* net: absent */
    };
    char *message = (char *)"bad";
    char *str1 = (char *)"x";
    remote_nonnull_domain dom = {
        .name = (char *)"vm",
        .uuid = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
        .id = 7,
    };
    remote_error err = {
        .code = 42, .domain = 10, .message = &message, .level = 2,
        .dom = &dom, .str1 = &str1, .int1 = -1,
    };
    remote_error back = { 0 };

    CHECK(checkEncode((xdrproc_t)xdr_remote_error, &err, want, sizeof(want)) == 0);
    CHECK(checkDecode((xdrproc_t)xdr_remote_error, &back, want, sizeof(want)) == 0);
    CHECK_INTEQ(back.code, 42);
    CHECK(back.message && *back.message);
    CHECK_STREQ(*back.message, "bad");
    CHECK(back.dom);
    CHECK_STREQ(back.dom->name, "vm");
    CHECK(memcmp(back.dom->uuid, dom.uuid, sizeof(dom.uuid)) == 0);
    CHECK_INTEQ(back.dom->id, 7);
    CHECK_STREQ(*back.str1, "x");
    CHECK(back.str2 == NULL && back.str3 == NULL && back.net == NULL);
    CHECK_INTEQ(back.int1, -1);
    xdr_free((xdrproc_t)xdr_remote_error, (char *)&back);
    return 0;
}

static int
testHeader(void)
{
    static const unsigned char want[] = {
        0x20, 0x00, 0x80, 0x86,   /* prog: REMOTE_PROGRAM */
        0x00, 0x00, 0x00, 0x01,   /* vers */
        0x00, 0x00, 0x00, 0x17,   /* proc 23 */
        0x00, 0x00, 0x00, 0x01,   /* type: VIR_NET_REPLY */
        0x00, 0x00, 0x01, 0x02,   /* serial 258 */
        0x00, 0x00, 0x00, 0x01,   /* status: VIR_NET_ERROR */
    };
    virNetMessageHeader hdr = {
        .prog = REMOTE_PROGRAM, .vers = REMOTE_PROTOCOL_VERSION,
        .proc = REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME, .type = VIR_NET_REPLY,
        .serial = 258, .status = VIR_NET_ERROR,
    };
    virNetMessageHeader back = { 0 };

    CHECK_INTEQ(sizeof(want), VIR_NET_MESSAGE_HEADER_MAX);
    CHECK_INTEQ(REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME, 23);
    CHECK(checkEncode((xdrproc_t)xdr_virNetMessageHeader, &hdr, want, sizeof(want)) == 0);
    CHECK(checkDecode((xdrproc_t)xdr_virNetMessageHeader, &back, want, sizeof(want)) == 0);
    CHECK_INTEQ(back.prog, 0x20008086);
    CHECK_INTEQ(back.proc, 23);
    CHECK_INTEQ(back.type, VIR_NET_REPLY);
    CHECK_INTEQ(back.serial, 258);
    CHECK_INTEQ(back.status, VIR_NET_ERROR);
    return 0;
}

/* A string may hold REMOTE_STRING_MAX bytes, not one more, either way. */
static int
testStringBound(void)
{
    size_t len = REMOTE_STRING_MAX + 1;
    g_autofree unsigned char *buf = g_malloc0(4 + len + 4);
    g_autofree char *text = g_malloc(len + 1);
    remote_domain_lookup_by_name_args args = { .name = text };
    remote_domain_lookup_by_name_args back = { 0 };
    XDR xdr;

    memset(text, 'a', len);
    text[len] = '\0';

    /* Decode: a length prefix of REMOTE_STRING_MAX + 1 is refused. */
    buf[0] = (len >> 24) & 0xff;
    buf[1] = (len >> 16) & 0xff;
    buf[2] = (len >> 8) & 0xff;
    buf[3] = len & 0xff;
    memset(buf + 4, 'a', len);
    xdrmem_create(&xdr, (char *)buf, 4 + len + 4, XDR_DECODE);
    CHECK(!xdr_remote_domain_lookup_by_name_args(&xdr, &back));
    xdr_destroy(&xdr);
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_name_args, (char *)&back);
    memset(&back, 0, sizeof(back));

    /* Encode: the same string is refused. */
    xdrmem_create(&xdr, (char *)buf, 4 + len + 4, XDR_ENCODE);
    CHECK(!xdr_remote_domain_lookup_by_name_args(&xdr, &args));
    xdr_destroy(&xdr);

    /* Exactly REMOTE_STRING_MAX bytes pass both ways. */
    text[len - 1] = '\0';
    xdrmem_create(&xdr, (char *)buf, 4 + len + 4, XDR_ENCODE);
    CHECK(xdr_remote_domain_lookup_by_name_args(&xdr, &args));
    CHECK_INTEQ(xdr_getpos(&xdr), 4 + REMOTE_STRING_MAX);
    xdr_destroy(&xdr);
    xdrmem_create(&xdr, (char *)buf, 4 + REMOTE_STRING_MAX, XDR_DECODE);
    CHECK(xdr_remote_domain_lookup_by_name_args(&xdr, &back));
    CHECK_INTEQ(strlen(back.name), REMOTE_STRING_MAX);
    xdr_destroy(&xdr);
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_name_args, (char *)&back);
    return 0;
}

/* A message cut short is refused, not read past its end. */
static int
testTruncated(void)
{
    static const unsigned char cut[] = {
        0x00, 0x00, 0x00, 0x08, 'g', 'u', 'e', 's',
    };
    remote_domain_lookup_by_name_args back = { 0 };
    XDR xdr;

    xdrmem_create(&xdr, (char *)cut, sizeof(cut), XDR_DECODE);
    CHECK(!xdr_remote_domain_lookup_by_name_args(&xdr, &back));
    xdr_destroy(&xdr);
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_name_args, (char *)&back);
    return 0;
}

/* The primitives under the generated routines (src/rpc/virxdr.c). */
static int
testPrimitives(void)
{
    static const unsigned char want[] = {
        0x40, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18, /* double pi */
        0x00, 0x00, 0x00, 0x03, 0xff, 0xff, 0xff, 0xff, /* int[3] */
        0x00, 0x00, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xff,
        0x00, 0x00, 0x00, 0x02, 0xab, 0xcd, 0x00, 0x00, /* bytes<2> */
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x2a, /* int *: 42 */
        0x00, 0x00, 0x00, 0x00,                         /* int *: NULL */
    };
    int ints[3] = { -1, 0, INT_MAX };
    char bytes[2] = { (char)0xab, (char)0xcd };
    int answer = 42;
    double pi = 3.141592653589793;
    unsigned char buf[sizeof(want)];
    char *ip = (char *)ints, *bp = bytes, *pp = (char *)&answer, *np = NULL;
    u_int nints = 3, nbytes = 2;
    int *back = NULL, *backp = NULL, *backn = NULL;
    char *backb = NULL;
    u_int nback = 0, nbackb = 0;
    XDR xdr;

    memset(buf, 0xEE, sizeof(buf));
    xdrmem_create(&xdr, (char *)buf, sizeof(buf), XDR_ENCODE);
    CHECK(xdr_double(&xdr, &pi));
    CHECK(xdr_array(&xdr, &ip, &nints, 3, sizeof(int), (xdrproc_t)xdr_int));
    CHECK(xdr_bytes(&xdr, &bp, &nbytes, 2));
    CHECK(xdr_pointer(&xdr, &pp, sizeof(int), (xdrproc_t)xdr_int));
    CHECK(xdr_pointer(&xdr, &np, sizeof(int), (xdrproc_t)xdr_int));
    CHECK_INTEQ(xdr_getpos(&xdr), sizeof(want));
    CHECK(memcmp(buf, want, sizeof(want)) == 0);
    /* no room left: refused */
    CHECK(!xdr_int(&xdr, &answer));
    /* over the maximum: refused */
    CHECK(xdr_setpos(&xdr, 8));
    CHECK(!xdr_array(&xdr, &ip, &nints, 2, sizeof(int), (xdrproc_t)xdr_int));
    CHECK(!xdr_setpos(&xdr, sizeof(want) + 1));

    pi = 0;
    xdrmem_create(&xdr, (char *)want, sizeof(want), XDR_DECODE);
    CHECK(xdr_double(&xdr, &pi));
    CHECK(pi == 3.141592653589793);
    CHECK(xdr_array(&xdr, (char **)&back, &nback, 3, sizeof(int), (xdrproc_t)xdr_int));
    CHECK_INTEQ(nback, 3);
    CHECK(back[0] == -1 && back[1] == 0 && back[2] == INT_MAX);
    CHECK(xdr_bytes(&xdr, &backb, &nbackb, 2));
    CHECK(nbackb == 2 && memcmp(backb, bytes, 2) == 0);
    CHECK(xdr_pointer(&xdr, (char **)&backp, sizeof(int), (xdrproc_t)xdr_int));
    CHECK(backp && *backp == 42);
    CHECK(xdr_pointer(&xdr, (char **)&backn, sizeof(int), (xdrproc_t)xdr_int));
    CHECK(backn == NULL);
    CHECK_INTEQ(xdr_getpos(&xdr), sizeof(want));

    /* XDR_FREE releases what decoding allocated, and clears the pointers */
    xdr.x_op = XDR_FREE;
    CHECK(xdr_array(&xdr, (char **)&back, &nback, 3, sizeof(int), (xdrproc_t)xdr_int));
    CHECK(xdr_bytes(&xdr, &backb, &nbackb, 2));
    CHECK(xdr_pointer(&xdr, (char **)&backp, sizeof(int), (xdrproc_t)xdr_int));
    CHECK(!back && !backb && !backp);

    /* a count the message cannot hold allocates nothing and fails */
    xdrmem_create(&xdr, (char *)want + 8, 8, XDR_DECODE);
    CHECK(!xdr_array(&xdr, (char **)&back, &nback, 3, sizeof(int), (xdrproc_t)xdr_int));
    CHECK(back == NULL);
    return 0;
}

int
main(void)
{
    virTestRun("lookup-by-name args", testLookupByName);
    virTestRun("get-info ret", testGetInfo);
    virTestRun("remote_error with optional members", testError);
    virTestRun("message header", testHeader);
    virTestRun("string bound", testStringBound);
    virTestRun("truncated message", testTruncated);
    virTestRun("XDR primitives", testPrimitives);
    return virTestDone();
}
