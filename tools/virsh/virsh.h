/*
 * virsh.h: state and helpers shared by the virsh command families.
 */
#pragma once

#include "vsh.h"

#define VIRSH_PROMPT_RW "virsh # "
#define VIRSH_PROMPT_RO "virsh > "

/* virsh's own state, in vshControl.privData. */
typedef struct {
    virConnectPtr conn;       /* NULL until the first command needs it */
    bool readonly;            /* -r, or connect --readonly */
    const char *escapeChar;   /* -e: leaves the console; "^]" by default */
} virshControl;

/* Open @uri (NULL: the library's default) with keepalive as -k/-K ask. */
virConnectPtr virshConnect(vshControl *ctl, const char *uri, bool readonly);

/* Completer for values nothing can be suggested for. */
char **virshCompleteEmpty(vshControl *ctl, const vshCmd *cmd,
                          unsigned int flags);

/* One table per group, each in its family's file. */
extern const vshCmdDef hostAndHypervisorCmds[];
