/*
 * virsh_private.c: libvirt 9.0.0's private helpers, for binaries built from
 * libvirt's own tree (Debian's /usr/bin/virsh) that import them from
 * libvirt.so.0 at version LIBVIRT_PRIVATE_9.0.0.  See README.md.  The
 * document formats (virJSON, XML, virURI) are in virsh_private_xml.c.
 *
 * Each function is defined as compat_<name> and exported as
 * <name>@LIBVIRT_PRIVATE_9.0.0 (VIR_COMPAT_EXPORT), so nothing in nuvirt
 * links against these; nuvirt code must use its own src/util helpers.
 * Behaviour follows libvirt 9.0.0: same return conventions, same error
 * codes and messages.
 *
 * Known gaps, by design:
 *  - nuvirt has no polkit agent: virPolkitAgentAvailable() is false and
 *    virPolkitAgentCreate() fails as Debian's libvirt does when no agent
 *    can run (VIR_FROM_POLKIT, VIR_ERR_SYSTEM_ERROR).
 *  - virKeycodeValueFromString() knows the key names of the three sets
 *    libvirt has names for (linux, os_x, win32); for the others it returns
 *    -1 as libvirt does, and virsh then accepts only numeric keycodes.
 *  - The virObject functions accept two kinds of objects: the ones made
 *    here by virObjectLockableNew (libvirt's layout, which virsh embeds in
 *    its own structs) and nuvirt's public handles (virDomainPtr in the
 *    lists virsh hands to virObjectListFree), which go to nuvirt's own
 *    virObject code.  Any other pointer is ignored.
 *  - virFileActivateDirOverrideForProg() does nothing: nuvirt has no
 *    build-tree resource overrides.
 *  - virCommand is reduced to what virsh uses (argv, stdin/stdout/stderr
 *    redirection, async run and wait); a failed exec makes the child exit
 *    with 127 (not found) or 126, reported by virCommandWait.
 */
#include "internal.h"

#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <libintl.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include <glib-object.h>

#include "compat/virsh_private.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* libvirt's virObject is a GObject; callers size their objects by it. */
G_STATIC_ASSERT(sizeof(compat_virObject) == sizeof(GObject));
G_STATIC_ASSERT(offsetof(compat_virObjectLockable, lock) == sizeof(GObject));
G_STATIC_ASSERT(sizeof(compat_virMacAddr) == 6);


/* ================================================================== */
/* Strings and numbers: virStrToLong_*, spaces, copies, scaling        */
/* ================================================================== */

/* strtoull over the whole of @s unless @end_ptr is given; @neg tells
 * whether a minus sign was consumed. */
static int
compat_parse_unsigned(const char *s, char **end_ptr, int base,
                      unsigned long long *val, bool *neg)
{
    char *p;
    bool bad;

    errno = 0;
    *val = strtoull(s, &p, base);
    bad = errno != 0 || p == s || (!end_ptr && *p != '\0');
    *neg = memchr(s, '-', p - s) != NULL;
    if (end_ptr)
        *end_ptr = p;
    return bad ? -1 : 0;
}


static int
compat_parse_signed(const char *s, char **end_ptr, int base,
                    long long *val)
{
    char *p;
    bool bad;

    errno = 0;
    *val = strtoll(s, &p, base);
    bad = errno != 0 || p == s || (!end_ptr && *p != '\0');
    if (end_ptr)
        *end_ptr = p;
    return bad ? -1 : 0;
}


VIR_COMPAT_EXPORT(virStrToLong_i) int
compat_virStrToLong_i(const char *s, char **end_ptr, int base, int *result)
{
    long long val;

    if (compat_parse_signed(s, end_ptr, base, &val) < 0 ||
        val < INT_MIN || val > INT_MAX)
        return -1;
    *result = val;
    return 0;
}


VIR_COMPAT_EXPORT(virStrToLong_ll) int
compat_virStrToLong_ll(const char *s, char **end_ptr, int base,
                       long long *result)
{
    long long val;

    if (compat_parse_signed(s, end_ptr, base, &val) < 0)
        return -1;
    *result = val;
    return 0;
}


/* "-1" is accepted as UINT_MAX (and "-N" wraps within 32 bits). */
VIR_COMPAT_EXPORT(virStrToLong_ui) int
compat_virStrToLong_ui(const char *s, char **end_ptr, int base,
                       unsigned int *result)
{
    unsigned long long val;
    bool neg;

    if (compat_parse_unsigned(s, end_ptr, base, &val, &neg) < 0)
        return -1;
    if (neg) {
        if (-val > UINT_MAX)
            return -1;
        val &= UINT_MAX;
    }
    if (val > UINT_MAX)
        return -1;
    *result = val;
    return 0;
}


VIR_COMPAT_EXPORT(virStrToLong_uip) int
compat_virStrToLong_uip(const char *s, char **end_ptr, int base,
                        unsigned int *result)
{
    unsigned long long val;
    bool neg;

    if (compat_parse_unsigned(s, end_ptr, base, &val, &neg) < 0 ||
        neg || val > UINT_MAX)
        return -1;
    *result = val;
    return 0;
}


VIR_COMPAT_EXPORT(virStrToLong_ul) int
compat_virStrToLong_ul(const char *s, char **end_ptr, int base,
                       unsigned long *result)
{
    unsigned long long val;
    bool neg;

    if (compat_parse_unsigned(s, end_ptr, base, &val, &neg) < 0 ||
        val > ULONG_MAX)
        return -1;
    *result = val;
    return 0;
}


VIR_COMPAT_EXPORT(virStrToLong_ulp) int
compat_virStrToLong_ulp(const char *s, char **end_ptr, int base,
                        unsigned long *result)
{
    unsigned long long val;
    bool neg;

    if (compat_parse_unsigned(s, end_ptr, base, &val, &neg) < 0 ||
        neg || val > ULONG_MAX)
        return -1;
    *result = val;
    return 0;
}


VIR_COMPAT_EXPORT(virStrToLong_ull) int
compat_virStrToLong_ull(const char *s, char **end_ptr, int base,
                        unsigned long long *result)
{
    unsigned long long val;
    bool neg;

    if (compat_parse_unsigned(s, end_ptr, base, &val, &neg) < 0)
        return -1;
    *result = val;
    return 0;
}


VIR_COMPAT_EXPORT(virStrToLong_ullp) int
compat_virStrToLong_ullp(const char *s, char **end_ptr, int base,
                         unsigned long long *result)
{
    unsigned long long val;
    bool neg;

    if (compat_parse_unsigned(s, end_ptr, base, &val, &neg) < 0 || neg)
        return -1;
    *result = val;
    return 0;
}


VIR_COMPAT_EXPORT(virSkipSpaces) void
compat_virSkipSpaces(const char **str)
{
    const char *p = *str;

    while (g_ascii_isspace(*p))
        p++;
    *str = p;
}


/* Drop trailing spaces.  With @endp pointing at NULL the string is cut and
 * *endp set to the new end; with *endp set, only *endp moves. */
VIR_COMPAT_EXPORT(virTrimSpaces) void
compat_virTrimSpaces(char *str, char **endp)
{
    char *end = (endp && *endp) ? *endp : str + strlen(str);
    bool cut = !endp || !*endp;

    while (end > str && g_ascii_isspace(end[-1]))
        end--;
    if (cut)
        *end = '\0';
    if (endp)
        *endp = end;
}


VIR_COMPAT_EXPORT(virStrcpy) int
compat_virStrcpy(char *dest, const char *src, size_t destbytes)
{
    return g_strlcpy(dest, src, destbytes) >= destbytes ? -1 : 0;
}


/* Multiply *@value by the unit named by @suffix ("", "b", "KiB", "k",
 * "MB", ...), or by @scale when there is no suffix. */
VIR_COMPAT_EXPORT(virScaleInteger) int
compat_virScaleInteger(unsigned long long *value, const char *suffix,
                       unsigned long long scale, unsigned long long limit)
{
    static const char units[] = "kmgtpe";

    if (!suffix || !*suffix) {
        if (!scale) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "invalid scale %llu", scale);
            return -1;
        }
        suffix = "";
    } else if (g_ascii_strcasecmp(suffix, "b") == 0 ||
               g_ascii_strcasecmp(suffix, "byte") == 0 ||
               g_ascii_strcasecmp(suffix, "bytes") == 0) {
        scale = 1;
    } else {
        const char *unit = strchr(units, g_ascii_tolower(suffix[0]));
        unsigned long long base;
        size_t i;

        if (!suffix[1] || g_ascii_strcasecmp(suffix + 1, "iB") == 0)
            base = 1024;
        else if (g_ascii_tolower(suffix[1]) == 'b' && !suffix[2])
            base = 1000;
        else
            unit = NULL;
        if (!unit || !*unit) {
            virReportError(VIR_ERR_INVALID_ARG, "unknown suffix '%s'", suffix);
            return -1;
        }
        scale = 1;
        for (i = 0; i <= (size_t)(unit - units); i++)
            scale *= base;
    }

    if (*value && *value > limit / scale) {
        virReportError(VIR_ERR_OVERFLOW, "value too large: %llu%s",
                       *value, suffix);
        return -1;
    }
    *value *= scale;
    return 0;
}


/* 16 hex digits, optionally after "0x". */
VIR_COMPAT_EXPORT(virValidateWWN) bool
compat_virValidateWWN(const char *wwn)
{
    const char *p = g_str_has_prefix(wwn, "0x") ? wwn + 2 : wwn;
    size_t n = 0;

    while (g_ascii_isxdigit(p[n]))
        n++;
    if (n != 16 || p[n] != '\0') {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Malformed wwn: %s", wwn);
        return false;
    }
    return true;
}


/* ================================================================== */
/* Enum <-> string tables (the XML vocabularies virsh completes)       */
/* ================================================================== */

VIR_COMPAT_EXPORT(virEnumFromString) int
compat_virEnumFromString(const char * const *types, unsigned int ntypes,
                         const char *type)
{
    unsigned int i;

    if (!type)
        return -1;
    for (i = 0; i < ntypes; i++) {
        if (STREQ(types[i], type))
            return i;
    }
    return -1;
}


VIR_COMPAT_EXPORT(virEnumToString) const char *
compat_virEnumToString(const char * const *types, unsigned int ntypes,
                       int type)
{
    if (type < 0 || (unsigned int)type >= ntypes)
        return NULL;
    return types[type];
}


/* The tables must keep libvirt's order and length: virsh iterates its own
 * compiled-in _LAST values over the ToString side. */
static const char * const compat_arch_names[] = {
    "none", "alpha", "armv6l", "armv7l", "armv7b",
    "aarch64", "cris", "i686", "ia64", "lm32",
    "m68k", "microblaze", "microblazeel", "mips", "mipsel",
    "mips64", "mips64el", "openrisc", "parisc", "parisc64",
    "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb",
    "riscv32", "riscv64", "s390", "s390x", "sh4",
    "sh4eb", "sparc", "sparc64", "unicore32", "x86_64",
    "xtensa", "xtensaeb",
};

static const char * const compat_hostdev_pci_backend_names[] = {
    "default", "kvm", "vfio", "xen",
};

static const char * const compat_net_type_names[] = {
    "user", "ethernet", "vhostuser", "server", "client", "mcast",
    "network", "bridge", "internal", "direct", "hostdev", "udp",
    "vdpa", "null", "vds",
};

static const char * const compat_numatune_mode_names[] = {
    "strict", "preferred", "interleave", "restrictive",
};

static const char * const compat_virt_type_names[] = {
    "none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz",
    "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve",
    "vz", "hvf",
};

static const char * const compat_nodedev_cap_names[] = {
    "system", "pci", "usb_device", "usb", "net", "scsi_host",
    "scsi_target", "scsi", "storage", "fc_host", "vports",
    "scsi_generic", "drm", "mdev_types", "mdev", "ccw", "css", "vdpa",
    "ap_card", "ap_queue", "ap_matrix", "vpd",
};

static const char * const compat_perf_event_names[] = {
    "cmt", "mbmt", "mbml", "cpu_cycles", "instructions",
    "cache_references", "cache_misses", "branch_instructions",
    "branch_misses", "bus_cycles", "stalled_cycles_frontend",
    "stalled_cycles_backend", "ref_cpu_cycles", "cpu_clock",
    "task_clock", "page_faults", "context_switches", "cpu_migrations",
    "page_faults_min", "page_faults_maj", "alignment_faults",
    "emulation_faults",
};

static const char * const compat_secret_usage_names[] = {
    "none", "volume", "ceph", "iscsi", "tls", "vtpm",
};

static const char * const compat_storage_file_format_names[] = {
    "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi",
    "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk",
};

static const char * const compat_storage_pool_names[] = {
    "dir", "fs", "netfs", "logical", "disk", "iscsi", "iscsi-direct",
    "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage",
};

static const char * const compat_keycode_set_names[] = {
    "linux", "xt", "atset1", "atset2", "atset3", "os_x", "xt_kbd",
    "usb", "win32", "qnum",
};

