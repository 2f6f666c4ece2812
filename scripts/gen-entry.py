#!/usr/bin/env python3
"""Generate the driver-table fields and the plain public entry points.

    gen-entry.py OUTDIR ENTRY-POINTS.DEF HEADER...

Inputs: the public headers (prototypes) and src/entry-points.def (for
each function: generated or hand-written, the driver table it dispatches
to, and the argument checks libvirt makes before dispatching).

Outputs in OUTDIR:
  libvirt-gen-driver.h      one typedef per driver method (the public
                            function's signature) and, per table, a macro
                            listing its fields
  libvirt-gen-entry.c       the entry points of libvirt.so
  libvirt-qemu-gen-entry.c  ... of libvirt-qemu.so
  libvirt-lxc-gen-entry.c   ... of libvirt-lxc.so

Every generated entry point has one shape: reset the error, check the
handle, apply the checks, dispatch to the driver method, and raise
VIR_ERR_NO_SUPPORT when the driver has none; on failure the error is
dispatched to the connection's handler.
"""
import os
import re
import sys

TABLES = ['hypervisor', 'network', 'storage', 'secret', 'nodedev',
          'interface', 'nwfilter', 'stream']
# table -> how to reach it from the connection (or stream)
TABLE_PTR = {
    'hypervisor': 'conn->driver', 'network': 'conn->networkDriver',
    'storage': 'conn->storageDriver', 'secret': 'conn->secretDriver',
    'nodedev': 'conn->nodeDeviceDriver', 'interface': 'conn->interfaceDriver',
    'nwfilter': 'conn->nwfilterDriver',
}
# handle type -> (class name in virCheck<Class>Return, path to its connection)
HANDLES = {
    'virConnectPtr': ('Connect', '%s'),
    'virDomainPtr': ('Domain', '%s->conn'),
    'virNetworkPtr': ('Network', '%s->conn'),
    'virNetworkPortPtr': ('NetworkPort', '%s->net->conn'),
    'virInterfacePtr': ('Interface', '%s->conn'),
    'virStoragePoolPtr': ('StoragePool', '%s->conn'),
    'virStorageVolPtr': ('StorageVol', '%s->conn'),
    'virNodeDevicePtr': ('NodeDevice', '%s->conn'),
    'virSecretPtr': ('Secret', '%s->conn'),
    'virStreamPtr': ('Stream', '%s->conn'),
    'virNWFilterPtr': ('NWFilter', '%s->conn'),
    'virNWFilterBindingPtr': ('NWFilterBinding', '%s->conn'),
    'virDomainSnapshotPtr': ('DomainSnapshot', '%s->domain->conn'),
    'virDomainCheckpointPtr': ('DomainCheckpoint', '%s->domain->conn'),
}
# header -> error domain of its entry points (as libvirt's files set it)
ERROR_DOMAIN = {
    'libvirt-host.h': 'VIR_FROM_DOMAIN', 'libvirt-domain.h': 'VIR_FROM_DOMAIN',
    'libvirt-domain-snapshot.h': 'VIR_FROM_DOMAIN_SNAPSHOT',
    'libvirt-domain-checkpoint.h': 'VIR_FROM_DOMAIN_CHECKPOINT',
    'libvirt-network.h': 'VIR_FROM_NETWORK', 'libvirt-storage.h': 'VIR_FROM_STORAGE',
    'libvirt-secret.h': 'VIR_FROM_SECRET', 'libvirt-nodedev.h': 'VIR_FROM_NODEDEV',
    'libvirt-interface.h': 'VIR_FROM_INTERFACE', 'libvirt-nwfilter.h': 'VIR_FROM_NWFILTER',
    'libvirt-stream.h': 'VIR_FROM_STREAMS', 'libvirt-qemu.h': 'VIR_FROM_NONE',
    'libvirt-lxc.h': 'VIR_FROM_NONE',
}
OUTPUT_OF = {'libvirt-qemu.h': 'libvirt-qemu-gen-entry.c',
             'libvirt-lxc.h': 'libvirt-lxc-gen-entry.c'}


