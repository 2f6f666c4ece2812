#!/usr/bin/python3
"""scenario: one python3-libvirt session of 100+ calls against a daemon.

Run with Debian's /usr/bin/python3 (it has the libvirt module).  Which
library the binding loads is chosen by the caller (LD_LIBRARY_PATH: Debian's
libvirt.so.0 or nuvirt's), which daemon answers by --uri, so the same
scenario proves both directions: Debian's client against nuvirt's daemon
and nuvirt's client against Debian's libvirtd.

Every call is checked against what libvirt 9.0.0 returns for the test
driver (values, XML fragments, error code, domain and message), and one
transcript line per call is printed; the caller also compares the
transcripts of different client/daemon pairs.  Lines starting with
"impl " depend on the daemon's test driver (Debian's has no volume
streams but has screenshots) and are not compared.

  scenario.py --uri test+unix:///default?socket=PATH
Exit status: 0 when every check passed, 1 otherwise.
"""
import argparse
import sys
import threading
import time

import libvirt

CALLS = 0
FAILS = []
OUT = []


def _quiet(_ctx, _err):
    pass


libvirt.registerErrorHandler(_quiet, None)


def line(text):
    OUT.append(text)


def call(name, fn, *args, want=None, check=None, show=True):
    """Run one API call; record its result (or error) in the transcript."""
    global CALLS
    CALLS += 1
    try:
        r = fn(*args)
    except libvirt.libvirtError as e:
        line("%s: error code=%d domain=%d msg=%s" % (name, e.get_error_code(),
             e.get_error_domain(), e.get_error_message()))
        FAILS.append("%s: unexpected error: %s" % (name, e.get_error_message()))
        return None
    if want is not None and r != want:
        FAILS.append("%s: got %r, want %r" % (name, r, want))
    if check is not None and not check(r):
        FAILS.append("%s: check failed on %r" % (name, r))
    line("%s: %s" % (name, r if show else "ok"))
    return r


def fails_with(name, fn, *args, code, domain=None, msg=None):
    """The call must fail with exactly this error."""
    global CALLS
    CALLS += 1
    try:
        r = fn(*args)
    except libvirt.libvirtError as e:
        got = (e.get_error_code(), e.get_error_domain(), e.get_error_message())
        line("%s: error code=%d domain=%d msg=%s" % ((name,) + got))
        if got[0] != code or (domain is not None and got[1] != domain) or \
                (msg is not None and got[2] != msg):
            FAILS.append("%s: error %r, want code=%r domain=%r msg=%r"
                         % (name, got, code, domain, msg))
        return
    line("%s: unexpectedly returned %r" % (name, r))
    FAILS.append("%s: returned %r, want error %d" % (name, r, code))


DOM_XML = """<domain type='test'>
  <name>interop1</name>
  <uuid>7c1e3f6e-1d2b-4a5c-9e8f-0123456789ab</uuid>
  <memory unit='KiB'>262144</memory>
  <currentMemory unit='KiB'>262144</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os><type arch='i686'>hvm</type></os>
</domain>"""

NET_XML = """<network>
  <name>interopnet</name>
  <uuid>7c1e3f6e-1d2b-4a5c-9e8f-0123456789ac</uuid>
  <bridge name='virbr9'/>
  <ip address='192.168.129.1' netmask='255.255.255.0'/>
</network>"""

VOL_XML = """<volume>
  <name>interop.img</name>
  <capacity unit='bytes'>1048576</capacity>
  <allocation unit='bytes'>0</allocation>
</volume>"""

LIFECYCLE = {0: "DEFINED", 1: "UNDEFINED", 2: "STARTED", 3: "SUSPENDED",
             4: "RESUMED", 5: "STOPPED", 6: "SHUTDOWN"}


NET_LIFECYCLE = {0: "DEFINED", 1: "UNDEFINED", 2: "STARTED", 3: "STOPPED"}


