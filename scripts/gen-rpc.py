#!/usr/bin/env python3
"""gen-rpc: client stubs and server dispatchers from the protocol files.

    gen-rpc.py client|server PROGRAM OUT.c OUT.h PROTOCOL.x ENTRY-POINTS.DEF HEADER...

PROGRAM is the prefix of the program's names (remote, qemu, lxc).  Each
procedure's '@proc:' annotation names the C function it serves (api=),
its kind and priority, and its argument and result structs; the public
prototype of that function and the members of those structs, taken in
order, say how each parameter travels:

  the connection                        no wire member
  a handle (virDomainPtr, ...)          PROGRAM_nonnull_KIND (a node device
                                        travels as its name)
  const char *                          *_nonnull_string, or *_string when
                                        it may be NULL
  const unsigned char *uuid             *_uuid
  an integer                            an integer member
  a pointer and its count               a variable-length array member
                                        (typed parameters are converted)
  an output pointer to a value          a result member
  an output pointer to a struct         result members named as its fields
  char **const names, int maxnames      'maxnames' argument, names result
  virXxxPtr **list                      'need_results' argument, list and
                                        'ret' results
  virStreamPtr                          no wire member: the stream= annotation

and the return value takes the result member left over (or none: 0 on
success).  A procedure that fits none of this fails the build with the
reason: it must then be marked special and written by hand.

client mode writes, for kind=generate and kind=special-server, a function
remoteNAME with the public function's exact signature, and for every
procedure serving a driver-table method a line setting that method (the
hand-written special-client functions are declared in OUT.h).  server
mode writes, for kind=generate and kind=special-client, a dispatcher
calling the public function on the connection of the client, declares
the hand-written ones in OUT.h, and writes the table indexed by
procedure number that the server dispatches through.
"""
import importlib.util
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xdrlang  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    'genentry', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gen-entry.py'))
genentry = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(genentry)

# handle C type -> (wire kind, CamelCase used in helper names)
HANDLES = {
    'virDomainPtr': ('domain', 'Domain'),
    'virNetworkPtr': ('network', 'Network'),
    'virNetworkPortPtr': ('network_port', 'NetworkPort'),
    'virInterfacePtr': ('interface', 'Interface'),
    'virStoragePoolPtr': ('storage_pool', 'StoragePool'),
    'virStorageVolPtr': ('storage_vol', 'StorageVol'),
    'virNodeDevicePtr': ('node_device', 'NodeDevice'),
    'virSecretPtr': ('secret', 'Secret'),
    'virNWFilterPtr': ('nwfilter', 'NWFilter'),
    'virNWFilterBindingPtr': ('nwfilter_binding', 'NWFilterBinding'),
    'virDomainSnapshotPtr': ('domain_snapshot', 'DomainSnapshot'),
    'virDomainCheckpointPtr': ('domain_checkpoint', 'DomainCheckpoint'),
}
SCALAR_C = {'int', 'unsigned int', 'long', 'unsigned long', 'long long',
            'unsigned long long', 'size_t', 'double', 'unsigned short', 'short',
            'unsigned char', 'char', 'bool'}
SCALAR_X = {'int', 'unsigned int', 'hyper', 'unsigned hyper', 'double', 'char',
            'unsigned char', 'short', 'unsigned short', 'bool'}
# table -> the daemon's helper giving the client's connection for it
CONN_OF_TABLE = {
    'hypervisor': 'Hypervisor', 'network': 'Network', 'storage': 'Storage',
    'secret': 'Secret', 'nodedev': 'NodeDevice', 'interface': 'Interface',
    'nwfilter': 'NWFilter',
}


class GenError(Exception):
    pass


def camel(enum_name, prefix):
    """REMOTE_PROC_AUTH_LIST -> AuthList (names of hand-written handlers of
    procedures that serve no API)."""
    base = enum_name[len(prefix.upper()) + len('_PROC_'):]
    return ''.join(w.capitalize() for w in base.split('_'))


def ctype_split(arg):
    """'const char *name' -> ('const char *', 'name')"""
    m = re.match(r'^(.*?)(\w+)$', arg.strip())
    return re.sub(r'\s+', ' ', m.group(1).strip()).replace(' *', ' *'), m.group(2)


def norm(t):
    return re.sub(r'\s*\*\s*', '*', re.sub(r'\s+', ' ', t.strip()))


def read_c_structs(paths):
    """struct name -> [(ctype, field, array)], and typedef alias -> struct."""
    structs, alias = {}, {}
    for path in paths:
        text = open(path).read()
        for m in re.finditer(r'struct (_vir\w+) \{(.*?)\};', text, re.S):
            fields = []
            for line in m.group(2).split(';'):
                line = re.sub(r'/\*.*?\*/', '', line).strip()
                if not line:
                    continue
                fm = re.match(r'^(.*?)(\w+)(\[(\w+)\])?$', line)
                if not fm or '{' in line:
                    fields = None     # nested unions: not a flat struct
                    break
                fields.append((norm(fm.group(1)), fm.group(2), fm.group(4)))
            if fields:
                structs[m.group(1)] = fields
        for m in re.finditer(r'typedef struct (_vir\w+) (\w+);', text):
            alias[m.group(2)] = m.group(1)
        for m in re.finditer(r'typedef (\w+) \*(\w+Ptr);', text):
            alias[m.group(2)] = alias.get(m.group(1), m.group(1))
    return structs, alias


class Member:
    def __init__(self, decl):
        self.decl = decl
        self.name = decl.name

    @property
    def type(self):
        return self.decl.type

    @property
    def shape(self):
        return self.decl.shape


class Mapping:
    """How one C parameter travels; code for both ends."""

    def __init__(self, kind, param=None, ctype=None, **kw):
        self.kind = kind
        self.param = param
        self.ctype = ctype
        self.__dict__.update(kw)


class Proc:
    def __init__(self, prefix, num, name, ann, args, ret, func, table):
        self.prefix, self.num, self.name, self.ann = prefix, num, name, ann
        self.args, self.ret, self.func, self.table = args, ret, func, table
        self.plan = None
        self.retmap = None

    @property
    def api(self):
        return self.ann['api']

    @property
    def kind(self):
        return self.ann['kind']


class Program:
    def __init__(self, prefix, module, funcs, entries, cstructs):
        self.prefix = prefix
        self.module = module
        self.structs = {d.name: d for d in module.named('struct')}
        self.typedefs = {d.name: d.decl for d in module.named('typedef')}
        self.funcs = funcs
        self.entries = entries
        self.cstructs, self.calias = cstructs
        self.procs = []
        for enum in module.procedure_enums():
            for e in enum.members:
                ann = xdrlang.proc_annotation(e.note)
                func = funcs.get(ann['api'])
                table = entries[ann['api']][1] if ann['api'] in entries else '-'
                self.procs.append(Proc(prefix, e.value, e.name, ann,
                                       self.struct(ann['args']), self.struct(ann['ret']),
                                       func, table))

    def struct(self, name):
        if name == 'void':
            return None
        return [Member(d) for d in self.structs[name].members]

    def resolve(self, xtype):
        """Follow typedefs: (base type, shape, bound) of a member type."""
        d = self.typedefs.get(xtype)
        if d is None:
            return xtype, 'scalar', None
        if d.shape == 'scalar':
            return self.resolve(d.type)
        return d.type, d.shape, d.bound

    def is_string(self, m):
        base, shape, _ = self.resolve(m.type)
        return shape in ('scalar', 'variable') and base == 'string' and m.shape == 'scalar'

    def is_optional_string(self, m):
        base, shape, _ = self.resolve(m.type)
        if m.shape == 'optional':
            b2, s2, _ = self.resolve(m.type)
            return b2 == 'string'
        return shape == 'optional' and self.resolve(base)[0] == 'string'


