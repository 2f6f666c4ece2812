/*
 * test_private.h: the test driver's state, shared by test_driver.c
 * (connections) and test_domain.c (domain methods).
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "conf/virdomainobj.h"

typedef struct {
    /* immutable pointer; self-locking APIs */
    virDomainObjList *domains;
    /* g_atomic access only: the id the next started domain gets */
    gint nextDomID;
    /* immutable pointer (NULL: the generic parser alone) */
    const virDomainXMLOption *xmlopt;
} testDriver;

/* Fill @drv's default state (the domain 'test'); -1 with an error set. */
int testDomainLoadDefaults(testDriver *drv);

/* Running, with a new id; the caller holds @dom's lock. */
int testDomainStartState(testDriver *drv, virDomainObj *dom, int reason);

/* Add the domain methods to @driver. */
void testDomainRegisterMethods(virHypervisorDriver *driver);
