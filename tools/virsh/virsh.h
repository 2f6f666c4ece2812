/*
 * virsh.h: state and helpers shared by the virsh command families.
 */
#pragma once

#include <signal.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "vsh.h"

#define VIRSH_PROMPT_RW "virsh # "
#define VIRSH_PROMPT_RO "virsh > "

/* virsh's own state, in vshControl.privData. */
typedef struct {
    virConnectPtr conn;       /* NULL until the first command needs it */
    bool readonly;            /* -r, or connect --readonly */
    bool useGetInfo;          /* the driver lacks virDomainGetState */
    bool useSnapshotOld;      /* ... or the snapshot parent/children APIs */
    bool blockJobNoBytes;     /* ... or the block jobs' bytes flags */
    const char *escapeChar;   /* -e: leaves the console; "^]" by default */
} virshControl;

/* Open @uri (NULL: the library's default) with keepalive as -k/-K ask. */
virConnectPtr virshConnect(vshControl *ctl, const char *uri, bool readonly);

static inline virConnectPtr
virshConn(vshControl *ctl)
{
    return ((virshControl *)ctl->privData)->conn;
}

/* ---- options every family uses ---- */

#define VIRSH_OPT_DOMAIN(HELP, CFLAGS) \
    VSH_DATA("domain", HELP, .completer = virshDomainNameCompleter, \
             .completer_flags = CFLAGS)
#define VIRSH_OPT_DOMAIN_FULL(CFLAGS) \
    VIRSH_OPT_DOMAIN("domain name, id or uuid", CFLAGS)
#define VIRSH_OPT_FILE(HELP) \
    VSH_DATA("file", HELP, .completer = virshCompletePathLocalExisting)

/* ---- virsh-util.c: lookups and object handles ---- */

typedef enum {
    VIRSH_BYID = 1 << 1,
    VIRSH_BYUUID = 1 << 2,
    VIRSH_BYNAME = 1 << 3,
    VIRSH_BYMAC = 1 << 4,
} virshLookupByFlags;

virDomainPtr virshLookupDomainBy(vshControl *ctl, const char *name,
                                 unsigned int flags);
virDomainPtr virshCommandOptDomainBy(vshControl *ctl, const vshCmd *cmd,
                                     const char **name, unsigned int flags);
virDomainPtr virshCommandOptDomain(vshControl *ctl, const vshCmd *cmd,
                                   const char **name);
/* The state (and reason) of @dom, through GetInfo when GetState is
 * missing; -1 on error. */
int virshDomainState(vshControl *ctl, virDomainPtr dom, int *reason);

/* Free handles keeping a pending error: freeing one must not lose it. */
void virshDomainFree(virDomainPtr dom);
void virshDomainCheckpointFree(virDomainCheckpointPtr chk);
void virshDomainSnapshotFree(virDomainSnapshotPtr snap);
void virshInterfaceFree(virInterfacePtr iface);
void virshNetworkFree(virNetworkPtr net);
void virshNetworkPortFree(virNetworkPortPtr port);
void virshNodeDeviceFree(virNodeDevicePtr dev);
void virshNWFilterFree(virNWFilterPtr filter);
void virshNWFilterBindingFree(virNWFilterBindingPtr binding);
void virshSecretFree(virSecretPtr secret);
void virshStoragePoolFree(virStoragePoolPtr pool);
void virshStorageVolFree(virStorageVolPtr vol);
void virshStreamFree(virStreamPtr st);

typedef virDomain virshDomain;
typedef virDomainCheckpoint virshDomainCheckpoint;
typedef virDomainSnapshot virshDomainSnapshot;
typedef virInterface virshInterface;
typedef virNetwork virshNetwork;
typedef virNetworkPort virshNetworkPort;
typedef virNodeDevice virshNodeDevice;
typedef virNWFilter virshNWFilter;
typedef virNWFilterBinding virshNWFilterBinding;
typedef virSecret virshSecret;
typedef virStoragePool virshStoragePool;
typedef virStorageVol virshStorageVol;
typedef virStream virshStream;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshDomain, virshDomainFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshDomainCheckpoint, virshDomainCheckpointFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshDomainSnapshot, virshDomainSnapshotFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshInterface, virshInterfaceFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshNetwork, virshNetworkFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshNetworkPort, virshNetworkPortFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshNodeDevice, virshNodeDeviceFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshNWFilter, virshNWFilterFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshNWFilterBinding, virshNWFilterBindingFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshSecret, virshSecretFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshStoragePool, virshStoragePoolFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshStorageVol, virshStorageVolFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshStream, virshStreamFree);

