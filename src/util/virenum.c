/*
 * virenum.c: enum <-> string lookups behind VIR_ENUM_IMPL.
 */
#include "internal.h"
#include "util/virenum.h"

VIR_ENUM_IMPL(virTristateBool, VIR_TRISTATE_BOOL_LAST, "default", "yes", "no");
VIR_ENUM_IMPL(virTristateSwitch, VIR_TRISTATE_SWITCH_LAST, "default", "on", "off");

const char *
virEnumToString(const char * const *types, unsigned int ntypes, int type)
{
    if (type < 0 || (unsigned int)type >= ntypes)
        return NULL;
    return types[type];
}

int
virEnumFromString(const char * const *types, unsigned int ntypes,
                  const char *type)
{
    unsigned int i;

    if (!type)
        return -1;
    for (i = 0; i < ntypes; i++) {
        if (types[i] && STREQ(types[i], type))
            return i;
    }
    return -1;
}

virTristateBool
virTristateBoolFromBool(bool val)
{
    return val ? VIR_TRISTATE_BOOL_YES : VIR_TRISTATE_BOOL_NO;
}

virTristateSwitch
virTristateSwitchFromBool(bool val)
{
    return val ? VIR_TRISTATE_SWITCH_ON : VIR_TRISTATE_SWITCH_OFF;
}