# ---- matching ---------------------------------------------------------

def c_scalar(ctype):
    return ctype in SCALAR_C


def x_scalar(prog, m):
    return m.shape == 'scalar' and prog.resolve(m.type)[0] in SCALAR_X and \
        prog.resolve(m.type)[1] == 'scalar'


def handle_wire(prog, ctype):
    kind = HANDLES[ctype][0]
    return '%s_nonnull_%s' % (prog.prefix if prog.prefix != 'qemu' and prog.prefix != 'lxc'
                              else 'remote', kind)


def match_plan(prog, proc):
    """Map every C parameter onto the args and ret members."""
    f = proc.func
    if f is None:
        raise GenError('no public prototype for %s' % proc.api)
    params = [ctype_split(a) for a in f.args]
    A = list(proc.args or [])
    R = list(proc.ret or [])
    plan = []
    stream = proc.ann.get('stream')
    i = 0

    def take(lst, what):
        if not lst:
            raise GenError('%s: no %s member for parameter %s' % (proc.name, what, params[i][1]))
        return lst.pop(0)

    while i < len(params):
        ctype, name = params[i]
        nctype = norm(ctype)
        nxt = params[i + 1] if i + 1 < len(params) else None
        if nctype == 'virConnectPtr' and i == 0:
            plan.append(Mapping('conn', name, ctype))
        elif nctype == 'virStreamPtr':
            if not stream:
                raise GenError('%s: stream parameter without stream= annotation' % proc.name)
            plan.append(Mapping('stream', name, ctype))
        elif nctype in HANDLES:
            m = take(A, 'argument')
            if m.type == handle_wire(prog, nctype):
                plan.append(Mapping('handle', name, ctype, member=m.name))
            elif nctype == 'virNodeDevicePtr' and prog.is_string(m):
                plan.append(Mapping('handle_name', name, ctype, member=m.name))
            else:
                raise GenError('%s: handle %s travels as %s' % (proc.name, name, m.type))
        elif nctype == 'const char*':
            m = take(A, 'argument')
            if prog.is_string(m):
                plan.append(Mapping('str', name, ctype, member=m.name))
            elif prog.is_optional_string(m):
                plan.append(Mapping('optstr', name, ctype, member=m.name))
            else:
                raise GenError('%s: %s is no string member' % (proc.name, m.name))
        elif nctype == 'const unsigned char*' and A and A[0].type.endswith('_uuid'):
            m = take(A, 'argument')
            plan.append(Mapping('uuid', name, ctype, member=m.name))
        elif c_scalar(nctype):
            m = take(A, 'argument')
            if not x_scalar(prog, m):
                raise GenError('%s: scalar %s travels as %s' % (proc.name, name, m.type))
            plan.append(Mapping('scalar', name, ctype, member=m.name))
        elif (nctype.endswith('*') or nctype == 'virTypedParameterPtr') and A and \
                A[0].shape == 'variable' and nxt and \
                c_scalar(norm(nxt[0])) and nctype not in ('char**const',):
            m = take(A, 'argument')
            base = prog.resolve(m.type)[0]
            kind = 'typed_in' if m.type.endswith('_typed_param') else 'array_in'
            plan.append(Mapping(kind, name, ctype, member=m.name, count=nxt[1],
                                countctype=nxt[0], bound=m.decl.bound, xtype=m.type,
                                base=base))
            i += 1
        elif nctype == 'virTypedParameterPtr' and nxt and norm(nxt[0]) == 'int*':
            # typed parameters returned in the caller's array, count in/out
            m = take(A, 'argument')
            if m.name != 'nparams' and not x_scalar(prog, m):
                raise GenError('%s: expected nparams argument' % proc.name)
            rm = take(R, 'result')
            if not rm.type.endswith('_typed_param'):
                raise GenError('%s: expected typed parameter result' % proc.name)
            rn = None
            if R and R[0].name == 'nparams':
                rn = R.pop(0).name
            plan.append(Mapping('typed_out', name, ctype, count=nxt[1], argmember=m.name,
                                member=rm.name, bound=rm.decl.bound, retcount=rn))
            i += 1
        elif nctype == 'virTypedParameterPtr*' and nxt and norm(nxt[0]) in ('int*', 'unsigned int*'):
            # typed parameters allocated by the call
            rm = take(R, 'result')
            if not rm.type.endswith('_typed_param'):
                raise GenError('%s: expected typed parameter result' % proc.name)
            plan.append(Mapping('typed_alloc_out', name, ctype, count=nxt[1],
                                countctype=norm(nxt[0])[:-1], member=rm.name,
                                bound=rm.decl.bound))
            i += 1
        elif nctype == 'char**const' or (nctype == 'char**' and nxt and c_scalar(norm(nxt[0]))
                                         and A and A[0].name.startswith('max')):
            m = take(A, 'argument')
            rm = take(R, 'result')
            if rm.shape != 'variable':
                raise GenError('%s: names result is no array' % proc.name)
            plan.append(Mapping('names_out', name, ctype, count=nxt[1], argmember=m.name,
                                member=rm.name, bound=rm.decl.bound))
            i += 1
        elif nctype.endswith('*') and c_scalar(nctype[:-1]) and nxt and \
                c_scalar(norm(nxt[0])) and A and A[0].name.startswith('max') and \
                R and R[0].shape == 'variable':
            m = take(A, 'argument')
            rm = take(R, 'result')
            plan.append(Mapping('ids_out', name, ctype, count=nxt[1], argmember=m.name,
                                member=rm.name, bound=rm.decl.bound, base=nctype[:-1]))
            i += 1
        elif re.match(r'^vir\w+Ptr\*\*$', nctype) and norm(nctype[:-2]) in HANDLES:
            m = take(A, 'argument')
            if m.name != 'need_results':
                raise GenError('%s: list without need_results' % proc.name)
            rm = take(R, 'result')
            plan.append(Mapping('list_all', name, ctype, hctype=nctype[:-2], member=rm.name,
                                bound=rm.decl.bound, xtype=rm.type))
        elif nctype == 'char***':
            rm = take(R, 'result')
            if rm.shape != 'variable' or not rm.type.endswith('_nonnull_string'):
                raise GenError('%s: %s is no string list result' % (proc.name, name))
            plan.append(Mapping('strlist_out', name, ctype, member=rm.name, bound=rm.decl.bound))
        elif nctype == 'char**':
            rm = take(R, 'result')
            if prog.is_string(rm):
                plan.append(Mapping('str_out', name, ctype, member=rm.name))
            elif prog.is_optional_string(rm):
                plan.append(Mapping('optstr_out', name, ctype, member=rm.name))
            else:
                raise GenError('%s: %s is no string result' % (proc.name, rm.name))
        elif nctype.endswith('*') and c_scalar(nctype[:-1]):
            rm = take(R, 'result')
            if not x_scalar(prog, rm):
                raise GenError('%s: output %s is no scalar result' % (proc.name, name))
            plan.append(Mapping('scalar_out', name, ctype, member=rm.name, base=nctype[:-1]))
        elif nctype.endswith('Ptr') and nctype in prog.calias:
            sname = prog.calias[nctype]
            fields = prog.cstructs.get(sname)
            if not fields:
                raise GenError('%s: unknown struct %s' % (proc.name, nctype))
            pairs = []
            for ftype, fname, arr in fields:
                rm = next((x for x in R if x.name == fname), None)
                if rm is None:
                    raise GenError('%s: result member for %s.%s' % (proc.name, nctype, fname))
                R.remove(rm)
                pairs.append((ftype, fname, arr, rm))
            sized = nxt is not None and norm(nxt[0]) == 'size_t' and not A
            plan.append(Mapping('struct_out', name, ctype, fields=pairs,
                                sname=sname, size=nxt[1] if sized else None))
            if sized:
                i += 1
        else:
            raise GenError('%s: cannot map parameter %s %s' % (proc.name, ctype, name))
        i += 1

    # the return value
    rtype = norm(f.ret)
    retmap = None
    if rtype in ('int', 'unsigned long', 'unsigned long long', 'unsigned int', 'long long') \
            and R and x_scalar(prog, R[0]):
        retmap = Mapping('ret_scalar', member=R.pop(0).name, ctype=f.ret)
    elif rtype == 'int' and R and params and norm(params[0][0]) in HANDLES and \
            R[0].type == handle_wire(prog, norm(params[0][0])):
        retmap = Mapping('ret_refresh', member=R.pop(0).name, param=params[0][1])
    elif rtype == 'int':
        retmap = Mapping('ret_status')
    elif rtype == 'const char*' and R and prog.is_string(R[0]):
        retmap = Mapping('ret_conststr', member=R.pop(0).name)
    elif rtype == 'char*' and R and prog.is_string(R[0]):
        retmap = Mapping('ret_str', member=R.pop(0).name)
    elif rtype == 'char*' and R and prog.is_optional_string(R[0]):
        retmap = Mapping('ret_optstr', member=R.pop(0).name)
    elif rtype in HANDLES and R and R[0].type == handle_wire(prog, rtype):
        retmap = Mapping('ret_handle', member=R.pop(0).name, ctype=rtype)
    else:
        raise GenError('%s: cannot map return %s' % (proc.name, f.ret))
    if A:
        raise GenError('%s: arguments left over: %s' % (proc.name, [m.name for m in A]))
    if R:
        raise GenError('%s: results left over: %s' % (proc.name, [m.name for m in R]))
    proc.plan = plan
    proc.retmap = retmap