G_STATIC_ASSERT(G_N_ELEMENTS(compat_keycode_set_names) ==
                VIR_KEYCODE_SET_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(compat_secret_usage_names) ==
                VIR_SECRET_USAGE_TYPE_LAST);

#define COMPAT_ENUM_TO_STRING(name, table) \
    VIR_COMPAT_EXPORT(name##TypeToString) const char * \
    compat_##name##TypeToString(int type) \
    { \
        return compat_virEnumToString(table, G_N_ELEMENTS(table), type); \
    }

#define COMPAT_ENUM_FROM_STRING(name, table) \
    VIR_COMPAT_EXPORT(name##TypeFromString) int \
    compat_##name##TypeFromString(const char *type) \
    { \
        return compat_virEnumFromString(table, G_N_ELEMENTS(table), type); \
    }

COMPAT_ENUM_TO_STRING(virDomainHostdevSubsysPCIBackend,
                      compat_hostdev_pci_backend_names)
COMPAT_ENUM_TO_STRING(virDomainNet, compat_net_type_names)
COMPAT_ENUM_FROM_STRING(virDomainNet, compat_net_type_names)
COMPAT_ENUM_TO_STRING(virDomainNumatuneMemMode, compat_numatune_mode_names)
COMPAT_ENUM_FROM_STRING(virDomainNumatuneMemMode, compat_numatune_mode_names)
COMPAT_ENUM_TO_STRING(virDomainVirt, compat_virt_type_names)
COMPAT_ENUM_TO_STRING(virNodeDevCap, compat_nodedev_cap_names)
COMPAT_ENUM_FROM_STRING(virNodeDevCap, compat_nodedev_cap_names)
COMPAT_ENUM_TO_STRING(virPerfEvent, compat_perf_event_names)
COMPAT_ENUM_TO_STRING(virSecretUsage, compat_secret_usage_names)
COMPAT_ENUM_TO_STRING(virStorageFileFormat, compat_storage_file_format_names)
COMPAT_ENUM_TO_STRING(virStoragePool, compat_storage_pool_names)
COMPAT_ENUM_FROM_STRING(virStoragePool, compat_storage_pool_names)
COMPAT_ENUM_TO_STRING(virKeycodeSet, compat_keycode_set_names)
COMPAT_ENUM_FROM_STRING(virKeycodeSet, compat_keycode_set_names)


/* Out-of-range architectures read as "none". */
VIR_COMPAT_EXPORT(virArchToString) const char *
compat_virArchToString(int arch)
{
    if (arch < 0 || (size_t)arch >= G_N_ELEMENTS(compat_arch_names))
        arch = 0;
    return compat_arch_names[arch];
}


/* ================================================================== */
/* Keycodes: key name -> code for the sets that have names             */
/* ================================================================== */

/* Names and codes from keycodemapdb's keymaps.csv (the data libvirt
 * builds its tables from), in Linux keycode order: the first match wins,
 * as in libvirt. */
typedef struct {
    const char *name;
    unsigned short code;
} compat_keyname;

static const compat_keyname keynames_linux[] = {
    {"KEY_RESERVED", 0}, {"KEY_ESC", 1}, {"KEY_1", 2}, {"KEY_2", 3},
    {"KEY_3", 4}, {"KEY_4", 5}, {"KEY_5", 6}, {"KEY_6", 7}, {"KEY_7", 8},
    {"KEY_8", 9}, {"KEY_9", 10}, {"KEY_0", 11}, {"KEY_MINUS", 12},
    {"KEY_EQUAL", 13}, {"KEY_BACKSPACE", 14}, {"KEY_TAB", 15}, {"KEY_Q", 16},
    {"KEY_W", 17}, {"KEY_E", 18}, {"KEY_R", 19}, {"KEY_T", 20}, {"KEY_Y", 21},
    {"KEY_U", 22}, {"KEY_I", 23}, {"KEY_O", 24}, {"KEY_P", 25},
    {"KEY_LEFTBRACE", 26}, {"KEY_RIGHTBRACE", 27}, {"KEY_ENTER", 28},
    {"KEY_LEFTCTRL", 29}, {"KEY_A", 30}, {"KEY_S", 31}, {"KEY_D", 32},
    {"KEY_F", 33}, {"KEY_G", 34}, {"KEY_H", 35}, {"KEY_J", 36}, {"KEY_K", 37},
    {"KEY_L", 38}, {"KEY_SEMICOLON", 39}, {"KEY_APOSTROPHE", 40},
    {"KEY_GRAVE", 41}, {"KEY_LEFTSHIFT", 42}, {"KEY_BACKSLASH", 43},
    {"KEY_Z", 44}, {"KEY_X", 45}, {"KEY_C", 46}, {"KEY_V", 47}, {"KEY_B", 48},
    {"KEY_N", 49}, {"KEY_M", 50}, {"KEY_COMMA", 51}, {"KEY_DOT", 52},
    {"KEY_SLASH", 53}, {"KEY_RIGHTSHIFT", 54}, {"KEY_KPASTERISK", 55},
    {"KEY_LEFTALT", 56}, {"KEY_SPACE", 57}, {"KEY_CAPSLOCK", 58},
    {"KEY_F1", 59}, {"KEY_F2", 60}, {"KEY_F3", 61}, {"KEY_F4", 62},
    {"KEY_F5", 63}, {"KEY_F6", 64}, {"KEY_F7", 65}, {"KEY_F8", 66},
    {"KEY_F9", 67}, {"KEY_F10", 68}, {"KEY_NUMLOCK", 69},
    {"KEY_SCROLLLOCK", 70}, {"KEY_KP7", 71}, {"KEY_KP8", 72}, {"KEY_KP9", 73},
    {"KEY_KPMINUS", 74}, {"KEY_KP4", 75}, {"KEY_KP5", 76}, {"KEY_KP6", 77},
    {"KEY_KPPLUS", 78}, {"KEY_KP1", 79}, {"KEY_KP2", 80}, {"KEY_KP3", 81},
    {"KEY_KP0", 82}, {"KEY_KPDOT", 83}, {"KEY_ZENKAKUHANKAKU", 85},
    {"KEY_102ND", 86}, {"KEY_F11", 87}, {"KEY_F12", 88}, {"KEY_RO", 89},
    {"KEY_KATAKANA", 90}, {"KEY_HIRAGANA", 91}, {"KEY_HENKAN", 92},
    {"KEY_KATAKANAHIRAGANA", 93}, {"KEY_MUHENKAN", 94}, {"KEY_KPJPCOMMA", 95},
    {"KEY_KPENTER", 96}, {"KEY_RIGHTCTRL", 97}, {"KEY_KPSLASH", 98},
    {"KEY_SYSRQ", 99}, {"KEY_RIGHTALT", 100}, {"KEY_LINEFEED", 101},
    {"KEY_HOME", 102}, {"KEY_UP", 103}, {"KEY_PAGEUP", 104},
    {"KEY_LEFT", 105}, {"KEY_RIGHT", 106}, {"KEY_END", 107},
    {"KEY_DOWN", 108}, {"KEY_PAGEDOWN", 109}, {"KEY_INSERT", 110},
    {"KEY_DELETE", 111}, {"KEY_MACRO", 112}, {"KEY_MUTE", 113},
    {"KEY_VOLUMEDOWN", 114}, {"KEY_VOLUMEUP", 115}, {"KEY_POWER", 116},
    {"KEY_KPEQUAL", 117}, {"KEY_KPPLUSMINUS", 118}, {"KEY_PAUSE", 119},
    {"KEY_SCALE", 120}, {"KEY_KPCOMMA", 121}, {"KEY_HANGEUL", 122},
    {"KEY_HANJA", 123}, {"KEY_YEN", 124}, {"KEY_LEFTMETA", 125},
    {"KEY_RIGHTMETA", 126}, {"KEY_COMPOSE", 127}, {"KEY_STOP", 128},
    {"KEY_AGAIN", 129}, {"KEY_PROPS", 130}, {"KEY_UNDO", 131},
    {"KEY_FRONT", 132}, {"KEY_COPY", 133}, {"KEY_OPEN", 134},
    {"KEY_PASTE", 135}, {"KEY_FIND", 136}, {"KEY_CUT", 137},
    {"KEY_HELP", 138}, {"KEY_MENU", 139}, {"KEY_CALC", 140},
    {"KEY_SETUP", 141}, {"KEY_SLEEP", 142}, {"KEY_WAKEUP", 143},
    {"KEY_FILE", 144}, {"KEY_SENDFILE", 145}, {"KEY_DELETEFILE", 146},
    {"KEY_XFER", 147}, {"KEY_PROG1", 148}, {"KEY_PROG2", 149},
    {"KEY_WWW", 150}, {"KEY_MSDOS", 151}, {"KEY_SCREENLOCK", 152},
    {"KEY_DIRECTION", 153}, {"KEY_CYCLEWINDOWS", 154}, {"KEY_MAIL", 155},
    {"KEY_BOOKMARKS", 156}, {"KEY_COMPUTER", 157}, {"KEY_BACK", 158},
    {"KEY_FORWARD", 159}, {"KEY_CLOSECD", 160}, {"KEY_EJECTCD", 161},
    {"KEY_EJECTCLOSECD", 162}, {"KEY_NEXTSONG", 163}, {"KEY_PLAYPAUSE", 164},
    {"KEY_PREVIOUSSONG", 165}, {"KEY_STOPCD", 166}, {"KEY_RECORD", 167},
    {"KEY_REWIND", 168}, {"KEY_PHONE", 169}, {"KEY_ISO", 170},
    {"KEY_CONFIG", 171}, {"KEY_HOMEPAGE", 172}, {"KEY_REFRESH", 173},
    {"KEY_EXIT", 174}, {"KEY_MOVE", 175}, {"KEY_EDIT", 176},
    {"KEY_SCROLLUP", 177}, {"KEY_SCROLLDOWN", 178}, {"KEY_KPLEFTPAREN", 179},
    {"KEY_KPRIGHTPAREN", 180}, {"KEY_NEW", 181}, {"KEY_REDO", 182},
    {"KEY_F13", 183}, {"KEY_F14", 184}, {"KEY_F15", 185}, {"KEY_F16", 186},
    {"KEY_F17", 187}, {"KEY_F18", 188}, {"KEY_F19", 189}, {"KEY_F20", 190},
    {"KEY_F21", 191}, {"KEY_F22", 192}, {"KEY_F23", 193}, {"KEY_F24", 194},
    {"KEY_PLAYCD", 200}, {"KEY_PAUSECD", 201}, {"KEY_PROG3", 202},
    {"KEY_PROG4", 203}, {"KEY_DASHBOARD", 204}, {"KEY_SUSPEND", 205},
    {"KEY_CLOSE", 206}, {"KEY_PLAY", 207}, {"KEY_FASTFORWARD", 208},
    {"KEY_BASSBOOST", 209}, {"KEY_PRINT", 210}, {"KEY_HP", 211},
    {"KEY_CAMERA", 212}, {"KEY_SOUND", 213}, {"KEY_QUESTION", 214},
    {"KEY_EMAIL", 215}, {"KEY_CHAT", 216}, {"KEY_SEARCH", 217},
    {"KEY_CONNECT", 218}, {"KEY_FINANCE", 219}, {"KEY_SPORT", 220},
    {"KEY_SHOP", 221}, {"KEY_ALTERASE", 222}, {"KEY_CANCEL", 223},
    {"KEY_BRIGHTNESSDOWN", 224}, {"KEY_BRIGHTNESSUP", 225},
    {"KEY_MEDIA", 226}, {"KEY_SWITCHVIDEOMODE", 227},
    {"KEY_KBDILLUMTOGGLE", 228}, {"KEY_KBDILLUMDOWN", 229},
    {"KEY_KBDILLUMUP", 230}, {"KEY_SEND", 231}, {"KEY_REPLY", 232},
    {"KEY_FORWARDMAIL", 233}, {"KEY_SAVE", 234}, {"KEY_DOCUMENTS", 235},
    {"KEY_BATTERY", 236}, {"KEY_BLUETOOTH", 237}, {"KEY_WLAN", 238},
    {"KEY_UWB", 239}, {"KEY_UNKNOWN", 240}, {"KEY_VIDEO_NEXT", 241},
    {"KEY_VIDEO_PREV", 242}, {"KEY_BRIGHTNESS_CYCLE", 243},
    {"KEY_BRIGHTNESS_ZERO", 244}, {"KEY_DISPLAY_OFF", 245},
    {"KEY_WIMAX", 246}, {"BTN_0", 256}, {"BTN_1", 257}, {"BTN_2", 258},
    {"BTN_3", 259}, {"BTN_4", 260}, {"BTN_5", 261}, {"BTN_6", 262},
    {"BTN_7", 263}, {"BTN_8", 264}, {"BTN_9", 265}, {"BTN_LEFT", 272},
    {"BTN_RIGHT", 273}, {"BTN_MIDDLE", 274}, {"BTN_SIDE", 275},
    {"BTN_EXTRA", 276}, {"BTN_FORWARD", 277}, {"BTN_BACK", 278},
    {"BTN_TASK", 279}, {"BTN_TRIGGER", 288}, {"BTN_THUMB", 289},
    {"BTN_THUMB2", 290}, {"BTN_TOP", 291}, {"BTN_TOP2", 292},
    {"BTN_PINKIE", 293}, {"BTN_BASE", 294}, {"BTN_BASE2", 295},
    {"BTN_BASE3", 296}, {"BTN_BASE4", 297}, {"BTN_BASE5", 298},
    {"BTN_BASE6", 299}, {"BTN_DEAD", 303}, {"BTN_A", 304}, {"BTN_B", 305},
    {"BTN_C", 306}, {"BTN_X", 307}, {"BTN_Y", 308}, {"BTN_Z", 309},
    {"BTN_TL", 310}, {"BTN_TR", 311}, {"BTN_TL2", 312}, {"BTN_TR2", 313},
    {"BTN_SELECT", 314}, {"BTN_START", 315}, {"BTN_MODE", 316},
    {"BTN_THUMBL", 317}, {"BTN_THUMBR", 318}, {"BTN_TOOL_PEN", 320},
    {"BTN_TOOL_RUBBER", 321}, {"BTN_TOOL_BRUSH", 322},
    {"BTN_TOOL_PENCIL", 323}, {"BTN_TOOL_AIRBRUSH", 324},
    {"BTN_TOOL_FINGER", 325}, {"BTN_TOOL_MOUSE", 326}, {"BTN_TOOL_LENS", 327},
    {"BTN_TOUCH", 330}, {"BTN_STYLUS", 331}, {"BTN_STYLUS2", 332},
    {"BTN_TOOL_DOUBLETAP", 333}, {"BTN_TOOL_TRIPLETAP", 334},
    {"BTN_TOOL_QUADTAP", 335}, {"BTN_GEAR_DOWN", 336}, {"BTN_GEAR_UP", 337},
    {"KEY_OK", 352}, {"KEY_SELECT", 353}, {"KEY_GOTO", 354},
    {"KEY_CLEAR", 355}, {"KEY_POWER2", 356}, {"KEY_OPTION", 357},
    {"KEY_INFO", 358}, {"KEY_TIME", 359}, {"KEY_VENDOR", 360},
    {"KEY_ARCHIVE", 361}, {"KEY_PROGRAM", 362}, {"KEY_CHANNEL", 363},
    {"KEY_FAVORITES", 364}, {"KEY_EPG", 365}, {"KEY_PVR", 366},
    {"KEY_MHP", 367}, {"KEY_LANGUAGE", 368}, {"KEY_TITLE", 369},
    {"KEY_SUBTITLE", 370}, {"KEY_ANGLE", 371}, {"KEY_ZOOM", 372},
    {"KEY_MODE", 373}, {"KEY_KEYBOARD", 374}, {"KEY_SCREEN", 375},
    {"KEY_PC", 376}, {"KEY_TV", 377}, {"KEY_TV2", 378}, {"KEY_VCR", 379},
    {"KEY_VCR2", 380}, {"KEY_SAT", 381}, {"KEY_SAT2", 382}, {"KEY_CD", 383},
    {"KEY_TAPE", 384}, {"KEY_RADIO", 385}, {"KEY_TUNER", 386},
    {"KEY_PLAYER", 387}, {"KEY_TEXT", 388}, {"KEY_DVD", 389},
    {"KEY_AUX", 390}, {"KEY_MP3", 391}, {"KEY_AUDIO", 392},
    {"KEY_VIDEO", 393}, {"KEY_DIRECTORY", 394}, {"KEY_LIST", 395},
    {"KEY_MEMO", 396}, {"KEY_CALENDAR", 397}, {"KEY_RED", 398},
    {"KEY_GREEN", 399}, {"KEY_YELLOW", 400}, {"KEY_BLUE", 401},
    {"KEY_CHANNELUP", 402}, {"KEY_CHANNELDOWN", 403}, {"KEY_FIRST", 404},
    {"KEY_LAST", 405}, {"KEY_AB", 406}, {"KEY_NEXT", 407},
    {"KEY_RESTART", 408}, {"KEY_SLOW", 409}, {"KEY_SHUFFLE", 410},
    {"KEY_BREAK", 411}, {"KEY_PREVIOUS", 412}, {"KEY_DIGITS", 413},
    {"KEY_TEEN", 414}, {"KEY_TWEN", 415}, {"KEY_VIDEOPHONE", 416},
    {"KEY_GAMES", 417}, {"KEY_ZOOMIN", 418}, {"KEY_ZOOMOUT", 419},
    {"KEY_ZOOMRESET", 420}, {"KEY_WORDPROCESSOR", 421}, {"KEY_EDITOR", 422},
    {"KEY_SPREADSHEET", 423}, {"KEY_GRAPHICSEDITOR", 424},
    {"KEY_PRESENTATION", 425}, {"KEY_DATABASE", 426}, {"KEY_NEWS", 427},
    {"KEY_VOICEMAIL", 428}, {"KEY_ADDRESSBOOK", 429}, {"KEY_MESSENGER", 430},
    {"KEY_DISPLAYTOGGLE", 431}, {"KEY_SPELLCHECK", 432}, {"KEY_LOGOFF", 433},
    {"KEY_DOLLAR", 434}, {"KEY_EURO", 435}, {"KEY_FRAMEBACK", 436},
    {"KEY_FRAMEFORWARD", 437}, {"KEY_CONTEXT_MENU", 438},
    {"KEY_MEDIA_REPEAT", 439}, {"KEY_DEL_EOL", 448}, {"KEY_DEL_EOS", 449},
    {"KEY_INS_LINE", 450}, {"KEY_DEL_LINE", 451}, {"KEY_FN", 464},
    {"KEY_FN_ESC", 465}, {"KEY_FN_F1", 466}, {"KEY_FN_F2", 467},
    {"KEY_FN_F3", 468}, {"KEY_FN_F4", 469}, {"KEY_FN_F5", 470},
    {"KEY_FN_F6", 471}, {"KEY_FN_F7", 472}, {"KEY_FN_F8", 473},
    {"KEY_FN_F9", 474}, {"KEY_FN_F10", 475}, {"KEY_FN_F11", 476},
    {"KEY_FN_F12", 477}, {"KEY_FN_1", 478}, {"KEY_FN_2", 479},
    {"KEY_FN_D", 480}, {"KEY_FN_E", 481}, {"KEY_FN_F", 482},
    {"KEY_FN_S", 483}, {"KEY_FN_B", 484}, {"KEY_BRL_DOT1", 497},
    {"KEY_BRL_DOT2", 498}, {"KEY_BRL_DOT3", 499}, {"KEY_BRL_DOT4", 500},
    {"KEY_BRL_DOT5", 501}, {"KEY_BRL_DOT6", 502}, {"KEY_BRL_DOT7", 503},
    {"KEY_BRL_DOT8", 504}, {"KEY_BRL_DOT9", 505}, {"KEY_BRL_DOT10", 506},
    {"KEY_NUMERIC_0", 512}, {"KEY_NUMERIC_1", 513}, {"KEY_NUMERIC_2", 514},
    {"KEY_NUMERIC_3", 515}, {"KEY_NUMERIC_4", 516}, {"KEY_NUMERIC_5", 517},
    {"KEY_NUMERIC_6", 518}, {"KEY_NUMERIC_7", 519}, {"KEY_NUMERIC_8", 520},
    {"KEY_NUMERIC_9", 521}, {"KEY_NUMERIC_STAR", 522},
    {"KEY_NUMERIC_POUND", 523}, {"KEY_RFKILL", 524},
};

static const compat_keyname keynames_osx[] = {
    {"Escape", 53}, {"ANSI_1", 18}, {"ANSI_2", 19}, {"ANSI_3", 20},
    {"ANSI_4", 21}, {"ANSI_5", 23}, {"ANSI_6", 22}, {"ANSI_7", 26},
    {"ANSI_8", 28}, {"ANSI_9", 25}, {"ANSI_0", 29}, {"ANSI_Minus", 27},
    {"ANSI_Equal", 24}, {"Delete", 51}, {"Tab", 48}, {"ANSI_Q", 12},
    {"ANSI_W", 13}, {"ANSI_E", 14}, {"ANSI_R", 15}, {"ANSI_T", 17},
    {"ANSI_Y", 16}, {"ANSI_U", 32}, {"ANSI_I", 34}, {"ANSI_O", 31},
    {"ANSI_P", 35}, {"ANSI_LeftBracket", 33}, {"ANSI_RightBracket", 30},
    {"Return", 36}, {"Control", 59}, {"ANSI_A", 0}, {"ANSI_S", 1},
    {"ANSI_D", 2}, {"ANSI_F", 3}, {"ANSI_G", 5}, {"ANSI_H", 4},
    {"ANSI_J", 38}, {"ANSI_K", 40}, {"ANSI_L", 37}, {"ANSI_Semicolon", 41},
    {"ANSI_Quote", 39}, {"ANSI_Grave", 50}, {"Shift", 56},
    {"ANSI_Backslash", 42}, {"ANSI_Z", 6}, {"ANSI_X", 7}, {"ANSI_C", 8},
    {"ANSI_V", 9}, {"ANSI_B", 11}, {"ANSI_N", 45}, {"ANSI_M", 46},
    {"ANSI_Comma", 43}, {"ANSI_Period", 47}, {"ANSI_Slash", 44},
    {"RightShift", 60}, {"ANSI_KeypadMultiply", 67}, {"Option", 58},
    {"Space", 49}, {"CapsLock", 57}, {"F1", 122}, {"F2", 120}, {"F3", 99},
    {"F4", 118}, {"F5", 96}, {"F6", 97}, {"F7", 98}, {"F8", 100}, {"F9", 101},
    {"F10", 109}, {"ANSI_KeypadClear", 71}, {"ANSI_Keypad7", 89},
    {"ANSI_Keypad8", 91}, {"ANSI_Keypad9", 92}, {"ANSI_KeypadMinus", 78},
    {"ANSI_Keypad4", 86}, {"ANSI_Keypad5", 87}, {"ANSI_Keypad6", 88},
    {"ANSI_KeypadPlus", 69}, {"ANSI_Keypad1", 83}, {"ANSI_Keypad2", 84},
    {"ANSI_Keypad3", 85}, {"ANSI_Keypad0", 82}, {"ANSI_KeypadDecimal", 65},
    {"F11", 103}, {"F12", 111}, {"JIS_Underscore", 94},
    {"JIS_KeypadComma", 95}, {"ANSI_KeypadEnter", 76}, {"RightControl", 62},
    {"ANSI_KeypadDivide", 75}, {"RightOption", 61}, {"Home", 115},
    {"UpArrow", 126}, {"PageUp", 116}, {"LeftArrow", 123},
    {"RightArrow", 124}, {"End", 119}, {"DownArrow", 125}, {"PageDown", 121},
    {"ForwardDelete", 117}, {"Mute", 74}, {"VolumeDown", 73},
    {"VolumeUp", 72}, {"ANSI_KeypadEquals", 81}, {"JIS_Kana", 104},
    {"JIS_Eisu", 102}, {"JIS_Yen", 93}, {"Command", 55}, {"RightCommand", 54},
    {"Help", 114}, {"ISO_Section", 10}, {"F13", 105}, {"F14", 107},
    {"F15", 113}, {"F16", 106}, {"F17", 64}, {"F18", 79}, {"F19", 80},
    {"F20", 90}, {"Function", 63},
};

static const compat_keyname keynames_win32[] = {
    {"VK_ESCAPE", 27}, {"VK_1", 49}, {"VK_2", 50}, {"VK_3", 51}, {"VK_4", 52},
    {"VK_5", 53}, {"VK_6", 54}, {"VK_7", 55}, {"VK_8", 56}, {"VK_9", 57},
    {"VK_0", 48}, {"VK_OEM_MINUS", 189}, {"VK_OEM_PLUS", 187}, {"VK_BACK", 8},
    {"VK_TAB", 9}, {"VK_Q", 81}, {"VK_W", 87}, {"VK_E", 69}, {"VK_R", 82},
    {"VK_T", 84}, {"VK_Y", 89}, {"VK_U", 85}, {"VK_I", 73}, {"VK_O", 79},
    {"VK_P", 80}, {"VK_OEM_4", 219}, {"VK_OEM_6", 221}, {"VK_RETURN", 13},
    {"VK_CONTROL", 17}, {"VK_A", 65}, {"VK_S", 83}, {"VK_D", 68},
    {"VK_F", 70}, {"VK_G", 71}, {"VK_H", 72}, {"VK_J", 74}, {"VK_K", 75},
    {"VK_L", 76}, {"VK_OEM_1", 186}, {"VK_OEM_7", 222}, {"VK_OEM_3", 192},
    {"VK_LSHIFT", 160}, {"VK_OEM_5", 220}, {"VK_Z", 90}, {"VK_X", 88},
    {"VK_C", 67}, {"VK_V", 86}, {"VK_B", 66}, {"VK_N", 78}, {"VK_M", 77},
    {"VK_OEM_COMMA", 188}, {"VK_OEM_PERIOD", 190}, {"VK_OEM_2", 191},
    {"VK_RSHIFT", 161}, {"VK_MULTIPLY", 106}, {"VK_MENU", 18},
    {"VK_SPACE", 32}, {"VK_CAPITAL", 20}, {"VK_F1", 112}, {"VK_F2", 113},
    {"VK_F3", 114}, {"VK_F4", 115}, {"VK_F5", 116}, {"VK_F6", 117},
    {"VK_F7", 118}, {"VK_F8", 119}, {"VK_F9", 120}, {"VK_F10", 121},
    {"VK_NUMLOCK", 144}, {"VK_SCROLL", 145}, {"VK_NUMPAD7", 103},
    {"VK_NUMPAD8", 104}, {"VK_NUMPAD9", 105}, {"VK_SUBTRACT", 109},
    {"VK_NUMPAD4", 100}, {"VK_NUMPAD5", 101}, {"VK_NUMPAD6", 102},
    {"VK_ADD", 107}, {"VK_NUMPAD1", 97}, {"VK_NUMPAD2", 98},
    {"VK_NUMPAD3", 99}, {"VK_NUMPAD0", 96}, {"VK_DECIMAL", 110},
    {"VK_OEM_102", 226}, {"VK_F11", 122}, {"VK_F12", 123},
    {"VK_OEM_102", 226}, {"VK_KANA", 21}, {"VK_CONVERT", 28},
    {"VK_OEM_COPY", 242}, {"VK_NONCONVERT", 29}, {"VK_RCONTROL", 163},
    {"VK_DIVIDE", 111}, {"VK_SNAPSHOT", 44}, {"VK_RMENU", 165},
    {"VK_HOME", 36}, {"VK_UP", 38}, {"VK_PRIOR", 33}, {"VK_LEFT", 37},
    {"VK_RIGHT", 39}, {"VK_END", 35}, {"VK_DOWN", 40}, {"VK_NEXT", 34},
    {"VK_INSERT", 45}, {"VK_DELETE", 46}, {"VK_VOLUME_MUTE", 173},
    {"VK_VOLUME_DOWN", 174}, {"VK_VOLUME_UP", 175}, {"VK_PAUSE", 19},
    {"VK_SEPARATOR??", 108}, {"VK_IME_ON", 22}, {"VK_IME_OFF", 26},
    {"VK_OEM_5", 220}, {"VK_LWIN", 91}, {"VK_RWIN", 92}, {"VK_APPS", 93},
    {"VK_BROWSER_STOP", 169}, {"VK_HELP", 47}, {"VK_SLEEP", 95},
    {"VK_BROWSER_BACK", 166}, {"VK_BROWSER_FORWARD", 167},
    {"VK_MEDIA_NEXT_TRACK", 176}, {"VK_MEDIA_PLAY_PAUSE", 179},
    {"VK_MEDIA_PREV_TRACK", 177}, {"VK_MEDIA_STOP", 178},
    {"VK_BROWSER_HOME", 172}, {"VK_BROWSER_REFRESH", 168}, {"VK_F13", 124},
    {"VK_F14", 125}, {"VK_F15", 126}, {"VK_F16", 127}, {"VK_F17", 128},
    {"VK_F18", 129}, {"VK_F19", 130}, {"VK_F20", 131}, {"VK_F21", 132},
    {"VK_F22", 133}, {"VK_F23", 134}, {"VK_F24", 135}, {"VK_PLAY", 250},
    {"VK_PRINT", 42}, {"VK_LAUNCH_MAIL", 180}, {"VK_BROWSER_SEARCH", 170},
    {"VK_LBUTTON", 1}, {"VK_RBUTTON", 2}, {"VK_MBUTTON", 4},
    {"VK_XBUTTON1", 5}, {"VK_XBUTTON2", 6}, {"VK_SELECT", 41},
    {"VK_BROWSER_FAVOURITES", 171}, {"VK_ZOOM", 251},
};
VIR_COMPAT_EXPORT(virKeycodeValueFromString) int
compat_virKeycodeValueFromString(virKeycodeSet codeset, const char *keyname)
{
    const compat_keyname *table;
    size_t n;
    size_t i;

    switch ((int)codeset) {
    case VIR_KEYCODE_SET_LINUX:
        table = keynames_linux;
        n = G_N_ELEMENTS(keynames_linux);
        break;
    case VIR_KEYCODE_SET_OSX:
        table = keynames_osx;
        n = G_N_ELEMENTS(keynames_osx);
        break;
    case VIR_KEYCODE_SET_WIN32:
        table = keynames_win32;
        n = G_N_ELEMENTS(keynames_win32);
        break;
    default:
        return -1;
    }

    if (!keyname)
        return -1;
    for (i = 0; i < n; i++) {
        if (STREQ(table[i].name, keyname))
            return table[i].code;
    }
    return -1;
}


/* ================================================================== */
/* Memory: array helpers behind VIR_*_N / VIR_*_ELEMENT, secure erase  */
/* ================================================================== */

VIR_COMPAT_EXPORT(virReallocN) void
compat_virReallocN(void *ptrptr, size_t size, size_t count)
{
    void **p = ptrptr;

    *p = g_realloc_n(*p, count, size);
}


/* Grow by @add zeroed elements. */
VIR_COMPAT_EXPORT(virExpandN) void
compat_virExpandN(void *ptrptr, size_t size, size_t *count, size_t add)
{
    char **p = ptrptr;

    if (*count + add < *count)
        abort();
    compat_virReallocN(ptrptr, size, *count + add);
    memset(*p + size * *count, 0, size * add);
    *count += add;
}


VIR_COMPAT_EXPORT(virShrinkN) void
compat_virShrinkN(void *ptrptr, size_t size, size_t *count, size_t toremove)
{
    void **p = ptrptr;

    if (toremove < *count) {
        *count -= toremove;
        compat_virReallocN(ptrptr, size, *count);
    } else {
        g_clear_pointer(p, g_free);
        *count = 0;
    }
}


/* Open a slot at @at (growing the array unless @inPlace: then the caller
 * already made room) and fill it from @newelem, or with zeros. */
static void
compat_insert_element(void *ptrptr, size_t size, size_t at, size_t *countptr,
                      void *newelem, bool clearOriginal, bool inPlace)
{
    char **p = ptrptr;

    if (inPlace)
        *countptr += 1;
    else
        compat_virExpandN(ptrptr, size, countptr, 1);

    if (at + 1 < *countptr)
        memmove(*p + size * (at + 1), *p + size * at,
                size * (*countptr - 1 - at));

    if (newelem) {
        memcpy(*p + size * at, newelem, size);
        if (clearOriginal)
            memset(newelem, 0, size);
    } else if (inPlace || at + 1 < *countptr) {
        memset(*p + size * at, 0, size);
    }
}


VIR_COMPAT_EXPORT(virInsertElementsN) int
compat_virInsertElementsN(void *ptrptr, size_t size, size_t at,
                          size_t *countptr, size_t typematchDummy G_GNUC_UNUSED,
                          void *newelem, bool clearOriginal, bool inPlace)
{
    if (at == (size_t)-1) {
        at = *countptr;
    } else if (at > *countptr) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "out of bounds index - count %zu at %zu",
                       *countptr, at);
        return -1;
    }
    compat_insert_element(ptrptr, size, at, countptr, newelem,
                          clearOriginal, inPlace);
    return 0;
}