/* ---- virsh-util.c: XML documents the library hands out ---- */

G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, xmlFreeDoc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathContext, xmlXPathFreeContext);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathObject, xmlXPathFreeObject);

/* Parse @xml; *ctxt (when asked) starts at the root element. */
xmlDocPtr virshXMLParse(const char *xml, const char *url,
                        xmlXPathContextPtr *ctxt);
/* A non-empty string result, or NULL. */
char *virshXPathString(const char *xpath, xmlXPathContextPtr ctxt);
/* The nodes @xpath selects (count, 0 for none); -1 when it is not a
 * node set (error reported). */
int virshXPathNodeSet(vshControl *ctl, const char *xpath,
                      xmlXPathContextPtr ctxt, xmlNodePtr **list);
xmlNodePtr virshXPathNode(const char *xpath, xmlXPathContextPtr ctxt);
/* 1 true, 0 false, -1 not a boolean expression */
int virshXPathBoolean(const char *xpath, xmlXPathContextPtr ctxt);
/* 0, -1 when the expression fails, -2 when the value is not a number */
int virshXPathInt(const char *xpath, xmlXPathContextPtr ctxt, int *value);
int virshXPathUInt(const char *xpath, xmlXPathContextPtr ctxt,
                   unsigned int *value);
int virshXPathULongLong(const char *xpath, xmlXPathContextPtr ctxt,
                        unsigned long long *value);
char *virshXMLNodeToString(xmlDocPtr doc, xmlNodePtr node);
/* An attribute's value (NULL when absent). */
char *virshXMLPropString(xmlNodePtr node, const char *name);

int virshDomainGetXMLFromDom(vshControl *ctl, virDomainPtr dom,
                             unsigned int flags, xmlDocPtr *xml,
                             xmlXPathContextPtr *ctxt);
int virshDomainGetXML(vshControl *ctl, const vshCmd *cmd, unsigned int flags,
                      xmlDocPtr *xml, xmlXPathContextPtr *ctxt);
/* Print @xml, or with @xpath the nodes it selects (in <nodes> with
 * @wrap): the --xpath/--wrap of the dumpxml commands. */
bool virshDumpXML(vshControl *ctl, const char *xml, const char *url,
                  const char *xpath, bool wrap);

/* @fmt (one %s) with @str escaped for XML text or attributes; nothing
 * when @str is NULL. */
void virshXMLEscapeAppend(GString *buf, const char *fmt, const char *str);

/* A pending error worded as the library words its own, printed when the
 * command fails ("internal error: ..."). */
void virshReportInternalError(vshControl *ctl, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/* ---- virsh-util.c: stream callbacks (fd in, fd out, holes) ---- */

typedef struct {
    vshControl *ctl;
    int fd;
    bool isBlock;
} virshStreamCallbackData;

int virshStreamSink(virStreamPtr st, const char *bytes, size_t nbytes,
                    void *opaque);
int virshStreamSource(virStreamPtr st, char *bytes, size_t nbytes,
                      void *opaque);
int virshStreamSourceSkip(virStreamPtr st, long long offset, void *opaque);
int virshStreamSkip(virStreamPtr st, long long offset, void *opaque);
int virshStreamInData(virStreamPtr st, int *inData, long long *offset,
                      void *opaque);

/* ---- virsh-completer.c ---- */

char **virshCompleteEmpty(vshControl *ctl, const vshCmd *cmd,
                          unsigned int flags);
char **virshCompletePathLocalExisting(vshControl *ctl, const vshCmd *cmd,
                                      unsigned int flags);
char **virshDomainNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                unsigned int flags);

