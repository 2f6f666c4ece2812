/*
 * devices.h: every device family's header, for code that walks all of
 * them (device.c's ops table, domain_def.c, postparse.c).
 */
#pragma once

#include "conf/domain/device.h"
#include "conf/domain/disk.h"
#include "conf/domain/controller.h"
#include "conf/domain/net.h"
#include "conf/domain/chr.h"
#include "conf/domain/graphics.h"
#include "conf/domain/video.h"
#include "conf/domain/input.h"
#include "conf/domain/hostdev.h"
#include "conf/domain/misc_devices.h"
