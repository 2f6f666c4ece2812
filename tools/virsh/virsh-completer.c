/*
 * virsh-completer.c: what TAB offers for option values: names of the
 * connection's objects, and the fixed words some options take.
 *
 * A completer returns every candidate; the shell filters them by what
 * has been typed.  NULL means nothing to offer (readline then offers
 * file names).
 */
#include <string.h>

#include "virsh.h"

char **
virshCompleteEmpty(vshControl *ctl G_GNUC_UNUSED,
                   const vshCmd *cmd G_GNUC_UNUSED,
                   unsigned int flags G_GNUC_UNUSED)
{
    return NULL;
}

/* Local files: readline's own file name completion does it. */
char **
virshCompletePathLocalExisting(vshControl *ctl G_GNUC_UNUSED,
                               const vshCmd *cmd G_GNUC_UNUSED,
                               unsigned int flags G_GNUC_UNUSED)
{
    return NULL;
}

/* The live connection, or NULL when completing cannot ask it. */
virConnectPtr
virshCompleterConn(vshControl *ctl)
{
    virConnectPtr conn = virshConn(ctl);

    if (!conn || virConnectIsAlive(conn) <= 0)
        return NULL;
    return conn;
}

/* A copy of @words (NULL-terminated). */
char **
virshCompleteWords(const char *const *words)
{
    return g_strdupv((char **)words);
}

/* @count names from @name(i), as a completion list. */
char **
virshCompleteList(size_t count, const char *(*name)(void *list, size_t i),
                  void *list)
{
    char **ret = g_new0(char *, count + 1);
    size_t i;

    for (i = 0; i < count; i++)
        ret[i] = g_strdup(name(list, i));
    return ret;
}

/*
 * For options taking "a,b,c": each option not given yet, after what has
 * been typed up to its last comma.
 */
char **
virshCommaStringListComplete(const char *input, const char *const *options)
{
    g_autofree char *done = NULL;
    g_auto(GStrv) given = NULL;
    size_t n = g_strv_length((char **)options);
    char **ret = g_new0(char *, n + 1);
    size_t nret = 0;
    size_t i;

    if (input && strcmp(input, " ") != 0) {
        const char *comma = strrchr(input, ',');

        if (comma) {
            done = g_strndup(input, comma - input);
            given = g_strsplit(done, ",", 0);
        }
    }
    for (i = 0; i < n; i++) {
        if (given && g_strv_contains((const char *const *)given, options[i]))
            continue;
        ret[nret++] = done ? g_strdup_printf("%s,%s", done, options[i])
                           : g_strdup(options[i]);
    }
    return ret;
}

/* ---- domains ---- */

static const char *
virshDomainListName(void *list, size_t i)
{
    return virDomainGetName(((virDomainPtr *)list)[i]);
}

static void
virshDomainListFreeAll(virDomainPtr *doms, int n)
{
    int i;

    for (i = 0; i < n; i++)
        virshDomainFree(doms[i]);
    g_free(doms);
}

char **
virshDomainNameCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                         unsigned int flags)
{
    virConnectPtr conn = virshCompleterConn(ctl);
    virDomainPtr *doms = NULL;
    char **ret;
    int n;

    if (!conn || (n = virConnectListAllDomains(conn, &doms, flags)) < 0)
        return NULL;
    ret = virshCompleteList(n, virshDomainListName, doms);
    virshDomainListFreeAll(doms, n);
    return ret;
}

char **
virshDomainUUIDCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                         unsigned int flags)
{
    virConnectPtr conn = virshCompleterConn(ctl);
    virDomainPtr *doms = NULL;
    char **ret;
    int n;
    int i;

    if (!conn || (n = virConnectListAllDomains(conn, &doms, flags)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        if (virDomainGetUUIDString(doms[i], uuid) < 0) {
            g_strfreev(ret);
            ret = NULL;
            break;
        }
        ret[i] = g_strdup(uuid);
    }
    virshDomainListFreeAll(doms, n);
    return ret;
}