# ---- common ----------------------------------------------------------

def xdr_names(proc):
    a = proc.ann['args']
    r = proc.ann['ret']
    return ('xdr_%s' % a if a != 'void' else 'xdr_void',
            'xdr_%s' % r if r != 'void' else 'xdr_void')


def conn_expr(proc):
    """The connection a client stub calls through."""
    p0 = ctype_split(proc.func.args[0])
    t = norm(p0[0])
    paths = dict(genentry.HANDLES)
    cls, path = paths[t]
    return path % p0[1]


def list_noun(xtype, prefix):
    """remote_nonnull_domain -> domains (libvirt's messages)."""
    base = xtype.replace('%s_nonnull_' % prefix, '')
    if xtype.endswith('_string'):
        return 'strings'
    return base + 's'


def fail_value(f):
    return f.fail_value()


# ---- client ------------------------------------------------------------

def client_stub(prog, proc):
    f = proc.func
    a_xdr, r_xdr = xdr_names(proc)
    fail = fail_value(f)
    conn = conn_expr(proc)
    pre, fill, post, decls, cleanup = [], [], [], [], []
    has_args = proc.args is not None
    has_ret = proc.ret is not None
    needs_cleanup = False
    stream = None
    P = prog.prefix
    for m in proc.plan:
        k = m.kind
        if k == 'conn':
            pass
        elif k == 'stream':
            stream = m
        elif k == 'handle':
            fill.append('    remoteMake%s(&args.%s, %s);' % (HANDLES[norm(m.ctype)][1], m.member, m.param))
        elif k == 'handle_name':
            fill.append('    args.%s = %s->name;' % (m.member, m.param))
        elif k == 'str':
            fill.append('    args.%s = (char *)%s;' % (m.member, m.param))
        elif k == 'optstr':
            fill.append('    args.%s = %s ? (char **)&%s : NULL;' % (m.member, m.param, m.param))
        elif k == 'uuid':
            fill.append('    memcpy(args.%s, %s, VIR_UUID_BUFLEN);' % (m.member, m.param))
        elif k == 'scalar':
            fill.append('    args.%s = %s;' % (m.member, m.param))
        elif k == 'array_in':
            pre += ['    if (%s > %s) {' % (m.count, m.bound),
                    '        virReportError(VIR_ERR_RPC,',
                    '                       "%s length greater than maximum: %d > %d",',
                    '                       "%s", (int)%s, %s);' % (m.member, m.count, m.bound),
                    '        return %s;' % fail, '    }']
            elem = prog.resolve(m.xtype)[0] if m.xtype in prog.typedefs else m.xtype
            ptr = 'char' if m.xtype == 'opaque' else ('char *' if m.base == 'string' or
                                                     m.xtype.endswith('_string') else m.xtype)
            fill.append('    args.%s.%s_val = (%s *)%s;' % (m.member, m.member, ptr, m.param))
            fill.append('    args.%s.%s_len = %s;' % (m.member, m.member, m.count))
            del elem
        elif k == 'typed_in':
            fill += ['    if (remoteSerializeTypedParams(%s, %s, %s, &args.%s.%s_val,' %
                     (m.param, m.count, m.bound, m.member, m.member),
                     '                                   &args.%s.%s_len,' % (m.member, m.member),
                     '                                   VIR_TYPED_PARAM_STRING_OKAY) < 0)',
                     '        return %s;' % fail]
            cleanup.append('    remoteFreeTypedParams(args.%s.%s_val, args.%s.%s_len);' %
                           (m.member, m.member, m.member, m.member))
        elif k == 'typed_out':
            fill.append('    args.%s = *%s;' % (m.argmember, m.count))
            if m.retcount:
                post += ['    if (*%s == 0) {' % m.count,
                         '        *%s = ret.%s;' % (m.count, m.retcount),
                         '    } else if (remoteDeserializeTypedParams(ret.%s.%s_val, ret.%s.%s_len,'
                         % (m.member, m.member, m.member, m.member),
                         '                                            %s, &%s, %s) < 0) {' %
                         (m.bound, m.param, m.count),
                         '        goto cleanup;', '    }']
            else:
                post += ['    if (remoteDeserializeTypedParams(ret.%s.%s_val, ret.%s.%s_len,' %
                         (m.member, m.member, m.member, m.member),
                         '                                     %s, &%s, %s) < 0)' %
                         (m.bound, m.param, m.count),
                         '        goto cleanup;']
            needs_cleanup = True
        elif k == 'typed_alloc_out':
            post += ['    if (remoteDeserializeTypedParams(ret.%s.%s_val, ret.%s.%s_len,' %
                     (m.member, m.member, m.member, m.member),
                     '                                     %s, %s, (int *)%s) < 0)' %
                     (m.bound, m.param, m.count),
                     '        goto cleanup;']
            needs_cleanup = True
        elif k == 'names_out':
            noun = 'strings'
            pre += ['    if (%s > %s) {' % (m.count, m.bound),
                    '        virReportError(VIR_ERR_RPC,',
                    '                       "too many remote %s: %%d > %%d,"' % noun,
                    '                       "in parameter \'%s\' for \'%s\'",' % (m.param, f.name),
                    '                       %s, %s);' % (m.count, m.bound),
                    '        return %s;' % fail, '    }']
            fill.append('    args.%s = %s;' % (m.argmember, m.count))
            post += ['    if (ret.%s.%s_len > %s) {' % (m.member, m.member, m.count),
                     '        virReportError(VIR_ERR_RPC,',
                     '                       "too many remote %s: %%d > %%d,"' % noun,
                     '                       "in parameter \'%s\' for \'%s\'",' % (m.param, f.name),
                     '                       ret.%s.%s_len, %s);' % (m.member, m.member, m.count),
                     '        goto cleanup;', '    }',
                     '    for (i = 0; i < ret.%s.%s_len; i++)' % (m.member, m.member),
                     '        %s[i] = g_strdup(ret.%s.%s_val[i]);' % (m.param, m.member, m.member)]
            decls.append('    size_t i;')
            needs_cleanup = True
            m.result = 'ret.%s.%s_len' % (m.member, m.member)
        elif k == 'list_all':
            hk = HANDLES[norm(m.hctype)]
            noun = list_noun(m.xtype, P if P not in ('qemu', 'lxc') else 'remote')
            fill.append('    args.need_results = !!%s;' % m.param)
            post += ['    if (ret.%s.%s_len > %s) {' % (m.member, m.member, m.bound),
                     '        virReportError(VIR_ERR_RPC,',
                     '                       "too many remote %s: %%d > %%d,"' % noun,
                     '                       "in parameter \'%s\' for \'%s\'",' % (m.member, f.name),
                     '                       ret.%s.%s_len, %s);' % (m.member, m.member, m.bound),
                     '        goto cleanup;', '    }',
                     '    if (%s) {' % m.param,
                     '        %s *list = g_new0(%s, ret.%s.%s_len + 1);' % (m.hctype, m.hctype, m.member, m.member),
                     '',
                     '        for (i = 0; i < ret.%s.%s_len; i++) {' % (m.member, m.member),
                     '            if (!(list[i] = remoteGet%s(%s, &ret.%s.%s_val[i]))) {' %
                     (hk[1], remote_get_ctx(proc, hk), m.member, m.member),
                     '                virObjectListFree(list);',
                     '                goto cleanup;', '            }', '        }',
                     '        *%s = list;' % m.param, '    }']
            decls.append('    size_t i;')
            needs_cleanup = True
        elif k == 'strlist_out':
            post += ['    if (ret.%s.%s_len > %s) {' % (m.member, m.member, m.bound),
                     '        virReportError(VIR_ERR_RPC,',
                     '                       "too many remote strings: %d > %d,"',
                     '                       "in parameter \'%s\' for \'%s\'",' % (m.member, f.name),
                     '                       ret.%s.%s_len, %s);' % (m.member, m.member, m.bound),
                     '        goto cleanup;', '    }',
                     '    *%s = g_new0(char *, ret.%s.%s_len + 1);' % (m.param, m.member, m.member),
                     '    for (i = 0; i < ret.%s.%s_len; i++)' % (m.member, m.member),
                     '        (*%s)[i] = g_steal_pointer(&ret.%s.%s_val[i]);' % (m.param, m.member, m.member)]
            decls.append('    size_t i;')
            needs_cleanup = True
            m.result = 'ret.%s.%s_len' % (m.member, m.member)
        elif k == 'str_out':
            post.append('    *%s = g_steal_pointer(&ret.%s);' % (m.param, m.member))
            needs_cleanup = True
        elif k == 'optstr_out':
            post.append('    *%s = ret.%s ? g_steal_pointer(ret.%s) : NULL;' % (m.param, m.member, m.member))
            needs_cleanup = True
        elif k == 'scalar_out':
            # some are optional in the public API (virDomainGetState's reason)
            post += ['    if (%s)' % m.param,
                     '        *%s = ret.%s;' % (m.param, m.member)]
        elif k == 'struct_out':
            if m.size:
                post += ['    if (%s < sizeof(*%s)) {' % (m.size, m.param),
                         '        virReportError(VIR_ERR_INVALID_ARG, "%s",',
                         '                       "structure size too small");',
                         '        goto cleanup;', '    }']
                needs_cleanup = True
            for ftype, fname, arr, rm in m.fields:
                if arr:
                    post.append('    memcpy(%s->%s, ret.%s, sizeof(%s->%s));' %
                                (m.param, fname, rm.name, m.param, fname))
                else:
                    post.append('    %s->%s = ret.%s;' % (m.param, fname, rm.name))
            needs_cleanup = needs_cleanup or any(prog.is_string(x[3]) for x in m.fields)
        else:
            raise GenError('client: %s' % k)

    r = proc.retmap
    if r.kind == 'ret_status':
        result = '0'
    elif r.kind == 'ret_scalar':
        result = 'ret.%s' % r.member
    elif r.kind == 'ret_refresh':
        post.append('    %s->id = ret.%s.id;' % (r.param, r.member))
        result = '0'
        needs_cleanup = True
    elif r.kind == 'ret_str':
        result = 'g_steal_pointer(&ret.%s)' % r.member
        needs_cleanup = True
    elif r.kind == 'ret_optstr':
        result = 'ret.%s ? g_steal_pointer(ret.%s) : NULL' % (r.member, r.member)
        needs_cleanup = True
    elif r.kind == 'ret_handle':
        hk = HANDLES[norm(r.ctype)]
        result = 'remoteGet%s(%s, &ret.%s)' % (hk[1], remote_get_ctx(proc, hk), r.member)
        needs_cleanup = True
    for m in proc.plan:
        if m.kind in ('names_out', 'strlist_out') and r.kind == 'ret_status':
            result = m.result
    if has_ret and not needs_cleanup:
        needs_cleanup = any(prog.is_string(x) or x.shape == 'variable' or
                            prog.is_optional_string(x) for x in proc.ret)

    out = ['', 'static %s' % f.ret, 'remote%s(%s)' % (f.name[3:], ', '.join(f.args)), '{']
    if has_args:
        out.append('    %s args;' % proc.ann['args'])
    if has_ret:
        out.append('    %s ret;' % proc.ann['ret'])
    out += decls
    out.append('    %s rv = %s;' % (f.ret, fail))
    if stream:
        out.append('    virNetClientStream *netst = NULL;')
        out.append('    bool ok = false;')
    out.append('')
    out += pre
    if has_args:
        out.append('    memset(&args, 0, sizeof(args));')
    if has_ret:
        out.append('    memset(&ret, 0, sizeof(ret));')
    out += fill
    if stream:
        direction = proc.ann['stream'].split(':')[0]
        sparse = proc.ann.get('sparse')
        out += ['    if (!(netst = remoteStreamOpen(%s, %s, %s, %s)))' %
                (stream.param, P.upper() + '_PROGRAM_ID', proc.name,
                 '(flags & %s) != 0' % sparse if sparse else 'false'),
                '        goto cleanup;']
        needs_cleanup = True
    call = '    if (remoteCall%s(%s, %s, %s,\n                   (xdrproc_t)%s, %s,\n                   (xdrproc_t)%s, %s) < 0)' % (
        '' if not stream else 'Stream', conn if not stream else conn,
        (P.upper() + '_PROGRAM_ID') if not stream else 'netst', proc.name,
        a_xdr, '(char *)&args' if has_args else 'NULL',
        r_xdr, '(char *)&ret' if has_ret else 'NULL')
    out.append(call)
    out.append('        goto %s;' % ('cleanup' if (cleanup or stream) else 'done'))
    if stream:
        out.append('    remoteStreamOpened(%s, netst);' % stream.param)
        out.append('    ok = true;')
    out += post
    out.append('    rv = %s;' % result)
    if needs_cleanup or cleanup or stream:
        out.append('')
        out.append(' cleanup:')
        if has_ret:
            out.append('    xdr_free((xdrproc_t)%s, (char *)&ret);' % r_xdr)
        if stream:
            out.append('    remoteStreamRelease(%s, netst, ok);' % stream.param)
    out.append(' done:')
    out += cleanup
    out.append('    return rv;')
    out.append('}')
    text = '\n'.join(out)
    # a label nobody jumps to
    if 'goto done' not in text:
        text = text.replace('\n done:\n', '\n')
    if 'goto cleanup' not in text and not stream:
        text = text.replace('\n cleanup:\n', '\n')
    return text