VIR_COMPAT_EXPORT(virAppendElement) void
compat_virAppendElement(void *ptrptr, size_t size, size_t *countptr,
                        size_t typematchDummy G_GNUC_UNUSED, void *newelem,
                        bool clearOriginal, bool inPlace)
{
    compat_insert_element(ptrptr, size, *countptr, countptr, newelem,
                          clearOriginal, inPlace);
}


VIR_COMPAT_EXPORT(virSecureErase) void
compat_virSecureErase(void *ptr, size_t size)
{
    if (!ptr || !size)
        return;
    explicit_bzero(ptr, size);
}


VIR_COMPAT_EXPORT(virSecureEraseString) void
compat_virSecureEraseString(char *str)
{
    if (str)
        compat_virSecureErase(str, strlen(str));
}


VIR_COMPAT_EXPORT(virGSListStringFree) void
compat_virGSListStringFree(GSList *l)
{
    g_slist_free_full(l, g_free);
}


/* ================================================================== */
/* virBuffer: a GString plus an indentation applied at line starts    */
/* ================================================================== */

/* Make sure the buffer has storage, and indent if a line starts here. */
static void
compat_buffer_prepare(compat_virBuffer *buf)
{
    GString *s;
    int n;

    if (!buf->str)
        buf->str = g_string_new(NULL);
    s = buf->str;
    if (buf->indent <= 0 || (s->len > 0 && s->str[s->len - 1] != '\n'))
        return;
    for (n = buf->indent; n > 0; n--)
        g_string_append_c(s, ' ');
}


