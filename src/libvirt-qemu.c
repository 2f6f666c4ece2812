/*
 * libvirt-qemu.c: libvirt-qemu.so.0.  Its six entry points have the
 * plain shape and are generated (libvirt-qemu-gen-entry.c); they reach
 * libvirt.so's internals through the LIBVIRT_PRIVATE_9.0.0 symbols.
 */
#include "internal.h"
