#!/usr/bin/env python3
"""concat.py OUT IN...: write the inputs one after another into OUT."""
import sys

with open(sys.argv[1], 'w') as out:
    for path in sys.argv[2:]:
        with open(path) as f:
            out.write(f.read().rstrip('\n') + '\n\n')
