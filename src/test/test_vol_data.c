/*
 * test_vol_data.c: a volume's bytes as a sorted array of extents.
 *
 * Extents never overlap and are never empty.  Every change first cuts
 * the range it covers out of the extents there (splitting those that
 * straddle an edge), then inserts its own extent.  A data extent points
 * into an immutable GBytes chunk, so splitting and copying never copy
 * bytes; a random extent derives each byte from its seed and the byte's
 * absolute offset, so splitting one keeps its bytes.
 */
#include "internal.h"
#include "test/test_vol_data.h"

#define VIR_FROM_THIS VIR_FROM_TEST

typedef enum {
    TEST_EXTENT_DATA,
    TEST_EXTENT_FILL,
    TEST_EXTENT_RANDOM,
} testExtentKind;

typedef struct {
    unsigned long long start;
    unsigned long long len;
    testExtentKind kind;
    unsigned char fill;         /* FILL */
    guint64 seed;               /* RANDOM */
    GBytes *bytes;              /* DATA: byte 'start' is at chunk offset 'off' */
    size_t off;
} testExtent;

struct _testVolData {
    virObjectLockable parent;

    /* guarded by the object lock */
    unsigned long long length;
    GArray *extents;            /* testExtent, sorted by start */
};

static virClass *testVolDataClass;

static void
testExtentClear(void *opaque)
{
    testExtent *ext = opaque;

    g_clear_pointer(&ext->bytes, g_bytes_unref);
}

static void
testVolDataDispose(void *opaque)
{
    testVolData *data = opaque;

    g_array_unref(data->extents);
}

