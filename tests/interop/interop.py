#!/usr/bin/env python3
"""interop: real libvirt 9.0.0 clients against nuvirt's daemon and back.

  interop.py python --client debian --libvirtd NUVIRT_LIBVIRTD --libdir BUILD/src
      Debian's python3-libvirt (its own libvirt.so) runs scenario.py against
      nuvirt's libvirtd.
  interop.py python --client nuvirt ...
      python3-libvirt loading nuvirt's libvirt.so (LD_LIBRARY_PATH) runs
      scenario.py against Debian's libvirtd.
  interop.py virsh --client debian|nuvirt --virsh NUVIRT_VIRSH ...
      the virsh session of VIRSH_CASES, by Debian's /usr/bin/virsh against
      nuvirt's libvirtd, or by nuvirt's virsh against Debian's libvirtd.

In every mode the same session is also run as the reference pair, Debian's
client against Debian's libvirtd (both on private sockets with the test
driver), and the two transcripts must be identical except the lines
allowed in allow.txt (each rule with its reason) and lines of "impl"
steps, which depend on what the test driver behind the daemon offers
(libvirt's has no volume streams, nuvirt's has no screenshot) and are
checked on their own.  A missing Debian binary fails the test (skip, 77,
only with NUVIRT_INTEROP_OPTIONAL=1); TAP output.
"""
import argparse
import difflib
import fnmatch
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import daemons  # noqa: E402
from rpcwire import Conn  # noqa: E402

DOM2_XML = """<domain type='test'>
  <name>interop2</name>
  <uuid>7c1e3f6e-1d2b-4a5c-9e8f-0123456789bb</uuid>
  <memory unit='KiB'>131072</memory>
  <vcpu>1</vcpu>
  <os><type arch='i686'>hvm</type></os>
</domain>
"""

# One virsh invocation per row: (tag, arguments).  "impl" rows depend on the
# test driver behind the daemon; "{W}" is the work directory.
VIRSH_CASES = [
    ("", "list --all"), ("", "list --name"), ("", "dominfo test"),
    ("", "domstate test"), ("", "domstate --reason test"), ("", "domid test"),
    ("", "domuuid test"), ("", "domname 1"), ("", "dumpxml test"),
    ("", "dumpxml --inactive test"), ("", "define {W}/interop2.xml"),
    ("", "list --all"), ("", "list --inactive"), ("", "dominfo interop2"),
    ("", "autostart interop2"), ("", "dominfo interop2"),
    ("", "start interop2"), ("", "domstate interop2"), ("", "suspend interop2"),
    ("", "domstate --reason interop2"), ("", "resume interop2"),
    ("", "shutdown interop2"), ("", "domstate --reason interop2"),
    ("", "start interop2"), ("", "destroy interop2"),
    ("", "domstate --reason interop2"), ("", "undefine interop2"),
    ("", "list --all"),
    ("", "dominfo nope"), ("", "start test"), ("", "resume test"),
    ("", "destroy nope"), ("", "define {W}/missing.xml"), ("", "domid 99"),
    ("", "nodeinfo"), ("", "hostname"), ("", "uri"), ("", "version --daemon"),
    ("", "freecell --all"), ("", "maxvcpus"),
    ("", "net-list --all"), ("", "net-info default"), ("", "net-uuid default"),
    ("", "net-dumpxml default"), ("", "net-info nope"),
    ("", "pool-list --all"), ("", "pool-info default-pool"),
    ("", "pool-dumpxml default-pool"),
    ("", "vol-create-as default-pool interop.img 1M"),
    ("", "vol-list default-pool"), ("", "vol-info --pool default-pool interop.img"),
    ("", "vol-path --pool default-pool interop.img"),
    ("impl", "vol-upload --pool default-pool interop.img {W}/upload.bin"),
    ("impl", "vol-download --pool default-pool interop.img {W}/download.bin"),
    ("", "vol-delete --pool default-pool interop.img"),
    ("", "vol-list default-pool"), ("", "pool-info nope"),
    ("", "iface-list --all"), ("", "nodedev-list --cap system"),
    ("", "list --all --uuid"),
]


def load_allow(mode, client):
    """allow.txt rows: MODE CLIENT PATTERN  # reason  (fnmatch on the line)."""
    rules = []
    with open(os.path.join(HERE, "allow.txt")) as f:
        for raw in f:
            text = raw.split("#", 1)[0].strip()
            if not text:
                continue
            m, c, pat = text.split(None, 2)
            if m in (mode, "*") and c in (client, "*"):
                rules.append(pat)
    return rules


def filtered(lines, rules):
    return [ln for ln in lines
            if not ln.startswith("impl ")
            and not any(fnmatch.fnmatchcase(ln, r) for r in rules)]


class Tap:
    def __init__(self):
        self.n, self.failed = 0, 0
        self.lines = []

    def check(self, ok, what, detail=""):
        self.n += 1
        if not ok:
            self.failed += 1
        self.lines.append("%s %d - %s" % ("ok" if ok else "not ok", self.n, what))
        if detail and not ok:
            self.lines += ["# " + d for d in detail.rstrip().split("\n")]

    def finish(self):
        print("1..%d" % self.n)
        print("\n".join(self.lines))
        return 1 if self.failed else 0


def run_python(d, libdir, work, tag):
    out = os.path.join(work, "py-%s.txt" % tag)
    r = subprocess.run([daemons.DEBIAN_PYTHON, os.path.join(HERE, "scenario.py"),
                        "--uri", d.uri, "--transcript", out],
                       env=daemons.clean_env(libdir), capture_output=True,
                       text=True, timeout=300)
    lines = open(out).read().splitlines() if os.path.exists(out) else []
    return r.returncode, r.stdout + r.stderr, lines


