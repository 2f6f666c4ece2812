/*
 * virsh-secret.c: the "Secret" group.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "virsh.h"
#include "vsh-table.h"

static virSecretPtr
virshCommandOptSecret(vshControl *ctl, const vshCmd *cmd, const char **name)
{
    virSecretPtr secret;
    const char *n = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "secret", &n) < 0)
        return NULL;
    vshDebug(ctl, VSH_ERR_DEBUG, "%s: found option <%s>: %s\n",
             cmd->def->name, "secret", n);
    if (name)
        *name = n;
    if (!(secret = virSecretLookupByUUIDString(virshConn(ctl), n)))
        vshError(ctl, "failed to get secret '%s'", n);
    return secret;
}

/* Overwrite @len bytes of a secret before they are freed. */
static void
virshSecureErase(void *p, size_t len)
{
    if (p)
        explicit_bzero(p, len);
}

static const vshCmdInfo info_secret_define = {
    .help = "define or modify a secret from an XML file",
    .desc = "Define or modify a secret.",
};

static const vshCmdOptDef opts_secret_define[] = {
    VSH_DATA("file", "file containing secret attributes in XML",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdSecretDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshSecret) secret = NULL;
    g_autofree char *buffer = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    const char *from = NULL;
    unsigned int flags = 0;

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_SECRET_DEFINE_VALIDATE;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (!(secret = virSecretDefineXML(virshConn(ctl), buffer, flags))) {
        vshError(ctl, "Failed to set attributes from %s", from);
        return false;
    }
    if (virSecretGetUUIDString(secret, uuid) < 0) {
        vshError(ctl, "%s", "Failed to get UUID of created secret");
        return false;
    }
    vshPrintExtra(ctl, "Secret %s created\n", uuid);
    return true;
}

static const vshCmdInfo info_secret_dumpxml = {
    .help = "secret attributes in XML",
    .desc = "Output attributes of a secret as an XML dump to stdout.",
};