static testVolData *
testVolDataAlloc(void)
{
    static gsize once;
    testVolData *data;

    if (g_once_init_enter(&once)) {
        testVolDataClass = VIR_CLASS_NEW(testVolData, virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
    data = virObjectLockableNew(testVolDataClass);
    data->extents = g_array_new(FALSE, FALSE, sizeof(testExtent));
    g_array_set_clear_func(data->extents, testExtentClear);
    return data;
}

testVolData *
testVolDataNew(unsigned long long length)
{
    testVolData *data = testVolDataAlloc();

    data->length = length;
    return data;
}

testVolData *
testVolDataCopy(testVolData *src)
{
    testVolData *data = testVolDataAlloc();
    size_t i;

    VIR_WITH_OBJECT_LOCK_GUARD(src) {
        data->length = src->length;
        for (i = 0; i < src->extents->len; i++) {
            testExtent ext = g_array_index(src->extents, testExtent, i);

            if (ext.bytes)
                g_bytes_ref(ext.bytes);
            g_array_append_val(data->extents, ext);
        }
    }
    return data;
}

#define EXT(data, i) (&g_array_index((data)->extents, testExtent, (i)))

static unsigned long long
testExtentEnd(const testExtent *ext)
{
    return ext->start + ext->len;
}

/* Index of the first extent ending after @offset (extents->len if none). */
static size_t
testVolDataFirstAfter(testVolData *data, unsigned long long offset)
{
    size_t lo = 0, hi = data->extents->len;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (testExtentEnd(EXT(data, mid)) <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Drop the first @by bytes of @ext. */
static void
testExtentTrimFront(testExtent *ext, unsigned long long by)
{
    ext->start += by;
    ext->len -= by;
    if (ext->kind == TEST_EXTENT_DATA)
        ext->off += by;
}

/* Remove [start, end) from the extents; the index where an extent for
 * that range belongs. */
static size_t
testVolDataCut(testVolData *data, unsigned long long start, unsigned long long end)
{
    size_t i = testVolDataFirstAfter(data, start);

    while (i < data->extents->len && EXT(data, i)->start < end) {
        testExtent *ext = EXT(data, i);
        unsigned long long extEnd = testExtentEnd(ext);

        if (ext->start < start && extEnd > end) {
            /* the range is inside: split in two */
            testExtent tail = *ext;

            if (tail.bytes)
                g_bytes_ref(tail.bytes);
            testExtentTrimFront(&tail, end - tail.start);
            ext->len = start - ext->start;
            g_array_insert_val(data->extents, i + 1, tail);
            return i + 1;
        }
        if (ext->start < start) {
            ext->len = start - ext->start;
            i++;
        } else if (extEnd > end) {
            testExtentTrimFront(ext, end - ext->start);
            return i;
        } else {
            g_array_remove_index(data->extents, i);
        }
    }
    return i;
}

/* Replace [ext->start, end) with @ext; the volume grows to cover it. */
static void
testVolDataPut(testVolData *data, testExtent *ext)
{
    size_t i;

    if (ext->len == 0) {
        testExtentClear(ext);
        return;
    }
    i = testVolDataCut(data, ext->start, testExtentEnd(ext));
    g_array_insert_val(data->extents, i, *ext);
    data->length = MAX(data->length, testExtentEnd(ext));
}

unsigned long long
testVolDataLength(testVolData *data)
{
    unsigned long long ret;

    virObjectLock(data);
    ret = data->length;
    virObjectUnlock(data);
    return ret;
}

unsigned long long
testVolDataAllocated(testVolData *data)
{
    unsigned long long ret = 0;
    size_t i;

    VIR_WITH_OBJECT_LOCK_GUARD(data) {
        for (i = 0; i < data->extents->len; i++)
            ret += EXT(data, i)->len;
    }
    return ret;
}

void
testVolDataWrite(testVolData *data, unsigned long long offset,
                 const char *bytes, size_t len)
{
    testExtent ext = {
        .start = offset, .len = len, .kind = TEST_EXTENT_DATA,
        .bytes = g_bytes_new(bytes, len),
    };

    VIR_WITH_OBJECT_LOCK_GUARD(data)
        testVolDataPut(data, &ext);
}

void
testVolDataFill(testVolData *data, unsigned long long offset,
                unsigned long long len, unsigned char byte)
{
    testExtent ext = { .start = offset, .len = len, .kind = TEST_EXTENT_FILL, .fill = byte };

    VIR_WITH_OBJECT_LOCK_GUARD(data)
        testVolDataPut(data, &ext);
}

void
testVolDataRandom(testVolData *data, unsigned long long offset,
                  unsigned long long len)
{
    testExtent ext = {
        .start = offset, .len = len, .kind = TEST_EXTENT_RANDOM,
        .seed = ((guint64)g_random_int() << 32) | g_random_int(),
    };

    VIR_WITH_OBJECT_LOCK_GUARD(data)
        testVolDataPut(data, &ext);
}

void
testVolDataAllocate(testVolData *data, unsigned long long offset,
                    unsigned long long len)
{
    unsigned long long end = offset + len;
    unsigned long long pos = offset;
    size_t i;

    if (len == 0)
        return;
    VIR_WITH_OBJECT_LOCK_GUARD(data) {
        i = testVolDataFirstAfter(data, offset);
        while (pos < end) {
            unsigned long long next = end;
            testExtent fill = { .start = pos, .kind = TEST_EXTENT_FILL };

            if (i < data->extents->len && EXT(data, i)->start <= pos) {
                pos = testExtentEnd(EXT(data, i++));
                continue;
            }
            if (i < data->extents->len)
                next = MIN(end, EXT(data, i)->start);
            fill.len = next - pos;
            g_array_insert_val(data->extents, i++, fill);
            pos = next;
        }
        data->length = MAX(data->length, end);
    }
}

void
testVolDataPunch(testVolData *data, unsigned long long offset,
                 unsigned long long len)
{
    VIR_WITH_OBJECT_LOCK_GUARD(data)
        testVolDataCut(data, offset, offset + len);
}

void
testVolDataTruncate(testVolData *data, unsigned long long length)
{
    VIR_WITH_OBJECT_LOCK_GUARD(data) {
        testVolDataCut(data, length, G_MAXUINT64);
        data->length = length;
    }
}

/* splitmix64: the 8 bytes of word @index of a random extent */
static guint64
testRandomWord(guint64 seed, guint64 index)
{
    guint64 z = seed + (index + 1) * 0x9e3779b97f4a7c15ULL;

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Copy [from, from + len) of @ext to @out. */
static void
testExtentRead(const testExtent *ext, unsigned long long from, char *out, size_t len)
{
    size_t i;

    switch (ext->kind) {
    case TEST_EXTENT_DATA:
        memcpy(out, (const char *)g_bytes_get_data(ext->bytes, NULL) +
               ext->off + (from - ext->start), len);
        break;
    case TEST_EXTENT_FILL:
        memset(out, ext->fill, len);
        break;
    case TEST_EXTENT_RANDOM:
        for (i = 0; i < len; i++) {
            unsigned long long at = from + i;

            out[i] = (char)(testRandomWord(ext->seed, at / 8) >> (8 * (at % 8)));
        }
        break;
    }
}

size_t
testVolDataRead(testVolData *data, unsigned long long offset, char *bytes, size_t len)
{
    unsigned long long end;
    size_t i;

    virObjectLock(data);
    if (offset >= data->length) {
        virObjectUnlock(data);
        return 0;
    }
    len = MIN(len, data->length - offset);
    end = offset + len;
    memset(bytes, 0, len);
    for (i = testVolDataFirstAfter(data, offset);
         i < data->extents->len && EXT(data, i)->start < end; i++) {
        testExtent *ext = EXT(data, i);
        unsigned long long from = MAX(offset, ext->start);
        unsigned long long to = MIN(end, testExtentEnd(ext));

        testExtentRead(ext, from, bytes + (from - offset), to - from);
    }
    virObjectUnlock(data);
    return len;
}

void
testVolDataInData(testVolData *data, unsigned long long offset,
                  bool *inData, unsigned long long *sectionLen)
{
    unsigned long long pos = offset;
    size_t i;

    *inData = false;
    *sectionLen = 0;
    virObjectLock(data);
    if (offset >= data->length)
        goto cleanup;
    i = testVolDataFirstAfter(data, offset);
    if (i == data->extents->len || EXT(data, i)->start > offset) {
        /* a hole, up to the next extent or the end */
        *sectionLen = (i == data->extents->len ? data->length :
                       MIN(data->length, EXT(data, i)->start)) - offset;
        goto cleanup;
    }
    /* data, through every adjacent extent */
    while (i < data->extents->len && EXT(data, i)->start <= pos)
        pos = testExtentEnd(EXT(data, i++));
    *inData = true;
    *sectionLen = MIN(pos, data->length) - offset;
 cleanup:
    virObjectUnlock(data);
}
