#!/usr/bin/env python3
"""malformed: hostile and broken RPC traffic against a daemon.

Starts nuvirt's libvirtd and Debian's libvirtd (unless --no-debian) on a
private socket, defines a sentinel domain through a connection that stays
open, then sends each broken packet on a fresh connection and records what
the daemon did with it:

  closed              it hung up on that connection
  silent              nothing within the wait (still waiting for bytes)
  ok                  a successful reply
  error:CODE:MESSAGE  an error reply (remote_error code and message)

After every case a new connection must be served and the sentinel must
still be there; at the end 1,000 connections are opened and dropped in
several ways, the state is checked again and the daemon is stopped with
SIGTERM: it must exit with status 0 (under ASan that includes the leak
check).  Outcomes must equal the table below, which is what libvirt 9.0.0
does; Debian's libvirtd's outcomes are measured in the same run and
must equal the table too, so the table cannot drift from
libvirt.

  malformed.py --libvirtd BUILD/src/daemon/libvirtd [--no-debian] [-v]
"""
import argparse
import os
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemons  # noqa: E402
from rpcwire import (  # noqa: E402
    CALL, MESSAGE, REPLY, STREAM, KEEPALIVE_PROGRAM, PROC, REMOTE_PROGRAM,
    REMOTE_VERSION, Closed, Conn, frame, header, xdr_opt_string, xdr_string,
    xdr_uint)

SENTINEL = "malformed-sentinel"
SENTINEL_XML = ("<domain type='test'><name>%s</name>"
                "<uuid>5b0c3f6e-0000-4000-8000-00000000abcd</uuid>"
                "<memory>65536</memory><vcpu>1</vcpu>"
                "<os><type>hvm</type></os></domain>" % SENTINEL)
WAIT = 1.0

VIR_ERR_RPC = 39


def outcome(conn, wait=WAIT):
    conn.sock.settimeout(wait)
    try:
        pkt = conn.recv_packet()
    except Closed:
        return "closed"
    except socket.timeout:
        return "silent"
    except OSError:
        return "closed"
    if pkt[5] == 0:
        return "ok"
    from rpcwire import decode_error
    try:
        e = decode_error(pkt[6])
    except struct.error:
        return "error:undecodable"
    return "error:%d:%s" % (e["code"], e["message"])


def opened(d):
    return Conn(d.sock).open()


# Each case: (name, function(daemon) -> outcome string, expected outcome).
def c_short_length(d):
    c = Conn(d.sock)
    c.send(struct.pack(">I", 8) + b"\0" * 4)
    return outcome(c)


def c_zero_length(d):
    c = Conn(d.sock)
    c.send(b"\0\0\0\0")
    return outcome(c)


def c_oversized(d):
    c = Conn(d.sock)
    c.send(struct.pack(">I", 32 * 1024 * 1024 + 4 + 1) + b"\0" * 24)
    return outcome(c)


def c_huge_length(d):
    c = Conn(d.sock)
    c.send(struct.pack(">I", 0xffffffff) + b"\0" * 24)
    return outcome(c)


def c_truncated_body(d):
    c = Conn(d.sock)
    pkt = frame(header(REMOTE_PROGRAM, REMOTE_VERSION, PROC["AUTH_LIST"], CALL, 1))
    c.send(struct.pack(">I", 200) + pkt[4:])
    return outcome(c)


def c_truncated_then_gone(d):
    c = Conn(d.sock)
    c.send(struct.pack(">I", 1000) + b"\1" * 100)
    c.close()
    return "sent"


def _call(d, prog=REMOTE_PROGRAM, vers=REMOTE_VERSION, proc=PROC["AUTH_LIST"],
          mtype=CALL, body=b"", status=0, serial=7, open_first=True):
    c = opened(d) if open_first else Conn(d.sock)
    c.send(frame(header(prog, vers, proc, mtype, serial, status) + body))
    return outcome(c)


def c_wrong_program(d):
    return _call(d, prog=0x11223344)


