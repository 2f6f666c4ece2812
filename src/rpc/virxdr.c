/*
 * virxdr.c: the XDR runtime under the rpcgen routines.
 *
 * rpcgen's output calls a small set of primitives (xdrmem_create, xdr_int,
 * xdr_string, xdr_array, ...) declared by <rpc/xdr.h>.  libtirpc provides
 * them, but linking it brings in libgssapi_krb5, libkrb5, libk5crypto and
 * four more libraries, about 750 kB of resident pages in every process
 * (the daemons and every client of libvirt.so) for some 400 lines of
 * arithmetic.  These definitions are hidden (the build compiles with
 * -fvisibility=hidden and no symbol here is in a version script), so
 * they serve nuvirt's own code only and never interpose a libtirpc that
 * another part of the process loads.
 *
 * Only memory streams exist: a message body is always encoded into and
 * decoded from a buffer.  Semantics follow RFC 4506 and the SunRPC
 * library: big-endian 4-byte units, opaque data padded with zeros to a
 * multiple of 4 (padding not checked on decoding), strings and arrays
 * refused above their maximum, decoding allocating zeroed memory where
 * the caller's pointer is NULL, XDR_FREE releasing it again.
 */
#include "internal.h"

#include <arpa/inet.h>
#include <rpc/types.h>
#include <rpc/xdr.h>

#define VIR_FROM_THIS VIR_FROM_RPC

/* ---- the memory stream ------------------------------------------- */

/* x_base: start of the buffer; x_private: the current position;
 * x_handy: bytes left after it. */

static bool_t
virXDRMemGetBytes(XDR *xdrs, char *addr, u_int len)
{
    if (xdrs->x_handy < len)
        return FALSE;
    memcpy(addr, xdrs->x_private, len);
    xdrs->x_private = (char *)xdrs->x_private + len;
    xdrs->x_handy -= len;
    return TRUE;
}

static bool_t
virXDRMemPutBytes(XDR *xdrs, const char *addr, u_int len)
{
    if (xdrs->x_handy < len)
        return FALSE;
    memcpy(xdrs->x_private, addr, len);
    xdrs->x_private = (char *)xdrs->x_private + len;
    xdrs->x_handy -= len;
    return TRUE;
}

/* The "long" of the stream is one 4-byte unit, as in SunRPC. */
static bool_t
virXDRMemGetLong(XDR *xdrs, long *lp)
{
    uint32_t v;

    if (!virXDRMemGetBytes(xdrs, (char *)&v, 4))
        return FALSE;
    *lp = (long)(int32_t)ntohl(v);
    return TRUE;
}

static bool_t
virXDRMemPutLong(XDR *xdrs, const long *lp)
{
    uint32_t v = htonl((uint32_t)*lp);

    return virXDRMemPutBytes(xdrs, (const char *)&v, 4);
}

static u_int
virXDRMemGetPos(XDR *xdrs)
{
    return (char *)xdrs->x_private - xdrs->x_base;
}

static bool_t
virXDRMemSetPos(XDR *xdrs, u_int pos)
{
    char *end = (char *)xdrs->x_private + xdrs->x_handy;

    if (pos > (u_int)(end - xdrs->x_base))
        return FALSE;
    xdrs->x_private = xdrs->x_base + pos;
    xdrs->x_handy = end - (char *)xdrs->x_private;
    return TRUE;
}

/* rpcgen runs with -i 0 (scripts/rpcgen.py): nothing asks for inline
 * buffers; NULL sends a caller to the unit-by-unit path anyway. */
static int32_t *
virXDRMemInline(XDR *xdrs G_GNUC_UNUSED, u_int len G_GNUC_UNUSED)
{
    return NULL;
}

static bool_t
virXDRMemControl(XDR *xdrs G_GNUC_UNUSED, int request G_GNUC_UNUSED,
                 void *info G_GNUC_UNUSED)
{
    return FALSE;
}

static const struct xdr_ops virXDRMemOps = {
    .x_getlong = virXDRMemGetLong,
    .x_putlong = virXDRMemPutLong,
    .x_getbytes = virXDRMemGetBytes,
    .x_putbytes = virXDRMemPutBytes,
    .x_getpostn = virXDRMemGetPos,
    .x_setpostn = virXDRMemSetPos,
    .x_inline = virXDRMemInline,
    .x_destroy = NULL,
    .x_control = virXDRMemControl,
};

void
xdrmem_create(XDR *xdrs, char *addr, u_int size, enum xdr_op op)
{
    xdrs->x_op = op;
    xdrs->x_ops = &virXDRMemOps;
    xdrs->x_public = NULL;
    xdrs->x_private = addr;
    xdrs->x_base = addr;
    xdrs->x_handy = size;
}

