/*
 * virsh_private.h: the private libvirt 9.0.0 entry points that Debian's
 * /usr/bin/virsh imports from libvirt.so.0 (node LIBVIRT_PRIVATE_9.0.0).
 *
 * Only src/compat/virsh_private.c includes this header.  Every function is
 * declared under a compat_ name with libvirt's exact signature; the
 * definition binds it to libvirt's name at LIBVIRT_PRIVATE_9.0.0 with a
 * symbol version (see VIR_COMPAT_EXPORT), so nuvirt's own helpers of the
 * same name can never clash with these and nuvirt code cannot call them.
 * The types mirror the layouts libvirt's callers compile in (and often
 * stack-allocate); the ones virsh only handles through pointers are opaque.
 */
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <pthread.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "libvirt/libvirt.h"

/* Bind the following definition to libvirt's @name at the private node.
 * A non-default version: binaries built against libvirt find it, the
 * static linker never resolves nuvirt's own references to it. */
#define VIR_COMPAT_EXPORT(name) \
    __attribute__((visibility("default"), \
                   symver(#name "@LIBVIRT_PRIVATE_9.0.0")))

/* ---- layouts shared with libvirt's callers ---- */

/* virBuffer: initialised by callers as { NULL, 0 } */
typedef struct {
    GString *str;
    int indent;
} compat_virBuffer;

/* virthread.h */
typedef struct {
    pthread_mutex_t lock;
} compat_virMutex;

typedef struct {
    pthread_cond_t cond;
} compat_virCond;

typedef struct {
    pthread_t thread;
} compat_virThread;

typedef struct {
    pthread_once_t once;
} compat_virOnceControl;

typedef struct {
    compat_virMutex *mutex;
} compat_virLockGuard;

typedef void (*compat_virOnceFunc)(void);
typedef void (*compat_virThreadFunc)(void *opaque);

/* virobject.h: libvirt's virObject is a GObject (24 bytes on LP64) and
 * virObjectLockable appends a virMutex; callers embed the latter as the
 * first member of their own objects and lock its mutex directly. */
typedef struct _compat_virClass compat_virClass;
typedef void (*compat_virObjectDisposeCallback)(void *obj);

typedef struct {
    compat_virClass *klass;
    gint refs;
    guint magic;
    void *reserved;
} compat_virObject;

typedef struct {
    compat_virObject parent;
    compat_virMutex lock;
} compat_virObjectLockable;

/* virmacaddr.h: exactly 6 bytes */
#define COMPAT_VIR_MAC_BUFLEN 6
#define COMPAT_VIR_MAC_STRING_BUFLEN (COMPAT_VIR_MAC_BUFLEN * 3)
typedef struct {
    unsigned char addr[COMPAT_VIR_MAC_BUFLEN];
} compat_virMacAddr;

/* virsocketaddr.h */
typedef struct {
    union {
        struct sockaddr sa;
        struct sockaddr_storage stor;
        struct sockaddr_in inet4;
        struct sockaddr_in6 inet6;
        struct sockaddr_un un;
    } data;
    socklen_t len;
} compat_virSocketAddr;

/* viruri.h */
typedef struct {
    char *name;
    char *value;
    bool ignore;
} compat_virURIParam;

typedef struct {
    char *scheme;
    char *server;
    char *user;
    unsigned int port;
    char *path;
    char *query;
    char *fragment;

    size_t paramsCount;
    size_t paramsAlloc;
    compat_virURIParam *params;
} compat_virURI;

/* virpci.h */
typedef struct {
    unsigned int value;
    bool isSet;
} compat_virZPCIDeviceAddressID;

typedef struct {
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
    int multi;          /* virTristateSwitch: 0 absent, 1 on, 2 off */
    int extFlags;
    struct {
        compat_virZPCIDeviceAddressID uid;
        compat_virZPCIDeviceAddressID fid;
    } zpci;
} compat_virPCIDeviceAddress;

/* virfile.h */
typedef enum {
    COMPAT_VIR_FILE_CLOSE_PRESERVE_ERRNO = 1 << 0,
    COMPAT_VIR_FILE_CLOSE_IGNORE_EBADF = 1 << 1,
    COMPAT_VIR_FILE_CLOSE_DONT_LOG = 1 << 2,
} compat_virFileCloseFlags;

/* Opaque to callers: layouts of nuvirt's own choosing. */
typedef struct _compat_virBitmap compat_virBitmap;
typedef struct _compat_virJSONValue compat_virJSONValue;
typedef struct _compat_virCommand compat_virCommand;
typedef struct _compat_virPolkitAgent compat_virPolkitAgent;

/* ---- strings and numbers (virstring.h, virutil.h, virenum.h) ---- */
int compat_virStrToLong_i(const char *s, char **end_ptr, int base, int *result);
int compat_virStrToLong_ui(const char *s, char **end_ptr, int base,
                           unsigned int *result);
int compat_virStrToLong_uip(const char *s, char **end_ptr, int base,
                            unsigned int *result);
int compat_virStrToLong_ul(const char *s, char **end_ptr, int base,
                           unsigned long *result);
int compat_virStrToLong_ulp(const char *s, char **end_ptr, int base,
                            unsigned long *result);
int compat_virStrToLong_ll(const char *s, char **end_ptr, int base,
                           long long *result);
int compat_virStrToLong_ull(const char *s, char **end_ptr, int base,
                            unsigned long long *result);
int compat_virStrToLong_ullp(const char *s, char **end_ptr, int base,
                             unsigned long long *result);
void compat_virSkipSpaces(const char **str);
void compat_virTrimSpaces(char *str, char **endp);
int compat_virStrcpy(char *dest, const char *src, size_t destbytes);
int compat_virScaleInteger(unsigned long long *value, const char *suffix,
                           unsigned long long scale, unsigned long long limit);
bool compat_virValidateWWN(const char *wwn);
int compat_virEnumFromString(const char * const *types, unsigned int ntypes,
                             const char *type);
const char *compat_virEnumToString(const char * const *types,
                                   unsigned int ntypes, int type);

/* ---- enum <-> string helpers of the XML vocabularies ---- */
const char *compat_virArchToString(int arch);
const char *compat_virDomainHostdevSubsysPCIBackendTypeToString(int type);
int compat_virDomainNetTypeFromString(const char *type);
const char *compat_virDomainNetTypeToString(int type);
int compat_virDomainNumatuneMemModeTypeFromString(const char *type);
const char *compat_virDomainNumatuneMemModeTypeToString(int type);
const char *compat_virDomainVirtTypeToString(int type);
int compat_virNodeDevCapTypeFromString(const char *type);
const char *compat_virNodeDevCapTypeToString(int type);
const char *compat_virPerfEventTypeToString(int type);
const char *compat_virSecretUsageTypeToString(int type);
const char *compat_virStorageFileFormatTypeToString(int type);
int compat_virStoragePoolTypeFromString(const char *type);
const char *compat_virStoragePoolTypeToString(int type);
int compat_virKeycodeSetTypeFromString(const char *type);
const char *compat_virKeycodeSetTypeToString(int type);
int compat_virKeycodeValueFromString(virKeycodeSet codeset,
                                     const char *keyname);

/* ---- memory (viralloc.h, virsecureerase.h, virglibutil.h) ---- */
void compat_virReallocN(void *ptrptr, size_t size, size_t count);
void compat_virExpandN(void *ptrptr, size_t size, size_t *count, size_t add);
void compat_virShrinkN(void *ptrptr, size_t size, size_t *count,
                       size_t toremove);
int compat_virInsertElementsN(void *ptrptr, size_t size, size_t at,
                              size_t *countptr, size_t typematchDummy,
                              void *newelem, bool clearOriginal, bool inPlace);
void compat_virAppendElement(void *ptrptr, size_t size, size_t *countptr,
                             size_t typematchDummy, void *newelem,
                             bool clearOriginal, bool inPlace);
void compat_virSecureErase(void *ptr, size_t size);
void compat_virSecureEraseString(char *str);
void compat_virGSListStringFree(GSList *l);

/* ---- virBuffer ---- */
void compat_virBufferAdd(compat_virBuffer *buf, const char *str, int len);
void compat_virBufferAddChar(compat_virBuffer *buf, char c);
void compat_virBufferAddStr(compat_virBuffer *buf, const char *str);
void compat_virBufferAdjustIndent(compat_virBuffer *buf, int indent);
void compat_virBufferAsprintf(compat_virBuffer *buf, const char *format, ...)
    G_GNUC_PRINTF(2, 3);
void compat_virBufferVasprintf(compat_virBuffer *buf, const char *format,
                               va_list ap)
    G_GNUC_PRINTF(2, 0);
char *compat_virBufferContentAndReset(compat_virBuffer *buf);
const char *compat_virBufferCurrentContent(compat_virBuffer *buf);
void compat_virBufferEscape(compat_virBuffer *buf, char escape,
                            const char *toescape, const char *format,
                            const char *str);
void compat_virBufferEscapeShell(compat_virBuffer *buf, const char *str);
void compat_virBufferEscapeString(compat_virBuffer *buf, const char *format,
                                  const char *str);
void compat_virBufferFreeAndReset(compat_virBuffer *buf);
void compat_virBufferStrcat(compat_virBuffer *buf, ...) G_GNUC_NULL_TERMINATED;
void compat_virBufferTrim(compat_virBuffer *buf, const char *trim);
void compat_virBufferTrimLen(compat_virBuffer *buf, int len);
size_t compat_virBufferUse(const compat_virBuffer *buf);

/* ---- virBitmap ---- */
compat_virBitmap *compat_virBitmapNew(size_t size);
void compat_virBitmapFree(compat_virBitmap *bitmap);
int compat_virBitmapSetBit(compat_virBitmap *bitmap, size_t b);
void compat_virBitmapSetAll(compat_virBitmap *bitmap);
size_t compat_virBitmapSize(compat_virBitmap *bitmap);
size_t compat_virBitmapCountBits(compat_virBitmap *bitmap);
bool compat_virBitmapIsAllClear(compat_virBitmap *bitmap);
ssize_t compat_virBitmapLastSetBit(compat_virBitmap *bitmap);
ssize_t compat_virBitmapNextSetBit(compat_virBitmap *bitmap, ssize_t pos);
int compat_virBitmapParse(const char *str, compat_virBitmap **bitmap,
                          size_t bitmapSize);
compat_virBitmap *compat_virBitmapParseUnlimited(const char *str);
int compat_virBitmapToData(compat_virBitmap *bitmap, unsigned char **data,
                           int *dataLen);
char *compat_virBitmapDataFormat(const void *data, int len);

/* ---- virJSON ---- */
compat_virJSONValue *compat_virJSONValueFromString(const char *jsonstring);
char *compat_virJSONValueToString(compat_virJSONValue *object, bool pretty);
void compat_virJSONValueFree(compat_virJSONValue *value);
bool compat_virJSONValueIsObject(compat_virJSONValue *object);
compat_virJSONValue *compat_virJSONValueObjectGet(compat_virJSONValue *object,
                                                  const char *key);
int compat_virJSONValueObjectAdd(compat_virJSONValue **obj, ...)
    G_GNUC_NULL_TERMINATED;

/* ---- XML (virxml.h, device_conf.h) ---- */
xmlDocPtr compat_virXMLParseHelper(int domcode, const char *filename,
                                   const char *xmlStr, const char *url,
                                   const char *rootelement,
                                   xmlXPathContextPtr *ctxt,
                                   const char *schemafile, bool validate);
char *compat_virXMLPropString(xmlNodePtr node, const char *name);
char *compat_virXMLNodeContentString(xmlNodePtr node);
char *compat_virXMLNodeToString(xmlDocPtr doc, xmlNodePtr node);
bool compat_virXMLNodeNameEqual(xmlNodePtr node, const char *name);
xmlNodePtr compat_virXMLNodeGetSubelement(xmlNodePtr node, const char *name);
xmlNodePtr compat_virXMLNewNode(xmlNsPtr ns, const char *name);
void compat_virXMLFormatElement(compat_virBuffer *buf, const char *name,
                                compat_virBuffer *attrBuf,
                                compat_virBuffer *childBuf);
char *compat_virXPathString(const char *xpath, xmlXPathContextPtr ctxt);
int compat_virXPathInt(const char *xpath, xmlXPathContextPtr ctxt, int *value);
int compat_virXPathUInt(const char *xpath, xmlXPathContextPtr ctxt,
                        unsigned int *value);
int compat_virXPathLongLong(const char *xpath, xmlXPathContextPtr ctxt,
                            long long *value);
int compat_virXPathBoolean(const char *xpath, xmlXPathContextPtr ctxt);
xmlNodePtr compat_virXPathNode(const char *xpath, xmlXPathContextPtr ctxt);
int compat_virXPathNodeSet(const char *xpath, xmlXPathContextPtr ctxt,
                           xmlNodePtr **list);
int compat_virPCIDeviceAddressParseXML(xmlNodePtr node,
                                       compat_virPCIDeviceAddress *addr);

/* ---- objects (virobject.h) ---- */
compat_virClass *compat_virClassNew(compat_virClass *parent, const char *name,
                                    size_t objectSize, size_t parentSize,
                                    compat_virObjectDisposeCallback dispose);
compat_virClass *compat_virClassForObjectLockable(void);
void *compat_virObjectLockableNew(compat_virClass *klass);
void *compat_virObjectRef(void *obj);
void compat_virObjectUnref(void *obj);
void compat_virObjectLock(void *lockableobj);
void compat_virObjectUnlock(void *lockableobj);
void compat_virObjectListFree(void *list);

/* ---- threads (virthread.h) ---- */
int compat_virMutexInit(compat_virMutex *m);
void compat_virMutexDestroy(compat_virMutex *m);
compat_virLockGuard compat_virLockGuardLock(compat_virMutex *m);
void compat_virLockGuardUnlock(compat_virLockGuard *l);
int compat_virCondInit(compat_virCond *c);
int compat_virCondDestroy(compat_virCond *c);
void compat_virCondSignal(compat_virCond *c);
int compat_virCondWait(compat_virCond *c, compat_virMutex *m);
int compat_virOnce(compat_virOnceControl *once, compat_virOnceFunc init);
int compat_virThreadCreateFull(compat_virThread *thread, bool joinable,
                               compat_virThreadFunc func, const char *name,
                               bool worker, void *opaque);
void compat_virThreadJoin(compat_virThread *thread);

/* ---- processes and commands (vircommand.h, virprocess.h) ---- */
pid_t compat_virFork(void);
int compat_virProcessWait(pid_t pid, int *exitstatus, bool raw);
void compat_virProcessExitWithStatus(int status) G_GNUC_NORETURN;
compat_virCommand *compat_virCommandNewArgList(const char *binary, ...)
    G_GNUC_NULL_TERMINATED;
void compat_virCommandAddArgFormat(compat_virCommand *cmd,
                                   const char *format, ...)
    G_GNUC_PRINTF(2, 3);
void compat_virCommandSetInputFD(compat_virCommand *cmd, int infd);
void compat_virCommandSetOutputFD(compat_virCommand *cmd, int *outfd);
void compat_virCommandSetErrorFD(compat_virCommand *cmd, int *errfd);
int compat_virCommandRunAsync(compat_virCommand *cmd, pid_t *pid);
int compat_virCommandWait(compat_virCommand *cmd, int *exitstatus);
void compat_virCommandFree(compat_virCommand *cmd);

/* ---- files and the user's environment (virfile.h, virutil.h) ---- */
ssize_t compat_saferead(int fd, void *buf, size_t count);
ssize_t compat_safewrite(int fd, const void *buf, size_t count);
int compat_virFileClose(int *fdptr, compat_virFileCloseFlags flags);
int compat_virFileReadAll(const char *path, int maxlen, char **buf);
int compat_virFileInData(int fd, int *inData, long long *length);
void compat_virFileActivateDirOverrideForProg(const char *argv0);
int compat_virPipe(int fds[2]);
char *compat_virGetUserDirectory(void);
char *compat_virGetUserCacheDirectory(void);
char *compat_virGetPassword(void);

/* ---- time (virtime.h) ---- */
int compat_virTimeMillisNow(unsigned long long *now);
int compat_virTimeStringNowRaw(char *buf);

/* ---- network addresses and URIs ---- */
int compat_virMacAddrParse(const char *str, compat_virMacAddr *addr);
const char *compat_virMacAddrFormat(const compat_virMacAddr *addr, char *str);
int compat_virMacAddrCompare(const char *mac1, const char *mac2);
int compat_virSocketAddrParse(compat_virSocketAddr *addr, const char *val,
                              int family);
bool compat_virSocketAddrIsWildcard(const compat_virSocketAddr *addr);
compat_virURI *compat_virURIParse(const char *uri);
void compat_virURIFree(compat_virURI *uri);

/* ---- typed parameters (virtypedparam.h) ---- */
int compat_virTypedParameterAssign(virTypedParameterPtr param,
                                   const char *name, int type, ...);
char *compat_virTypedParameterToString(virTypedParameterPtr param);

/* ---- process setup: polkit agent, gettext ---- */
bool compat_virPolkitAgentAvailable(void);
compat_virPolkitAgent *compat_virPolkitAgentCreate(void);
void compat_virPolkitAgentDestroy(compat_virPolkitAgent *agent);
int compat_virGettextInitialize(void);
