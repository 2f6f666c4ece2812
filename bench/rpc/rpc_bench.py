#!/usr/bin/python3
"""rpc_bench: nuvirt's libvirtd against Debian's libvirtd, in one run.

Both daemons are started fresh on private sockets, serving the test driver
(tests/interop/daemons.py), and measured one after the other with the same
client, Debian's python3-libvirt (real libvirt's remote driver), so what
differs is the daemon.  Start from /work/shared/bench/rpc_bench.py; this
one adds latency percentiles, the three operations and the RSS stages the
issue asks for.

  trivial   conn.getLibVersion()            one CONNECT_GET_LIB_VERSION call
  lookup    conn.lookupByName(name)         over 100 domains, round robin
  listall   conn.listAllDomains(0)          101 domains in the list

For each operation and 1, 4, 16 client processes (each its own connection,
started, warmed up, then released together for --duration seconds):
aggregate calls/s and p50/p99 latency over every call of every client.
Memory: the daemon's VmRSS fresh (started, no client yet), idle (one
connection opened and closed: the test driver's default state was built
from its XML once), then with 10,000 domains defined (and the connection
still open).
Baseline: raw_rtt.c (built here with cc) gives the round trip of a
28-byte packet over a UNIX socket through an echo process, and the same
C client's trivial call to each daemon with 1, 4, 16 client processes
(a C client leaves the CPU to the daemon; python3-libvirt's own cost per
call dominates at 16 clients on a small machine).

  /usr/bin/python3 bench/rpc/rpc_bench.py --libvirtd build/src/daemon/libvirtd
  /usr/bin/python3 bench/rpc/rpc_bench.py ... | python3 bench/rpc/ratios.py
Output lines: key=value, daemon=nuvirt|debian.
"""
import argparse
import array
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "interop"))
import daemons  # noqa: E402

import libvirt  # noqa: E402

libvirt.registerErrorHandler(lambda _c, _e: None, None)

XML = ("<domain type='test'><name>{name}</name>"
       "<uuid>{uuid}</uuid><memory unit='KiB'>131072</memory>"
       "<vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>")
POOL = 100


def dom_xml(prefix, i, tag):
    return XML.format(name="%s-%06d" % (prefix, i),
                      uuid="%s-0000-4000-8000-%012x" % (tag, i))


def out(s):
    print(s, flush=True)


def rss_kb(pid, key="VmRSS", where="status"):
    with open("/proc/%d/%s" % (pid, where)) as f:
        for ln in f:
            if ln.startswith(key + ":"):
                return int(ln.split()[1])
    return -1


def out_mem(d, pid, stage):
    """VmRSS (the issue's measure), and what it is made of: RssAnon is
    the daemon's own memory, RssFile the pages of its binary and shared
    libraries mapped so far; Pss shares those with the other processes
    mapping them."""
    out("mem=rss daemon=%s stage=%s kb=%d" % (d.kind, stage, rss_kb(pid)))
    out("mem=rss_anon daemon=%s stage=%s kb=%d" % (d.kind, stage, rss_kb(pid, "RssAnon")))
    out("mem=rss_file daemon=%s stage=%s kb=%d" % (d.kind, stage, rss_kb(pid, "RssFile")))
    out("mem=pss daemon=%s stage=%s kb=%d"
        % (d.kind, stage, rss_kb(pid, "Pss", "smaps_rollup")))


def worker(args):
    c = libvirt.open(args.uri)
    names = ["bench-%06d" % i for i in range(POOL)]
    if args.op == "trivial":
        def fn(i):
            c.getLibVersion()
    elif args.op == "lookup":
        def fn(i):
            c.lookupByName(names[i % POOL])
    else:
        def fn(i):
            c.listAllDomains(0)
    for i in range(20):
        fn(i)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    sys.stdin.readline()
    lat = array.array("q")
    clock = time.perf_counter_ns
    t0 = clock()
    end = t0 + int(args.duration * 1e9)
    i = 0
    t = t0
    while t < end:
        fn(i)
        t1 = clock()
        lat.append(t1 - t)
        t = t1
        i += 1
    with open(args.out, "wb") as f:
        lat.tofile(f)
    sys.stdout.write("DONE %d %d\n" % (len(lat), t - t0))
    sys.stdout.flush()
    c.close()


