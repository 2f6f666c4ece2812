/*
 * nwfilter_conf_priv.h: what nwfilter_conf.c, nwfilter_rule.c and
 * nwfilter_params.c share with each other and with nobody else.
 */
#pragma once

#include "internal.h"
#include "conf/nwfilter_conf.h"

/* nwfilter_params.c: $VAR references */
bool virNWFilterVarAccessEqual(const virNWFilterVarAccess *a,
                               const virNWFilterVarAccess *b);
/* NAME, NAME[@ITERATOR] or NAME[INDEX] (without the '$'); NULL if
 * malformed, nothing reported. */
virNWFilterVarAccess *virNWFilterVarAccessParse(const char *str);

/* nwfilter_rule.c: <rule> */
/* NULL with an error reported. */
virNWFilterRuleDef *virNWFilterRuleParse(xmlNodePtr node);
void virNWFilterRuleDefFormat(virBuffer *buf, const virNWFilterRuleDef *rule);
