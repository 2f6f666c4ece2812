"""daemons: start nuvirt's libvirtd or Debian's on a private socket.

Both serve the test driver (test+unix:///default?socket=...) from a fresh
directory, with authentication off on the UNIX sockets, and both are
stopped with SIGTERM.  Debian's daemon gets an empty LIBVIRT_DRIVER_DIR so
that it loads no driver module (the test driver is built into libvirt.so).
"""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

DEBIAN_LIBVIRTD = "/usr/sbin/libvirtd"
DEBIAN_VIRSH = "/usr/bin/virsh"
DEBIAN_PYTHON = "/usr/bin/python3"

SKIP = 77


def missing(what):
    """A Debian binary the test needs is absent: fail, as CI installs them
    all with scripts/setup-deps.sh; skip (77) only when the caller asked
    for it with NUVIRT_INTEROP_OPTIONAL=1.  Print the TAP plan and return
    the exit code."""
    what = " ".join(what)
    if os.environ.get("NUVIRT_INTEROP_OPTIONAL") == "1":
        print("1..0 # SKIP missing %s (NUVIRT_INTEROP_OPTIONAL=1)" % what)
        return SKIP
    print("1..1")
    print("not ok 1 - missing %s: run scripts/setup-deps.sh, or set "
          "NUVIRT_INTEROP_OPTIONAL=1 to skip" % what)
    return 1


def debian_has_python_libvirt():
    if not os.path.exists(DEBIAN_PYTHON):
        return False
    r = subprocess.run([DEBIAN_PYTHON, "-c", "import libvirt"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=clean_env())
    return r.returncode == 0


def clean_env(libdir=None):
    """An environment that loads Debian's libvirt.so, or nuvirt's from libdir."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LIBVIRT_", "VIRSH_", "LD_"))}
    env["LIBVIRT_DEFAULT_URI"] = ""
    env["LC_ALL"] = "C"
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    if libdir:
        env["LD_LIBRARY_PATH"] = libdir
        # a sanitized nuvirt library in Debian's (unsanitized) python or
        # virsh needs the sanitizer runtimes loaded first.  The leaks of
        # the interpreter itself are not ours to check.
        preload = sanitizer_runtimes(os.path.join(libdir, "libvirt.so.0"))
        if preload:
            env["LD_PRELOAD"] = " ".join(preload)
            env["ASAN_OPTIONS"] = "detect_leaks=0"
    return env


def sanitizer_runtimes(lib):
    """The libasan/libubsan a library links against (from ldd)."""
    try:
        res = subprocess.run(["ldd", lib], capture_output=True, text=True)
    except OSError:
        return []
    found = []
    for ln in res.stdout.splitlines():
        parts = ln.split()
        if parts and parts[0].startswith(("libasan.so", "libubsan.so")) \
                and "=>" in parts and len(parts) > 2:
            found.append(parts[2])
    return found


class Daemon:
    def __init__(self, kind, binary, workdir=None):
        self.kind = kind
        self.binary = binary
        self.dir = workdir or tempfile.mkdtemp(prefix="nuvirt-%s-" % kind)
        self.sock = os.path.join(self.dir, "run", "libvirt-sock")
        self.uri = "test+unix:///default?socket=" + self.sock
        self.proc = None
        self.log = os.path.join(self.dir, "daemon.log")

    def start(self, extra_conf=""):
        os.makedirs(os.path.join(self.dir, "run"), exist_ok=True)
        os.makedirs(os.path.join(self.dir, "nodrivers"), exist_ok=True)
        conf = os.path.join(self.dir, "libvirtd.conf")
        with open(conf, "w") as f:
            f.write('unix_sock_dir = "%s/run"\n' % self.dir)
            f.write('auth_unix_rw = "none"\nauth_unix_ro = "none"\n')
            f.write('log_outputs = "3:file:%s/libvirtd.log"\n' % self.dir)
            f.write(extra_conf)
        env = clean_env()
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                env[k] = os.environ[k]
        env["LIBVIRT_DRIVER_DIR"] = os.path.join(self.dir, "nodrivers")
        self.logf = open(self.log, "w")
        self.proc = subprocess.Popen(
            [self.binary, "--config", conf,
             "--pid-file", os.path.join(self.dir, "libvirtd.pid")],
            stdout=self.logf, stderr=subprocess.STDOUT, env=env,
            start_new_session=True)
        for _ in range(300):
            if self.accepts():
                return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("%s did not come up (%s): %s"
                           % (self.binary, self.dir, self.read_log()))

    def accepts(self):
        """The socket file appears at bind(), a moment before listen():
        ready means a connection is accepted."""
        if not os.path.exists(self.sock):
            return False
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(self.sock)
            return True
        except OSError:
            return False
        finally:
            s.close()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def pid(self):
        return self.proc.pid

    def read_log(self):
        try:
            with open(self.log) as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def stop(self, timeout=30):
        """SIGTERM; return the exit status (None if it had to be killed)."""
        if self.proc is None:
            return None
        rc = self.proc.poll()
        if rc is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                rc = self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                rc = None
        self.logf.close()
        self.proc = None
        return rc

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def ours(binary):
    return Daemon("nuvirt", binary)


def debian():
    if not os.path.exists(DEBIAN_LIBVIRTD):
        return None
    return Daemon("debian", DEBIAN_LIBVIRTD)