static const vshCmdOptDef opts_secret_dumpxml[] = {
    VSH_DATA("secret", "secret UUID", .completer = virshSecretUUIDCompleter),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdSecretDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshSecret) secret = NULL;
    g_autofree char *xml = NULL;
    const char *xpath = NULL;

    if (!(secret = virshCommandOptSecret(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virSecretGetXMLDesc(secret, 0)))
        return false;
    return virshDumpXML(ctl, xml, "secret", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_secret_set_value = {
    .help = "set a secret value",
    .desc = "Set a secret value.",
};

static const vshCmdOptDef opts_secret_set_value[] = {
    VSH_DATA("secret", "secret UUID", .completer = virshSecretUUIDCompleter),
    VSH_STRING("file", "read secret from file",
        .flags = VSH_OFLAG_REQ_OPT,
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("plain",
        "read the secret from file without converting from base64"),
    VSH_BOOL("interactive", "read the secret from the terminal"),
    VSH_STRING("base64", "base64-encoded secret value",
        .completer = virshCompleteEmpty),
    VSH_OPT_END
};

static bool
cmdSecretSetValue(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshSecret) secret = NULL;
    g_autofree char *value = NULL;
    bool plain = vshCommandOptBool(cmd, "plain");
    bool interactive = vshCommandOptBool(cmd, "interactive");
    const char *base64 = NULL;
    const char *filename = NULL;
    size_t len = 0;
    int rc;

    VSH_EXCLUSIVE_OPTIONS("file", "base64");
    VSH_EXCLUSIVE_OPTIONS("plain", "base64");
    VSH_EXCLUSIVE_OPTIONS("interactive", "base64");
    VSH_EXCLUSIVE_OPTIONS("interactive", "plain");
    VSH_EXCLUSIVE_OPTIONS("interactive", "file");
    if (!(secret = virshCommandOptSecret(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "base64", &base64) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "file", &filename) < 0)
        return false;

    if (base64) {
        vshError(ctl, "Passing secret value as command-line argument is insecure!");
        value = g_strdup(base64);
        len = strlen(value);
    } else if (filename) {
        int n;

        if ((n = virshFileReadAll(ctl, filename, 1024, &value)) < 0)
            return false;
        len = n;
    } else if (interactive) {
        char *pw;

        vshPrint(ctl, "%s", "Enter new value for secret:");
        fflush(stdout);
        if (!(pw = getpass(""))) {
            vshError(ctl, "%s", "Failed to read secret");
            return false;
        }
        value = g_strdup(pw);
        len = strlen(value);
        plain = true;
    } else {
        vshError(ctl, "Input secret value is missing");
        return false;
    }

    if (!plain) {
        g_autofree char *encoded = g_steal_pointer(&value);
        size_t encodedLen = len;

        value = (char *)g_base64_decode(encoded, &len);
        virshSecureErase(encoded, encodedLen);
    }
    rc = virSecretSetValue(secret, (unsigned char *)value, len, 0);
    virshSecureErase(value, len);
    if (rc != 0) {
        vshError(ctl, "%s", "Failed to set secret value");
        return false;
    }
    vshPrintExtra(ctl, "%s", "Secret value set\n");
    return true;
}

static const vshCmdInfo info_secret_get_value = {
    .help = "Output a secret value",
    .desc = "Output a secret value to stdout.",
};

static const vshCmdOptDef opts_secret_get_value[] = {
    VSH_DATA("secret", "secret UUID", .completer = virshSecretUUIDCompleter),
    VSH_BOOL("plain", "get value without converting to base64"),
    VSH_OPT_END
};

static bool
cmdSecretGetValue(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshSecret) secret = NULL;
    g_autofree unsigned char *value = NULL;
    size_t len;

    if (!(secret = virshCommandOptSecret(ctl, cmd, NULL)))
        return false;
    if (!(value = virSecretGetValue(secret, &len, 0)))
        return false;
    if (vshCommandOptBool(cmd, "plain")) {
        if (fwrite(value, 1, len, stdout) != len) {
            virshSecureErase(value, len);
            vshError(ctl, "failed to write secret");
            return false;
        }
    } else {
        g_autofree char *base64 = g_base64_encode(value, len);

        vshPrint(ctl, "%s", base64);
        virshSecureErase(base64, strlen(base64));
    }
    virshSecureErase(value, len);
    return true;
}

static const vshCmdInfo info_secret_undefine = {
    .help = "undefine a secret",
    .desc = "Undefine a secret.",
};

static const vshCmdOptDef opts_secret_undefine[] = {
    VSH_DATA("secret", "secret UUID", .completer = virshSecretUUIDCompleter),
    VSH_OPT_END
};

static bool
cmdSecretUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshSecret) secret = NULL;
    const char *uuid;

    if (!(secret = virshCommandOptSecret(ctl, cmd, &uuid)))
        return false;
    if (virSecretUndefine(secret) < 0) {
        vshError(ctl, "Failed to delete secret %s", uuid);
        return false;
    }
    vshPrintExtra(ctl, "Secret %s deleted\n", uuid);
    return true;
}

/* ---- secret-list ---- */

static const vshCmdInfo info_secret_list = {
    .help = "list secrets",
    .desc = "Returns a list of secrets",
};

static const vshCmdOptDef opts_secret_list[] = {
    VSH_BOOL("ephemeral", "list ephemeral secrets"),
    VSH_BOOL("no-ephemeral", "list non-ephemeral secrets"),
    VSH_BOOL("private", "list private secrets"),
    VSH_BOOL("no-private", "list non-private secrets"),
    VSH_OPT_END
};

static int
virshSecretSorter(const void *a, const void *b)
{
    virSecretPtr sa = *(virSecretPtr *)a;
    virSecretPtr sb = *(virSecretPtr *)b;
    char ua[VIR_UUID_STRING_BUFLEN];
    char ub[VIR_UUID_STRING_BUFLEN];

    if (sa && !sb)
        return -1;
    if (!sa)
        return sb != NULL;
    virSecretGetUUIDString(sa, ua);
    virSecretGetUUIDString(sb, ub);
    return strcasecmp(ua, ub);
}