def remote_get_ctx(proc, hk):
    """First argument of remoteGetX: the connection, or the parent handle
    for objects that live inside another (snapshots, ports)."""
    if hk[0] in ('domain_snapshot', 'domain_checkpoint'):
        p0 = ctype_split(proc.func.args[0])
        if norm(p0[0]) == 'virDomainPtr':
            return p0[1]
        return '%s->domain' % p0[1]
    if hk[0] == 'network_port':
        p0 = ctype_split(proc.func.args[0])
        if norm(p0[0]) == 'virNetworkPtr':
            return p0[1]
        return '%s->net' % p0[1]
    return conn_expr(proc)


# ---- server ----------------------------------------------------------

def server_dispatcher(prog, proc):
    f = proc.func
    table = proc.table if proc.table in CONN_OF_TABLE else 'hypervisor'
    decls, get, call_args, post, cleanup = [], [], [], [], []
    P = prog.prefix
    stream = None
    for m in proc.plan:
        k = m.kind
        if k == 'conn':
            call_args.append('conn')
        elif k == 'stream':
            stream = m
            decls.append('    virStreamPtr %s = NULL;' % m.param)
            get += ['    if (!(%s = virStreamNew(conn, 0)))' % m.param,
                    '        goto cleanup;']
            call_args.append(m.param)
            cleanup.append('    if (%s)' % m.param)
            cleanup.append('        virObjectUnref(%s);' % m.param)
        elif k in ('handle', 'handle_name'):
            hk = HANDLES[norm(m.ctype)]
            decls.append('    %s %s = NULL;' % (m.ctype.strip(), m.param))
            if k == 'handle':
                how = 'Lookup' if hk[0] in ('domain_snapshot', 'domain_checkpoint',
                                            'network_port') else 'Get'
                get += ['    if (!(%s = remote%s%s(conn, &args->%s)))' %
                        (m.param, how, hk[1], m.member),
                        '        goto cleanup;']
            else:
                get += ['    if (!(%s = virNodeDeviceLookupByName(conn, args->%s)))' % (m.param, m.member),
                        '        goto cleanup;']
            cleanup += ['    if (%s)' % m.param, '        virObjectUnref(%s);' % m.param]
            call_args.append(m.param)
        elif k == 'str':
            call_args.append('args->%s' % m.member)
        elif k == 'optstr':
            call_args.append('args->%s ? *args->%s : NULL' % (m.member, m.member))
        elif k == 'uuid':
            call_args.append('(unsigned char *)args->%s' % m.member)
        elif k == 'scalar':
            call_args.append('args->%s' % m.member)
        elif k == 'array_in':
            call_args.append('(%s)args->%s.%s_val' % (m.ctype.strip(), m.member, m.member))
            call_args.append('args->%s.%s_len' % (m.member, m.member))
        elif k == 'typed_in':
            decls += ['    virTypedParameterPtr %s = NULL;' % m.param, '    int %s = 0;' % m.count]
            get += ['    if (remoteDeserializeTypedParams(args->%s.%s_val, args->%s.%s_len,' %
                    (m.member, m.member, m.member, m.member),
                    '                                     %s, &%s, &%s) < 0)' % (m.bound, m.param, m.count),
                    '        goto cleanup;']
            call_args += [m.param, m.count]
            cleanup.append('    virTypedParamsFree(%s, %s);' % (m.param, m.count))
        elif k == 'typed_out':
            # *nparams == 0 asks for the count; else the caller's array
            decls += ['    virTypedParameterPtr %s = NULL;' % m.param, '    int %s = 0;' % m.count]
            get += ['    if (args->%s > %s) {' % (m.argmember, m.bound),
                    '        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "nparams too large");',
                    '        goto cleanup;', '    }',
                    '    if (args->%s > 0)' % m.argmember,
                    '        %s = g_new0(virTypedParameter, args->%s);' % (m.param, m.argmember),
                    '    %s = args->%s;' % (m.count, m.argmember)]
            call_args += [m.param, '&%s' % m.count]
            if m.retcount:
                post += ['    if (args->%s == 0) {' % m.argmember,
                         '        ret->%s = %s;' % (m.retcount, m.count),
                         '    } else if (remoteSerializeTypedParams(%s, %s, %s, &ret->%s.%s_val,' %
                         (m.param, m.count, m.bound, m.member, m.member),
                         '                                          &ret->%s.%s_len, %s) < 0) {' %
                         (m.member, m.member, flags_of(proc)),
                         '        goto cleanup;', '    }']
            else:
                post += ['    if (remoteSerializeTypedParams(%s, %s, %s, &ret->%s.%s_val,' %
                         (m.param, m.count, m.bound, m.member, m.member),
                         '                                   &ret->%s.%s_len, %s) < 0)' %
                         (m.member, m.member, flags_of(proc)),
                         '        goto cleanup;']
            cleanup += ['    if (%s)' % m.param,
                        '        virTypedParamsFree(%s, %s);' % (m.param, m.count)]
        elif k == 'typed_alloc_out':
            decls += ['    virTypedParameterPtr %s = NULL;' % m.param,
                      '    %s %s = 0;' % (m.countctype, m.count)]
            call_args += ['&%s' % m.param, '&%s' % m.count]
            post += ['    if (remoteSerializeTypedParams(%s, %s, %s, &ret->%s.%s_val,' %
                     (m.param, m.count, m.bound, m.member, m.member),
                     '                                   &ret->%s.%s_len,' % (m.member, m.member),
                     '                                   VIR_TYPED_PARAM_STRING_OKAY) < 0)',
                     '        goto cleanup;']
            cleanup.append('    virTypedParamsFree(%s, %s);' % (m.param, m.count))
        elif k == 'names_out':
            decls += ['    char **%s = NULL;' % m.param, '    int len;']
            get += ['    if (args->%s < 0) {' % m.argmember,
                    '        virReportError(VIR_ERR_RPC, "%%s", "%s must be non-negative");' %
                    m.argmember,
                    '        goto cleanup;', '    }',
                    '    if (args->%s > %s) {' % (m.argmember, m.bound),
                    '        virReportError(VIR_ERR_RPC, "%%s", "%s > %s");' %
                    (m.argmember, m.bound),
                    '        goto cleanup;', '    }',
                    '    %s = g_new0(char *, args->%s + 1);' % (m.param, m.argmember)]
            call_args += [m.param, 'args->%s' % m.argmember]
            post += ['    ret->%s.%s_len = len;' % (m.member, m.member),
                     '    ret->%s.%s_val = g_steal_pointer(&%s);' % (m.member, m.member, m.param)]
            cleanup.append('    g_strfreev(%s);' % m.param)
            m.lenvar = 'len'
        elif k == 'ids_out':
            decls += ['    %s *%s = NULL;' % (m.base, m.param), '    int len;']
            get += ['    if (args->%s < 0) {' % m.argmember,
                    '        virReportError(VIR_ERR_RPC, "%%s", "%s must be non-negative");' %
                    m.argmember,
                    '        goto cleanup;', '    }',
                    '    if (args->%s > %s) {' % (m.argmember, m.bound),
                    '        virReportError(VIR_ERR_RPC, "%%s", "%s > %s");' %
                    (m.argmember, m.bound),
                    '        goto cleanup;', '    }',
                    '    %s = g_new0(%s, args->%s + 1);' % (m.param, m.base, m.argmember)]
            call_args += [m.param, 'args->%s' % m.argmember]
            post += ['    ret->%s.%s_len = len;' % (m.member, m.member),
                     '    ret->%s.%s_val = g_steal_pointer(&%s);' % (m.member, m.member, m.param)]
            cleanup.append('    g_free(%s);' % m.param)
            m.lenvar = 'len'
        elif k == 'list_all':
            hk = HANDLES[norm(m.hctype)]
            noun = list_noun(m.xtype, P if P not in ('qemu', 'lxc') else 'remote')[:-1]
            decls += ['    %s *result = NULL;' % m.hctype, '    int nresults = 0;', '    size_t i;']
            call_args.append('args->need_results ? &result : NULL')
            post += ['    if (nresults > %s) {' % m.bound,
                     '        virReportError(VIR_ERR_INTERNAL_ERROR,',
                     '                       "Too many %ss \'%%d\' for limit \'%%d\'",' % noun,
                     '                       nresults, %s);' % m.bound,
                     '        goto cleanup;', '    }',
                     '    if (result && nresults) {',
                     '        ret->%s.%s_val = g_new0(%s, nresults);' % (m.member, m.member, m.xtype),
                     '        ret->%s.%s_len = nresults;' % (m.member, m.member),
                     '        for (i = 0; i < nresults; i++)',
                     '            remoteDup%s(ret->%s.%s_val + i, result[i]);' % (hk[1], m.member, m.member),
                     '    }',
                     '    ret->ret = nresults;']
            cleanup += ['    if (result) {',
                        '        for (i = 0; i < nresults; i++)',
                        '            virObjectUnref(result[i]);',
                        '        g_free(result);', '    }']
            m.lenvar = 'nresults'
        elif k == 'strlist_out':
            decls += ['    char **%s = NULL;' % m.param, '    int len;']
            call_args.append('&%s' % m.param)
            post += ['    if (len > %s) {' % m.bound,
                     '        virReportError(VIR_ERR_INTERNAL_ERROR,',
                     '                       "Too many strings \'%d\' for limit \'%d\'",',
                     '                       len, %s);' % m.bound,
                     '        goto cleanup;', '    }',
                     '    ret->%s.%s_len = len;' % (m.member, m.member),
                     '    ret->%s.%s_val = g_steal_pointer(&%s);' % (m.member, m.member, m.param)]
            cleanup.append('    g_strfreev(%s);' % m.param)
            m.lenvar = 'len'
        elif k == 'str_out':
            decls.append('    char *%s = NULL;' % m.param)
            call_args.append('&%s' % m.param)
            post.append('    ret->%s = g_steal_pointer(&%s);' % (m.member, m.param))
        elif k == 'optstr_out':
            decls.append('    char *%s = NULL;' % m.param)
            call_args.append('&%s' % m.param)
            post += ['    if (%s) {' % m.param,
                     '        ret->%s = g_new0(char *, 1);' % m.member,
                     '        *ret->%s = g_steal_pointer(&%s);' % (m.member, m.param), '    }']
        elif k == 'scalar_out':
            decls.append('    %s %s = 0;' % (m.base, m.param))
            call_args.append('&%s' % m.param)
            post.append('    ret->%s = %s;' % (m.member, m.param))
        elif k == 'struct_out':
            decls.append('    struct %s %s;' % (m.sname, m.param))
            get.append('    memset(&%s, 0, sizeof(%s));' % (m.param, m.param))
            call_args.append('&%s' % m.param)
            if m.size:
                call_args.append('sizeof(%s)' % m.param)
            for ftype, fname, arr, rm in m.fields:
                if arr:
                    post.append('    memcpy(ret->%s, %s.%s, sizeof(ret->%s));' %
                                (rm.name, m.param, fname, rm.name))
                else:
                    post.append('    ret->%s = %s.%s;' % (rm.name, m.param, fname))
        else:
            raise GenError('server: %s' % k)

    r = proc.retmap
    callexpr = '%s(%s)' % (f.name, ', '.join(call_args))
    lenvar = next((m.lenvar for m in proc.plan if hasattr(m, 'lenvar')), None)
    if lenvar == 'len':
        call = ['    if ((len = %s) < 0)' % callexpr, '        goto cleanup;']
    elif lenvar == 'nresults':
        call = ['    if ((nresults = %s) < 0)' % callexpr, '        goto cleanup;']
    elif r.kind == 'ret_status':
        call = ['    if (%s < 0)' % callexpr, '        goto cleanup;']
    elif r.kind == 'ret_refresh':
        hk = HANDLES[norm(ctype_split(f.args[0])[0])]
        call = ['    if (%s < 0)' % callexpr, '        goto cleanup;']
        post.append('    remoteDup%s(&ret->%s, %s);' % (hk[1], r.member, r.param))
    elif r.kind == 'ret_scalar':
        decls.append('    %s result;' % r.ctype.strip())
        fv = f.fail_value()
        test = 'result == 0' if fv == '0' else 'result < 0'
        if fv == '0':
            # 0 may be a real value: only an error set means failure
            call = ['    virResetLastError();',
                    '    result = %s;' % callexpr,
                    '    if (result == 0 && virGetLastErrorCode() != VIR_ERR_OK)',
                    '        goto cleanup;']
        else:
            call = ['    if ((result = %s) %s)' % (callexpr, '< 0'), '        goto cleanup;']
        del test
        post.append('    ret->%s = result;' % r.member)
    elif r.kind == 'ret_conststr':
        decls.append('    const char *result = NULL;')
        call = ['    if (!(result = %s))' % callexpr, '        goto cleanup;']
        post.append('    ret->%s = g_strdup(result);' % r.member)
    elif r.kind in ('ret_str', 'ret_optstr'):
        decls.append('    char *result = NULL;')
        call = ['    if (!(result = %s))' % callexpr, '        goto cleanup;']
        if r.kind == 'ret_str':
            post.append('    ret->%s = g_steal_pointer(&result);' % r.member)
        else:
            post += ['    ret->%s = g_new0(char *, 1);' % r.member,
                     '    *ret->%s = g_steal_pointer(&result);' % r.member]
    elif r.kind == 'ret_handle':
        hk = HANDLES[norm(r.ctype)]
        decls.append('    %s result = NULL;' % r.ctype.strip())
        call = ['    if (!(result = %s))' % callexpr, '        goto cleanup;']
        post.append('    remoteDup%s(&ret->%s, result);' % (hk[1], r.member))
        cleanup += ['    if (result)', '        virObjectUnref(result);']
    else:
        raise GenError('server: %s' % r.kind)
    if stream:
        direction = proc.ann['stream'].split(':')[0]
        post.append('    if (remoteStreamStart(client, msg, %s, %s, %s) < 0)' %
                    (stream.param, 'true' if direction == 'write' else 'false',
                     '(args->flags & %s) != 0' % proc.ann['sparse'] if proc.ann.get('sparse')
                     else 'false'))
        post.append('        goto cleanup;')

    args_t = '%s *args' % proc.ann['args'] if proc.args is not None else 'void *args G_GNUC_UNUSED'
    ret_t = '%s *ret' % proc.ann['ret'] if proc.ret is not None else 'void *ret G_GNUC_UNUSED'
    out = ['', 'static int', '%s(virNetServer *server G_GNUC_UNUSED,' % dispatcher_name(proc),
           '        virNetServerClient *client,',
           '        virNetMessage *msg G_GNUC_UNUSED,',
           '        virNetMessageError *rerr,',
           '        %s,' % args_t, '        %s)' % ret_t, '{',
           '    virConnectPtr conn = remoteGet%sConn(client);' % CONN_OF_TABLE[table]]
    out += decls
    out += ['    int rv = -1;', '', '    if (!conn)', '        goto cleanup;']
    out += get + call + post
    out += ['    rv = 0;', '', ' cleanup:', '    if (rv < 0)', '        virNetMessageSaveError(rerr);']
    out += cleanup
    out += ['    return rv;', '}']
    return '\n'.join(out)