def holder(d):
    """Keep test:///default's state alive between virsh invocations."""
    return Conn(d.sock).open()


def virsh_knows(virsh, libdir):
    """The commands of VIRSH_CASES this virsh has (nuvirt's grows)."""
    known = set()
    for cmd in {argv.split()[0] for _, argv in VIRSH_CASES}:
        r = subprocess.run([virsh, "help", cmd], env=daemons.clean_env(libdir),
                           capture_output=True, text=True, timeout=60)
        if r.returncode == 0:
            known.add(cmd)
    return known


def run_virsh(d, virsh, libdir, work, known):
    lines = []
    hold = holder(d)
    env = daemons.clean_env(libdir)
    for tag, argv in VIRSH_CASES:
        if argv.split()[0] not in known:
            continue
        args = argv.replace("{W}", work).split()
        r = subprocess.run([virsh, "-q", "-c", d.uri] + args, env=env,
                           capture_output=True, text=True, timeout=60)
        prefix = "impl " if tag == "impl" else ""
        lines.append("%s$ virsh %s -> rc=%d" % (prefix, argv, r.returncode))
        text = (r.stdout + r.stderr).replace(d.sock, "SOCKET")
        lines += [prefix + "  " + ln for ln in text.splitlines()]
    hold.close()
    return lines


def prepare_work():
    work = tempfile.mkdtemp(prefix="nuvirt-interop-")
    with open(os.path.join(work, "interop2.xml"), "w") as f:
        f.write(DOM2_XML)
    with open(os.path.join(work, "upload.bin"), "wb") as f:
        f.write(bytes((i * 13 + 5) & 0xff for i in range(1024 * 1024)))
    return work


def session(mode, d, client_lib, virsh, work, tag, known):
    if mode == "python":
        rc, log, lines = run_python(d, client_lib, work, tag)
        return rc, log, lines
    return 0, "", run_virsh(d, virsh, client_lib, work, known)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["python", "virsh"])
    ap.add_argument("--client", choices=["debian", "nuvirt"], required=True)
    ap.add_argument("--libvirtd", required=True, help="nuvirt's libvirtd")
    ap.add_argument("--libdir", required=True, help="nuvirt's libvirt.so.0 directory")
    ap.add_argument("--virsh", help="nuvirt's virsh")
    args = ap.parse_args()

    need = [daemons.DEBIAN_LIBVIRTD]
    need.append(daemons.DEBIAN_PYTHON if args.mode == "python" else daemons.DEBIAN_VIRSH)
    missing = [p for p in need if not os.path.exists(p)]
    if args.mode == "python" and not missing and not daemons.debian_has_python_libvirt():
        missing.append("python3-libvirt")
    if missing:
        return daemons.missing(missing)

    tap = Tap()
    work = prepare_work()
    if args.client == "debian":
        under = (daemons.ours(args.libvirtd), None, daemons.DEBIAN_VIRSH)
        what = "Debian's %s against nuvirt's libvirtd" % args.mode
    else:
        under = (daemons.debian(), args.libdir, args.virsh)
        what = "nuvirt's %s against Debian's libvirtd" % args.mode
    ref = (daemons.debian(), None, daemons.DEBIAN_VIRSH)

    known = set()
    if args.mode == "virsh":
        known = virsh_knows(under[2], under[1])
        missing = sorted({a.split()[0] for _, a in VIRSH_CASES} - known)
        if missing:
            tap.lines.append("# commands %s's virsh lacks, left out on both sides: %s"
                             % (args.client, " ".join(missing)))
    results = {}
    for tag, (d, lib, virsh) in (("reference", ref), ("test", under)):
        d.start()
        try:
            results[tag] = session(args.mode, d, lib, virsh, work, tag, known)
            if tag == "test" and args.mode == "virsh" and args.client == "debian":
                # the volume came back as it went (nuvirt's test driver keeps it)
                same = (open(os.path.join(work, "upload.bin"), "rb").read() ==
                        open(os.path.join(work, "download.bin"), "rb").read()
                        if os.path.exists(os.path.join(work, "download.bin")) else False)
                tap.check(same, "vol-upload then vol-download return the same 1 MiB")
        finally:
            rc = d.stop()
            if d.kind == "nuvirt":
                tap.check(rc == 0, "nuvirt's libvirtd exits 0 on SIGTERM",
                          "status %r\n%s" % (rc, d.read_log()))
            d.cleanup()
            if os.path.exists(os.path.join(work, "download.bin")) and tag == "reference":
                os.unlink(os.path.join(work, "download.bin"))

    rules = load_allow(args.mode, args.client)
    rrc, rlog, rlines = results["reference"]
    trc, tlog, tlines = results["test"]
    tap.check(rrc == 0, "reference pair (Debian client, Debian libvirtd) passes its checks",
              rlog)
    if args.mode == "python":
        fails = [ln[len("# FAIL "):] for ln in tlog.splitlines() if ln.startswith("# FAIL ")]
        real = [f for f in fails
                if not any(fnmatch.fnmatchcase("FAIL " + f, r) for r in rules)]
        tap.check(not real and ("calls," in tlog), "%s: scenario checks" % what,
                  "\n".join(real) or tlog)
    diff = list(difflib.unified_diff(filtered(rlines, rules), filtered(tlines, rules),
                                     "debian-client+debian-daemon", "under-test",
                                     lineterm="", n=1))
    tap.check(not diff, "%s: transcript equals Debian against Debian (%d lines)"
              % (what, len(tlines)), "\n".join(diff))
    if args.mode == "virsh":
        ran = [a for _, a in VIRSH_CASES if a.split()[0] in known]
        tap.check(len(ran) >= 30, "%d virsh invocations" % len(ran))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
