/*
 * moment_schema.h: the structural rules libvirt 9.0.0's RelaxNG schema
 * sets for <domaincheckpoint> and <domainsnapshot> documents, checked the way libxml2's
 * validator checks them, so that a document the schema refuses is
 * refused with the same VIR_ERR_XML_INVALID_SCHEMA message.
 */
#pragma once

#include <libxml/tree.h>

/* Where libvirt 9.0.0 (as Debian installs it) keeps its schemas; the
 * validation error names the schema by this path. */
#define VIR_SCHEMA_DIR "/usr/share/libvirt/schemas"

/* 0 when the document rooted at @root (a <domaincheckpoint>) fits the
 * checkpoint schema; else the error is reported and -1 returned.  The
 * <domain> child is not checked here (the domain parser checks it). */
int virDomainCheckpointSchemaCheck(xmlNodePtr root);

/* The same for a <domainsnapshot>, which libvirt validates only when
 * asked to; neither <domain> nor <inactiveDomain> nor the source of an
 * external disk is checked. */
int virDomainSnapshotSchemaCheck(xmlNodePtr root);