/* One table per group, each in its family's file. */
extern const vshCmdDef hostAndHypervisorCmds[];
extern const vshCmdDef domMonitoringCmds[];

/* completer building blocks */
virConnectPtr virshCompleterConn(vshControl *ctl);
char **virshCompleteWords(const char *const *words);
char **virshCompleteList(size_t count,
                         const char *(*name)(void *list, size_t i),
                         void *list);
char **virshCommaStringListComplete(const char *input,
                                    const char *const *options);
char **virshDomainUUIDCompleter(vshControl *ctl, const vshCmd *cmd,
                                unsigned int flags);

/* ---- virsh-util.c: MAC addresses ---- */
#define VIRSH_MAC_STRING_BUFLEN 18
int virshMacAddrParse(const char *str, unsigned char mac[6]);
/* lower-case "xx:xx:xx:xx:xx:xx" of @in; -1 (out untouched) if not one */
int virshMacAddrNormalize(const char *in, char out[VIRSH_MAC_STRING_BUFLEN]);

/* ---- virsh-domain-monitor.c ---- */
const char *virshDomainStateToString(int state);
const char *virshDomainStateReasonToString(int state, int reason);
char *virshGetDomainDescription(vshControl *ctl, virDomainPtr dom,
                                bool title, unsigned int flags);
extern const char *const virshDomainInterfaceAddrSources[];

/* ---- virsh-completer-domain.c ---- */
enum {
    VIRSH_DOMAIN_INTERFACE_COMPLETER_MAC = 1 << 0,  /* MACs only */
};
char **virshDomainInterfaceCompleter(vshControl *ctl, const vshCmd *cmd,
                                     unsigned int flags);
char **virshDomainDiskTargetCompleter(vshControl *ctl, const vshCmd *cmd,
                                      unsigned int flags);
char **virshDomainInterfaceAddrSourceCompleter(vshControl *ctl,
                                               const vshCmd *cmd,
                                               unsigned int flags);

/* ---- virsh-util.c: files ---- */
/* The whole of @path (at most @maxlen bytes); -1 with a pending error in
 * the library's words ("Failed to open file ..."). */
int virshFileReadAll(vshControl *ctl, const char *path, size_t maxlen,
                     char **buf);

/* ---- virsh-domain-lifecycle.c ---- */
extern const vshCmdDef virshDomainLifecycleCmds[];
/* define, dropping a lone VALIDATE flag for drivers without flags */
virDomainPtr virshDomainDefine(virConnectPtr conn, const char *xml,
                               unsigned int flags);

/* ---- virsh-console.c ---- */
/* The console of a running domain, on a terminal; false on error. */
bool virshRunConsoleCmd(vshControl *ctl, virDomainPtr dom, const char *name,
                        unsigned int flags);

/* ---- virsh-host.c ---- */
/* VIR_NODE_SUSPEND_TARGET_* of "mem", "disk", "hybrid"; -1 otherwise */
int virshNodeSuspendTargetFromString(const char *name);
char **virshNodeSuspendTargetCompleter(vshControl *ctl, const vshCmd *cmd,
                                       unsigned int flags);

/* ---- virsh-domain.c ---- */
/* The "Domain Management" group, assembled on first use. */
const vshCmdDef *virshDomainManagementCmds(void);
char **virshDomainUndefineStorageDisksCompleter(vshControl *ctl,
                                                const vshCmd *cmd,
                                                unsigned int flags);
char **virshDomainShutdownModeCompleter(vshControl *ctl, const vshCmd *cmd,
                                        unsigned int flags);

/* ---- virsh-domain-job.c: long jobs ---- */
typedef struct _virshCtrlData virshCtrlData;
struct _virshCtrlData {
    vshControl *ctl;
    const vshCmd *cmd;
    GMainLoop *eventLoop;
    int ret;                      /* 0 when the worker succeeded */
    virConnectPtr dconn;          /* migrate: the destination */
    int (*worker)(virshCtrlData *data);
    void *opaque;
};
typedef void (*virshJobWatchTimeoutFunc)(vshControl *ctl, virDomainPtr dom,
                                         void *opaque);