def flags_of(proc):
    """Whether strings may be returned: the caller says so in its flags."""
    for m in proc.plan:
        if m.kind == 'scalar' and m.param == 'flags':
            return 'args->flags'
    return '0'


def server_get_ctx(proc, m, hk):
    if hk[0] in ('domain_snapshot', 'domain_checkpoint', 'network_port'):
        return 'conn'
    return 'conn'


def dispatcher_name(proc):
    """remoteDispatch + the procedure's name: REMOTE_PROC_AUTH_LIST ->
    remoteDispatchAuthList (unique, where two procedures serve one API)."""
    return '%sDispatch%s' % ('remote' if proc.prefix == 'remote' else proc.prefix,
                             camel(proc.name, proc.prefix))


def handler_prototype(proc):
    a = proc.ann['args']
    r = proc.ann['ret']
    return ('int %s(virNetServer *server, virNetServerClient *client, '
            'virNetMessage *msg, virNetMessageError *rerr, %s, %s)\n'
            '    __attribute__((weak));' %
            (dispatcher_name(proc), '%s *args' % a if a != 'void' else 'void *args',
             '%s *ret' % r if r != 'void' else 'void *ret'))


# ---- output ----------------------------------------------------------

HEADER = '/* Generated by scripts/gen-rpc.py from %s: do not edit. */\n'


