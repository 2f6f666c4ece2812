#!/usr/bin/env python3
"""rpcgen: run rpcgen on one .x file for the build.

Usage: rpcgen.py RPCGEN -h|-c INPUT.x OUTPUT

rpcgen names the header in its C output after the path it was given, so
it runs in the input's directory on the bare file name: the C file then
includes "name.h", found next to it in the build directory.  Inline
encoding (-i) is turned off: every field goes through its xdr_* routine,
which gives simpler code and the same bytes.
"""

import os
import subprocess
import sys


def main():
    if len(sys.argv) != 5 or sys.argv[2] not in ('-h', '-c'):
        sys.exit(__doc__)
    rpcgen, mode, src, out = sys.argv[1:]
    out = os.path.abspath(out)
    # The header's include guard comes from the output's name, so rpcgen
    # writes the final file (it refuses to overwrite one); a failed run
    # leaves none behind.
    if os.path.exists(out):
        os.unlink(out)
    try:
        subprocess.run([rpcgen, mode, '-i', '0', '-o', out, os.path.basename(src)],
                       cwd=os.path.dirname(os.path.abspath(src)), check=True)
    except BaseException:
        if os.path.exists(out):
            os.unlink(out)
        raise


if __name__ == '__main__':
    main()