class Func:
    def __init__(self, ret, name, args, header):
        self.ret, self.name, self.header = ret, name, header
        self.args = [] if args.strip() == 'void' else [a.strip() for a in args.split(',')]
        self.argnames = [re.search(r'(\w+)\s*$', a).group(1) for a in self.args]

    @property
    def field(self):
        base = self.name[3:]
        if base.startswith('NWFilter'):
            return 'nwfilter' + base[len('NWFilter'):]
        return base[0].lower() + base[1:]

    @property
    def typedef(self):
        return 'virDrv' + self.name[3:]

    def fail_value(self):
        if '*' in self.ret or self.ret.endswith('Ptr'):
            return 'NULL'
        if self.ret.startswith('unsigned'):
            return '0'
        return '-1'

    def fail_test(self):
        v = self.fail_value()
        if v == 'NULL':
            return '!ret'
        if v == '0':
            return 'ret == 0'
        return 'ret < 0'


def read_headers(paths):
    funcs = {}
    for path in paths:
        header = os.path.basename(path)
        for line in open(path):
            if line.startswith('typedef') or not line[:1].isalpha():
                continue
            m = re.match(r'^(.*?)\b(vir\w+)\((.*)\);$', line.strip())
            if m:
                funcs[m.group(2)] = Func(m.group(1).strip(), m.group(2), m.group(3), header)
    return funcs


def read_def(path):
    entries = {}
    for line in open(path):
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        name, kind, table, checks = parts[0], parts[1], parts[2], parts[3:]
        if kind not in ('gen', 'manual'):
            raise SystemExit('%s: unknown kind %s' % (name, kind))
        if table != '-' and table not in TABLES + ['admin']:
            raise SystemExit('%s: unknown table %s' % (name, table))
        entries[name] = (kind, table, checks)
    return entries


