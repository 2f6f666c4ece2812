#!/usr/bin/env python3
"""Run tdbench against nuvirt and against Debian's libvirt 9.0.0 side by
side (interleaved: nuvirt, libvirt, nuvirt, libvirt, ...) and print, per
figure, the median of each and the ratio libvirt / nuvirt (how many times
faster or leaner nuvirt is), with the issue's target.

  bench/testdriver/compare.py [--pairs 3] [--outdir DIR]
        [--nuvirt build/bench/testdriver/tdbench-nuvirt]
        [--libvirt build/bench/testdriver/tdbench-libvirt] [-- TDBENCH ARGS]

--smoke runs one tiny pair (N=20) and only checks that both programs run
and print every figure (the meson test 'tdbench-smoke-compare').
"""
import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_BIN = os.path.join(ROOT, "build", "bench", "testdriver", "tdbench-")

# figure -> (metric, target ratio libvirt/nuvirt)
TARGETS = {
    "op=define": ("ns_per_op", 2.0),
    "op=lookup_by_name": ("ns_per_op", 2.0),
    "op=get_info": ("ns_per_op", 2.0),
    "op=get_xml_desc": ("ns_per_op", 2.0),
    "op=undefine": ("ns_per_op", 2.0),
    "op=list_all_domains": ("ns_per_op", 5.0),
    "mem=peak_rss": ("kb", 1.0),
    "mem=rss_after_define": ("kb", None),
}
METRICS = ("ns_per_op", "wall_ns_per_op", "kb")


def parse(text):
    res = {}
    for line in text.splitlines():
        if line.startswith("#") or "=" not in line:
            continue
        kv = dict(tok.split("=", 1) for tok in line.split() if "=" in tok)
        key = "op=" + kv["op"] if "op" in kv else "mem=" + kv.get("mem", "?")
        for m in METRICS:
            if m in kv:
                res[(key, m)] = float(kv[m])
    return res


def run(cmd, outdir, tag):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    if outdir:
        with open(os.path.join(outdir, tag + ".txt"), "w") as f:
            f.write(out)
    return parse(out)


def fmt(metric, v):
    if metric == "kb":
        return "%.1f MB" % (v / 1024.0)
    if v >= 1e6:
        return "%.2f ms" % (v / 1e6)
    return "%.2f us" % (v / 1e3)


def table(ours, ref):
    print("%-22s %-14s %12s %12s %8s %8s  %s" %
          ("figure", "metric", "nuvirt", "libvirt", "ratio", "target", "ok"))
    failed = 0
    for key, (metric, target) in TARGETS.items():
        for m in (metric, "wall_ns_per_op") if metric == "ns_per_op" else (metric,):
            if (key, m) not in ours[0] or (key, m) not in ref[0]:
                continue
            a = statistics.median(o[(key, m)] for o in ours)
            b = statistics.median(r[(key, m)] for r in ref)
            ratio = statistics.median(r[(key, m)] / max(o[(key, m)], 1e-9)
                                      for o, r in zip(ours, ref))
            tgt = target if m == metric else None
            ok = "" if tgt is None else ("yes" if ratio >= tgt else "NO")
            failed += ok == "NO"
            print("%-22s %-14s %12s %12s %7.2fx %8s  %s" %
                  (key, m, fmt(m, a), fmt(m, b), ratio,
                   "" if tgt is None else ">=%gx" % tgt, ok))
    print("# ratio = libvirt / nuvirt (median of the per-pair ratios); "
          "ns_per_op is process CPU time, wall_ns_per_op elapsed time")
    return failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--outdir")
    ap.add_argument("--nuvirt", default=DEFAULT_BIN + "nuvirt")
    ap.add_argument("--libvirt", default=DEFAULT_BIN + "libvirt")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("args", nargs="*", help="arguments for tdbench")
    opts = ap.parse_args()
    args = opts.args
    if opts.smoke:
        opts.pairs, args = 1, ["-n", "20", "-r", "1", "-l", "2"]
    if opts.outdir:
        os.makedirs(opts.outdir, exist_ok=True)
    ours, ref = [], []
    for i in range(opts.pairs):
        ours.append(run([opts.nuvirt] + args, opts.outdir, "nuvirt-%d" % (i + 1)))
        ref.append(run([opts.libvirt] + args, opts.outdir, "libvirt-%d" % (i + 1)))
    if opts.smoke:
        missing = [k for k in ref[0] if k not in ours[0]]
        if missing or not ref[0]:
            print("missing figures: %s" % missing)
            return 1
        table(ours, ref)
        return 0
    table(ours, ref)
    return 0


if __name__ == "__main__":
    sys.exit(main())