def c_wrong_version(d):
    return _call(d, vers=2)


def c_unknown_procedure(d):
    return _call(d, proc=9999)


def c_procedure_zero(d):
    return _call(d, proc=0)


def c_negative_procedure(d):
    return _call(d, proc=-5)


def c_type_reply(d):
    return _call(d, mtype=REPLY)


def c_type_message(d):
    return _call(d, mtype=MESSAGE)


def c_type_bogus(d):
    return _call(d, mtype=77)


def c_status_error(d):
    return _call(d, status=1)


def c_stream_no_stream(d):
    return _call(d, proc=PROC["DOMAIN_LOOKUP_BY_NAME"], mtype=STREAM, status=2,
                 body=b"data")


def c_keepalive_ping(d):
    # PING (procedure 1) of the keepalive program, as a MESSAGE: PONG back
    c = opened(d)
    c.send(frame(header(KEEPALIVE_PROGRAM, 1, 1, MESSAGE, 0)))
    c.sock.settimeout(WAIT)
    try:
        n = struct.unpack(">I", c._recv_exact(4))[0]
        rest = c._recv_exact(n - 4)
    except (Closed, socket.timeout, OSError):
        return "no-pong"
    prog, vers, proc, mtype = struct.unpack_from(">IIii", rest)
    return "pong" if (prog, proc, mtype) == (KEEPALIVE_PROGRAM, 2, MESSAGE) else "other"


def c_call_before_open(d):
    return _call(d, proc=PROC["CONNECT_NUM_OF_DOMAINS"], open_first=False)


def c_storage_call_before_open(d):
    return _call(d, proc=PROC["CONNECT_NUM_OF_STORAGE_POOLS"], open_first=False)


def c_garbage_open(d):
    # CONNECT_OPEN whose optional string claims 2^31 bytes
    return _call(d, proc=PROC["CONNECT_OPEN"], body=xdr_uint(1) + xdr_uint(0x7fffffff),
                 open_first=False)


def c_garbage_lookup(d):
    return _call(d, proc=PROC["DOMAIN_LOOKUP_BY_NAME"], body=b"\xff\xfe\xfd")


def c_trailing_bytes(d):
    return _call(d, proc=PROC["CONNECT_NUM_OF_DOMAINS"], body=b"\0" * 8)


def c_empty_lookup_args(d):
    return _call(d, proc=PROC["DOMAIN_LOOKUP_BY_NAME"], body=b"")


def c_string_over_limit(d):
    # a name of 4 MiB + 4 bytes: the message fits, the string does not
    return _call(d, proc=PROC["DOMAIN_LOOKUP_BY_NAME"],
                 body=xdr_string(b"a" * (4 * 1024 * 1024 + 4)))


def c_double_open(d):
    return _call(d, proc=PROC["CONNECT_OPEN"],
                 body=xdr_opt_string("test:///default") + xdr_uint(0))


def c_bad_open_flags(d):
    return _call(d, proc=PROC["CONNECT_OPEN"],
                 body=xdr_opt_string("test:///default") + xdr_uint(0x80000000),
                 open_first=False)


def c_define_garbage_xml(d):
    return _call(d, proc=PROC["DOMAIN_DEFINE_XML"], body=xdr_string("<domain"))


def c_vanish_mid_call(d):
    c = opened(d)
    xml = SENTINEL_XML.replace(SENTINEL, "vanish-1").replace("abcd", "abce")
    c.call_raw(PROC["DOMAIN_DEFINE_XML"], xdr_string(xml))
    c.call_raw(PROC["CONNECT_NUM_OF_DOMAINS"])
    c.sock.shutdown(socket.SHUT_RDWR)
    c.close()
    return "sent"