/* Append @toadd's bytes verbatim (no indentation) and empty it. */
static void
compat_buffer_append_buffer(compat_virBuffer *buf, compat_virBuffer *toadd)
{
    if (!toadd || !toadd->str)
        return;
    if (!buf->str)
        buf->str = g_string_new(NULL);
    g_string_append_len(buf->str, toadd->str->str, toadd->str->len);
    compat_virBufferFreeAndReset(toadd);
}


VIR_COMPAT_EXPORT(virBufferAdjustIndent) void
compat_virBufferAdjustIndent(compat_virBuffer *buf, int indent)
{
    if (!buf)
        return;
    if (indent > 0 && buf->indent > INT_MAX - indent)
        buf->indent = INT_MAX;
    else if (indent < 0 && buf->indent < -indent)
        buf->indent = 0;
    else
        buf->indent += indent;
}


/* @len < 0: all of @str. */
VIR_COMPAT_EXPORT(virBufferAdd) void
compat_virBufferAdd(compat_virBuffer *buf, const char *str, int len)
{
    if (!buf || !str)
        return;
    compat_buffer_prepare(buf);
    if (len < 0)
        g_string_append(buf->str, str);
    else
        g_string_append_len(buf->str, str, len);
}


VIR_COMPAT_EXPORT(virBufferAddChar) void
compat_virBufferAddChar(compat_virBuffer *buf, char c)
{
    compat_virBufferAdd(buf, &c, 1);
}


/* Line by line, so that every line is indented. */
VIR_COMPAT_EXPORT(virBufferAddStr) void
compat_virBufferAddStr(compat_virBuffer *buf, const char *str)
{
    if (!buf || !str)
        return;
    while (*str) {
        const char *nl = strchr(str, '\n');
        int len = nl ? (int)(nl - str) + 1 : -1;

        compat_virBufferAdd(buf, str, len);
        if (!nl)
            break;
        str = nl + 1;
    }
}


VIR_COMPAT_EXPORT(virBufferVasprintf) void
compat_virBufferVasprintf(compat_virBuffer *buf, const char *format,
                          va_list ap)
{
    if (!buf || !format)
        return;
    compat_buffer_prepare(buf);
    g_string_append_vprintf(buf->str, format, ap);
}


VIR_COMPAT_EXPORT(virBufferAsprintf) void
compat_virBufferAsprintf(compat_virBuffer *buf, const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    compat_virBufferVasprintf(buf, format, ap);
    va_end(ap);
}


VIR_COMPAT_EXPORT(virBufferStrcat) void
compat_virBufferStrcat(compat_virBuffer *buf, ...)
{
    va_list ap;
    const char *s;

    if (!buf)
        return;
    va_start(ap, buf);
    while ((s = va_arg(ap, const char *)))
        compat_virBufferAdd(buf, s, -1);
    va_end(ap);
}


/* The callers' format strings take exactly one %s: the escaped @str. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
compat_buffer_format_one(compat_virBuffer *buf, const char *format,
                         const char *str)
{
    compat_virBufferAsprintf(buf, format, str);
}
#pragma GCC diagnostic pop


/* XML-escape @str: quote the five markup characters, drop the control
 * characters XML 1.0 forbids (keeping tab, newline, carriage return). */
VIR_COMPAT_EXPORT(virBufferEscapeString) void
compat_virBufferEscapeString(compat_virBuffer *buf, const char *format,
                             const char *str)
{
    static const char special[] =
        "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13"
        "\x14\x15\x16\x17\x18\x19\"&'<>";
    g_autoptr(GString) out = NULL;
    const char *p;

    if (!buf || !format || !str)
        return;
    if (str[strcspn(str, special)] == '\0') {
        compat_buffer_format_one(buf, format, str);
        return;
    }

    out = g_string_sized_new(strlen(str) + 16);
    for (p = str; *p; p++) {
        switch (*p) {
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '"':
            g_string_append(out, "&quot;");
            break;
        case '\'':
            g_string_append(out, "&apos;");
            break;
        default:
            if (!strchr(special, *p))
                g_string_append_c(out, *p);
            break;
        }
    }
    compat_buffer_format_one(buf, format, out->str);
}