def gen_client(prog, out_c, out_h, xname):
    stubs, fills, protos, errors = [], {}, [], []
    for proc in prog.procs:
        if proc.kind in ('event',) or proc.api == 'none' or proc.func is None:
            continue
        if proc.table in ('-', 'admin', 'stream'):
            if proc.kind in ('generate', 'special-server'):
                try:
                    match_plan(prog, proc)
                    stubs.append(client_stub(prog, proc))
                except GenError as e:
                    errors.append(str(e))
            continue
        name = 'remote%s' % proc.api[3:]
        if proc.kind in ('generate', 'special-server'):
            try:
                match_plan(prog, proc)
                stubs.append(client_stub(prog, proc))
            except GenError as e:
                errors.append(str(e))
                continue
        else:
            continue        # hand-written, registered by the driver itself
        fills.setdefault(proc.table, []).append('    drv->%s = %s;' % (proc.func.field, name))
    if errors:
        raise SystemExit('gen-rpc: procedures that cannot be generated:\n  ' + '\n  '.join(errors))
    h = [HEADER % xname, '#pragma once', '', '#include "driver.h"', '']
    del protos
    tables = ['hypervisor', 'network', 'storage', 'secret', 'nodedev', 'interface', 'nwfilter']
    tname = {'hypervisor': 'Hypervisor', 'network': 'Network', 'storage': 'Storage',
             'secret': 'Secret', 'nodedev': 'NodeDevice', 'interface': 'Interface',
             'nwfilter': 'NWFilter'}
    c = [HEADER % xname, '#include "remote/remote_client.h"', '#include "%s"' %
         os.path.basename(out_h), '', '#define VIR_FROM_THIS VIR_FROM_REMOTE', '']
    c += stubs
    for t in tables:
        if t not in fills and t != 'hypervisor':
            continue
        proto = 'void %sGenFill%sDriver(vir%sDriver *drv)' % (prog.prefix, tname[t], tname[t])
        h.append('%s;' % proto)
        body = fills.get(t, ['    (void)drv;'])
        c += ['', proto, '{'] + body + ['}']
    # every client stub of non-table APIs (qemu, lxc) is public to the driver
    extra = [p for p in prog.procs if p.table in ('-',) and p.kind in ('generate', 'special-server')
             and p.func is not None]
    for p in extra:
        h.append('%s remote%s(%s);' % (p.func.ret, p.api[3:], ', '.join(p.func.args)))
    text = '\n'.join(c) + '\n'
    for p in extra:
        text = text.replace('\nstatic %s\nremote%s(' % (p.func.ret, p.api[3:]),
                            '\n%s\nremote%s(' % (p.func.ret, p.api[3:]))
    open(out_c, 'w').write(text)
    open(out_h, 'w').write('\n'.join(h) + '\n')