extern volatile sig_atomic_t virshIntCaught;
void virshCatchInt(int sig, siginfo_t *info, void *context);
void virshPrintJobProgress(const char *label, unsigned long long remaining,
                           unsigned long long total);
/* Show the progress of @dom's job until @eventLoop quits (the worker
 * quits it); a tty's Ctrl-C aborts the job. */
void virshWatchJob(vshControl *ctl, virDomainPtr dom, bool verbose,
                   GMainLoop *eventLoop, int *jobErr, int timeoutSecs,
                   virshJobWatchTimeoutFunc timeoutFunc, void *opaque,
                   const char *label);
/* Run @worker in a thread while watching the job; true on success. */
bool virshRunJob(vshControl *ctl, const vshCmd *cmd, virDomainPtr dom,
                 int (*worker)(virshCtrlData *data), bool verbose,
                 const char *label, void *opaque);
extern const vshCmdDef virshDomainJobCmds[];

/* ---- virsh-domain-save.c ---- */
extern const vshCmdDef virshDomainSaveCmds[];
extern const char *const virshDomainCoreDumpFormats[];
char **virshDomainCoreDumpFormatCompleter(vshControl *ctl, const vshCmd *cmd,
                                          unsigned int flags);

/* ---- virsh-util.c: CPU maps ---- */
char *virshBitmapDataFormat(const unsigned char *map, size_t len);
/* Set the bits "0-3,^2,7" names in @map (@nbits long); -1 when it is
 * malformed or names a bit past the end. */
int virshBitmapParse(const char *str, size_t nbits, unsigned char *map);
/* A cpulist option ("r" for all) as a map for the pin APIs; NULL with an
 * error printed. */
unsigned char *virshParseCPUList(vshControl *ctl, int *cpumaplen,
                                 const char *cpulist, int maxcpu);
/* CPUs of the node, by virNodeGetCPUMap or else virNodeGetInfo */
int virshNodeGetCPUCount(virConnectPtr conn);

/* ---- virsh-domain-vcpu.c ---- */
extern const vshCmdDef virshDomainVcpuCmds[];
extern const vshCmdDef virshDomainGuestCmds[];
int virshCPUCountCollect(vshControl *ctl, virDomainPtr dom,
                         unsigned int flags, bool checkState);
char **virshDomainIOThreadIdCompleter(vshControl *ctl, const vshCmd *cmd,
                                      unsigned int flags);
char **virshDomainVcpuCompleter(vshControl *ctl, const vshCmd *cmd,
                                unsigned int flags);
char **virshDomainVcpulistCompleter(vshControl *ctl, const vshCmd *cmd,
                                    unsigned int flags);
char **virshDomainCpulistCompleter(vshControl *ctl, const vshCmd *cmd,
                                   unsigned int flags);
char **virshDomainVcpulistViaAgentCompleter(vshControl *ctl,
                                            const vshCmd *cmd,
                                            unsigned int flags);

/* ---- virsh-domain-tune.c ---- */
extern const vshCmdDef virshDomainTuneCmds[];
extern const char *const virshDomainLifecycles[];
extern const char *const virshDomainLifecycleActions[];
/* Index of @word in the NULL-terminated @words, or -1. */
int virshWordIndex(const char *const *words, const char *word);
int virshFetchPassFdsList(vshControl *ctl, const vshCmd *cmd, size_t *nfds,
                          int **fds);
char **virshDomainInterfaceStateCompleter(vshControl *ctl, const vshCmd *cmd,
                                          unsigned int flags);
char **virshDomainDeviceAliasCompleter(vshControl *ctl, const vshCmd *cmd,
                                       unsigned int flags);
char **virshDomainLifecycleCompleter(vshControl *ctl, const vshCmd *cmd,
                                     unsigned int flags);
char **virshDomainLifecycleActionCompleter(vshControl *ctl, const vshCmd *cmd,
                                           unsigned int flags);
