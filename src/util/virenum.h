/*
 * virenum.h: enum <-> string tables.
 *
 *   VIR_ENUM_DECL(virDomainFoo);
 *   VIR_ENUM_IMPL(virDomainFoo, VIR_DOMAIN_FOO_LAST, "a", "b", "c");
 *
 * gives virDomainFooTypeToString(int) (NULL when out of range) and
 * virDomainFooTypeFromString(const char *) (-1 when unknown).  The table
 * must have exactly LAST entries: a missing or extra string is a compile
 * error, not a silent shift of every value after it.
 */
#pragma once

#include <glib.h>

const char *virEnumToString(const char * const *types, unsigned int ntypes,
                            int type);
int virEnumFromString(const char * const *types, unsigned int ntypes,
                      const char *type);

#define VIR_ENUM_IMPL(name, lastVal, ...) \
    static const char *const name ## TypeList[] = { __VA_ARGS__ }; \
    G_STATIC_ASSERT(G_N_ELEMENTS(name ## TypeList) == lastVal); \
    const char *name ## TypeToString(int type) \
    { \
        return virEnumToString(name ## TypeList, \
                               G_N_ELEMENTS(name ## TypeList), type); \
    } \
    int name ## TypeFromString(const char *type) \
    { \
        return virEnumFromString(name ## TypeList, \
                                 G_N_ELEMENTS(name ## TypeList), type); \
    }

#define VIR_ENUM_DECL(name) \
    const char *name ## TypeToString(int type); \
    int name ## TypeFromString(const char *type)

/* The two tri-states every XML format uses: absent / yes / no and
 * absent / on / off. */
typedef enum {
    VIR_TRISTATE_BOOL_ABSENT = 0,
    VIR_TRISTATE_BOOL_YES,
    VIR_TRISTATE_BOOL_NO,

    VIR_TRISTATE_BOOL_LAST
} virTristateBool;

typedef enum {
    VIR_TRISTATE_SWITCH_ABSENT = 0,
    VIR_TRISTATE_SWITCH_ON,
    VIR_TRISTATE_SWITCH_OFF,

    VIR_TRISTATE_SWITCH_LAST
} virTristateSwitch;

VIR_ENUM_DECL(virTristateBool);
VIR_ENUM_DECL(virTristateSwitch);

virTristateBool virTristateBoolFromBool(bool val);
virTristateSwitch virTristateSwitchFromBool(bool val);
