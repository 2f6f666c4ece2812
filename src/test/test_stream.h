/*
 * test_stream.h: the in-process data path of virStorageVolUpload and
 * virStorageVolDownload on test driver volumes.
 *
 * A virStream opened here reads or writes a volume's testVolData
 * directly, through the stream driver table (virStreamDriver) that any
 * other transport (the remote driver) fills in its own way.  What an
 * application sees follows libvirt's: a volume stream as libvirt's
 * client library presents one backed by its daemon's file stream
 * (length limits, sparse holes, 'stream is closed' after the end).
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "test/test_vol_data.h"

typedef enum {
    TEST_VOL_STREAM_UPLOAD = 1 << 0,    /* write into the volume (else read) */
    TEST_VOL_STREAM_SPARSE = 1 << 1,    /* holes travel as holes */
    TEST_VOL_STREAM_BLOCK = 1 << 2,     /* a block device: no holes in it */
} testVolStreamFlags;

/* Called once when the stream ends (finished, aborted or freed first),
 * outside any lock; @conn is the stream's connection. */
typedef void (*testVolStreamCloseFunc)(virConnectPtr conn, void *opaque);

/*
 * Make @st carry [@offset, @offset + @length) of @data (@length 0: up to
 * the end, or without a limit when writing).  @onClose (may be NULL) is
 * called with @opaque when the stream ends; @freeOpaque frees @opaque
 * with the stream, or at once on failure.  -1 with an error if @st is
 * already in use.
 */
int testVolStreamOpen(virStreamPtr st, testVolData *data,
                      unsigned long long offset, unsigned long long length,
                      unsigned int flags, testVolStreamCloseFunc onClose,
                      void *opaque, GDestroyNotify freeOpaque);
