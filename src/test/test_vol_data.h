/*
 * test_vol_data.h: the contents of a test driver volume, kept in memory.
 *
 * A volume's bytes are a sparse map of extents over [0, length): written
 * data (shared, immutable chunks), fills of one byte value (what
 * preallocation and pattern wipes leave) and pseudo-random fills (random
 * wipes), each costing O(1) memory whatever its size.  Bytes outside
 * every extent are a hole and read as zeros.  This is what a file of a
 * dir pool holds: "allocated" counts the bytes in extents, as st_blocks
 * would.
 *
 * A testVolData is a lockable object: every function takes its lock, so
 * a stream may write into it while the pool that lists the volume is not
 * locked (and after the volume was deleted, as with an unlinked file).
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"

typedef struct _testVolData testVolData;

/* @length bytes of hole. */
testVolData *testVolDataNew(unsigned long long length);

/* A copy of @src's contents (the data chunks are shared, not copied). */
testVolData *testVolDataCopy(testVolData *src);

unsigned long long testVolDataLength(testVolData *data);
unsigned long long testVolDataAllocated(testVolData *data);

/* Store @len bytes at @offset; the volume grows to cover them. */
void testVolDataWrite(testVolData *data, unsigned long long offset,
                      const char *bytes, size_t len);

/* Make [offset, offset + len) a fill of @byte (allocated). */
void testVolDataFill(testVolData *data, unsigned long long offset,
                     unsigned long long len, unsigned char byte);

/* Make [offset, offset + len) pseudo-random bytes (allocated). */
void testVolDataRandom(testVolData *data, unsigned long long offset,
                       unsigned long long len);

/* Allocate (as zeros) the holes in [offset, offset + len), keeping data. */
void testVolDataAllocate(testVolData *data, unsigned long long offset,
                         unsigned long long len);

/* Make [offset, offset + len) a hole; the length does not change. */
void testVolDataPunch(testVolData *data, unsigned long long offset,
                      unsigned long long len);

/* Cut or extend (with a hole) to @length bytes. */
void testVolDataTruncate(testVolData *data, unsigned long long length);

/* Read up to @len bytes at @offset (holes read as zeros); the number of
 * bytes read, 0 at or past the end. */
size_t testVolDataRead(testVolData *data, unsigned long long offset,
                       char *bytes, size_t len);

/* As virFileInData at @offset: whether it is in data and how many bytes
 * the section (data or hole) has from there to its end; 0 and 0 at or
 * past the end. */
void testVolDataInData(testVolData *data, unsigned long long offset,
                       bool *inData, unsigned long long *sectionLen);
