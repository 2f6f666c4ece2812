#pragma once

#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"

typedef struct {
    const char *plain;   /* when the error carries no detail */
    const char *detail;  /* printf format with one %s for the detail */
} virErrorText;

/* VIR_ERR_NUMBER_LAST and VIR_ERR_DOMAIN_LAST are sentinels; internal
 * code is built with VIR_ENUM_SENTINELS so they are visible. */
extern const virErrorText virErrorTexts[VIR_ERR_NUMBER_LAST];
extern const char *const virErrorDomainNames[VIR_ERR_DOMAIN_LAST];
