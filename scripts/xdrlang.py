"""xdrlang: read the XDR protocol language (RFC 4506 section 6, as rpcgen
accepts it) and list the wire layout it describes.

Shared by scripts/import-protocol.py (which writes nuvirt's .x files) and
scripts/check-wire-abi.py (which keeps their layout frozen), so that both
read .x files the same way.

parse(text) returns a Module: the definitions in file order, each one of

  Const(name, value)                value: int, or the name of a constant
  Enum(name, members)               members: [EnumMember(name, value, note)]
  Typedef(decl)
  Struct(name, members)             members: [Decl]
  Union(name, disc, arms, default)  arms: [([labels], Decl)], default: Decl
  Passthrough(line)                 a '%' line, copied to rpcgen's output

A Decl is one declaration: type (canonical spelling: 'unsigned int',
'hyper', 'string', 'opaque', 'void' or a type name), name, shape
('scalar', 'optional', 'fixed' or 'variable') and bound (the array size
or maximum as written, '' for an unbounded variable array).

EnumMember.note is the text of the comment right before the member (the
procedure annotation in a procedure enum), or None.

listing(files) formats the wire layout of a set of files in one stable
text form: every constant, type, member and procedure number, with no
comments, in an order that does not depend on the order of definitions
in the file.  Two sets of files with the same listing put the same bytes on
the wire.
"""

import re

# Spellings rpcgen accepts for one type, mapped to the one we write.
CANONICAL_TYPES = {
    'unsigned': 'unsigned int',
    'unsigned long': 'unsigned long',
    'unsigned int': 'unsigned int',
    'unsigned hyper': 'unsigned hyper',
    'unsigned char': 'unsigned char',
    'unsigned short': 'unsigned short',
}
BASE_TYPES = {'int', 'hyper', 'char', 'short', 'long', 'float', 'double',
              'quadruple', 'bool', 'string', 'opaque', 'void'}
UNSIGNED_NEXT = {'int', 'hyper', 'char', 'short', 'long'}


class XdrError(Exception):
    pass


class Decl:
    def __init__(self, type_, name, shape='scalar', bound=None):
        self.type = type_
        self.name = name
        self.shape = shape
        self.bound = bound

    def wire(self):
        """The member's XDR type in listing form."""
        if self.type == 'void':
            return 'void'
        if self.shape == 'optional':
            return '*' + self.type
        if self.shape == 'fixed':
            return '%s[%s]' % (self.type, self.bound)
        if self.shape == 'variable':
            return '%s<%s>' % (self.type, self.bound)
        return self.type

    def source(self):
        """The declaration as written in a .x file (without ';')."""
        if self.type == 'void':
            return 'void'
        if self.shape == 'optional':
            return '%s *%s' % (self.type, self.name)
        if self.shape == 'fixed':
            return '%s %s[%s]' % (self.type, self.name, self.bound)
        if self.shape == 'variable':
            return '%s %s<%s>' % (self.type, self.name, self.bound)
        return '%s %s' % (self.type, self.name)


class Const:
    kind = 'const'

    def __init__(self, name, value):
        self.name = name
        self.value = value


class EnumMember:
    def __init__(self, name, value, note=None):
        self.name = name
        self.value = value
        self.note = note


class Enum:
    kind = 'enum'

    def __init__(self, name, members):
        self.name = name
        self.members = members


class Typedef:
    kind = 'typedef'

    def __init__(self, decl):
        self.name = decl.name
        self.decl = decl


class Struct:
    kind = 'struct'

    def __init__(self, name, members):
        self.name = name
        self.members = members


class Union:
    kind = 'union'

    def __init__(self, name, disc, arms, default):
        self.name = name
        self.disc = disc
        self.arms = arms
        self.default = default


class Passthrough:
    kind = 'passthrough'

    def __init__(self, line):
        self.name = None
        self.line = line


class Module:
    def __init__(self, defs):
        self.defs = defs

    def named(self, kind):
        return [d for d in self.defs if d.kind == kind]

    def procedure_enums(self):
        return [d for d in self.named('enum') if d.name.endswith('_procedure')]


TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<comment>/\*.*?\*/)
  | (?P<pass>^%[^\n]*)
  | (?P<number>-?(?:0[xX][0-9a-fA-F]+|[0-9]+))
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>[{}()\[\]<>;:,=*])
''', re.S | re.M | re.X)


def tokenize(text):
    pos = 0
    line = 1
    toks = []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise XdrError('line %d: cannot read %r' % (line, text[pos:pos + 20]))
        kind = m.lastgroup
        if kind != 'ws':
            toks.append((kind, m.group(kind), line))
        line += m.group(0).count('\n')
        pos = m.end()
    return toks


def parse_number(s):
    return int(s, 0)


class Parser:
    def __init__(self, text):
        self.toks = tokenize(text)
        self.i = 0
        self.last_comment = None

    def peek(self):
        # Comments are skipped but remembered: an enum member keeps the
        # last one before it.
        while self.i < len(self.toks) and self.toks[self.i][0] == 'comment':
            self.last_comment = self.toks[self.i][1]
            self.i += 1
        if self.i >= len(self.toks):
            return (None, None, None)
        return self.toks[self.i]

    def next(self):
        tok = self.peek()
        if tok[0] is None:
            raise XdrError('unexpected end of file')
        self.i += 1
        return tok

    def expect(self, value):
        tok = self.next()
        if tok[1] != value:
            raise XdrError('line %s: expected %r, got %r' % (tok[2], value, tok[1]))
        return tok

    def ident(self):
        tok = self.next()
        if tok[0] != 'ident':
            raise XdrError('line %s: expected a name, got %r' % (tok[2], tok[1]))
        return tok[1]

    def value(self):
        """A constant: a number or the name of a constant."""
        tok = self.next()
        if tok[0] == 'number':
            return parse_number(tok[1])
        if tok[0] == 'ident':
            return tok[1]
        raise XdrError('line %s: expected a value, got %r' % (tok[2], tok[1]))

    def parse(self):
        defs = []
        while True:
            kind, val, line = self.peek()
            if kind is None:
                return Module(defs)
            if kind == 'pass':
                self.next()
                defs.append(Passthrough(val))
            elif val == 'const':
                self.next()
                name = self.ident()
                self.expect('=')
                defs.append(Const(name, self.value()))
                self.expect(';')
            elif val == 'enum':
                self.next()
                name = self.ident()
                defs.append(Enum(name, self.enum_body()))
                self.expect(';')
            elif val == 'typedef':
                self.next()
                defs.append(Typedef(self.decl()))
                self.expect(';')
            elif val == 'struct':
                self.next()
                name = self.ident()
                defs.append(Struct(name, self.struct_body()))
                self.expect(';')
            elif val == 'union':
                self.next()
                name = self.ident()
                defs.append(self.union_body(name))
                self.expect(';')
            else:
                raise XdrError('line %s: unexpected %r' % (line, val))

    def enum_body(self):
        self.expect('{')
        members = []
        nextval = 0
        while True:
            self.last_comment = None
            self.peek()
            note = self.last_comment
            name = self.ident()
            if self.peek()[1] == '=':
                self.next()
                value = self.value()
            else:
                value = nextval
            if isinstance(value, int):
                nextval = value + 1
            members.append(EnumMember(name, value, note))
            tok = self.next()
            if tok[1] == '}':
                return members
            if tok[1] != ',':
                raise XdrError('line %s: expected , or }' % tok[2])

    def struct_body(self):
        self.expect('{')
        members = []
        while self.peek()[1] != '}':
            members.append(self.decl())
            self.expect(';')
        self.next()
        return members

    def union_body(self, name):
        self.expect('switch')
        self.expect('(')
        disc = self.decl()
        self.expect(')')
        self.expect('{')
        arms = []
        default = None
        labels = []
        while True:
            tok = self.next()
            if tok[1] == '}':
                break
            if tok[1] == 'case':
                labels.append(self.value())
                self.expect(':')
                if self.peek()[1] in ('case', 'default'):
                    continue
                arms.append((labels, self.decl()))
                labels = []
                self.expect(';')
            elif tok[1] == 'default':
                self.expect(':')
                default = self.decl()
                self.expect(';')
            else:
                raise XdrError('line %s: unexpected %r in union %s' % (tok[2], tok[1], name))
        if labels:
            raise XdrError('union %s: case without arm' % name)
        return Union(name, disc, arms, default)

    def type_spec(self):
        word = self.ident()
        if word == 'unsigned':
            if self.peek()[1] in UNSIGNED_NEXT:
                word += ' ' + self.next()[1]
            return CANONICAL_TYPES[word]
        if word in ('struct', 'enum', 'union'):
            # 'struct foo x;' names the type foo.
            return self.ident()
        return word

    def decl(self):
        type_ = self.type_spec()
        if type_ == 'void':
            return Decl('void', None)
        if self.peek()[1] == '*':
            self.next()
            return Decl(type_, self.ident(), 'optional')
        name = self.ident()
        tok = self.peek()
        if tok[1] == '[':
            self.next()
            bound = self.value()
            self.expect(']')
            return Decl(type_, name, 'fixed', bound)
        if tok[1] == '<':
            self.next()
            bound = ''
            if self.peek()[1] != '>':
                bound = self.value()
            self.expect('>')
            return Decl(type_, name, 'variable', bound)
        if type_ in ('string', 'opaque'):
            raise XdrError('%s %s needs a size' % (type_, name))
        return Decl(type_, name)


def parse(text):
    return Parser(text).parse()


def parse_file(path):
    with open(path, encoding='utf-8') as f:
        return parse(f.read())


def const_text(value):
    return str(value)


def program_of(module):
    """(program const, version const) of a file, by the *_PROGRAM and
    *_PROTOCOL_VERSION constants it defines, or (None, None)."""
    prog = vers = None
    for d in module.named('const'):
        if d.name.endswith('_PROGRAM'):
            prog = d
        elif d.name.endswith('_PROTOCOL_VERSION'):
            vers = d
    return prog, vers


def external_names(modules):
    """Names used as sizes, values or case labels that no file defines
    (they come from the C headers rpcgen's output includes)."""
    defined = set()
    used = set()
    for m in modules:
        for d in m.defs:
            if d.kind == 'const':
                defined.add(d.name)
                if isinstance(d.value, str):
                    used.add(d.value)
            elif d.kind == 'enum':
                for e in d.members:
                    defined.add(e.name)
                    if isinstance(e.value, str):
                        used.add(e.value)
            decls = []
            if d.kind == 'typedef':
                decls = [d.decl]
            elif d.kind == 'struct':
                decls = d.members
            elif d.kind == 'union':
                decls = [d.disc] + [a[1] for a in d.arms]
                if d.default:
                    decls.append(d.default)
                for labels, _ in d.arms:
                    used.update(v for v in labels if isinstance(v, str))
            for x in decls:
                if isinstance(x.bound, str) and x.bound:
                    used.add(x.bound)
    return sorted(used - defined)


def listing_one(label, module):
    """The wire layout of one file, as lines."""
    out = ['file %s' % label]
    prog, vers = program_of(module)
    if prog:
        out.append('program %s = %s version %s' % (
            prog.name, const_text(prog.value), const_text(vers.value) if vers else '?'))
    # Definition order does not reach the wire: list constants, then
    # types by name, then the procedure numbers.
    rank = {'const': 0, 'enum': 1, 'typedef': 1, 'struct': 1, 'union': 1}
    defs = sorted((d for d in module.defs if d.kind != 'passthrough'),
                  key=lambda d: (rank[d.kind], d.kind == 'enum' and d.name.endswith('_procedure'),
                                 d.name))
    for d in defs:
        if d.kind == 'const':
            out.append('const %s = %s' % (d.name, const_text(d.value)))
        elif d.kind == 'typedef':
            out.append('typedef %s: %s' % (d.name, d.decl.wire()))
        elif d.kind == 'enum':
            what = 'procedures' if d.name.endswith('_procedure') else 'enum'
            out.append('%s %s' % (what, d.name))
            for e in d.members:
                out.append('    %s = %s' % (e.name, const_text(e.value)))
        elif d.kind == 'struct':
            out.append('struct %s' % d.name)
            for x in d.members:
                out.append('    %s: %s' % (x.name, x.wire()))
        elif d.kind == 'union':
            out.append('union %s switch %s: %s' % (d.name, d.disc.name, d.disc.wire()))
            for labels, x in d.arms:
                out.append('    case %s: %s: %s' % (
                    ', '.join(const_text(v) for v in labels), x.name or '-', x.wire()))
            if d.default:
                out.append('    default: %s: %s' % (d.default.name or '-', d.default.wire()))
    return out


def listing(files):
    """files: [(label, Module)].  The listing of all of them as text."""
    out = ['# The wire layout of nuvirt\'s RPC programs: every constant, type,',
           '# member (in order, with its XDR type) and procedure number.',
           '# Written by scripts/check-wire-abi.py --regenerate; any change here',
           '# changes the wire and must be deliberate.', '']
    for label, module in files:
        out += listing_one(label, module)
        out.append('')
    out.append('extern %s' % ' '.join(external_names([m for _, m in files])))
    return '\n'.join(out) + '\n'


PROC_NOTE = re.compile(r'^/\*\s*@proc:\s*(.*?)\s*\*/$', re.S)


def proc_annotation(note):
    """The key=value pairs of a '/* @proc: ... */' comment, or None.
    Keys acl and aclfilter may repeat and are returned as lists."""
    if note is None:
        return None
    m = PROC_NOTE.match(note)
    if not m:
        return None
    body = re.sub(r'\n\s*\*', ' ', m.group(1))
    ann = {'acl': [], 'aclfilter': []}
    for word in body.split():
        key, sep, val = word.partition('=')
        if not sep or not val:
            raise XdrError('bad annotation word %r in %s' % (word, note))
        if key in ('acl', 'aclfilter'):
            ann[key].append(val)
        elif key in ann:
            raise XdrError('annotation key %r twice in %s' % (key, note))
        else:
            ann[key] = val
    return ann