class Events:
    def __init__(self):
        self.got = []
        self.cond = threading.Condition()

    def lifecycle(self, _conn, dom, event, detail, _opaque):
        with self.cond:
            self.got.append("%s %s %d" % (dom.name(), LIFECYCLE.get(event, event), detail))
            self.cond.notify_all()

    def network(self, _conn, net, event, detail, _opaque):
        with self.cond:
            self.got.append("net %s %s %d" % (net.name(), NET_LIFECYCLE.get(event, event),
                                               detail))
            self.cond.notify_all()

    def wait_for(self, n, timeout=5.0, match=""):
        end = time.time() + timeout
        with self.cond:
            while (len([g for g in self.got if g.startswith(match)]) < n
                   and time.time() < end):
                self.cond.wait(end - time.time())
            return list(self.got)


def event_loop():
    while True:
        libvirt.virEventRunDefaultImpl()


def connection(conn):
    call("getType", conn.getType, want="TEST")
    call("getVersion", conn.getVersion, want=2)
    call("getLibVersion", conn.getLibVersion, want=9000000)
    call("getHostname", conn.getHostname, check=bool, show=False)
    call("isAlive", conn.isAlive, want=1)
    call("isSecure", conn.isSecure, want=1)
    call("isEncrypted", conn.isEncrypted, want=0)
    call("getMaxVcpus", conn.getMaxVcpus, None, want=32)
    call("getInfo", conn.getInfo)
    call("getCellsFreeMemory", conn.getCellsFreeMemory, 0, 2)
    call("getFreeMemory", conn.getFreeMemory)
    call("getCPUMap", conn.getCPUMap, 0,
         want=(8, [True, False, True, False, True, False, False, False], 3))
    call("getCapabilities", conn.getCapabilities,
         check=lambda x: "<capabilities>" in x and "<arch>i686</arch>" in x, show=False)
    call("getSysinfo", lambda: len(conn.getSysinfo(0)) > 0, want=True)


def domain_lists(conn):
    call("numOfDomains", conn.numOfDomains, want=1)
    call("listDomainsID", conn.listDomainsID, want=[1])
    call("numOfDefinedDomains", conn.numOfDefinedDomains, want=0)
    call("listDefinedDomains", conn.listDefinedDomains, want=[])
    call("listAllDomains", lambda: [d.name() for d in conn.listAllDomains(0)],
         want=["test"])
    call("listAllDomains(active)",
         lambda: len(conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)), want=1)
    call("listAllDomains(inactive)",
         lambda: len(conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_INACTIVE)), want=0)
    d = call("lookupByName(test)", conn.lookupByName, "test", show=False)
    call("test.ID", d.ID, want=1)
    call("test.UUIDString", d.UUIDString, want="6695eb01-f6a4-8304-79aa-97f2502e193f")
    call("lookupByID(1)", lambda: conn.lookupByID(1).name(), want="test")
    call("lookupByUUIDString", lambda: conn.lookupByUUIDString(
        "6695eb01-f6a4-8304-79aa-97f2502e193f").name(), want="test")
    call("test.info", d.info, want=[1, 8388608, 2097152, 2, 0], check=None) \
        if False else call("test.info", lambda: d.info()[:4], want=[1, 8388608, 2097152, 2])
    call("test.state", d.state, want=[1, 0])
    call("test.isActive", d.isActive, want=1)
    call("test.isPersistent", d.isPersistent, want=1)
    call("test.OSType", d.OSType, want="linux")
    call("test.maxMemory", d.maxMemory, want=8388608)
    call("test.autostart", d.autostart, want=0)
    call("test.XMLDesc", d.XMLDesc, 0,
         check=lambda x: "<name>test</name>" in x and "<memory unit='KiB'>8388608</memory>" in x,
         show=False)
    call("test.schedulerType", d.schedulerType, want=("fair", 1))
    call("test.schedulerParameters", d.schedulerParameters, want={"weight": 50})
    call("test.vcpus", lambda: len(d.vcpus()[0]), want=2)
    call("test.getCPUStats", lambda: d.getCPUStats(True)[0]["cpu_time"] > 0, want=True)