def gen_server(prog, out_c, out_h, xname):
    disp, protos, rows, errors = [], [], {}, []
    for proc in prog.procs:
        if proc.kind == 'event':
            continue
        a_xdr, r_xdr = xdr_names(proc)
        name = dispatcher_name(proc)
        if proc.api != 'none' and proc.func is None and \
                proc.kind in ('generate', 'special-client'):
            continue        # an internal API nuvirt has not: unknown procedure
        if proc.kind in ('generate', 'special-client') and proc.api != 'none':
            try:
                match_plan(prog, proc)
                disp.append(server_dispatcher(prog, proc))
            except GenError as e:
                errors.append(str(e))
                continue
        else:
            protos.append(handler_prototype(proc))
        auth = proc.ann.get('auth') != 'before'
        rows[proc.num] = ('    [%s] = { (virNetServerProgramDispatchFunc)%s,\n'
                          '             %s, (xdrproc_t)%s,\n'
                          '             %s, (xdrproc_t)%s, %s, %d },' %
                          (proc.name, name,
                           'sizeof(%s)' % proc.ann['args'] if proc.ann['args'] != 'void' else '0',
                           a_xdr,
                           'sizeof(%s)' % proc.ann['ret'] if proc.ann['ret'] != 'void' else '0',
                           r_xdr, 'true' if auth else 'false',
                           1 if proc.ann['priority'] == 'high' else 0))
    if errors:
        raise SystemExit('gen-rpc: procedures that cannot be generated:\n  ' + '\n  '.join(errors))
    nprocs = max(rows) + 1
    h = [HEADER % xname, '#pragma once', '', '#include "daemon/remote_dispatch.h"', '',
         '/* Hand-written dispatchers (kind=special, special-server).  Weak:',
         ' * a procedure whose dispatcher is not written has a NULL handler and',
         ' * is unknown to the daemon, so its clients get VIR_ERR_NO_SUPPORT. */'] + protos
    h += ['', 'extern const virNetServerProgramProc %sProcs[%d];' % (prog.prefix, nprocs),
          '#define %s_NPROCS %d' % (prog.prefix.upper(), nprocs)]
    c = [HEADER % xname, '#include "%s"' % os.path.basename(out_h), '',
         '#define VIR_FROM_THIS VIR_FROM_REMOTE', '']
    c += disp
    c += ['', 'const virNetServerProgramProc %sProcs[%d] = {' % (prog.prefix, nprocs)]
    c += [rows[n] for n in sorted(rows)]
    c += ['};']
    open(out_c, 'w').write('\n'.join(c) + '\n')
    open(out_h, 'w').write('\n'.join(h) + '\n')