def check_code(f, check, fail):
    kind, _, rest = check.partition(':')
    if kind == 'obj':
        cls, arg = rest.split(':')
        return ['    virCheck%sReturn(%s, %s);' % (cls, arg, fail)]
    if kind == 'ro':
        return ['    virCheckReadOnlyGoto(conn->flags, error);']
    if kind in ('quirk', 'optional', 'clear'):
        return []
    if kind == 'abspath':
        return []   # at dispatch, see gen_entry
    if kind == 'fdpassing':
        return ['    if (%s > 0) {' % rest,
                '        int rc = VIR_DRV_SUPPORTS_FEATURE(conn->driver, conn,',
                '                                          VIR_DRV_FEATURE_FD_PASSING);', '',
                '        if (rc <= 0) {',
                '            if (rc == 0)',
                '                virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",',
                '                               "fd passing is not supported by this connection");',
                '            goto error;', '        }', '    }']
    if kind == 'setnull':
        return ['    *%s = NULL;' % rest]
    if kind == 'roif':
        return ['    if (flags & (%s))' % rest,
                '        virCheckReadOnlyGoto(conn->flags, error);']
    if kind == 'nonnullif':
        arg, cond = rest.split(':')
        return ['    if ((%s) != 0 && %s == NULL) {' % (cond, arg),
                '        virReportInvalidNonNullArg(%s);' % arg,
                '        goto error;', '    }']
    if kind == 'stringokay':
        # libvirt lets drivers that say so take string parameters
        return ['    switch (VIR_DRV_SUPPORTS_FEATURE(conn->driver, conn,',
                '                                     VIR_DRV_FEATURE_TYPED_PARAM_STRING)) {',
                '    case -1:', '        goto error;',
                '    case 0:', '        break;',
                '    default:', '        flags |= VIR_TYPED_PARAM_STRING_OKAY;', '    }']
    if kind == 'validateset':
        arg, count = rest.split(':')
        return ['    if (virTypedParameterValidateSet(conn, %s, %s) < 0)' % (arg, count),
                '        goto error;']
    if kind == 'maxmem':
        return ['    if (LLONG_MAX / 1024 <= %s) {' % rest,
                '        virReportError(VIR_ERR_OVERFLOW, "input too large: %%lu", %s);' % rest,
                '        goto error;', '    }']
    simple = {
        'nonnull': ('%s == NULL', 'virReportInvalidNonNullArg(%s)'),
        'null': ('%s != NULL', 'virReportInvalidNullArg(%s)'),
        'positive': ('%s <= 0', 'virReportInvalidPositiveArg(%s)'),
        'nonneg': ('%s < 0', 'virReportInvalidNonNegativeArg(%s)'),
        'nonzero': ('%s == 0', 'virReportInvalidNonZeroArg(%s)'),
        'zero': ('%s != 0', 'virReportInvalidZeroArg(%s)'),
    }
    if kind in simple:
        cond, report = simple[kind]
        return ['    if (%s) {' % (cond % rest), '        %s;' % (report % rest),
                '        goto error;', '    }']
    if kind == 'nonempty':
        return check_code(f, 'nonnull:' + rest, fail) + [
            '    if (*%s == \'\\0\') {' % rest,
            '        virReportInvalidEmptyStringArg(%s);' % rest,
            '        goto error;', '    }']
    if kind == 'array':
        arg, count = rest.split(':')
        return ['    if (!%s && %s > 0) {' % (arg, count),
                '        virReportInvalidNonNullArg(%s);' % arg,
                '        goto error;', '    }']
    if kind in ('excl', 'require'):
        a, b = [x.replace('|', ' | ') for x in rest.split(':')]
        if kind == 'excl':
            cond = '(flags & (%s)) && (flags & (%s))' % (a, b)
            msg = '"Flags \'%%s\' and \'%%s\' are mutually exclusive", "%s", "%s"' % (a, b)
        else:
            cond = '(flags & (%s)) && !(flags & (%s))' % (a, b)
            msg = '"Flag \'%%s\' is required by flag \'%%s\'", "%s", "%s"' % (b, a)
        return ['    if (%s) {' % cond,
                '        virReportInvalidArg(ctl, %s);' % msg,
                '        goto error;', '    }']
    if kind == 'flags':
        return ['    if (flags & ~(%s)) {' % rest,
                '        virReportInvalidArg(flags, "unsupported flags (0x%%x) in function %%s",',
                '                            flags & ~(%s), __FUNCTION__);' % rest,
                '        goto error;', '    }']
    raise SystemExit('%s: unknown check %s' % (f.name, check))