static void
virshSecretArrayFree(virSecretPtr *secrets, int n)
{
    int i;

    for (i = 0; i < n; i++)
        virshSecretFree(secrets[i]);
    g_free(secrets);
}

/* The secrets by the old calls; -1 (reported) on error. */
static int
virshSecretListOld(vshControl *ctl, unsigned int flags, virSecretPtr **list)
{
    virConnectPtr conn = virshConn(ctl);
    g_auto(GStrv) uuids = NULL;
    int n;
    int kept = 0;
    int i;

    if (flags) {
        vshError(ctl, "%s", "Filtering is not supported by this libvirt");
        return -1;
    }
    if ((n = virConnectNumOfSecrets(conn)) < 0) {
        vshError(ctl, "%s", "Failed to count secrets");
        return -1;
    }
    *list = g_new0(virSecretPtr, n + 1);
    if (n == 0)
        return 0;
    uuids = g_new0(char *, n + 1);
    if ((n = virConnectListSecrets(conn, uuids, n)) < 0) {
        vshError(ctl, "%s", "Failed to list secrets");
        return -1;
    }
    for (i = 0; i < n; i++) {
        virSecretPtr s = virSecretLookupByUUIDString(conn, uuids[i]);

        if (s)
            (*list)[kept++] = s;
    }
    return kept;
}

static bool
cmdSecretList(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const usages[] = {
        "none", "volume", "ceph", "iscsi", "tls", "vtpm",
    };
    static const struct {
        const char *option;
        unsigned int flag;
    } filters[] = {
        { "ephemeral", VIR_CONNECT_LIST_SECRETS_EPHEMERAL },
        { "no-ephemeral", VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL },
        { "private", VIR_CONNECT_LIST_SECRETS_PRIVATE },
        { "no-private", VIR_CONNECT_LIST_SECRETS_NO_PRIVATE },
    };
    g_autoptr(vshTable) table = NULL;
    virSecretPtr *secrets = NULL;
    unsigned int flags = 0;
    bool ret = false;
    size_t i;
    int n;

    G_STATIC_ASSERT(G_N_ELEMENTS(usages) == VIR_SECRET_USAGE_TYPE_LAST);
    for (i = 0; i < G_N_ELEMENTS(filters); i++) {
        if (vshCommandOptBool(cmd, filters[i].option))
            flags |= filters[i].flag;
    }
    if ((n = virConnectListAllSecrets(virshConn(ctl), &secrets, flags)) < 0) {
        if (vshLastErrorCode() != VIR_ERR_NO_SUPPORT) {
            vshError(ctl, "%s", "Failed to list node secrets");
            return false;
        }
        vshResetLibvirtError();
        if ((n = virshSecretListOld(ctl, flags, &secrets)) < 0) {
            g_free(secrets);
            return false;
        }
    }
    if (n > 0)
        qsort(secrets, n, sizeof(*secrets), virshSecretSorter);

    table = vshTableNew("UUID", "Usage", NULL);
    for (i = 0; i < (size_t)n; i++) {
        int type = virSecretGetUsageType(secrets[i]);
        char uuid[VIR_UUID_STRING_BUFLEN];

        if (virSecretGetUUIDString(secrets[i], uuid) < 0) {
            vshError(ctl, "%s", "Failed to get uuid of secret");
            goto cleanup;
        }
        if (type) {
            g_autofree char *usage = g_strdup_printf("%s %s",
                type > 0 && type < VIR_SECRET_USAGE_TYPE_LAST ? usages[type]
                                                             : "(null)",
                virSecretGetUsageID(secrets[i]));

            vshTableRowAppend(table, uuid, usage, NULL);
        } else {
            vshTableRowAppend(table, uuid, "Unused", NULL);
        }
    }
    vshTablePrintToStdout(table, ctl);
    ret = true;

 cleanup:
    virshSecretArrayFree(secrets, n);
    return ret;
}

