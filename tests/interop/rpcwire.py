"""rpcwire: a minimal client of libvirt's RPC framing, written for tests.

It speaks just enough of the wire protocol (4-byte length, 24-byte header,
XDR bodies) to send well-formed calls and deliberately broken packets to a
daemon and to decode its replies, including the remote_error body.  It
knows nothing of the daemon it talks to, so the same bytes go to nuvirt's
daemon and to Debian's libvirtd.
"""
import socket
import struct

REMOTE_PROGRAM = 0x20008086
REMOTE_VERSION = 1
KEEPALIVE_PROGRAM = 0x6b656570

CALL, REPLY, MESSAGE, STREAM = 0, 1, 2, 3
OK, ERROR, CONTINUE = 0, 1, 2

PROC = {
    "CONNECT_OPEN": 1, "CONNECT_CLOSE": 2, "CONNECT_GET_TYPE": 3,
    "DOMAIN_DEFINE_XML": 11, "DOMAIN_LOOKUP_BY_NAME": 23,
    "CONNECT_NUM_OF_DOMAINS": 51, "AUTH_LIST": 66,
    "CONNECT_NUM_OF_STORAGE_POOLS": 71,
    "CONNECT_GET_LIB_VERSION": 157,
}

MESSAGE_MAX = 32 * 1024 * 1024
HEADER_LEN = 24


class Closed(Exception):
    """The daemon closed the connection."""


def xdr_uint(v):
    return struct.pack(">I", v & 0xffffffff)


def xdr_int(v):
    return struct.pack(">i", v)


def xdr_string(s):
    b = s.encode() if isinstance(s, str) else s
    pad = (4 - len(b) % 4) % 4
    return struct.pack(">I", len(b)) + b + b"\0" * pad


def xdr_opt_string(s):
    if s is None:
        return xdr_uint(0)
    return xdr_uint(1) + xdr_string(s)


def header(prog, vers, proc, mtype, serial, status=OK):
    return struct.pack(">IIiiII", prog, vers, proc, mtype, serial, status)


def frame(body_with_header, length=None):
    n = len(body_with_header) + 4 if length is None else length
    return struct.pack(">I", n & 0xffffffff) + body_with_header


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def uint(self):
        v = struct.unpack_from(">I", self.data, self.pos)[0]
        self.pos += 4
        return v

    def int(self):
        v = struct.unpack_from(">i", self.data, self.pos)[0]
        self.pos += 4
        return v

    def opaque(self, n):
        v = self.data[self.pos:self.pos + n]
        self.pos += (n + 3) & ~3
        return v

    def string(self):
        return self.opaque(self.uint()).decode(errors="replace")

    def opt_string(self):
        return self.string() if self.uint() else None


def decode_error(body):
    """remote_error: code, domain, message, level, dom, str1..3, int1, int2, net."""
    r = Reader(body)
    code, domain = r.int(), r.int()
    message = r.opt_string()
    return {"code": code, "domain": domain, "message": message}


class Conn:
    def __init__(self, path, timeout=10.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.serial = 0

    def close(self):
        self.sock.close()

    def send(self, data):
        self.sock.sendall(data)

    def _recv_exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise Closed()
            buf += chunk
        return buf

    def recv_packet(self):
        """Return (prog, vers, proc, type, serial, status, body), skipping
        keepalive traffic; raise Closed when the daemon hangs up."""
        while True:
            try:
                n = struct.unpack(">I", self._recv_exact(4))[0]
            except (ConnectionResetError, BrokenPipeError):
                raise Closed()
            rest = self._recv_exact(n - 4)
            prog, vers, proc, mtype, serial, status = struct.unpack_from(">IIiiII", rest)
            if prog == KEEPALIVE_PROGRAM:
                continue
            return prog, vers, proc, mtype, serial, status, rest[HEADER_LEN:]

    def call_raw(self, proc, body=b"", prog=REMOTE_PROGRAM, vers=REMOTE_VERSION,
                 mtype=CALL):
        self.serial += 1
        self.send(frame(header(prog, vers, proc, mtype, self.serial) + body))
        return self.serial

    def call(self, proc, body=b"", **kw):
        """Send one call; return ('ok', body) or ('error', err dict)."""
        serial = self.call_raw(proc, body, **kw)
        pkt = self.recv_packet()
        if pkt[4] != serial or pkt[3] != REPLY:
            raise AssertionError("unexpected packet %r for serial %d" % (pkt[:6], serial))
        if pkt[5] == OK:
            return "ok", pkt[6]
        return "error", decode_error(pkt[6])

    def open(self, uri="test:///default"):
        st, _ = self.call(PROC["AUTH_LIST"])
        if st != "ok":
            raise AssertionError("AUTH_LIST failed")
        st, body = self.call(PROC["CONNECT_OPEN"], xdr_opt_string(uri) + xdr_uint(0))
        if st != "ok":
            raise AssertionError("CONNECT_OPEN failed: %r" % (body,))
        return self