SELF_TEST_X = '''
const T_PROGRAM = 1;
const T_PROTOCOL_VERSION = 1;
typedef string t_nonnull_string<64>;
struct t_nonnull_domain { t_nonnull_string name; opaque uuid[16]; int id; };
struct t_get_info_args { t_nonnull_domain dom; };
struct t_get_info_ret { unsigned char state; unsigned hyper maxMem; unsigned hyper memory;
                        unsigned short nrVirtCpu; unsigned hyper cpuTime; };
struct t_lookup_args { t_nonnull_string name; };
struct t_lookup_ret { t_nonnull_domain dom; };
struct t_bad_args { int extra; };
enum t_procedure {
    /* @proc: api=virDomainGetInfo kind=generate priority=low acl=none
     *        args=t_get_info_args ret=t_get_info_ret */
    T_PROC_GET_INFO = 1,
    /* @proc: api=virDomainLookupByName kind=generate priority=high acl=none
     *        args=t_lookup_args ret=t_lookup_ret */
    T_PROC_LOOKUP = 2,
    /* @proc: api=virDomainSuspend kind=generate priority=low acl=none
     *        args=t_bad_args ret=void */
    T_PROC_BAD = 3
};
'''
SELF_TEST_H = '''
typedef struct _virDomainInfo virDomainInfo;
typedef virDomainInfo *virDomainInfoPtr;
struct _virDomainInfo {
    unsigned char state;
    unsigned long maxMem;
    unsigned long memory;
    unsigned short nrVirtCpu;
    unsigned long long cpuTime;
};
int virDomainGetInfo(virDomainPtr domain, virDomainInfoPtr info);
virDomainPtr virDomainLookupByName(virConnectPtr conn, const char *name);
int virDomainSuspend(virDomainPtr domain);
'''


def self_test():
    """The matcher maps a struct output and a handle result, and refuses
    a procedure whose arguments do not fit its function."""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        h = os.path.join(d, 'libvirt-domain.h')
        open(h, 'w').write(SELF_TEST_H)
        module = xdrlang.parse(SELF_TEST_X)
        funcs = genentry.read_headers([h])
        entries = {n: ('gen', 'hypervisor', []) for n in funcs}
        prog = Program('t', module, funcs, entries, read_c_structs([h]))
    info, lookup, bad = prog.procs
    match_plan(prog, info)
    assert [m.kind for m in info.plan] == ['handle', 'struct_out'], info.plan
    assert [f[1] for f in info.plan[1].fields] == ['state', 'maxMem', 'memory',
                                                    'nrVirtCpu', 'cpuTime']
    assert info.retmap.kind == 'ret_status'
    match_plan(prog, lookup)
    assert [m.kind for m in lookup.plan] == ['conn', 'str']
    assert lookup.retmap.kind == 'ret_handle'
    assert 'remoteGetDomain(conn, &ret.dom)' in client_stub(prog, lookup)
    try:
        match_plan(prog, bad)
        raise SystemExit('self-test: a bad procedure was accepted')
    except GenError as e:
        assert 'handle domain travels as int' in str(e), e
    print('ok: gen-rpc self-test')


def main():
    if sys.argv[1:] == ['--self-test']:
        return self_test()
    if len(sys.argv) < 8:
        raise SystemExit(__doc__)
    mode, prefix, out_c, out_h, xfile, defpath = sys.argv[1:7]
    headers = sys.argv[7:]
    module = xdrlang.parse_file(xfile)
    funcs = genentry.read_headers(headers)
    entries = genentry.read_def(defpath)
    prog = Program(prefix, module, funcs, entries, read_c_structs(headers))
    if prefix in ('qemu', 'lxc'):
        # their structs use the remote program's types
        remote = xdrlang.parse_file(os.path.join(os.path.dirname(xfile), 'remote_protocol.x'))
        prog.typedefs.update({d.name: d.decl for d in remote.named('typedef')})
    if mode == 'client':
        gen_client(prog, out_c, out_h, os.path.basename(xfile))
    elif mode == 'server':
        gen_server(prog, out_c, out_h, os.path.basename(xfile))
    else:
        raise SystemExit('unknown mode %s' % mode)


if __name__ == '__main__':
    main()