/* ---- secret-event ---- */

static const vshCmdInfo info_secret_event = {
    .help = "Secret Events",
    .desc = "List event types, or wait for secret events to occur",
};

static const vshCmdOptDef opts_secret_event[] = {
    VSH_STRING("secret", "filter by secret name or uuid",
        .completer = virshSecretUUIDCompleter),
    VSH_STRING("event", "which event type to wait for",
        .completer = virshSecretEventNameCompleter),
    VIRSH_OPT_EVENT_COMMON,
    VSH_OPT_END
};

const char *const virshSecretEventNames[] = {
    "lifecycle", "value-changed", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshSecretEventNames) ==
                VIR_SECRET_EVENT_ID_LAST + 1);

/* Secrets are named by UUID in event lines. */
static void
virshSecretEventPrint(virshEventData *data, virSecretPtr secret,
                      const char *what)
{
    char uuid[VIR_UUID_STRING_BUFLEN];

    virSecretGetUUIDString(secret, uuid);
    virshEventPrint(data, "secret", uuid, what);
}

static void
virshSecretEventLifecycle(virConnectPtr conn G_GNUC_UNUSED,
                          virSecretPtr secret, int event,
                          int detail G_GNUC_UNUSED, void *opaque)
{
    static const char *const events[] = { "Defined", "Undefined" };

    G_STATIC_ASSERT(G_N_ELEMENTS(events) == VIR_SECRET_EVENT_LAST);
    virshSecretEventPrint(opaque, secret,
                          event >= 0 && event < VIR_SECRET_EVENT_LAST ?
                          events[event] : "unknown");
}

static void
virshSecretEventGeneric(virConnectPtr conn G_GNUC_UNUSED,
                        virSecretPtr secret, void *opaque)
{
    virshSecretEventPrint(opaque, secret, NULL);
}

/* as libvirt's: an unknown secret is reported, and all are watched */
static int
virshSecretEventObj(vshControl *ctl, const vshCmd *cmd, void **obj)
{
    *obj = virshCommandOptSecret(ctl, cmd, NULL);
    return 0;
}

static void
virshSecretEventObjFree(void *obj)
{
    virshSecretFree(obj);
}

static int
virshSecretEventRegister(virConnectPtr conn, void *obj, virshEventData *data)
{
    static const virConnectSecretEventGenericCallback callbacks[] = {
        VIR_SECRET_EVENT_CALLBACK(virshSecretEventLifecycle),
        virshSecretEventGeneric,
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(callbacks) == VIR_SECRET_EVENT_ID_LAST);
    return virConnectSecretEventRegisterAny(conn, obj, data->event,
                                            callbacks[data->event],
                                            data, NULL);
}

static bool
cmdSecretEvent(vshControl *ctl, const vshCmd *cmd)
{
    static const virshEventFamily family = {
        .names = virshSecretEventNames, .objOpt = "secret",
        .getObj = virshSecretEventObj, .freeObj = virshSecretEventObjFree,
        .reg = virshSecretEventRegister,
        .dereg = virConnectSecretEventDeregisterAny,
    };

    return virshEventCommand(ctl, cmd, &family);
}

const vshCmdDef secretCmds[] = {
    VSH_CMD("secret-define", cmdSecretDefine, secret_define),
    VSH_CMD("secret-dumpxml", cmdSecretDumpxml, secret_dumpxml),
    VSH_CMD("secret-event", cmdSecretEvent, secret_event),
    VSH_CMD("secret-get-value", cmdSecretGetValue, secret_get_value),
    VSH_CMD("secret-list", cmdSecretList, secret_list),
    VSH_CMD("secret-set-value", cmdSecretSetValue, secret_set_value),
    VSH_CMD("secret-undefine", cmdSecretUndefine, secret_undefine),
    { .name = NULL }
};
