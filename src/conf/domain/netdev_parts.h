/*
 * netdev_parts.h: <vlan>, <virtualport> and <bandwidth> as an
 * <interface> carries them.
 *
 * network_conf.c parses the same three elements for <network> and
 * <portgroup>; these self-contained copies are meant to be merged with
 * those into one shared file.
 */
#pragma once

#include "conf/domain/device.h"

typedef struct {
    bool trunk;
    unsigned int *tags;
    size_t ntags;
    unsigned int nativeMode;    /* 0 none, tagged, untagged */
    unsigned int nativeTag;
} virDomainNetVlan;

typedef struct {
    unsigned int type;          /* 0 none, 802.1Qbg, 802.1Qbh, openvswitch, midonet */
    char *managerid, *typeid, *typeidversion, *instanceid, *profileid, *interfaceid;
} virDomainNetVirtPort;

typedef struct {
    unsigned long long average, peak, floor, burst;
} virDomainNetRate;

typedef struct {
    bool present;
    virDomainNetRate in, out;
    bool inSet, outSet;
} virDomainNetBandwidth;

void virDomainNetVlanClear(virDomainNetVlan *vlan);
int virDomainNetVlanParseXML(xmlNodePtr node, virDomainNetVlan *vlan);
void virDomainNetVlanFormat(virBuffer *buf, const virDomainNetVlan *vlan);

void virDomainNetVirtPortFree(virDomainNetVirtPort *vport);
virDomainNetVirtPort *virDomainNetVirtPortParseXML(xmlNodePtr node);
void virDomainNetVirtPortFormat(virBuffer *buf, const virDomainNetVirtPort *vport);

int virDomainNetBandwidthParseXML(xmlNodePtr node, virDomainNetBandwidth *bw);
void virDomainNetBandwidthFormat(virBuffer *buf, const virDomainNetBandwidth *bw);
