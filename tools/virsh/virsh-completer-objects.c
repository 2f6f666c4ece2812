/*
 * virsh-completer-objects.c: completers for the objects of the other
 * families (networks, pools, volumes, interfaces, filters, secrets,
 * node devices, snapshots, checkpoints) and the words their options
 * take.
 */
#include <string.h>

#include "virsh.h"

/* ---- networks ---- */

static const char *
virshNetworkListName(void *list, size_t i)
{
    return virNetworkGetName(((virNetworkPtr *)list)[i]);
}

/* Every network @flags select; -1 when none can be listed. */
static int
virshCompleterNetworks(vshControl *ctl, unsigned int flags,
                       virNetworkPtr **nets)
{
    virConnectPtr conn = virshCompleterConn(ctl);

    if (!conn)
        return -1;
    return virConnectListAllNetworks(conn, nets, flags);
}

static void
virshNetworkArrayFree(virNetworkPtr *nets, int n)
{
    int i;

    for (i = 0; i < n; i++)
        virshNetworkFree(nets[i]);
    g_free(nets);
}

char **
virshNetworkNameCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                          unsigned int flags)
{
    virNetworkPtr *nets = NULL;
    char **ret;
    int n;

    if ((n = virshCompleterNetworks(ctl, flags, &nets)) < 0)
        return NULL;
    ret = virshCompleteList(n, virshNetworkListName, nets);
    virshNetworkArrayFree(nets, n);
    return ret;
}

char **
virshNetworkUUIDCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                          unsigned int flags)
{
    virNetworkPtr *nets = NULL;
    char **ret;
    int n;
    int i;

    if ((n = virshCompleterNetworks(ctl, flags, &nets)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        if (virNetworkGetUUIDString(nets[i], uuid) < 0) {
            g_clear_pointer(&ret, g_strfreev);
            break;
        }
        ret[i] = g_strdup(uuid);
    }
    virshNetworkArrayFree(nets, n);
    return ret;
}

char **
virshNetworkEventNameCompleter(vshControl *ctl G_GNUC_UNUSED,
                               const vshCmd *cmd G_GNUC_UNUSED,
                               unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshNetworkEventNames);
}