void
xdr_free(xdrproc_t proc, void *objp)
{
    XDR x = { .x_op = XDR_FREE };

    proc(&x, objp);
}

/* ---- numbers ------------------------------------------------------ */

bool_t
xdr_void(void)
{
    return TRUE;
}

/* One 4-byte unit to or from *v; the callers narrow or widen it. */
static bool_t
virXDRUnit(XDR *xdrs, long *v)
{
    switch (xdrs->x_op) {
    case XDR_ENCODE:
        return XDR_PUTLONG(xdrs, v);
    case XDR_DECODE:
        return XDR_GETLONG(xdrs, v);
    case XDR_FREE:
        return TRUE;
    }
    return FALSE;
}

#define VIR_XDR_UNIT_TYPE(name, type, decode) \
    bool_t \
    name(XDR *xdrs, type *p) \
    { \
        long v = 0; \
        if (xdrs->x_op == XDR_ENCODE) \
            v = (long)*p; \
        if (!virXDRUnit(xdrs, &v)) \
            return FALSE; \
        if (xdrs->x_op == XDR_DECODE) \
            *p = decode; \
        return TRUE; \
    }

VIR_XDR_UNIT_TYPE(xdr_int, int, (int)v)
VIR_XDR_UNIT_TYPE(xdr_u_int, u_int, (u_int)(uint32_t)v)
VIR_XDR_UNIT_TYPE(xdr_u_short, u_short, (u_short)(uint32_t)v)
VIR_XDR_UNIT_TYPE(xdr_char, char, (char)v)
VIR_XDR_UNIT_TYPE(xdr_u_char, u_char, (u_char)(uint32_t)v)
VIR_XDR_UNIT_TYPE(xdr_enum, enum_t, (enum_t)v)
VIR_XDR_UNIT_TYPE(xdr_bool, bool_t, v != 0 ? TRUE : FALSE)

/* A hyper: the high unit first. */
static bool_t
virXDRHyper(XDR *xdrs, uint64_t *p)
{
    long hi = 0, lo = 0;

    if (xdrs->x_op == XDR_ENCODE) {
        hi = (long)(uint32_t)(*p >> 32);
        lo = (long)(uint32_t)*p;
    }
    if (!virXDRUnit(xdrs, &hi) || !virXDRUnit(xdrs, &lo))
        return FALSE;
    if (xdrs->x_op == XDR_DECODE)
        *p = ((uint64_t)(uint32_t)hi << 32) | (uint32_t)lo;
    return TRUE;
}

bool_t
xdr_u_quad_t(XDR *xdrs, u_int64_t *p)
{
    uint64_t v = xdrs->x_op == XDR_ENCODE ? *p : 0;

    if (!virXDRHyper(xdrs, &v))
        return FALSE;
    if (xdrs->x_op == XDR_DECODE)
        *p = v;
    return TRUE;
}

bool_t
xdr_quad_t(XDR *xdrs, int64_t *p)
{
    uint64_t v = xdrs->x_op == XDR_ENCODE ? (uint64_t)*p : 0;

    if (!virXDRHyper(xdrs, &v))
        return FALSE;
    if (xdrs->x_op == XDR_DECODE)
        *p = (int64_t)v;
    return TRUE;
}

/* IEEE 754 double precision, its 64 bits as a hyper. */
bool_t
xdr_double(XDR *xdrs, double *p)
{
    uint64_t v = 0;

    G_STATIC_ASSERT(sizeof(v) == sizeof(*p));
    if (xdrs->x_op == XDR_ENCODE)
        memcpy(&v, p, sizeof(v));
    if (!virXDRHyper(xdrs, &v))
        return FALSE;
    if (xdrs->x_op == XDR_DECODE)
        memcpy(p, &v, sizeof(v));
    return TRUE;
}

/* ---- opaque data, strings ---------------------------------------- */

bool_t
xdr_opaque(XDR *xdrs, caddr_t cp, u_int cnt)
{
    static const char zeros[BYTES_PER_XDR_UNIT] = { 0 };
    char pad[BYTES_PER_XDR_UNIT];
    u_int npad = (BYTES_PER_XDR_UNIT - cnt % BYTES_PER_XDR_UNIT) % BYTES_PER_XDR_UNIT;

    if (cnt == 0)
        return TRUE;
    switch (xdrs->x_op) {
    case XDR_ENCODE:
        return XDR_PUTBYTES(xdrs, cp, cnt) &&
               (npad == 0 || XDR_PUTBYTES(xdrs, zeros, npad));
    case XDR_DECODE:
        return XDR_GETBYTES(xdrs, cp, cnt) &&
               (npad == 0 || XDR_GETBYTES(xdrs, pad, npad));
    case XDR_FREE:
        return TRUE;
    }
    return FALSE;
}