/* Prefix every character of @str found in @toescape with @escape. */
VIR_COMPAT_EXPORT(virBufferEscape) void
compat_virBufferEscape(compat_virBuffer *buf, char escape,
                       const char *toescape, const char *format,
                       const char *str)
{
    g_autoptr(GString) out = NULL;
    const char *p;

    if (!buf || !format || !str)
        return;
    if (str[strcspn(str, toescape)] == '\0') {
        compat_buffer_format_one(buf, format, str);
        return;
    }

    out = g_string_sized_new(strlen(str) * 2);
    for (p = str; *p; p++) {
        if (strchr(toescape, *p))
            g_string_append_c(out, escape);
        g_string_append_c(out, *p);
    }
    compat_buffer_format_one(buf, format, out->str);
}


/* Single-quote @str for a POSIX shell when it holds metacharacters. */
VIR_COMPAT_EXPORT(virBufferEscapeShell) void
compat_virBufferEscapeShell(compat_virBuffer *buf, const char *str)
{
    g_autoptr(GString) out = NULL;
    const char *p;

    if (!buf || !str)
        return;
    if (!*str) {
        compat_virBufferAdd(buf, "''", 2);
        return;
    }
    if (!strpbrk(str, "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~")) {
        compat_virBufferAdd(buf, str, -1);
        return;
    }

    out = g_string_new("'");
    for (p = str; *p; p++) {
        if (*p == '\'')
            g_string_append(out, "'\\''");
        else
            g_string_append_c(out, *p);
    }
    g_string_append_c(out, '\'');
    compat_virBufferAdd(buf, out->str, out->len);
}


/* Remove @trim if the content ends with it. */
VIR_COMPAT_EXPORT(virBufferTrim) void
compat_virBufferTrim(compat_virBuffer *buf, const char *trim)
{
    size_t len;

    if (!buf || !buf->str || !trim)
        return;
    len = strlen(trim);
    if (len > buf->str->len ||
        memcmp(buf->str->str + buf->str->len - len, trim, len) != 0)
        return;
    g_string_truncate(buf->str, buf->str->len - len);
}


VIR_COMPAT_EXPORT(virBufferTrimLen) void
compat_virBufferTrimLen(compat_virBuffer *buf, int len)
{
    if (!buf || !buf->str || len < 0 || (size_t)len > buf->str->len)
        return;
    g_string_truncate(buf->str, buf->str->len - len);
}


VIR_COMPAT_EXPORT(virBufferUse) size_t
compat_virBufferUse(const compat_virBuffer *buf)
{
    return buf && buf->str ? buf->str->len : 0;
}


VIR_COMPAT_EXPORT(virBufferCurrentContent) const char *
compat_virBufferCurrentContent(compat_virBuffer *buf)
{
    if (!buf)
        return NULL;
    return buf->str ? buf->str->str : "";
}


/* The content (NULL if nothing was ever added); the buffer is reset,
 * indentation included. */
VIR_COMPAT_EXPORT(virBufferContentAndReset) char *
compat_virBufferContentAndReset(compat_virBuffer *buf)
{
    char *ret = NULL;

    if (!buf)
        return NULL;
    if (buf->str)
        ret = g_string_free(buf->str, FALSE);
    buf->str = NULL;
    buf->indent = 0;
    return ret;
}


VIR_COMPAT_EXPORT(virBufferFreeAndReset) void
compat_virBufferFreeAndReset(compat_virBuffer *buf)
{
    if (!buf)
        return;
    if (buf->str)
        g_string_free(buf->str, TRUE);
    buf->str = NULL;
    buf->indent = 0;
}


/* <name attrs/> or <name attrs>\nchildren</name>\n, or nothing when both
 * buffers are empty; both buffers are consumed. */
VIR_COMPAT_EXPORT(virXMLFormatElement) void
compat_virXMLFormatElement(compat_virBuffer *buf, const char *name,
                           compat_virBuffer *attrBuf,
                           compat_virBuffer *childBuf)
{
    bool haveAttrs = compat_virBufferUse(attrBuf) > 0;
    bool haveChildren = compat_virBufferUse(childBuf) > 0;

    if (haveAttrs || haveChildren) {
        compat_virBufferAsprintf(buf, "<%s", name);
        if (haveAttrs)
            compat_buffer_append_buffer(buf, attrBuf);
        if (haveChildren) {
            compat_virBufferAdd(buf, ">\n", 2);
            compat_buffer_append_buffer(buf, childBuf);
            compat_virBufferAsprintf(buf, "</%s>\n", name);
        } else {
            compat_virBufferAdd(buf, "/>\n", 3);
        }
    }
    compat_virBufferFreeAndReset(attrBuf);
    compat_virBufferFreeAndReset(childBuf);
}


/* ================================================================== */
/* virBitmap                                                           */
/* ================================================================== */

#define COMPAT_BITS_PER_WORD (sizeof(unsigned long) * CHAR_BIT)
#define COMPAT_WORDS_FOR(bits) \
    (((bits) + COMPAT_BITS_PER_WORD - 1) / COMPAT_BITS_PER_WORD)