char **
virshNetworkPortUUIDCompleter(vshControl *ctl, const vshCmd *cmd,
                              unsigned int flags)
{
    g_autoptr(virshNetwork) net = NULL;
    virNetworkPortPtr *ports = NULL;
    char **ret;
    int n;
    int i;

    if (!virshCompleterConn(ctl) ||
        !(net = virshCommandOptNetwork(ctl, cmd, NULL)) ||
        (n = virNetworkListAllPorts(net, &ports, flags)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        if (ret && virNetworkPortGetUUIDString(ports[i], uuid) < 0)
            g_clear_pointer(&ret, g_strfreev);
        else if (ret)
            ret[i] = g_strdup(uuid);
        virshNetworkPortFree(ports[i]);
    }
    g_free(ports);
    return ret;
}

char **
virshNetworkDhcpMacCompleter(vshControl *ctl, const vshCmd *cmd,
                             unsigned int flags)
{
    g_autoptr(virshNetwork) net = NULL;
    virNetworkDHCPLeasePtr *leases = NULL;
    char **ret;
    int n;
    int i;

    if (!virshCompleterConn(ctl) ||
        !(net = virshCommandOptNetwork(ctl, cmd, NULL)) ||
        (n = virNetworkGetDHCPLeases(net, NULL, &leases, flags)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        ret[i] = g_strdup(leases[i]->mac);
        virNetworkDHCPLeaseFree(leases[i]);
    }
    free(leases);
    return ret;
}

char **
virshNetworkUpdateCommandCompleter(vshControl *ctl G_GNUC_UNUSED,
                                   const vshCmd *cmd G_GNUC_UNUSED,
                                   unsigned int flags G_GNUC_UNUSED)
{
    /* "none" is refused; "add" stands for "add-last" */
    char **ret = g_strdupv((char **)virshNetworkUpdateCommands);

    g_free(ret[0]);
    ret[0] = g_strdup("add");
    return ret;
}

char **
virshNetworkUpdateSectionCompleter(vshControl *ctl G_GNUC_UNUSED,
                                   const vshCmd *cmd G_GNUC_UNUSED,
                                   unsigned int flags G_GNUC_UNUSED)
{
    /* all but "none" */
    return g_strdupv((char **)virshNetworkSections + 1);
}

/* ---- secrets ---- */

char **
virshSecretUUIDCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                         unsigned int flags)
{
    virConnectPtr conn = virshCompleterConn(ctl);
    virSecretPtr *secrets = NULL;
    char **ret;
    int n;
    int i;

    if (!conn || (n = virConnectListAllSecrets(conn, &secrets, flags)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        if (ret && virSecretGetUUIDString(secrets[i], uuid) < 0)
            g_clear_pointer(&ret, g_strfreev);
        else if (ret)
            ret[i] = g_strdup(uuid);
        virshSecretFree(secrets[i]);
    }
    g_free(secrets);
    return ret;
}

char **
virshSecretEventNameCompleter(vshControl *ctl G_GNUC_UNUSED,
                              const vshCmd *cmd G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshSecretEventNames);
}

/* ---- network filters ---- */

char **
virshNWFilterNameCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                           unsigned int flags)
{
    virConnectPtr conn = virshCompleterConn(ctl);
    virNWFilterPtr *filters = NULL;
    char **ret;
    int n;
    int i;

    if (!conn || (n = virConnectListAllNWFilters(conn, &filters, flags)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        ret[i] = g_strdup(virNWFilterGetName(filters[i]));
        virshNWFilterFree(filters[i]);
    }
    g_free(filters);
    return ret;
}

char **
virshNWFilterBindingNameCompleter(vshControl *ctl,
                                  const vshCmd *cmd G_GNUC_UNUSED,
                                  unsigned int flags)
{
    virConnectPtr conn = virshCompleterConn(ctl);
    virNWFilterBindingPtr *bindings = NULL;
    char **ret;
    int n;
    int i;

    if (!conn ||
        (n = virConnectListAllNWFilterBindings(conn, &bindings, flags)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        ret[i] = g_strdup(virNWFilterBindingGetPortDev(bindings[i]));
        virshNWFilterBindingFree(bindings[i]);
    }
    g_free(bindings);
    return ret;
}

/* ---- host interfaces ---- */

static char **
virshInterfaceListCompleter(vshControl *ctl, unsigned int flags, bool macs)
{
    virConnectPtr conn = virshCompleterConn(ctl);
    virInterfacePtr *ifaces = NULL;
    char **ret;
    int n;
    int i;

    if (!conn || (n = virConnectListAllInterfaces(conn, &ifaces, flags)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        ret[i] = g_strdup(macs ? virInterfaceGetMACString(ifaces[i])
                               : virInterfaceGetName(ifaces[i]));
        virshInterfaceFree(ifaces[i]);
    }
    g_free(ifaces);
    return ret;
}

char **
virshInterfaceNameCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                            unsigned int flags)
{
    return virshInterfaceListCompleter(ctl, flags, false);
}

char **
virshInterfaceMacCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                           unsigned int flags)
{
    return virshInterfaceListCompleter(ctl, flags, true);
}

/* ---- storage pools ---- */

static const char *
virshStoragePoolListName(void *list, size_t i)
{
    return virStoragePoolGetName(((virStoragePoolPtr *)list)[i]);
}

char **
virshStoragePoolNameCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                              unsigned int flags)
{
    virConnectPtr conn = virshCompleterConn(ctl);
    virStoragePoolPtr *pools = NULL;
    char **ret;
    int n;
    int i;

    if (!conn || (n = virConnectListAllStoragePools(conn, &pools, flags)) < 0)
        return NULL;
    ret = virshCompleteList(n, virshStoragePoolListName, pools);
    for (i = 0; i < n; i++)
        virshStoragePoolFree(pools[i]);
    g_free(pools);
    return ret;
}

/* ---- storage volumes ---- */

static void
virshStorageVolArrayFree(virStorageVolPtr *vols, int n)
{
    int i;

    for (i = 0; i < n; i++)
        virshStorageVolFree(vols[i]);
    g_free(vols);
}

/* the volumes of the pool --pool names */
char **
virshStorageVolNameCompleter(vshControl *ctl, const vshCmd *cmd,
                             unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(virshStoragePool) pool = NULL;
    virStorageVolPtr *vols = NULL;
    char **ret;
    int n;
    int i;

    if (!virshCompleterConn(ctl) ||
        !(pool = virshCommandOptPool(ctl, cmd, "pool", NULL)))
        return NULL;
    if ((n = virStoragePoolListAllVolumes(pool, &vols, 0)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++)
        ret[i] = g_strdup(virStorageVolGetName(vols[i]));
    virshStorageVolArrayFree(vols, n);
    return ret;
}

/* the keys of the volumes of every active pool */
char **
virshStorageVolKeyCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                            unsigned int flags G_GNUC_UNUSED)
{
    virConnectPtr conn = virshCompleterConn(ctl);
    virStoragePoolPtr *pools = NULL;
    GPtrArray *keys;
    int npools;
    int i;

    if (!conn ||
        (npools = virConnectListAllStoragePools(conn, &pools,
                      VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)) < 0)
        return NULL;
    keys = g_ptr_array_new();
    for (i = 0; i < npools; i++) {
        virStorageVolPtr *vols = NULL;
        int n = virStoragePoolListAllVolumes(pools[i], &vols, 0);
        int j;

        for (j = 0; j < n; j++)
            g_ptr_array_add(keys, g_strdup(virStorageVolGetKey(vols[j])));
        if (n >= 0)
            virshStorageVolArrayFree(vols, n);
        virshStoragePoolFree(pools[i]);
    }
    g_free(pools);
    g_ptr_array_add(keys, NULL);
    return (char **)g_ptr_array_free(keys, FALSE);
}