/* Enough bytes left in the stream for @len bytes of data?  Decoding
 * checks before it allocates, so that a length word alone cannot make
 * the daemon allocate up to the maximum. */
static bool
virXDRHasData(XDR *xdrs, uint64_t len)
{
    return xdrs->x_ops != &virXDRMemOps || xdrs->x_handy >= len;
}

bool_t
xdr_bytes(XDR *xdrs, char **cpp, u_int *sizep, u_int maxsize)
{
    char *sp = *cpp;

    if (!xdr_u_int(xdrs, sizep))
        return FALSE;
    if (xdrs->x_op == XDR_FREE) {
        g_clear_pointer(cpp, g_free);
        return TRUE;
    }
    if (*sizep > maxsize)
        return FALSE;
    if (xdrs->x_op == XDR_DECODE) {
        if (*sizep == 0)
            return TRUE;
        if (!virXDRHasData(xdrs, *sizep))
            return FALSE;
        if (!sp)
            *cpp = sp = g_malloc0(*sizep);
    }
    return xdr_opaque(xdrs, sp, *sizep);
}

bool_t
xdr_string(XDR *xdrs, char **cpp, u_int maxsize)
{
    char *sp = *cpp;
    u_int size = 0;

    switch (xdrs->x_op) {
    case XDR_FREE:
        g_clear_pointer(cpp, g_free);
        return TRUE;
    case XDR_ENCODE:
        if (!sp)
            return FALSE;
        size = strlen(sp);
        break;
    case XDR_DECODE:
        break;
    }
    if (!xdr_u_int(xdrs, &size) || size > maxsize || size == UINT_MAX)
        return FALSE;
    if (xdrs->x_op == XDR_DECODE) {
        if (!virXDRHasData(xdrs, size))
            return FALSE;
        if (!sp)
            *cpp = sp = g_malloc0(size + 1);
        sp[size] = '\0';
    }
    return xdr_opaque(xdrs, sp, size);
}

bool_t
xdr_wrapstring(XDR *xdrs, char **cpp)
{
    return xdr_string(xdrs, cpp, UINT_MAX);
}

/* ---- arrays and pointers ----------------------------------------- */

/* Each element of a fixed or counted array, through @elproc. */
static bool_t
virXDRElements(XDR *xdrs, char *base, u_int n, u_int elsize, xdrproc_t elproc)
{
    u_int i;

    for (i = 0; i < n; i++) {
        if (!elproc(xdrs, base + (size_t)i * elsize))
            return FALSE;
    }
    return TRUE;
}

bool_t
xdr_array(XDR *xdrs, caddr_t *addrp, u_int *sizep, u_int maxsize,
          u_int elsize, xdrproc_t elproc)
{
    char *target = *addrp;
    u_int n;
    bool_t ok;

    if (!xdr_u_int(xdrs, sizep))
        return FALSE;
    n = *sizep;
    if (xdrs->x_op != XDR_FREE &&
        (n > maxsize || (elsize > 0 && n > UINT_MAX / elsize)))
        return FALSE;
    if (!target) {
        if (xdrs->x_op == XDR_FREE)
            return TRUE;
        if (xdrs->x_op == XDR_ENCODE || n == 0)
            return n == 0;
        /* every element of the protocols takes at least one unit */
        if (!virXDRHasData(xdrs, (uint64_t)n * BYTES_PER_XDR_UNIT))
            return FALSE;
        *addrp = target = g_malloc0((size_t)n * elsize);
    }
    ok = virXDRElements(xdrs, target, n, elsize, elproc);
    if (xdrs->x_op == XDR_FREE)
        g_clear_pointer(addrp, g_free);
    return ok;
}

bool_t
xdr_vector(XDR *xdrs, char *basep, u_int nelem, u_int elemsize, xdrproc_t xdr_elem)
{
    return virXDRElements(xdrs, basep, nelem, elemsize, xdr_elem);
}

/* An optional object: a bool, then the object if it is TRUE. */
bool_t
xdr_pointer(XDR *xdrs, char **objpp, u_int obj_size, xdrproc_t xdr_obj)
{
    bool_t more = *objpp != NULL;
    char *obj;
    bool_t ok;

    if (!xdr_bool(xdrs, &more))
        return FALSE;
    if (!more) {
        *objpp = NULL;
        return TRUE;
    }
    if (!(obj = *objpp)) {
        if (xdrs->x_op != XDR_DECODE)
            return TRUE;
        *objpp = obj = g_malloc0(obj_size);
    }
    ok = xdr_obj(xdrs, obj);
    if (xdrs->x_op == XDR_FREE)
        g_clear_pointer(objpp, g_free);
    return ok;
}