/* Bits at or beyond nbits are always clear. */
struct _compat_virBitmap {
    size_t nbits;
    size_t nwords;
    unsigned long *map;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(compat_virBitmap, compat_virBitmapFree);


VIR_COMPAT_EXPORT(virBitmapNew) compat_virBitmap *
compat_virBitmapNew(size_t size)
{
    compat_virBitmap *bitmap = g_new0(compat_virBitmap, 1);

    if (size == 0)
        return bitmap;
    bitmap->nwords = size / COMPAT_BITS_PER_WORD +
                     (size % COMPAT_BITS_PER_WORD != 0);
    bitmap->map = g_new0(unsigned long, bitmap->nwords);
    bitmap->nbits = size;
    return bitmap;
}


VIR_COMPAT_EXPORT(virBitmapFree) void
compat_virBitmapFree(compat_virBitmap *bitmap)
{
    if (!bitmap)
        return;
    g_free(bitmap->map);
    g_free(bitmap);
}


/* Grow so that bit @b exists. */
static void
compat_bitmap_expand(compat_virBitmap *bitmap, size_t b)
{
    size_t words = COMPAT_WORDS_FOR(b + 1);

    if (words > bitmap->nwords) {
        bitmap->map = g_renew(unsigned long, bitmap->map, words);
        memset(bitmap->map + bitmap->nwords, 0,
               (words - bitmap->nwords) * sizeof(unsigned long));
        bitmap->nwords = words;
    }
    if (bitmap->nbits < b + 1)
        bitmap->nbits = b + 1;
}


static void
compat_bitmap_put(compat_virBitmap *bitmap, size_t b, bool value)
{
    unsigned long mask = 1UL << (b % COMPAT_BITS_PER_WORD);

    if (value)
        bitmap->map[b / COMPAT_BITS_PER_WORD] |= mask;
    else
        bitmap->map[b / COMPAT_BITS_PER_WORD] &= ~mask;
}


VIR_COMPAT_EXPORT(virBitmapSetBit) int
compat_virBitmapSetBit(compat_virBitmap *bitmap, size_t b)
{
    if (b >= bitmap->nbits)
        return -1;
    compat_bitmap_put(bitmap, b, true);
    return 0;
}


VIR_COMPAT_EXPORT(virBitmapSetAll) void
compat_virBitmapSetAll(compat_virBitmap *bitmap)
{
    size_t tail = bitmap->nbits % COMPAT_BITS_PER_WORD;

    if (bitmap->nwords == 0)
        return;
    memset(bitmap->map, 0xff, bitmap->nwords * sizeof(unsigned long));
    if (tail)
        bitmap->map[bitmap->nwords - 1] = (1UL << tail) - 1;
}


VIR_COMPAT_EXPORT(virBitmapSize) size_t
compat_virBitmapSize(compat_virBitmap *bitmap)
{
    return bitmap->nbits;
}


VIR_COMPAT_EXPORT(virBitmapCountBits) size_t
compat_virBitmapCountBits(compat_virBitmap *bitmap)
{
    size_t count = 0;
    size_t i;

    for (i = 0; i < bitmap->nwords; i++)
        count += __builtin_popcountl(bitmap->map[i]);
    return count;
}


VIR_COMPAT_EXPORT(virBitmapIsAllClear) bool
compat_virBitmapIsAllClear(compat_virBitmap *bitmap)
{
    size_t i;

    for (i = 0; i < bitmap->nwords; i++) {
        if (bitmap->map[i])
            return false;
    }
    return true;
}


VIR_COMPAT_EXPORT(virBitmapLastSetBit) ssize_t
compat_virBitmapLastSetBit(compat_virBitmap *bitmap)
{
    size_t i = bitmap->nwords;

    while (i-- > 0) {
        unsigned long w = bitmap->map[i];

        if (w)
            return i * COMPAT_BITS_PER_WORD +
                   (COMPAT_BITS_PER_WORD - 1 - __builtin_clzl(w));
    }
    return -1;
}


/* The first set bit after @pos (-1: from the start), or -1. */
VIR_COMPAT_EXPORT(virBitmapNextSetBit) ssize_t
compat_virBitmapNextSetBit(compat_virBitmap *bitmap, ssize_t pos)
{
    size_t b = pos < 0 ? 0 : (size_t)pos + 1;
    size_t i;
    unsigned long w;

    if (b >= bitmap->nbits)
        return -1;
    i = b / COMPAT_BITS_PER_WORD;
    w = bitmap->map[i] & (~0UL << (b % COMPAT_BITS_PER_WORD));
    while (!w) {
        if (++i >= bitmap->nwords)
            return -1;
        w = bitmap->map[i];
    }
    return i * COMPAT_BITS_PER_WORD + __builtin_ctzl(w);
}


/* Set (or with '^', clear) the bits of "0-3,^2,8" in @bitmap.  When
 * @limited, a bit beyond the bitmap's size is an error; otherwise the
 * bitmap grows. */
static int
compat_bitmap_parse(const char *str, compat_virBitmap *bitmap, bool limited)
{
    const char *cur = str;

    if (!str)
        goto error;
    compat_virSkipSpaces(&cur);
    if (!*cur)
        goto error;

    for (;;) {
        bool neg = false;
        char *end;
        int first;
        int last;
        long long b;

        if (*cur == '^') {
            neg = true;
            cur++;
        }
        if (!g_ascii_isdigit(*cur) ||
            compat_virStrToLong_i(cur, &end, 10, &first) < 0 || first < 0)
            goto error;
        cur = end;
        compat_virSkipSpaces(&cur);
        last = first;

        if (*cur == '-') {
            if (neg)
                goto error;
            cur++;
            compat_virSkipSpaces(&cur);
            if (compat_virStrToLong_i(cur, &end, 10, &last) < 0 ||
                last < first)
                goto error;
            cur = end;
            compat_virSkipSpaces(&cur);
        } else if (*cur != ',' && *cur != '\0') {
            goto error;
        }

        if ((size_t)last >= bitmap->nbits) {
            if (limited)
                goto error;
            compat_bitmap_expand(bitmap, last);
        }
        for (b = first; b <= last; b++)
            compat_bitmap_put(bitmap, b, !neg);

        if (*cur == '\0')
            return 0;
        if (*cur != ',')
            goto error;
        cur++;
        compat_virSkipSpaces(&cur);
        if (*cur == '\0')
            return 0;
    }

 error:
    virReportError(VIR_ERR_INVALID_ARG, "Failed to parse bitmap '%s'",
                   NULLSTR(str));
    return -1;
}


VIR_COMPAT_EXPORT(virBitmapParse) int
compat_virBitmapParse(const char *str, compat_virBitmap **bitmap,
                      size_t bitmapSize)
{
    g_autoptr(compat_virBitmap) tmp = compat_virBitmapNew(bitmapSize);

    if (compat_bitmap_parse(str, tmp, true) < 0)
        return -1;
    *bitmap = g_steal_pointer(&tmp);
    return 0;
}


VIR_COMPAT_EXPORT(virBitmapParseUnlimited) compat_virBitmap *
compat_virBitmapParseUnlimited(const char *str)
{
    g_autoptr(compat_virBitmap) tmp = compat_virBitmapNew(0);

    if (compat_bitmap_parse(str, tmp, false) < 0)
        return NULL;
    return g_steal_pointer(&tmp);
}


/* Bytes in little-endian bit order, just long enough for the last set
 * bit (one byte for an empty bitmap). */
VIR_COMPAT_EXPORT(virBitmapToData) int
compat_virBitmapToData(compat_virBitmap *bitmap, unsigned char **data,
                       int *dataLen)
{
    ssize_t last = compat_virBitmapLastSetBit(bitmap);
    size_t len = last < 0 ? 1 : (size_t)last / CHAR_BIT + 1;
    ssize_t b = -1;

    *data = g_new0(unsigned char, len);
    *dataLen = len;
    while ((b = compat_virBitmapNextSetBit(bitmap, b)) >= 0)
        (*data)[b / CHAR_BIT] |= 1 << (b % CHAR_BIT);
    return 0;
}


/* "0-3,5,7-8": the ranges of set bits, "" when none. */
static char *
compat_bitmap_format(compat_virBitmap *bitmap)
{
    g_autoptr(GString) out = g_string_new(NULL);
    ssize_t start = compat_virBitmapNextSetBit(bitmap, -1);

    while (start >= 0) {
        ssize_t end = start;
        ssize_t next;

        while ((next = compat_virBitmapNextSetBit(bitmap, end)) == end + 1)
            end = next;
        if (out->len)
            g_string_append_c(out, ',');
        if (end == start)
            g_string_append_printf(out, "%zd", start);
        else
            g_string_append_printf(out, "%zd-%zd", start, end);
        start = next;
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}


VIR_COMPAT_EXPORT(virBitmapDataFormat) char *
compat_virBitmapDataFormat(const void *data, int len)
{
    const unsigned char *bytes = data;
    g_autoptr(compat_virBitmap) bitmap = NULL;
    size_t b;

    if (len < 0)
        len = 0;
    bitmap = compat_virBitmapNew((size_t)len * CHAR_BIT);
    for (b = 0; b < (size_t)len * CHAR_BIT; b++) {
        if (bytes[b / CHAR_BIT] & (1 << (b % CHAR_BIT)))
            compat_bitmap_put(bitmap, b, true);
    }
    return compat_bitmap_format(bitmap);
}


/* ================================================================== */
/* virObject / virClass: reference-counted lockable objects            */
/* ================================================================== */

struct _compat_virClass {
    compat_virClass *parent;
    unsigned int magic;
    char *name;
    size_t objectSize;
    compat_virObjectDisposeCallback dispose;
};

static compat_virClass *compat_class_object;
static compat_virClass *compat_class_lockable;
static gint compat_class_magic = 0xCAFE0000;

/* The live objects made here, so that foreign pointers are told apart. */
static GMutex compat_objects_lock;
static GHashTable *compat_objects;


static compat_virClass *
compat_class_alloc(compat_virClass *parent, const char *name, size_t size,
                   compat_virObjectDisposeCallback dispose)
{
    compat_virClass *klass = g_new0(compat_virClass, 1);

    klass->parent = parent;
    klass->magic = g_atomic_int_add(&compat_class_magic, 1);
    klass->name = g_strdup(name);
    klass->objectSize = size;
    klass->dispose = dispose;
    return klass;
}


static void
compat_lockable_dispose(void *obj)
{
    compat_virObjectLockable *lockable = obj;

    pthread_mutex_destroy(&lockable->lock.lock);
}


static void
compat_classes_init(void)
{
    static gsize done;

    if (g_once_init_enter(&done)) {
        compat_class_object = compat_class_alloc(NULL, "virObject",
                                                 sizeof(compat_virObject),
                                                 NULL);
        compat_class_lockable =
            compat_class_alloc(compat_class_object, "virObjectLockable",
                               sizeof(compat_virObjectLockable),
                               compat_lockable_dispose);
        g_once_init_leave(&done, 1);
    }
}


static bool
compat_class_is_derived(compat_virClass *klass, compat_virClass *parent)
{
    for (; klass; klass = klass->parent) {
        if (klass == parent)
            return true;
    }
    return false;
}


/* Is @obj one of ours (and alive)?  If not, it may be one of nuvirt's
 * own objects (public handles), see compat_object_nuvirt. */
static bool
compat_object_known(void *obj)
{
    bool known;

    if (!obj)
        return false;
    g_mutex_lock(&compat_objects_lock);
    known = compat_objects && g_hash_table_contains(compat_objects, obj);
    g_mutex_unlock(&compat_objects_lock);
    return known;
}


static bool
compat_object_nuvirt(void *obj)
{
    return obj && virObjectIsClass(obj, virClassForObject());
}


VIR_COMPAT_EXPORT(virClassForObjectLockable) compat_virClass *
compat_virClassForObjectLockable(void)
{
    compat_classes_init();
    return compat_class_lockable;
}


VIR_COMPAT_EXPORT(virClassNew) compat_virClass *
compat_virClassNew(compat_virClass *parent, const char *name,
                   size_t objectSize, size_t parentSize,
                   compat_virObjectDisposeCallback dispose)
{
    size_t parentObjectSize = parent ? parent->objectSize : 0;

    if (!parent && STRNEQ(name, "virObject")) {
        virReportInvalidNonNullArg(parent);
        return NULL;
    }
    if (objectSize <= parentSize || parentSize != parentObjectSize) {
        virReportInvalidArg(objectSize,
                            "object size %zu of %s is not larger than parent "
                            "class %zu", objectSize, name, parentObjectSize);
        return NULL;
    }
    return compat_class_alloc(parent, name, objectSize, dispose);
}


VIR_COMPAT_EXPORT(virObjectLockableNew) void *
compat_virObjectLockableNew(compat_virClass *klass)
{
    compat_virObjectLockable *obj;
    pthread_mutexattr_t attr;
    int rc;

    if (!compat_class_is_derived(klass, compat_virClassForObjectLockable())) {
        virReportInvalidArg(klass,
                            "Class %s must derive from virObjectLockable",
                            klass ? klass->name : "(null)");
        return NULL;
    }

    obj = g_malloc0(klass->objectSize);
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_NORMAL);
    rc = pthread_mutex_init(&obj->lock.lock, &attr);
    pthread_mutexattr_destroy(&attr);
    if (rc != 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Unable to initialize mutex");
        g_free(obj);
        return NULL;
    }
    obj->parent.klass = klass;
    obj->parent.magic = klass->magic;
    obj->parent.refs = 1;

    g_mutex_lock(&compat_objects_lock);
    if (!compat_objects)
        compat_objects = g_hash_table_new(NULL, NULL);
    g_hash_table_add(compat_objects, obj);
    g_mutex_unlock(&compat_objects_lock);
    return obj;
}


VIR_COMPAT_EXPORT(virObjectRef) void *
compat_virObjectRef(void *anyobj)
{
    compat_virObject *obj = anyobj;

    if (!compat_object_known(obj))
        return compat_object_nuvirt(anyobj) ? virObjectRef(anyobj) : NULL;
    g_atomic_int_inc(&obj->refs);
    return obj;
}


/* The last reference runs every class's dispose, most derived first. */
VIR_COMPAT_EXPORT(virObjectUnref) void
compat_virObjectUnref(void *anyobj)
{
    compat_virObject *obj = anyobj;
    compat_virClass *klass;

    if (!compat_object_known(obj)) {
        if (compat_object_nuvirt(anyobj))
            virObjectUnref(anyobj);
        return;
    }
    if (!g_atomic_int_dec_and_test(&obj->refs))
        return;

    g_mutex_lock(&compat_objects_lock);
    g_hash_table_remove(compat_objects, obj);
    g_mutex_unlock(&compat_objects_lock);

    for (klass = obj->klass; klass; klass = klass->parent) {
        if (klass->dispose)
            klass->dispose(obj);
    }
    g_free(obj);
}


static compat_virObjectLockable *
compat_object_lockable(void *anyobj)
{
    compat_virObject *obj = anyobj;

    if (!compat_object_known(obj) ||
        !compat_class_is_derived(obj->klass, compat_class_lockable))
        return NULL;
    return anyobj;
}


VIR_COMPAT_EXPORT(virObjectLock) void
compat_virObjectLock(void *lockableobj)
{
    compat_virObjectLockable *obj = compat_object_lockable(lockableobj);

    if (obj)
        pthread_mutex_lock(&obj->lock.lock);
    else if (compat_object_nuvirt(lockableobj))
        virObjectLock(lockableobj);
}


VIR_COMPAT_EXPORT(virObjectUnlock) void
compat_virObjectUnlock(void *lockableobj)
{
    compat_virObjectLockable *obj = compat_object_lockable(lockableobj);

    if (obj)
        pthread_mutex_unlock(&obj->lock.lock);
    else if (compat_object_nuvirt(lockableobj))
        virObjectUnlock(lockableobj);
}


/* Release each entry of a NULL-terminated list, then the list. */
VIR_COMPAT_EXPORT(virObjectListFree) void
compat_virObjectListFree(void *list)
{
    void **next;

    if (!list)
        return;
    for (next = list; *next; next++)
        compat_virObjectUnref(*next);
    g_free(list);
}


/* ================================================================== */
/* Threads: thin pthread wrappers with libvirt's layouts               */
/* ================================================================== */

VIR_COMPAT_EXPORT(virMutexInit) int
compat_virMutexInit(compat_virMutex *m)
{
    pthread_mutexattr_t attr;
    int rc;

    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_NORMAL);
    rc = pthread_mutex_init(&m->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    if (rc != 0) {
        errno = rc;
        return -1;
    }
    return 0;
}


VIR_COMPAT_EXPORT(virMutexDestroy) void
compat_virMutexDestroy(compat_virMutex *m)
{
    pthread_mutex_destroy(&m->lock);
}


VIR_COMPAT_EXPORT(virLockGuardLock) compat_virLockGuard
compat_virLockGuardLock(compat_virMutex *m)
{
    compat_virLockGuard guard = { m };

    pthread_mutex_lock(&m->lock);
    return guard;
}


VIR_COMPAT_EXPORT(virLockGuardUnlock) void
compat_virLockGuardUnlock(compat_virLockGuard *l)
{
    if (!l || !l->mutex)
        return;
    pthread_mutex_unlock(&l->mutex->lock);
    l->mutex = NULL;
}


VIR_COMPAT_EXPORT(virCondInit) int
compat_virCondInit(compat_virCond *c)
{
    int rc = pthread_cond_init(&c->cond, NULL);

    if (rc != 0) {
        errno = rc;
        return -1;
    }
    return 0;
}


VIR_COMPAT_EXPORT(virCondDestroy) int
compat_virCondDestroy(compat_virCond *c)
{
    int rc = pthread_cond_destroy(&c->cond);

    if (rc != 0) {
        errno = rc;
        return -1;
    }
    return 0;
}


VIR_COMPAT_EXPORT(virCondSignal) void
compat_virCondSignal(compat_virCond *c)
{
    pthread_cond_signal(&c->cond);
}


VIR_COMPAT_EXPORT(virCondWait) int
compat_virCondWait(compat_virCond *c, compat_virMutex *m)
{
    int rc = pthread_cond_wait(&c->cond, &m->lock);

    if (rc != 0) {
        errno = rc;
        return -1;
    }
    return 0;
}


VIR_COMPAT_EXPORT(virOnce) int
compat_virOnce(compat_virOnceControl *once, compat_virOnceFunc init)
{
    int rc = pthread_once(&once->once, init);

    if (rc != 0) {
        errno = rc;
        return -1;
    }
    return 0;
}


typedef struct {
    compat_virThreadFunc func;
    char *name;
    void *opaque;
} compat_thread_start;

static void *
compat_thread_main(void *data)
{
    compat_thread_start start = *(compat_thread_start *)data;
    char shortname[16];

    g_free(data);
    g_strlcpy(shortname, start.name, sizeof(shortname));
    pthread_setname_np(pthread_self(), shortname);
    g_free(start.name);
    start.func(start.opaque);
    return NULL;
}


/* Returns -1 with errno set on failure (no libvirt error), as libvirt. */
VIR_COMPAT_EXPORT(virThreadCreateFull) int
compat_virThreadCreateFull(compat_virThread *thread, bool joinable,
                           compat_virThreadFunc func, const char *name,
                           bool worker G_GNUC_UNUSED, void *opaque)
{
    compat_thread_start *start = g_new0(compat_thread_start, 1);
    pthread_attr_t attr;
    int rc;

    start->func = func;
    start->name = g_strdup(name ? name : "");
    start->opaque = opaque;

    pthread_attr_init(&attr);
    if (!joinable)
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    rc = pthread_create(&thread->thread, &attr, compat_thread_main, start);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        g_free(start->name);
        g_free(start);
        errno = rc;
        return -1;
    }
    return 0;
}


VIR_COMPAT_EXPORT(virThreadJoin) void
compat_virThreadJoin(compat_virThread *thread)
{
    pthread_join(thread->thread, NULL);
}


/* ================================================================== */
/* Processes: fork, wait, exit status; virCommand                      */
/* ================================================================== */

#define COMPAT_EXIT_CANCELED 125
#define COMPAT_EXIT_CANNOT_INVOKE 126
#define COMPAT_EXIT_ENOENT 127

static void
compat_dummy_handler(int sig G_GNUC_UNUSED)
{
}


/* fork() with signals blocked around it; the child starts with default
 * signal handlers, an empty signal mask and no error callback. */
