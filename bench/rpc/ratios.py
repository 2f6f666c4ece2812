#!/usr/bin/env python3
"""ratios: read rpc_bench.py output (stdin or files), print nuvirt/Debian.

For throughput a ratio above 1 means nuvirt is faster; for latency and
memory a ratio below 1 means nuvirt is faster or smaller.  The issue's
three targets are checked at the end (informative: exit status 0).
"""
import fileinput


def parse(lines):
    rows = []
    for ln in lines:
        if ln.startswith("#") or "=" not in ln:
            continue
        rows.append(dict(kv.split("=", 1) for kv in ln.split() if "=" in kv))
    return rows


def main():
    rows = parse(fileinput.input())
    by = {}
    raw = None
    for r in rows:
        if r.get("op") == "raw_unix_rtt":
            raw = r
            continue
        key = (r.get("op") or r.get("mem"), r.get("clients") or r.get("stage"))
        by.setdefault(key, {})[r.get("daemon")] = r
    print("%-30s %-8s %12s %12s %8s" % ("measure", "clients", "nuvirt", "debian", "ratio"))
    targets = []
    for (what, sub), d in sorted(by.items()):
        if "nuvirt" not in d or "debian" not in d:
            continue
        n, b = d["nuvirt"], d["debian"]
        for field in ("calls_per_s", "p50_us", "p99_us", "kb", "ms"):
            if field in n and field in b and float(b[field]):
                ratio = float(n[field]) / float(b[field])
                print("%-30s %-8s %12s %12s %8.2f" % ("%s %s" % (what, field), sub,
                      n[field], b[field], ratio))
                if what == "trivial" and sub == "16" and field == "calls_per_s":
                    targets.append(("trivial calls/s at 16 clients >= 2x libvirtd",
                                    ratio, ratio >= 2))
                if (what == "raw_client_get_lib_version" and sub == "16"
                        and field == "calls_per_s"):
                    targets.append(("trivial calls/s at 16 C clients >= 2x libvirtd",
                                    ratio, ratio >= 2))
                if what == "lookup" and sub == "16" and field == "calls_per_s":
                    targets.append(("lookup calls/s at 16 clients >= 2x libvirtd",
                                    ratio, ratio >= 2))
                if what == "rss" and sub in ("fresh", "idle"):
                    targets.append(("%s RSS <= 1/3 of libvirtd's" % sub, ratio,
                                    ratio <= 1 / 3))
    if raw:
        for kind in ("nuvirt", "debian"):
            for op in ("raw_client_get_lib_version", "trivial"):
                r = by.get((op, "1"), {}).get(kind)
                if r:
                    ratio = float(r["p50_us"]) / float(raw["p50_us"])
                    print("%-30s %-8s %12s %12s %8.2f" % ("%s p50 / raw rtt" % op, kind,
                          r["p50_us"], raw["p50_us"], ratio))
                    if kind == "nuvirt" and op == "raw_client_get_lib_version":
                        targets.append(("trivial call p50 <= 1.5x raw UNIX round trip"
                                        " (same C client)", ratio, ratio <= 1.5))
    for name, ratio, ok in targets:
        print("target: %-58s %6.2f %s" % (name, ratio, "met" if ok else "NOT met"))


if __name__ == "__main__":
    main()
