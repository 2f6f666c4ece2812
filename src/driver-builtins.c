/*
 * driver-builtins.c: the drivers linked into libvirt.so register here,
 * in probe order (client-side drivers first, the remote driver last).
 */
#include "internal.h"
#include "driver.h"
#include "test/test_driver.h"
#include "remote/remote_driver.h"

void virDriverRegisterBuiltins(void);

void
virDriverRegisterBuiltins(void)
{
    ignore_value(testRegister());
    ignore_value(remoteRegister());
}