VIR_COMPAT_EXPORT(virFork) pid_t
compat_virFork(void)
{
    sigset_t all;
    sigset_t old;
    pid_t pid;
    int saved;

    sigfillset(&all);
    if (pthread_sigmask(SIG_SETMASK, &all, &old) != 0) {
        virReportSystemError(errno, "%s", "cannot block signals");
        return -1;
    }

    pid = fork();
    saved = errno;

    if (pid < 0) {
        ignore_value(pthread_sigmask(SIG_SETMASK, &old, NULL));
        virReportSystemError(saved, "%s", "cannot fork child process");
        errno = saved;
    } else if (pid > 0) {
        ignore_value(pthread_sigmask(SIG_SETMASK, &old, NULL));
    } else {
        struct sigaction sa;
        sigset_t none;
        int sig;

        virSetErrorFunc(NULL, NULL);
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = SIG_DFL;
        sigemptyset(&sa.sa_mask);
        for (sig = 1; sig < NSIG; sig++)
            ignore_value(sigaction(sig, &sa, NULL));
        /* a no-op until exec resets it, so writes before exec can't kill */
        sa.sa_handler = compat_dummy_handler;
        ignore_value(sigaction(SIGPIPE, &sa, NULL));

        sigemptyset(&none);
        if (pthread_sigmask(SIG_SETMASK, &none, NULL) != 0) {
            virReportSystemError(errno, "%s", "cannot unblock signals");
            _exit(COMPAT_EXIT_CANCELED);
        }
    }
    return pid;
}


static char *
compat_status_string(int status)
{
    if (WIFEXITED(status))
        return g_strdup_printf("exit status %d", WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return g_strdup_printf("fatal signal %d", WTERMSIG(status));
    return g_strdup_printf("invalid value %d", status);
}


/* Reap @pid.  No @exitstatus: anything but a clean exit 0 is an error.
 * @raw: the waitpid status; otherwise the exit code, and death by a
 * signal is an error. */
VIR_COMPAT_EXPORT(virProcessWait) int
compat_virProcessWait(pid_t pid, int *exitstatus, bool raw)
{
    g_autofree char *desc = NULL;
    int status;
    pid_t rc;

    if (pid <= 0) {
        if (pid != -1)
            virReportSystemError(EINVAL, "unable to wait for process %lld",
                                 (long long)pid);
        return -1;
    }

    while ((rc = waitpid(pid, &status, 0)) == -1 && errno == EINTR)
        ;
    if (rc == -1) {
        virReportSystemError(errno, "unable to wait for process %lld",
                             (long long)pid);
        return -1;
    }

    if (!exitstatus) {
        if (status == 0)
            return 0;
    } else if (raw) {
        *exitstatus = status;
        return 0;
    } else if (WIFEXITED(status)) {
        *exitstatus = WEXITSTATUS(status);
        return 0;
    }

    desc = compat_status_string(status);
    virReportError(VIR_ERR_INTERNAL_ERROR, "Child process (%lld) unexpected %s",
                   (long long)pid, desc);
    return -1;
}


/* Exit the way the child described by @status did: with its code, or by
 * re-raising its fatal signal. */
VIR_COMPAT_EXPORT(virProcessExitWithStatus) void
compat_virProcessExitWithStatus(int status)
{
    int code = COMPAT_EXIT_CANNOT_INVOKE;

    if (WIFEXITED(status)) {
        code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        struct sigaction sa;
        sigset_t set;

        sigemptyset(&set);
        sigaddset(&set, sig);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = SIG_DFL;
        sigfillset(&sa.sa_mask);
        sigaction(sig, &sa, NULL);
        raise(sig);
        code = 128 + sig;
    }
    exit(code);
}


struct _compat_virCommand {
    GPtrArray *args;        /* char *; args[0] is the program */
    bool has_error;         /* misuse recorded, reported at run time */
    int infd;               /* child's stdin, or -1 for /dev/null */
    int *outfdptr;          /* child's stdout: fd, -1 for a pipe; NULL */
    int *errfdptr;          /* same for stderr */
    pid_t pid;              /* running child, or -1 */
    bool reap;              /* we must reap pid in Free */
};


static int
compat_command_check(compat_virCommand *cmd)
{
    if (!cmd || cmd->has_error) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "invalid use of command API");
        return -1;
    }
    return 0;
}


/* argv as a shell would read it, for messages. */
static char *
compat_command_string(compat_virCommand *cmd)
{
    compat_virBuffer buf = { NULL, 0 };
    size_t i;

    for (i = 0; i < cmd->args->len; i++) {
        if (i > 0)
            compat_virBufferAddChar(&buf, ' ');
        compat_virBufferEscapeShell(&buf, g_ptr_array_index(cmd->args, i));
    }
    return compat_virBufferContentAndReset(&buf);
}


VIR_COMPAT_EXPORT(virCommandNewArgList) compat_virCommand *
compat_virCommandNewArgList(const char *binary, ...)
{
    compat_virCommand *cmd = g_new0(compat_virCommand, 1);
    const char *arg;
    va_list ap;

    cmd->args = g_ptr_array_new_with_free_func(g_free);
    cmd->infd = -1;
    cmd->pid = -1;
    g_ptr_array_add(cmd->args, g_strdup(binary));
    va_start(ap, binary);
    while ((arg = va_arg(ap, const char *)))
        g_ptr_array_add(cmd->args, g_strdup(arg));
    va_end(ap);
    return cmd;
}


VIR_COMPAT_EXPORT(virCommandAddArgFormat) void
compat_virCommandAddArgFormat(compat_virCommand *cmd, const char *format, ...)
{
    va_list ap;

    if (!cmd || cmd->has_error)
        return;
    va_start(ap, format);
    g_ptr_array_add(cmd->args, g_strdup_vprintf(format, ap));
    va_end(ap);
}


VIR_COMPAT_EXPORT(virCommandSetInputFD) void
compat_virCommandSetInputFD(compat_virCommand *cmd, int infd)
{
    if (!cmd || cmd->has_error)
        return;
    if (cmd->infd != -1 || infd < 0)
        cmd->has_error = true;
    else
        cmd->infd = infd;
}


VIR_COMPAT_EXPORT(virCommandSetOutputFD) void
compat_virCommandSetOutputFD(compat_virCommand *cmd, int *outfd)
{
    if (!cmd || cmd->has_error)
        return;
    if (cmd->outfdptr)
        cmd->has_error = true;
    else
        cmd->outfdptr = outfd;
}


VIR_COMPAT_EXPORT(virCommandSetErrorFD) void
compat_virCommandSetErrorFD(compat_virCommand *cmd, int *errfd)
{
    if (!cmd || cmd->has_error)
        return;
    if (cmd->errfdptr)
        cmd->has_error = true;
    else
        cmd->errfdptr = errfd;
}


/* In the child: put @fd on @target, usable across exec. */
static int
compat_child_dup(int fd, int target)
{
    if (fd == target)
        return fcntl(fd, F_SETFD, 0);
    return dup2(fd, target) < 0 ? -1 : 0;
}


/* The child's end for stdout or stderr: the caller's fd, a new pipe
 * (read end handed back through @fdptr after the fork), or /dev/null. */
static int
compat_child_output(int *fdptr, int pipefd[2], int devnull)
{
    if (!fdptr)
        return devnull;
    if (*fdptr != -1)
        return *fdptr;
    if (pipe2(pipefd, O_CLOEXEC) < 0) {
        virReportSystemError(errno, "%s", "Unable to create pipes");
        return -1;
    }
    return pipefd[1];
}


VIR_COMPAT_EXPORT(virCommandRunAsync) int
compat_virCommandRunAsync(compat_virCommand *cmd, pid_t *pid)
{
    g_autofree char *binary = NULL;
    g_autofree char **argv = NULL;
    int outpipe[2] = { -1, -1 };
    int errpipe[2] = { -1, -1 };
    int devnull = -1;
    int childin;
    int childout;
    int childerr;
    pid_t child;
    size_t i;
    int ret = -1;

    if (compat_command_check(cmd) < 0)
        return -1;
    if (cmd->pid != -1) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "command is already running as pid %lld",
                       (long long)cmd->pid);
        return -1;
    }

    binary = g_path_is_absolute(g_ptr_array_index(cmd->args, 0)) ?
        g_strdup(g_ptr_array_index(cmd->args, 0)) :
        g_find_program_in_path(g_ptr_array_index(cmd->args, 0));
    if (!binary) {
        virReportSystemError(ENOENT, "Cannot find '%s' in path",
                             (const char *)g_ptr_array_index(cmd->args, 0));
        return -1;
    }

    if ((devnull = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0) {
        virReportSystemError(errno, "%s", "cannot open /dev/null");
        return -1;
    }
    childin = cmd->infd >= 0 ? cmd->infd : devnull;
    if ((childout = compat_child_output(cmd->outfdptr, outpipe, devnull)) < 0)
        goto cleanup;
    if (cmd->errfdptr && cmd->errfdptr == cmd->outfdptr)
        childerr = childout;
    else if ((childerr = compat_child_output(cmd->errfdptr, errpipe,
                                             devnull)) < 0)
        goto cleanup;

    argv = g_new0(char *, cmd->args->len + 1);
    for (i = 0; i < cmd->args->len; i++)
        argv[i] = g_ptr_array_index(cmd->args, i);

    if ((child = compat_virFork()) < 0)
        goto cleanup;

    if (child == 0) {
        if (compat_child_dup(childin, STDIN_FILENO) < 0 ||
            compat_child_dup(childout, STDOUT_FILENO) < 0 ||
            compat_child_dup(childerr, STDERR_FILENO) < 0)
            _exit(COMPAT_EXIT_CANCELED);
        if (close_range(3, ~0U, 0) < 0) {
            long fd;
            long max = sysconf(_SC_OPEN_MAX);

            for (fd = 3; fd < (max > 0 ? max : 1024); fd++)
                close(fd);
        }
        execv(binary, argv);
        dprintf(STDERR_FILENO, "cannot execute binary %s: %s\n",
                argv[0], g_strerror(errno));
        _exit(errno == ENOENT ? COMPAT_EXIT_ENOENT : COMPAT_EXIT_CANNOT_INVOKE);
    }

    if (cmd->outfdptr && *cmd->outfdptr == -1) {
        *cmd->outfdptr = outpipe[0];
        outpipe[0] = -1;
    }
    if (cmd->errfdptr && cmd->errfdptr != cmd->outfdptr &&
        *cmd->errfdptr == -1) {
        *cmd->errfdptr = errpipe[0];
        errpipe[0] = -1;
    }
    cmd->pid = child;
    if (pid)
        *pid = child;
    else
        cmd->reap = true;
    ret = 0;

 cleanup:
    for (i = 0; i < 2; i++) {
        if (outpipe[i] >= 0)
            close(outpipe[i]);
        if (errpipe[i] >= 0)
            close(errpipe[i]);
    }
    close(devnull);
    return ret;
}


/* Wait for the child.  Without @exitstatus, a non-zero status is an
 * error naming the command. */
VIR_COMPAT_EXPORT(virCommandWait) int
compat_virCommandWait(compat_virCommand *cmd, int *exitstatus)
{
    g_autofree char *str = NULL;
    g_autofree char *desc = NULL;
    int status = 0;

    if (compat_command_check(cmd) < 0)
        return -1;
    if (cmd->pid == -1) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "command is not yet running");
        return -1;
    }
    if (compat_virProcessWait(cmd->pid, &status, true) < 0)
        return -1;
    cmd->pid = -1;
    cmd->reap = false;

    if (exitstatus && WIFEXITED(status)) {
        *exitstatus = WEXITSTATUS(status);
        return 0;
    }
    if (status == 0)
        return 0;

    str = compat_command_string(cmd);
    desc = compat_status_string(status);
    virReportError(VIR_ERR_INTERNAL_ERROR, "Child process (%s) unexpected %s",
                   str, desc);
    return -1;
}


/* A child still running and unclaimed is terminated and reaped. */
VIR_COMPAT_EXPORT(virCommandFree) void
compat_virCommandFree(compat_virCommand *cmd)
{
    if (!cmd)
        return;
    if (cmd->reap && cmd->pid > 0) {
        int i;

        kill(cmd->pid, SIGTERM);
        for (i = 0; i < 20; i++) {
            if (waitpid(cmd->pid, NULL, WNOHANG) != 0)
                break;
            g_usleep(10 * 1000);
        }
        if (i == 20) {
            kill(cmd->pid, SIGKILL);
            while (waitpid(cmd->pid, NULL, 0) < 0 && errno == EINTR)
                ;
        }
    }
    g_ptr_array_unref(cmd->args);
    g_free(cmd);
}


/* ================================================================== */
/* Files and the user's environment                                    */
/* ================================================================== */

VIR_COMPAT_EXPORT(saferead) ssize_t
compat_saferead(int fd, void *buf, size_t count)
{
    size_t done = 0;

    while (done < count) {
        ssize_t r = read(fd, (char *)buf + done, count - done);

        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return r;
        if (r == 0)
            break;
        done += r;
    }
    return done;
}


VIR_COMPAT_EXPORT(safewrite) ssize_t
compat_safewrite(int fd, const void *buf, size_t count)
{
    size_t done = 0;

    while (done < count) {
        ssize_t r = write(fd, (const char *)buf + done, count - done);

        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return r;
        if (r == 0)
            break;
        done += r;
    }
    return done;
}