def gen_entry(f, table, checks):
    fail = f.fail_value()
    first_type = f.args[0].rsplit(' ', 1)[0].strip() if f.args else ''
    if first_type not in HANDLES or '*' in f.args[0]:
        raise SystemExit('%s: first argument is not a handle' % f.name)
    cls, conn_path = HANDLES[first_type]
    first = f.argnames[0]
    if not checks or not checks[0].startswith('obj:'):
        checks = ['obj:%s:%s' % (cls, first)] + checks
    own_conn = first == 'conn'
    out = ['', '#undef VIR_FROM_THIS',
           '#define VIR_FROM_THIS %s' % ERROR_DOMAIN[f.header],
           'VIR_EXPORT %s' % f.ret, '%s(%s)' % (f.name, ', '.join(f.args)), '{']
    if not own_conn:
        out += ['    virConnectPtr conn = NULL;', '']
    out += [
           '    VIR_DEBUG("%s=%%p", %s);' % (first, first),
           '    virResetLastError();']
    for c in checks:
        if c.startswith('clear:'):
            arg = c.split(':', 1)[1]
            decl = f.args[f.argnames.index(arg)]
            # a list pointer is emptied, a structure zeroed
            if '**' in decl:
                out += ['    if (%s)' % arg, '        *%s = NULL;' % arg]
            else:
                out += ['    if (%s)' % arg, '        memset(%s, 0, sizeof(*%s));' % (arg, arg)]
    for i, c in enumerate(checks):
        out.extend(check_code(f, c, fail))
        if i == 0 and not own_conn:
            out.append('    conn = %s;' % (conn_path % first))
    callargs = [('abs_' + a) if ('abspath:' + a) in checks else a for a in f.argnames]
    if table == 'stream':
        method = '%s->driver ? %s->driver->%s : NULL' % (first, first, f.field)
    else:
        method = '%s ? %s->%s : NULL' % (TABLE_PTR[table], TABLE_PTR[table], f.field)
    # the driver may work out of process: it gets absolute file names
    abspaths = ['            g_autofree char *abs_%s = g_canonicalize_filename(%s, NULL);'
                % (c[len('abspath:'):], c[len('abspath:'):])
                for c in checks if c.startswith('abspath:')]
    out += ['    {', '        %s method = %s;' % (f.typedef, method), '',
            '        if (method) {'] + abspaths + [
            '            %s ret = method(%s);' % (f.ret, ', '.join(callargs)), '',
            '            if (%s)' % f.fail_test(), '                goto error;',
            '            return ret;', '        }', '    }']
    if 'optional' in checks:
        # a driver without the method has nothing to do: success
        out += ['    return 0;']
    else:
        out += ['    virReportUnsupportedError();']
    out += ['', ' error:',
            '    virDispatchError(conn);', '    return %s;' % fail, '}']
    return out


PROLOGUE = """/* Generated by scripts/gen-entry.py from src/entry-points.def: do not edit. */
#include "internal.h"
#include "datatypes.h"
#include "util/virlog.h"

VIR_LOG_INIT("libvirt.entry");

#pragma GCC diagnostic ignored "-Wunused-label"
"""


def main():
    outdir, defpath, headers = sys.argv[1], sys.argv[2], sys.argv[3:]
    funcs = read_headers(headers)
    entries = read_def(defpath)
    missing = sorted(set(funcs) - set(entries))
    unknown = sorted(set(entries) - set(funcs))
    if missing or unknown:
        raise SystemExit('entry-points.def out of step with the headers:\n'
                         '  not listed: %s\n  not declared: %s' % (missing, unknown))
    drv = ['/* Generated by scripts/gen-entry.py: do not edit. */', '#pragma once', '']
    fields = {t: [] for t in TABLES}
    for name in sorted(entries):
        kind, table, checks = entries[name]
        if table in ('-', 'admin'):
            continue
        f = funcs[name]
        drv.append('typedef %s (*%s)(%s);' % (f.ret, f.typedef, ', '.join(f.args) or 'void'))
        fields[table].append('    %s %s;' % (f.typedef, f.field))
    for t in TABLES:
        drv.append('')
        drv.append('#define VIR_GEN_%s_FIELDS \\' % t.upper())
        drv.extend('%s \\' % x for x in fields[t])
        drv.append('    /* end */')
    with open(os.path.join(outdir, 'libvirt-gen-driver.h'), 'w') as fh:
        fh.write('\n'.join(drv) + '\n')

    outputs = {'libvirt-gen-entry.c': [PROLOGUE]}
    for o in OUTPUT_OF.values():
        outputs[o] = [PROLOGUE]
    for name in sorted(entries):
        kind, table, checks = entries[name]
        if kind != 'gen':
            continue
        f = funcs[name]
        target = OUTPUT_OF.get(f.header, 'libvirt-gen-entry.c')
        outputs[target].append('\n'.join(gen_entry(f, table, checks)))
    for fname, chunks in outputs.items():
        with open(os.path.join(outdir, fname), 'w') as fh:
            fh.write('\n'.join(chunks) + '\n')


if __name__ == '__main__':
    main()
