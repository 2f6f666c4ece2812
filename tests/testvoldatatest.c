/*
 * The test driver's in-memory volume contents (src/test/test_vol_data.c)
 * against the simplest model there is: a byte array and a map of which
 * bytes are allocated, driven through the same random operations.
 */
#include "internal.h"
#include "test/test_vol_data.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define MODEL_MAX 4096

typedef struct {
    size_t length;
    unsigned char bytes[MODEL_MAX];
    bool allocated[MODEL_MAX];
} model;

static void
modelSet(model *m, size_t off, size_t len, const unsigned char *src, int fill, bool alloc)
{
    size_t i;

    if (len == 0)
        return;
    for (i = 0; i < len; i++) {
        m->bytes[off + i] = src ? src[i] : fill;
        m->allocated[off + i] = alloc;
    }
    m->length = MAX(m->length, off + len);
}

static void
modelTruncate(model *m, size_t len)
{
    size_t i;

    for (i = len; i < MODEL_MAX; i++) {
        m->bytes[i] = 0;
        m->allocated[i] = false;
    }
    m->length = len;
}

/* Every byte, every section boundary and the allocation agree. */
static int
checkSame(testVolData *data, const model *m)
{
    g_autofree char *buf = g_new0(char, MODEL_MAX + 16);
    unsigned long long allocated = 0;
    size_t runEnd = 0;
    size_t i;

    CHECK_INTEQ(testVolDataLength(data), m->length);
    CHECK_INTEQ(testVolDataRead(data, 0, buf, MODEL_MAX + 16), m->length);
    for (i = 0; i < m->length; i++) {
        allocated += m->allocated[i];
        if ((unsigned char)buf[i] != m->bytes[i]) {
            fprintf(stderr, "byte %zu reads %d, not %d\n", i, buf[i], m->bytes[i]);
            return -1;
        }
    }
    CHECK_INTEQ(testVolDataAllocated(data), allocated);
    for (i = 0; i < m->length; i++) {
        bool inData;
        unsigned long long len;

        /* runEnd: the first byte after the run i is in */
        if (i == 0 || m->allocated[i] != m->allocated[i - 1]) {
            runEnd = i;
            while (runEnd < m->length &&
                   m->allocated[runEnd] == m->allocated[i])
                runEnd++;
        }
        testVolDataInData(data, i, &inData, &len);
        CHECK_INTEQ(inData, m->allocated[i]);
        CHECK_INTEQ(len, runEnd - i);
    }
    return 0;
}

/* Writes, fills, punches, preallocation and truncation in random order:
 * the contents, sections and allocation stay the model's. */
static int
testRandomOps(const void *opaque)
{
    guint32 seed = GPOINTER_TO_UINT(opaque);
    g_autoptr(GRand) rnd = g_rand_new_with_seed(seed);
    g_autofree model *m = g_new0(model, 1);
    testVolData *data = testVolDataNew(0);
    int step;

    for (step = 0; step < 400; step++) {
        size_t off = g_rand_int_range(rnd, 0, MODEL_MAX / 2);
        size_t len = g_rand_int_range(rnd, 0, MODEL_MAX / 2);
        unsigned char chunk[MODEL_MAX / 2];
        size_t i;

        for (i = 0; i < len; i++)
            chunk[i] = g_rand_int_range(rnd, 1, 256);
        switch (g_rand_int_range(rnd, 0, 5)) {
        case 0:
            testVolDataWrite(data, off, (char *)chunk, len);
            modelSet(m, off, len, chunk, 0, true);
            break;
        case 1:
            testVolDataFill(data, off, len, chunk[0]);
            modelSet(m, off, len, NULL, len ? chunk[0] : 0, true);
            break;
        case 2:
            testVolDataPunch(data, off, len);
            for (i = off; i < off + len && i < m->length; i++) {
                m->bytes[i] = 0;
                m->allocated[i] = false;
            }
            break;
        case 3:
            testVolDataAllocate(data, off, len);
            for (i = off; i < off + len; i++)
                m->allocated[i] = true;
            if (len)
                m->length = MAX(m->length, off + len);
            break;
        case 4:
            testVolDataTruncate(data, off);
            modelTruncate(m, off);
            break;
        }
        if (checkSame(data, m) < 0) {
            fprintf(stderr, "seed %u, step %d\n", seed, step);
            virObjectUnref(data);
            return -1;
        }
    }
    virObjectUnref(data);
    return 0;
}

static int
testCopyShares(void)
{
    testVolData *a = testVolDataNew(100);
    testVolData *b;
    char buf[8];

    testVolDataWrite(a, 10, "abcdef", 6);
    b = testVolDataCopy(a);
    testVolDataWrite(a, 10, "XY", 2);
    CHECK_INTEQ(testVolDataRead(b, 10, buf, 6), 6);
    CHECK(memcmp(buf, "abcdef", 6) == 0);
    CHECK_INTEQ(testVolDataRead(a, 10, buf, 6), 6);
    CHECK(memcmp(buf, "XYcdef", 6) == 0);
    CHECK_INTEQ(testVolDataAllocated(b), 6);
    virObjectUnref(a);
    virObjectUnref(b);
    return 0;
}

/* Random fills read the same every time and do not depend on how the
 * extent was cut; huge ones cost nothing. */
static int
testRandomFill(void)
{
    unsigned long long huge = 1ULL << 50;
    testVolData *data = testVolDataNew(huge);
    char a[64], b[64];
    int zeros = 0;
    size_t i;

    testVolDataRandom(data, 0, huge);
    CHECK_INTEQ(testVolDataAllocated(data), huge);
    CHECK_INTEQ(testVolDataRead(data, huge - 100, a, 64), 64);
    testVolDataWrite(data, huge - 120, "x", 1);
    testVolDataPunch(data, huge - 20, 10);
    CHECK_INTEQ(testVolDataRead(data, huge - 100, b, 64), 64);
    CHECK(memcmp(a, b, 64) == 0);
    for (i = 0; i < 64; i++)
        zeros += a[i] == 0;
    CHECK(zeros < 8);
    CHECK_INTEQ(testVolDataRead(data, huge, a, 64), 0);
    virObjectUnref(data);
    return 0;
}

int
main(void)
{
    guint32 seed;

    for (seed = 1; seed <= 20; seed++)
        virTestRunData("random operations", testRandomOps, GUINT_TO_POINTER(seed));
    virTestRun("copies share and diverge", testCopyShares);
    virTestRun("random fills", testRandomFill);
    return virTestDone();
}