def lifecycle(conn, ev):
    d = call("defineXML", conn.defineXML, DOM_XML, show=False)
    call("interop1.name", d.name, want="interop1")
    call("interop1.isActive", d.isActive, want=0)
    call("interop1.ID", d.ID, want=-1)
    call("numOfDefinedDomains", conn.numOfDefinedDomains, want=1)
    call("listDefinedDomains", conn.listDefinedDomains, want=["interop1"])
    call("interop1.setAutostart", d.setAutostart, 1, want=0)
    call("interop1.autostart", d.autostart, want=1)
    call("interop1.setMemoryFlags", d.setMemoryFlags, 131072,
         libvirt.VIR_DOMAIN_AFFECT_CONFIG, want=0)
    call("interop1.setMetadata", d.setMetadata, libvirt.VIR_DOMAIN_METADATA_DESCRIPTION,
         "interop domain", None, None, 0, want=0)
    call("interop1.metadata", d.metadata, libvirt.VIR_DOMAIN_METADATA_DESCRIPTION, None, 0,
         want="interop domain")
    call("interop1.create", d.create, want=0)
    call("interop1.isActive", d.isActive, want=1)
    call("interop1.ID>1", lambda: d.ID() > 1, want=True)
    call("interop1.state", d.state, want=[1, 1])
    call("interop1.suspend", d.suspend, want=0)
    call("interop1.state", d.state, want=[3, 1])
    call("interop1.resume", d.resume, want=0)
    call("interop1.setVcpusFlags", d.setVcpusFlags, 1, libvirt.VIR_DOMAIN_AFFECT_LIVE, want=0)
    call("interop1.vcpusFlags", d.vcpusFlags, libvirt.VIR_DOMAIN_AFFECT_LIVE, want=1)
    call("interop1.setMemory", d.setMemory, 100000, want=0)
    call("interop1.info", lambda: d.info()[:4], want=[1, 262144, 100000, 1])
    call("interop1.reboot", d.reboot, 0, want=0)
    call("interop1.shutdown", d.shutdown, want=0)
    call("interop1.state", d.state, want=[5, 1])
    call("interop1.create", d.create, want=0)
    call("interop1.destroy", d.destroy, want=0)
    call("interop1.state", d.state, want=[5, 2])
    call("interop1.XMLDesc(inactive)", d.XMLDesc, libvirt.VIR_DOMAIN_XML_INACTIVE,
         check=lambda x: "<memory unit='KiB'>262144</memory>" in x and
         "<currentMemory unit='KiB'>131072</currentMemory>" in x and
         "<description>interop domain</description>" in x, show=False)
    call("interop1.undefine", d.undefine, want=0)
    call("numOfDefinedDomains", conn.numOfDefinedDomains, want=0)
    got = [g for g in ev.wait_for(8, match="interop1 ") if g.startswith("interop1 ")]
    want = ["interop1 DEFINED 0", "interop1 STARTED 0", "interop1 SUSPENDED 0",
            "interop1 RESUMED 0", "interop1 STOPPED 0", "interop1 STARTED 0",
            "interop1 STOPPED 1", "interop1 UNDEFINED 0"]
    line("lifecycle events: %s" % got)
    if [g for g in got if g.startswith("interop1 ") and "SHUTDOWN" not in g] != want:
        FAILS.append("lifecycle events: got %r, want %r" % (got, want))


