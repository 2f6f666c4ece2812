/*
 * remote_driver.h: the remote driver (the client of nuvirt's and
 * libvirt's daemons).
 */
#pragma once

#include "internal.h"
#include "driver.h"

/* Register the remote driver; it must come after every local driver. */
int remoteRegister(void);

/* Inside daemon @name, local URIs are the daemon's own drivers' (all of
 * them in a monolithic daemon); only the others go through the remote
 * driver, and never back to @name itself. */
void remoteSetInsideDaemon(const char *name, bool monolithic);

/* Hand-written methods (remote_special.c). */
void remoteSpecialFillDrivers(virHypervisorDriver *hv, virNodeDeviceDriver *nodedev);
void remoteSpecialFillSecretDriver(virSecretDriver *secret);
