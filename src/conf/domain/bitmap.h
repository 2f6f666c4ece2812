/*
 * bitmap.h: CPU and NUMA node lists ("0-3,^2,8") as the domain XML
 * writes them, kept in their canonical text form.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

/* Parse @str (ranges, single numbers and ^exclusions) and return its
 * canonical form ("0-1,3"), or NULL with libvirt's error reported.
 * @allowEmpty accepts a list that selects nothing. */
char *virDomainBitmapCanonical(const char *str, bool allowEmpty);

/* Whether bit @n is set in the canonical list @str; the highest bit and
 * number of bits set (-1 for none). */
bool virDomainBitmapIsSet(const char *str, unsigned int n);
int virDomainBitmapLast(const char *str);
unsigned int virDomainBitmapCount(const char *str);