def run_clients(uri, op, nclients, duration, tmp):
    procs, files = [], []
    for k in range(nclients):
        fn = os.path.join(tmp, "lat-%d" % k)
        files.append(fn)
        procs.append(subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "--worker", "--uri", uri,
             "--op", op, "--duration", str(duration), "--out", fn],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env=daemons.clean_env()))
    for p in procs:
        if p.stdout.readline().strip() != "READY":
            raise SystemExit("worker did not start")
    for p in procs:
        p.stdin.write("GO\n")
        p.stdin.flush()
    rate = 0.0
    for p in procs:
        ln = p.stdout.readline().split()
        p.wait()
        rate += int(ln[1]) / (int(ln[2]) / 1e9)
    lat = array.array("q")
    for fn in files:
        with open(fn, "rb") as f:
            lat.frombytes(f.read())
    lat = sorted(lat)
    return rate, lat[len(lat) // 2] / 1e3, lat[len(lat) * 99 // 100] / 1e3, len(lat)


def bench_daemon(d, args, tmp):
    d.start()
    try:
        pid = d.pid()
        time.sleep(0.5)
        out_mem(d, pid, "fresh")
        c = libvirt.open(d.uri)
        c.close()
        time.sleep(0.5)
        out_mem(d, pid, "idle")
        for n in args.clients:
            raw = subprocess.run([args.raw_rtt, "--daemon", d.sock,
                                  str(max(100, args.raw_n // n)), str(n)],
                                 capture_output=True, text=True, check=True).stdout.strip()
            out("%s daemon=%s" % (raw, d.kind))
        hold = libvirt.open(d.uri)
        for i in range(POOL):
            hold.defineXML(dom_xml("bench", i, "6b0e0000"))
        for op in args.ops:
            for n in args.clients:
                rate, p50, p99, calls = run_clients(d.uri, op, n, args.duration, tmp)
                out("op=%s daemon=%s clients=%d calls_per_s=%.0f p50_us=%.1f p99_us=%.1f"
                    " calls=%d" % (op, d.kind, n, rate, p50, p99, calls))
        t0 = time.perf_counter()
        for i in range(args.domains):
            hold.defineXML(dom_xml("many", i, "6b0f0000"))
        dt = time.perf_counter() - t0
        out("# define_s=%.1f daemon=%s domains=%d" % (dt, d.kind, args.domains))
        out_mem(d, pid, "domains_%d" % args.domains)
        t0 = time.perf_counter()
        n = len(hold.listAllDomains(0))
        out("op=listall_10k daemon=%s clients=1 ms=%.1f domains=%d"
            % (d.kind, (time.perf_counter() - t0) * 1e3, n))
        out("mem=rss daemon=%s stage=peak kb=%d" % (d.kind, rss_kb(pid, "VmHWM")))
        hold.close()
    finally:
        d.stop()
        d.cleanup()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--libvirtd", help="nuvirt's libvirtd (required)")
    ap.add_argument("--duration", type=float, default=3.0)
    ap.add_argument("--clients", default="1,4,16")
    ap.add_argument("--ops", default="trivial,lookup,listall")
    ap.add_argument("--domains", type=int, default=10000)
    ap.add_argument("--raw-n", type=int, default=50000)
    ap.add_argument("--only", choices=["nuvirt", "debian"])
    ap.add_argument("--quick", action="store_true", help="1 s, clients 1,4, 1000 domains")
    ap.add_argument("--smoke", action="store_true",
                    help="a few calls of everything, for the test suite; no figures")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--uri", help=argparse.SUPPRESS)
    ap.add_argument("--op", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args)
    if not args.libvirtd:
        ap.error("--libvirtd is required")
    if args.quick:
        args.duration, args.clients, args.domains, args.raw_n = 1.0, "1,4", 1000, 10000
    if args.smoke:
        args.duration, args.clients, args.domains, args.raw_n = 0.1, "1,2", 20, 100
    args.clients = [int(x) for x in args.clients.split(",")]
    args.ops = args.ops.split(",")
    tmp = tempfile.mkdtemp(prefix="rpc-bench-")
    args.raw_rtt = os.path.join(tmp, "raw_rtt")
    subprocess.run(["cc", "-O2", "-o", args.raw_rtt, os.path.join(HERE, "raw_rtt.c")],
                   check=True)
    out("# rpc_bench %s nproc=%d loadavg=%s" % (time.strftime("%Y-%m-%d %H:%M:%S"),
        os.cpu_count(), open("/proc/loadavg").read().split()[0]))
    out(subprocess.run([args.raw_rtt, str(args.raw_n)], capture_output=True,
                       text=True, check=True).stdout.strip())
    order = [("nuvirt", lambda: daemons.ours(args.libvirtd)), ("debian", daemons.debian)]
    status = 0
    for kind, make in order:
        if args.only and kind != args.only:
            continue
        d = make()
        if d is None:
            out("# no %s daemon" % kind)
            status = 1
            continue
        bench_daemon(d, args, tmp)
    return status


if __name__ == "__main__":
    sys.exit(main())