def errors(conn):
    VIR_FROM_TEST, VIR_FROM_DOMAIN = 12, 20
    fails_with("lookupByName(nope)", conn.lookupByName, "nope",
               code=libvirt.VIR_ERR_NO_DOMAIN, domain=VIR_FROM_TEST,
               msg="Domain not found")
    fails_with("lookupByID(99)", conn.lookupByID, 99,
               code=libvirt.VIR_ERR_NO_DOMAIN, domain=VIR_FROM_TEST,
               msg="Domain not found")
    fails_with("lookupByUUIDString(bad)", conn.lookupByUUIDString,
               "11111111-2222-3333-4444-555555555555", code=libvirt.VIR_ERR_NO_DOMAIN)
    fails_with("defineXML(garbage)", conn.defineXML, "<domain",
               code=libvirt.VIR_ERR_XML_DETAIL, domain=VIR_FROM_DOMAIN)
    fails_with("defineXML(no name)", conn.defineXML, "<domain type='test'/>",
               code=libvirt.VIR_ERR_NO_NAME)
    d = conn.lookupByName("test")
    fails_with("test.create(running)", d.create, code=libvirt.VIR_ERR_INTERNAL_ERROR,
               domain=VIR_FROM_TEST, msg="internal error: Domain 'test' is already running")
    fails_with("test.resume(running)", d.resume, code=libvirt.VIR_ERR_INTERNAL_ERROR,
               domain=VIR_FROM_TEST, msg="internal error: domain 'test' not paused")
    fails_with("test.XMLDesc(bad flags)", d.XMLDesc, 1 << 30,
               code=libvirt.VIR_ERR_INVALID_ARG)
    fails_with("networkLookupByName(nope)", conn.networkLookupByName, "nope",
               code=libvirt.VIR_ERR_NO_NETWORK, domain=VIR_FROM_TEST,
               msg="Network not found: no network with matching name 'nope'")
    fails_with("storagePoolLookupByName(nope)", conn.storagePoolLookupByName, "nope",
               code=libvirt.VIR_ERR_NO_STORAGE_POOL,
               msg="Storage pool not found: no storage pool with matching name 'nope'")
    fails_with("interfaceLookupByName(nope)", conn.interfaceLookupByName, "nope",
               code=libvirt.VIR_ERR_NO_INTERFACE)
    fails_with("nodeDeviceLookupByName(nope)", conn.nodeDeviceLookupByName, "nope",
               code=libvirt.VIR_ERR_NO_NODE_DEVICE)
    fails_with("storageVolLookupByPath(nope)", conn.storageVolLookupByPath, "/nope",
               code=libvirt.VIR_ERR_NO_STORAGE_VOL,
               msg="Storage volume not found: no storage vol with matching path '/nope'")


def networks(conn, ev):
    call("numOfNetworks", conn.numOfNetworks, want=1)
    call("listNetworks", conn.listNetworks, want=["default"])
    call("listAllNetworks", lambda: [n.name() for n in conn.listAllNetworks(0)],
         want=["default"])
    n = call("networkLookupByName(default)", conn.networkLookupByName, "default", show=False)
    call("default.isActive", n.isActive, want=1)
    call("default.bridgeName", n.bridgeName, want="virbr0")
    call("default.XMLDesc", n.XMLDesc, 0,
         check=lambda x: "<name>default</name>" in x, show=False)
    n2 = call("networkDefineXML", conn.networkDefineXML, NET_XML, show=False)
    call("interopnet.create", n2.create, want=0)
    call("numOfNetworks", conn.numOfNetworks, want=2)
    call("interopnet.destroy", n2.destroy, want=0)
    call("interopnet.undefine", n2.undefine, want=0)
    call("numOfNetworks", conn.numOfNetworks, want=1)
    got = [g for g in ev.wait_for(4, match="net ") if g.startswith("net ")]
    want = ["net interopnet DEFINED 0", "net interopnet STARTED 0",
            "net interopnet STOPPED 0", "net interopnet UNDEFINED 0"]
    line("network events: %s" % got)
    if got != want:
        FAILS.append("network events: got %r, want %r" % (got, want))


def storage(conn):
    call("numOfStoragePools", conn.numOfStoragePools, want=1)
    call("listStoragePools", conn.listStoragePools, want=["default-pool"])
    p = call("storagePoolLookupByName", conn.storagePoolLookupByName, "default-pool",
             show=False)
    call("pool.info", p.info)
    call("pool.isActive", p.isActive, want=1)
    call("pool.numOfVolumes", p.numOfVolumes, want=0)
    v = call("pool.createXML(vol)", p.createXML, VOL_XML, 0, show=False)
    call("vol.name", v.name, want="interop.img")
    call("vol.key", v.key, want="/default-pool/interop.img")
    call("vol.path", v.path, want="/default-pool/interop.img")
    call("vol.info", v.info, want=[0, 1048576, 0])
    call("pool.listVolumes", p.listVolumes, want=["interop.img"])
    call("storageVolLookupByPath", lambda: conn.storageVolLookupByPath(
        "/default-pool/interop.img").name(), want="interop.img")
    return p, v