def c_vanish_half_call(d):
    c = opened(d)
    pkt = frame(header(REMOTE_PROGRAM, REMOTE_VERSION, PROC["DOMAIN_LOOKUP_BY_NAME"],
                       CALL, 9) + xdr_string(SENTINEL))
    c.send(pkt[:len(pkt) // 2])
    c.close()
    return "sent"


def c_pipeline_flood(d):
    # many calls in flight at once, then hang up without reading
    c = opened(d)
    data = b"".join(frame(header(REMOTE_PROGRAM, REMOTE_VERSION,
                                 PROC["CONNECT_NUM_OF_DOMAINS"], CALL, 100 + i))
                    for i in range(200))
    try:
        c.send(data)
    except OSError:
        pass
    c.close()
    return "sent"


CASES = [
    ("length-below-header", c_short_length, "closed"),
    ("length-zero", c_zero_length, "closed"),
    ("length-over-32MiB", c_oversized, "closed"),
    ("length-4GiB", c_huge_length, "closed"),
    ("truncated-body", c_truncated_body, "silent"),
    ("truncated-then-gone", c_truncated_then_gone, "sent"),
    ("wrong-program", c_wrong_program, None),
    ("wrong-version", c_wrong_version, None),
    ("unknown-procedure", c_unknown_procedure, None),
    ("procedure-zero", c_procedure_zero, None),
    ("procedure-negative", c_negative_procedure, None),
    ("type-reply", c_type_reply, None),
    ("type-message", c_type_message, None),
    ("type-bogus", c_type_bogus, None),
    ("status-error-in-call", c_status_error, None),
    ("stream-without-stream", c_stream_no_stream, None),
    ("keepalive-ping", c_keepalive_ping, "pong"),
    ("call-before-open", c_call_before_open, None),
    ("storage-call-before-open", c_storage_call_before_open, None),
    ("garbage-open-args", c_garbage_open, None),
    ("garbage-lookup-args", c_garbage_lookup, None),
    ("trailing-bytes", c_trailing_bytes, None),
    ("empty-lookup-args", c_empty_lookup_args, None),
    ("string-over-4MiB", c_string_over_limit, None),
    ("open-twice", c_double_open, None),
    ("open-bad-flags", c_bad_open_flags, None),
    ("define-garbage-xml", c_define_garbage_xml, None),
    ("vanish-mid-call", c_vanish_mid_call, "sent"),
    ("vanish-half-call", c_vanish_half_call, "sent"),
    ("pipeline-then-gone", c_pipeline_flood, "sent"),
]


def check_state(d, holder):
    """A new connection works and sees the sentinel; the holder too."""
    c = opened(d)
    st, body = c.call(PROC["DOMAIN_LOOKUP_BY_NAME"], xdr_string(SENTINEL))
    c.close()
    if st != "ok":
        return "new connection: lookup failed: %r" % (body,)
    st, body = holder.call(PROC["DOMAIN_LOOKUP_BY_NAME"], xdr_string(SENTINEL))
    if st != "ok":
        return "holder connection: lookup failed: %r" % (body,)
    return None


def thousand_connections(d):
    """1,000 connections: dropped at once, after AUTH_LIST, after open,
    after half a header, and with a call in flight; 100 held at a time."""
    made = 0
    for batch in range(10):
        held = []
        for i in range(100):
            kind = (batch * 100 + i) % 5
            c = Conn(d.sock)
            made += 1
            if kind == 1:
                c.call(PROC["AUTH_LIST"])
            elif kind == 2:
                c.open()
            elif kind == 3:
                c.send(b"\0\0")
            elif kind == 4:
                c.open()
                c.call_raw(PROC["CONNECT_NUM_OF_DOMAINS"])
            held.append(c)
        for c in held:
            c.close()
    return made


def run(d, verbose):
    """Return (outcomes dict, list of failures)."""
    d.start()
    try:
        return run_started(d, verbose)
    finally:
        # an early return or an exception must not leave the daemon behind
        if d.proc is not None:
            d.stop()
            d.cleanup()


def run_started(d, verbose):
    fails = []
    holder = opened(d)
    st, body = holder.call(PROC["DOMAIN_DEFINE_XML"], xdr_string(SENTINEL_XML))
    if st != "ok":
        fails.append("cannot define the sentinel: %r" % (body,))
        return {}, fails
    results = {}
    for name, fn, _ in CASES:
        try:
            results[name] = fn(d)
        except Exception as e:  # noqa: BLE001 - report, go on
            results[name] = "exception:%s" % e
        time.sleep(0.02)
        err = check_state(d, holder) if d.alive() else "daemon died"
        if verbose:
            print("# %s %-24s %s" % (d.kind, name, results[name]))
        if err:
            fails.append("%s: after %s: %s" % (d.kind, name, err))
            if not d.alive():
                break
    if d.alive():
        n = thousand_connections(d)
        time.sleep(0.3)
        err = check_state(d, holder) if d.alive() else "daemon died"
        if err:
            fails.append("%s: after %d connections: %s" % (d.kind, n, err))
        holder.close()
    rc = d.stop()
    if d.kind == "nuvirt" and rc != 0:
        fails.append("%s: exit status %r after SIGTERM\n%s" % (d.kind, rc, d.read_log()))
    d.cleanup()
    return results, fails


# What libvirt 9.0.0's libvirtd answers (measured against Debian's daemon;
# re-measured in every run where it is installed).
EXPECTED = {
    "wrong-program": "error:39:Cannot find program 287454020 version 1",
    "wrong-version": "error:39:Cannot find program 536903814 version 2",
    "unknown-procedure": "error:39:unknown procedure: 9999",
    "procedure-zero": "error:39:unknown procedure: 0",
    "procedure-negative": "error:39:unknown procedure: -5",
    "type-reply": "silent",
    "type-message": "silent",
    "type-bogus": "silent",
    "status-error-in-call": "error:39:Unexpected message status 1",
    "stream-without-stream": "silent",
    "call-before-open": "error:1:internal error: hypervisor connection not open",
    "storage-call-before-open": "error:1:internal error: connection not open",
    "garbage-open-args": "error:39:Unable to decode message payload",
    "garbage-lookup-args": "error:39:Unable to decode message payload",
    "trailing-bytes": "ok",
    "empty-lookup-args": "error:39:Unable to decode message payload",
    "string-over-4MiB": "error:39:Unable to decode message payload",
    "open-twice": "error:1:internal error: connection already open",
    # the daemon passes only VIR_CONNECT_RO on to virConnectOpenAuth
    "open-bad-flags": "ok",
    "define-garbage-xml": "error:35:(domain_definition):1: Couldn't find end of "
                          "Start Tag domain line 1\n<domain\n-------^",
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--libvirtd", required=True, help="nuvirt's libvirtd")
    ap.add_argument("--no-debian", action="store_true")
    ap.add_argument("--dump", action="store_true",
                    help="print the outcomes as a Python table and stop")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    fails = []
    ref = None
    deb = None if args.no_debian else daemons.debian()
    if deb is None and not args.no_debian:
        return daemons.missing([daemons.DEBIAN_LIBVIRTD])
    if deb:
        ref, f = run(deb, args.verbose)
        fails += f
    ours, f = run(daemons.ours(args.libvirtd), args.verbose)
    fails += f
    if args.dump:
        for src, res in (("debian", ref), ("nuvirt", ours)):
            print("# %s" % src)
            for k, v in (res or {}).items():
                print("    %r: %r," % (k, v))
        return 0
    n = 0
    for name, _, fixed in CASES:
        want = fixed if fixed is not None else EXPECTED.get(name)
        got = ours.get(name)
        for who, res in (("libvirt 9.0.0", {name: want}),
                         ("Debian's libvirtd", ref)):
            if res is None or res.get(name) is None:
                continue
            n += 1
            if res[name] != got:
                fails.append("%s: nuvirt %r, %s %r" % (name, got, who, res[name]))
    print("1..1")
    if fails:
        for f in fails:
            print("# " + f.replace("\n", "\n# "))
        print("not ok 1 - malformed traffic (%d failures)" % len(fails))
        return 1
    print("ok 1 - malformed traffic: %d cases, %d comparisons, 1000 connections"
          % (len(CASES), n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