/* Close *@fdptr (if open) and set it to -1. */
VIR_COMPAT_EXPORT(virFileClose) int
compat_virFileClose(int *fdptr, compat_virFileCloseFlags flags)
{
    int saved = errno;
    int rc;

    if (*fdptr < 0)
        return 0;
    rc = close(*fdptr);
    *fdptr = -1;
    if (flags & COMPAT_VIR_FILE_CLOSE_PRESERVE_ERRNO)
        errno = saved;
    return rc;
}


/* Read the whole file into a NUL-terminated *@buf; more than @maxlen
 * bytes is an error (EOVERFLOW).  Returns the length. */
VIR_COMPAT_EXPORT(virFileReadAll) int
compat_virFileReadAll(const char *path, int maxlen, char **buf)
{
    g_autoptr(GString) data = NULL;
    char chunk[8192];
    int fd;
    int err = 0;
    int len;

    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        virReportSystemError(errno, "Failed to open file '%s'", path);
        return -1;
    }

    if (maxlen <= 0) {
        err = EINVAL;
    } else {
        data = g_string_new(NULL);
        while (data->len <= (size_t)maxlen) {
            ssize_t r = compat_saferead(fd, chunk, sizeof(chunk));

            if (r < 0) {
                err = errno;
                break;
            }
            if (r == 0)
                break;
            g_string_append_len(data, chunk, r);
        }
        if (!err && data->len > (size_t)maxlen)
            err = EOVERFLOW;
    }
    close(fd);

    if (err) {
        virReportSystemError(err, "Failed to read file '%s'", path);
        errno = err;
        return -1;
    }
    len = data->len;
    *buf = g_string_free(g_steal_pointer(&data), FALSE);
    return len;
}


/* Is the current offset of @fd in data or in a hole, and how long is that
 * stretch?  The offset is left where it was. */
VIR_COMPAT_EXPORT(virFileInData) int
compat_virFileInData(int fd, int *inData, long long *length)
{
    off_t cur;
    off_t data;
    int ret = -1;
    int err;

    if ((cur = lseek(fd, 0, SEEK_CUR)) == (off_t)-1) {
        virReportSystemError(errno, "%s",
                             "Unable to get current position in file");
        return -1;
    }

    data = lseek(fd, cur, SEEK_DATA);
    if (data == (off_t)-1) {
        off_t end;

        if (errno != ENXIO) {
            virReportSystemError(errno, "%s", "Unable to seek to data");
            goto cleanup;
        }
        /* in the hole at (or past) the end of the file */
        if ((end = lseek(fd, 0, SEEK_END)) == (off_t)-1) {
            virReportSystemError(errno, "%s", "Unable to seek to EOF");
            goto cleanup;
        }
        *inData = 0;
        *length = end - cur;
    } else if (data > cur) {
        *inData = 0;
        *length = data - cur;
    } else {
        off_t hole = lseek(fd, data, SEEK_HOLE);

        if (hole == (off_t)-1 || hole == data) {
            virReportSystemError(errno, "%s", "unable to seek to hole");
            goto cleanup;
        }
        *inData = 1;
        *length = hole - data;
    }
    ret = 0;

 cleanup:
    err = errno;
    if (lseek(fd, cur, SEEK_SET) == (off_t)-1) {
        virReportSystemError(errno, "%s",
                             "unable to restore position in file");
        ret = -1;
        if (err == 0)
            err = errno;
    }
    errno = err;
    return ret;
}


/* nuvirt has no build-tree resource overrides to switch on. */
VIR_COMPAT_EXPORT(virFileActivateDirOverrideForProg) void
compat_virFileActivateDirOverrideForProg(const char *argv0 G_GNUC_UNUSED)
{
}


VIR_COMPAT_EXPORT(virPipe) int
compat_virPipe(int fds[2])
{
    if (pipe2(fds, O_CLOEXEC) < 0) {
        virReportSystemError(errno, "%s", "Unable to create pipes");
        return -1;
    }
    return 0;
}


VIR_COMPAT_EXPORT(virGetUserDirectory) char *
compat_virGetUserDirectory(void)
{
    return g_strdup(g_get_home_dir());
}


VIR_COMPAT_EXPORT(virGetUserCacheDirectory) char *
compat_virGetUserCacheDirectory(void)
{
    return g_build_filename(g_get_user_cache_dir(), "libvirt", NULL);
}


/* A line read from the terminal without echo. */
VIR_COMPAT_EXPORT(virGetPassword) char *
compat_virGetPassword(void)
{
    return g_strdup(getpass(""));
}


/* ================================================================== */
/* Time                                                                */
/* ================================================================== */

/* "YYYY-MM-DD HH:MM:SS.mmm+0000" plus NUL */
#define COMPAT_TIME_STRING_BUFLEN 29

VIR_COMPAT_EXPORT(virTimeMillisNow) int
compat_virTimeMillisNow(unsigned long long *now)
{
    *now = g_get_real_time() / 1000;
    return 0;
}


/* Now, in UTC, into @buf (at least 29 bytes). */
VIR_COMPAT_EXPORT(virTimeStringNowRaw) int
compat_virTimeStringNowRaw(char *buf)
{
    unsigned long long ms = g_get_real_time() / 1000;
    time_t secs = ms / 1000;
    struct tm tm;

    if (!gmtime_r(&secs, &tm))
        return -1;
    if (g_snprintf(buf, COMPAT_TIME_STRING_BUFLEN,
                   "%4d-%02d-%02d %02d:%02d:%02d.%03d+0000",
                   tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                   tm.tm_hour, tm.tm_min, tm.tm_sec,
                   (int)(ms % 1000)) >= COMPAT_TIME_STRING_BUFLEN) {
        errno = ERANGE;
        return -1;
    }
    return 0;
}


/* ================================================================== */
/* Network addresses: MAC, socket addresses                            */
/* ================================================================== */

/* Six ':'-separated groups of one or two hex digits; anything at or below
 * ' ' may follow the last one. */
VIR_COMPAT_EXPORT(virMacAddrParse) int
compat_virMacAddrParse(const char *str, compat_virMacAddr *addr)
{
    size_t i;

    errno = 0;
    for (i = 0; i < COMPAT_VIR_MAC_BUFLEN; i++) {
        char *end;
        unsigned long byte;

        if (!g_ascii_isxdigit(*str))
            return -1;
        byte = strtoul(str, &end, 16);
        if (end - str < 1 || end - str > 2 || errno != 0 || byte > 0xFF)
            return -1;
        addr->addr[i] = byte;
        if (i == COMPAT_VIR_MAC_BUFLEN - 1)
            return *end <= ' ' ? 0 : -1;
        if (*end != ':')
            return -1;
        str = end + 1;
    }
    return -1;
}


VIR_COMPAT_EXPORT(virMacAddrFormat) const char *
compat_virMacAddrFormat(const compat_virMacAddr *addr, char *str)
{
    g_snprintf(str, COMPAT_VIR_MAC_STRING_BUFLEN,
               "%02x:%02x:%02x:%02x:%02x:%02x",
               addr->addr[0], addr->addr[1], addr->addr[2],
               addr->addr[3], addr->addr[4], addr->addr[5]);
    return str;
}


/* strcmp-like, ignoring case and leading zeros of each group, so
 * "0a:0:..." equals "A:00:...". */
VIR_COMPAT_EXPORT(virMacAddrCompare) int
compat_virMacAddrCompare(const char *mac1, const char *mac2)
{
    unsigned char c1;
    unsigned char c2;

    for (;;) {
        while (*mac1 == '0' && g_ascii_isxdigit(mac1[1]))
            mac1++;
        while (*mac2 == '0' && g_ascii_isxdigit(mac2[1]))
            mac2++;
        c1 = g_ascii_tolower(*mac1);
        c2 = g_ascii_tolower(*mac2);
        if (!c1 || !c2 || c1 != c2)
            break;
        mac1++;
        mac2++;
    }
    return (int)c1 - (int)c2;
}


/* A numeric address of @family (AF_UNSPEC: either); returns its length. */
VIR_COMPAT_EXPORT(virSocketAddrParse) int
compat_virSocketAddrParse(compat_virSocketAddr *addr, const char *val,
                          int family)
{
    struct addrinfo hints;
    struct addrinfo *res = NULL;
    int len;
    int rc;

    if (!val) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "Missing address");
        return -1;
    }
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = family;
    hints.ai_flags = AI_NUMERICHOST;
    if ((rc = getaddrinfo(val, NULL, &hints, &res)) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Cannot parse socket address '%s': %s",
                       val, gai_strerror(rc));
        return -1;
    }
    if (!res) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "No socket addresses found for '%s'", val);
        return -1;
    }

    len = res->ai_addrlen;
    if (addr) {
        memset(addr, 0, sizeof(*addr));
        memcpy(&addr->data.stor, res->ai_addr, len);
        addr->len = len;
    }
    freeaddrinfo(res);
    return len;
}


VIR_COMPAT_EXPORT(virSocketAddrIsWildcard) bool
compat_virSocketAddrIsWildcard(const compat_virSocketAddr *addr)
{
    switch (addr->data.stor.ss_family) {
    case AF_INET:
        return addr->data.inet4.sin_addr.s_addr == htonl(INADDR_ANY);
    case AF_INET6:
        return IN6_IS_ADDR_UNSPECIFIED(&addr->data.inet6.sin6_addr);
    }
    return false;
}


/* ================================================================== */
/* Typed parameters                                                    */
/* ================================================================== */

/* Fill @param; a string value is taken as is (not copied), NULL -> "". */
VIR_COMPAT_EXPORT(virTypedParameterAssign) int
compat_virTypedParameterAssign(virTypedParameterPtr param, const char *name,
                               int type, ...)
{
    va_list ap;
    int ret = 0;

    if (g_strlcpy(param->field, name, sizeof(param->field)) >=
        sizeof(param->field)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Field name '%s' too long",
                       name);
        return -1;
    }

    va_start(ap, type);
    param->type = type;
    switch (type) {
    case VIR_TYPED_PARAM_INT:
        param->value.i = va_arg(ap, int);
        break;
    case VIR_TYPED_PARAM_UINT:
        param->value.ui = va_arg(ap, unsigned int);
        break;
    case VIR_TYPED_PARAM_LLONG:
        param->value.l = va_arg(ap, long long);
        break;
    case VIR_TYPED_PARAM_ULLONG:
        param->value.ul = va_arg(ap, unsigned long long);
        break;
    case VIR_TYPED_PARAM_DOUBLE:
        param->value.d = va_arg(ap, double);
        break;
    case VIR_TYPED_PARAM_BOOLEAN:
        param->value.b = !!va_arg(ap, int);
        break;
    case VIR_TYPED_PARAM_STRING:
        param->value.s = va_arg(ap, char *);
        if (!param->value.s)
            param->value.s = g_strdup("");
        break;
    default:
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected type %d for field %s", type, name);
        ret = -1;
        break;
    }
    va_end(ap);
    return ret;
}


VIR_COMPAT_EXPORT(virTypedParameterToString) char *
compat_virTypedParameterToString(virTypedParameterPtr param)
{
    switch (param->type) {
    case VIR_TYPED_PARAM_INT:
        return g_strdup_printf("%d", param->value.i);
    case VIR_TYPED_PARAM_UINT:
        return g_strdup_printf("%u", param->value.ui);
    case VIR_TYPED_PARAM_LLONG:
        return g_strdup_printf("%lld", param->value.l);
    case VIR_TYPED_PARAM_ULLONG:
        return g_strdup_printf("%llu", param->value.ul);
    case VIR_TYPED_PARAM_DOUBLE:
        return g_strdup_printf("%g", param->value.d);
    case VIR_TYPED_PARAM_BOOLEAN:
        return g_strdup_printf("%d", param->value.b);
    case VIR_TYPED_PARAM_STRING:
        return g_strdup(param->value.s);
    }
    virReportError(VIR_ERR_INTERNAL_ERROR, "unexpected type %d for field %s",
                   param->type, param->field);
    return NULL;
}


/* ================================================================== */
/* Process setup: polkit agent (none), gettext                         */
/* ================================================================== */

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_POLKIT

VIR_COMPAT_EXPORT(virPolkitAgentAvailable) bool
compat_virPolkitAgentAvailable(void)
{
    return false;
}


VIR_COMPAT_EXPORT(virPolkitAgentCreate) compat_virPolkitAgent *
compat_virPolkitAgentCreate(void)
{
    virReportError(VIR_ERR_SYSTEM_ERROR, "%s",
                   "polkit text authentication agent unavailable");
    return NULL;
}


VIR_COMPAT_EXPORT(virPolkitAgentDestroy) void
compat_virPolkitAgentDestroy(compat_virPolkitAgent *agent G_GNUC_UNUSED)
{
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_NONE


/* The program's locale, and libvirt's message catalog (shared with
 * Debian's libvirt translations). */
VIR_COMPAT_EXPORT(virGettextInitialize) int
compat_virGettextInitialize(void)
{
    if (!setlocale(LC_ALL, ""))
        perror("setlocale");
    if (!bindtextdomain("libvirt", "/usr/share/locale")) {
        perror("bindtextdomain");
        return -1;
    }
    if (!textdomain("libvirt")) {
        perror("textdomain");
        return -1;
    }
    return 0;
}