char **virshDomainNumatuneModeCompleter(vshControl *ctl, const vshCmd *cmd,
                                        unsigned int flags);
char **virshDomainPerfEnableCompleter(vshControl *ctl, const vshCmd *cmd,
                                      unsigned int flags);
char **virshDomainPerfDisableCompleter(vshControl *ctl, const vshCmd *cmd,
                                       unsigned int flags);
typedef struct {
    unsigned long long average;
    unsigned long long peak;
    unsigned long long burst;
    unsigned long long floor;
} virshBandwidthRate;
/* "average,peak,burst,floor" (fields may be empty); -1 (reported). */
int virshParseRateStr(vshControl *ctl, const char *str,
                      virshBandwidthRate *rate);

/* ---- virsh-util.c: event commands ---- */
#define VIRSH_TIME_STRING_BUFLEN 29
/* "2024-01-02 03:04:05.678+0000", the stamp of --timestamp */
void virshTimestampNow(char buf[VIRSH_TIME_STRING_BUFLEN]);
/* After vshEventStart and registering: wait, say how it ended and how
 * many events came; 1 when some did, 0 when none, -1 on error. */
int virshEventWaitReport(vshControl *ctl, const int *count);

/* What an event handler gets: one per registration of a command. */
typedef struct {
    vshControl *ctl;
    bool loop;              /* --loop: keep going after the first event */
    bool timestamp;         /* --timestamp */
    int *count;             /* events printed (atomic), shared by all */
    const char *name;       /* the event's name from its family's table */
    int event;              /* ... and its index there */
    int id;                 /* the callback id, -1 when not registered */
} virshEventData;

/* Print "[STAMP: ]event 'NAME' for KIND OBJ[: WHAT]" and count it; after
 * the first event, without --loop, print nothing more and stop the wait. */
void virshEventPrint(virshEventData *data, const char *kind,
                     const char *obj, const char *what);
/* The same for lines of any shape: "[STAMP: ]" and @fmt; false when the
 * event is to be dropped (one-shot and one came already). */
bool virshEventPrintf(virshEventData *data, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/* Register the family's callback for data->event on @obj (may be NULL):
 * the callback id, or -1 (reported). */
typedef int (*virshEventRegisterFunc)(virConnectPtr conn, void *obj,
                                      virshEventData *data);
typedef int (*virshEventDeregisterFunc)(virConnectPtr conn, int callbackID);

typedef struct {
    const char *const *names;   /* one per event id, NULL-terminated */
    const char *objOpt;         /* the option naming the object */
    /* Fetch the object the option names (the helper calls it only when
     * the option is present): 0 with *obj set (NULL is fine: no filter),
     * -1 to end the command. */
    int (*getObj)(vshControl *ctl, const vshCmd *cmd, void **obj);
    void (*freeObj)(void *obj);
    virshEventRegisterFunc reg;
    virshEventDeregisterFunc dereg;
    bool all;                   /* 'event': --all, and its wording */
} virshEventFamily;

/* The body of a FAMILY-event command: --list, --event (or --all),
 * --loop, --timestamp, --timeout, then register, wait, report and
 * deregister. */
bool virshEventCommand(vshControl *ctl, const vshCmd *cmd,
                       const virshEventFamily *family);

/* The options every FAMILY-event command ends with, in virsh's order;
 * virshEventCommand reads them. */
#define VIRSH_OPT_EVENT_COMMON \
    VSH_BOOL("loop", "loop until timeout or interrupt, rather than one-shot"), \
    VSH_INT("timeout", "timeout seconds"), \
    VSH_BOOL("list", "list valid event types"), \
    VSH_BOOL("timestamp", "show timestamp for each printed event")

/* ---- virsh-network.c ---- */
extern const vshCmdDef networkCmds[];
virNetworkPtr virshCommandOptNetworkBy(vshControl *ctl, const vshCmd *cmd,
                                       const char **name, unsigned int flags);
#define virshCommandOptNetwork(ctl, cmd, name) \
    virshCommandOptNetworkBy(ctl, cmd, name, VIRSH_BYUUID | VIRSH_BYNAME)
char **virshNetworkNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                 unsigned int flags);
char **virshNetworkUUIDCompleter(vshControl *ctl, const vshCmd *cmd,
                                 unsigned int flags);
