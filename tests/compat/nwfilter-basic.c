/*
 * nwfilter-basic.c: network filters and filter bindings.  libvirt 9.0.0's
 * test driver has neither (VIR_ERR_NO_SUPPORT, allowed in allow.txt);
 * nuvirt keeps them as libvirt's nwfilter driver does, which
 * tests/testdrivernwfiltertest.c checks in detail.  What both must
 * print alike: the argument checks made before a driver is reached, and
 * read-only refusals.
 */
#include "compat.h"

static const char *filterXML =
"<filter name='compat-f' chain='ipv4'>"
"  <uuid>11111111-aaaa-bbbb-cccc-000000000001</uuid>"
"  <rule action='drop' direction='in' priority='100'><ip srcipaddr='10.0.0.1'/></rule>"
"</filter>";

static const char *bindingXML =
"<filterbinding>"
"  <owner><name>g</name><uuid>11111111-2222-3333-4444-555555555555</uuid></owner>"
"  <portdev name='vnet7'/>"
"  <mac address='52:54:00:00:00:07'/>"
"  <filterref filter='compat-f'/>"
"</filterbinding>";

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virNWFilterPtr filter;
    virNWFilterBindingPtr binding;
    virNWFilterPtr *filters = NULL;
    virNWFilterBindingPtr *bindings = NULL;
    char *names[8];
    int n;

    (void)argc;
    (void)argv;
    compatSection("filters");
    filter = CHECK_PTR(virNWFilterDefineXML(conn, filterXML));
    if (filter) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        CHECK_INT(virNWFilterGetUUIDString(filter, uuid));
        printf("filter: %s %s\n", virNWFilterGetName(filter), uuid);
        CHECK_STR(virNWFilterGetXMLDesc(filter, 0));
        {
            unsigned char raw[VIR_UUID_BUFLEN];

            if (CHECK_INT(virNWFilterGetUUID(filter, raw)) == 0)
                printf("filter: raw %02x..%02x\n", raw[0], raw[15]);
        }
        CHECK_INT(virNWFilterRef(filter));
        CHECK_INT(virNWFilterFree(filter));
    }
    CHECK_INT(virConnectNumOfNWFilters(conn));
    n = virConnectListNWFilters(conn, names, 8);
    compatShowSortedNames("virConnectListNWFilters", names, n);
    CHECK_INT(virConnectListNWFilters(conn, NULL, 1));
    CHECK_INT(virConnectListNWFilters(conn, names, -1));
    n = virConnectListAllNWFilters(conn, &filters, 0);
    printf("filter: listAll %d\n", n);
    while (n > 0)
        virNWFilterFree(filters[--n]);
    free(filters);
    CHECK_FAIL_PTR(virNWFilterLookupByName(conn, NULL));
    CHECK_FAIL_PTR(virNWFilterLookupByUUID(conn, NULL));
    CHECK_FAIL_PTR(virNWFilterLookupByUUIDString(conn, "not-a-uuid"));
    CHECK_FAIL_PTR(virNWFilterDefineXML(conn, NULL));
    CHECK_FAIL_PTR(virNWFilterDefineXMLFlags(conn, NULL, 0));

    compatSection("bindings");
    binding = CHECK_PTR(virNWFilterBindingCreateXML(conn, bindingXML, 0));
    if (binding) {
        printf("binding: %s %s\n", virNWFilterBindingGetPortDev(binding),
               virNWFilterBindingGetFilterName(binding));
        CHECK_STR(virNWFilterBindingGetXMLDesc(binding, 0));
        CHECK_INT(virNWFilterBindingRef(binding));
        CHECK_INT(virNWFilterBindingFree(binding));
    }
    n = virConnectListAllNWFilterBindings(conn, &bindings, 0);
    printf("binding: listAll %d\n", n);
    while (n > 0)
        virNWFilterBindingFree(bindings[--n]);
    free(bindings);
    CHECK_FAIL_PTR(virNWFilterBindingLookupByPortDev(conn, NULL));
    CHECK_FAIL_PTR(virNWFilterBindingCreateXML(conn, NULL, 0));
    if (binding) {
        virNWFilterBindingPtr found = CHECK_PTR(virNWFilterBindingLookupByPortDev(conn, "vnet7"));

        if (found)
            virNWFilterBindingFree(found);
        CHECK_INT(virNWFilterBindingDelete(binding));
        virNWFilterBindingFree(binding);
    }
    if (filter) {
        CHECK_INT(virNWFilterUndefine(filter));
        virNWFilterFree(filter);
    }

    compatSection("read-only connection");
    CHECK_FAIL_PTR(virNWFilterDefineXML(ro, filterXML));
    CHECK_FAIL_PTR(virNWFilterBindingCreateXML(ro, bindingXML, 0));
    CHECK_INT(virConnectNumOfNWFilters(ro));
    CHECK_INT(virConnectClose(ro));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
