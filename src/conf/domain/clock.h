/*
 * clock.h: <clock> with its offset and <timer> children.
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_DOMAIN_CLOCK_OFFSET_UTC = 0,
    VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME,
    VIR_DOMAIN_CLOCK_OFFSET_VARIABLE,
    VIR_DOMAIN_CLOCK_OFFSET_TIMEZONE,
    VIR_DOMAIN_CLOCK_OFFSET_ABSOLUTE,

    VIR_DOMAIN_CLOCK_OFFSET_LAST
} virDomainClockOffset;

typedef enum {
    VIR_DOMAIN_TIMER_NAME_PLATFORM = 0,
    VIR_DOMAIN_TIMER_NAME_PIT,
    VIR_DOMAIN_TIMER_NAME_RTC,
    VIR_DOMAIN_TIMER_NAME_HPET,
    VIR_DOMAIN_TIMER_NAME_TSC,
    VIR_DOMAIN_TIMER_NAME_KVMCLOCK,
    VIR_DOMAIN_TIMER_NAME_HYPERVCLOCK,
    VIR_DOMAIN_TIMER_NAME_ARMVTIMER,

    VIR_DOMAIN_TIMER_NAME_LAST
} virDomainTimerName;

#define VIR_DOMAIN_TIMER_TICKPOLICY_CATCHUP 2

typedef struct {
    unsigned int name;          /* virDomainTimerName */
    virTristateBool present;
    unsigned int tickpolicy;    /* 0: absent */
    unsigned int track;         /* 0: absent */
    unsigned int mode;          /* 0: absent */
    unsigned long long frequency;
    unsigned long long catchupThreshold;
    unsigned long long catchupSlew;
    unsigned long long catchupLimit;
} virDomainTimerDef;

typedef struct {
    int offset;                 /* virDomainClockOffset */
    bool utcReset;              /* adjustment='reset' */
    long long adjustment;       /* variable */
    long long adjustment0;
    int basis;                  /* variable: utc / localtime */
    char *timezone;
    unsigned long long start;   /* absolute */
    virDomainTimerDef **timers;
    size_t ntimers;
} virDomainClockDef;

void virDomainClockDefClear(virDomainClockDef *clock);
int virDomainClockParseXML(virDomainClockDef *clock, xmlXPathContextPtr ctxt);
void virDomainClockFormat(virBuffer *buf, const virDomainClockDef *clock);