extern const char *const virshNetworkEventNames[];
extern const char *const virshNetworkUpdateCommands[];
extern const char *const virshNetworkSections[];
char **virshNetworkEventNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                      unsigned int flags);
char **virshNetworkPortUUIDCompleter(vshControl *ctl, const vshCmd *cmd,
                                     unsigned int flags);
char **virshNetworkDhcpMacCompleter(vshControl *ctl, const vshCmd *cmd,
                                    unsigned int flags);
char **virshNetworkUpdateCommandCompleter(vshControl *ctl, const vshCmd *cmd,
                                          unsigned int flags);
char **virshNetworkUpdateSectionCompleter(vshControl *ctl, const vshCmd *cmd,
                                          unsigned int flags);

/* ---- virsh-secret.c ---- */
extern const vshCmdDef secretCmds[];
extern const char *const virshSecretEventNames[];
char **virshSecretUUIDCompleter(vshControl *ctl, const vshCmd *cmd,
                                unsigned int flags);
char **virshSecretEventNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                     unsigned int flags);

/* ---- virsh-domain-event.c ---- */
extern const vshCmdDef domEventCmds[];

/* ---- virsh-nodedev.c ---- */
extern const vshCmdDef nodedevCmds[];

/* ---- virsh-nwfilter.c ---- */
extern const vshCmdDef nwfilterCmds[];
char **virshNWFilterNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                  unsigned int flags);
char **virshNWFilterBindingNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                         unsigned int flags);

/* ---- virsh-interface.c ---- */
extern const vshCmdDef ifaceCmds[];
char **virshInterfaceNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                   unsigned int flags);
char **virshInterfaceMacCompleter(vshControl *ctl, const vshCmd *cmd,
                                  unsigned int flags);

/* ---- virsh-snapshot.c, virsh-checkpoint.c, virsh-backup.c ---- */
extern const vshCmdDef snapshotCmds[];
extern const vshCmdDef checkpointCmds[];
extern const vshCmdDef backupCmds[];
char **virshSnapshotNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                  unsigned int flags);
char **virshCheckpointNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                    unsigned int flags);
/* A <creationTime> as "YYYY-MM-DD HH:MM:SS +ZZZZ" in local time; NULL
 * when it is missing or not a number. */
char *virshFormatCreationTime(const char *secs);
/* ---- virsh-pool.c ---- */
extern const vshCmdDef storagePoolCmds[];
extern const char *const virshPoolTypes[];
extern const char *const virshPoolEventNames[];
virStoragePoolPtr virshCommandOptPoolBy(vshControl *ctl, const vshCmd *cmd,
                                        const char *optname,
                                        const char **name, unsigned int flags);
#define virshCommandOptPool(ctl, cmd, optname, name) \
    virshCommandOptPoolBy(ctl, cmd, optname, name, VIRSH_BYUUID | VIRSH_BYNAME)
char **virshPoolTypeCompleter(vshControl *ctl, const vshCmd *cmd,
                              unsigned int flags);
char **virshPoolEventNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                   unsigned int flags);
char **virshStoragePoolNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                     unsigned int flags);

/* ---- virsh-volume.c ---- */
extern const vshCmdDef storageVolCmds[];
extern const char *const virshStorageVolWipeAlgorithms[];
virStorageVolPtr virshCommandOptVolBy(vshControl *ctl, const vshCmd *cmd,
                                      const char *optname,
                                      const char *pooloptname,
                                      const char **name, unsigned int flags);
char **virshStorageVolNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                    unsigned int flags);
char **virshStorageVolKeyCompleter(vshControl *ctl, const vshCmd *cmd,
                                   unsigned int flags);
char **virshStorageVolWipeAlgorithmCompleter(vshControl *ctl,
                                             const vshCmd *cmd,
                                             unsigned int flags);