def vol_stream(conn, v):
    """Upload then download 300 KiB through streams (nuvirt's test driver)."""
    data = bytes((i * 7 + 3) & 0xff for i in range(300 * 1024))
    st = conn.newStream(0)
    try:
        v.upload(st, 0, len(data), 0)
    except libvirt.libvirtError as e:
        line("impl vol.upload: error code=%d" % e.get_error_code())
        st.abort()
        return False
    for off in range(0, len(data), 65536):
        st.send(data[off:off + 65536])
    st.finish()
    st = conn.newStream(0)
    v.download(st, 0, len(data), 0)
    got = b""
    while True:
        chunk = st.recv(65536)
        if chunk in (b"", None) or isinstance(chunk, int):
            break
        got += chunk
    st.finish()
    global CALLS
    CALLS += 6
    line("impl vol.upload+download: %d bytes, equal=%s" % (len(got), got == data))
    if got != data:
        FAILS.append("volume download returned %d bytes, not the %d uploaded"
                     % (len(got), len(data)))
    return True


def screenshot(conn):
    """Receive a screenshot stream (libvirt's test driver serves a PNG)."""
    d = conn.lookupByName("test")
    st = conn.newStream(0)
    try:
        mime = d.screenshot(st, 0, 0)
    except libvirt.libvirtError as e:
        line("impl screenshot: error code=%d" % e.get_error_code())
        st.abort()
        return False
    got = b""
    while True:
        chunk = st.recv(65536)
        if chunk in (b"", None) or isinstance(chunk, int):
            break
        got += chunk
    st.finish()
    global CALLS
    CALLS += 3
    line("impl screenshot: %s %d bytes png=%s" % (mime, len(got), got[:4] == b"\x89PNG"))
    if got[:4] != b"\x89PNG" or len(got) < 1000:
        FAILS.append("screenshot: %d bytes, not a PNG" % len(got))
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--uri", required=True)
    ap.add_argument("--transcript", help="write the transcript here")
    args = ap.parse_args()

    libvirt.virEventRegisterDefaultImpl()
    threading.Thread(target=event_loop, daemon=True).start()
    conn = libvirt.open(args.uri)
    ev = Events()
    cb = conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                     ev.lifecycle, None)
    connection(conn)
    domain_lists(conn)
    lifecycle(conn, ev)
    errors(conn)
    ncb = conn.networkEventRegisterAny(None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                       ev.network, None)
    networks(conn, ev)
    call("networkEventDeregisterAny", conn.networkEventDeregisterAny, ncb, want=None)
    p, v = storage(conn)
    streamed = vol_stream(conn, v)
    shot = screenshot(conn)
    if not streamed and not shot:
        FAILS.append("no stream worked: neither volume upload/download nor screenshot")
    call("vol.delete", v.delete, 0, want=0)
    call("pool.numOfVolumes", p.numOfVolumes, want=0)
    call("domainEventDeregisterAny", conn.domainEventDeregisterAny, cb, want=None)
    ro = libvirt.openReadOnly(args.uri)
    fails_with("readonly defineXML", ro.defineXML, DOM_XML,
               code=libvirt.VIR_ERR_OPERATION_DENIED,
               msg="operation forbidden: read only access prevents virDomainDefineXML")
    call("readonly numOfDomains", ro.numOfDomains, want=1)
    ro.close()
    call("close", lambda: conn.close() >= 0, want=True)
    if args.transcript:
        with open(args.transcript, "w") as f:
            f.write("\n".join(OUT) + "\n")
    for f in FAILS:
        print("# FAIL " + f)
    print("# %d calls, %d failures" % (CALLS, len(FAILS)))
    if CALLS < 100:
        print("# FAIL fewer than 100 calls")
        return 1
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
