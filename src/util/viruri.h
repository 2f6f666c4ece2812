/*
 * viruri.h: connection URIs, driver[+transport]://[user@][host][:port]/path[?params]
 *
 * The struct layout and the virURIParse/virURIFormat/virURIFree
 * signatures are libvirt's (binaries from libvirt's tree import them).
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

typedef struct _virURIParam virURIParam;
struct _virURIParam {
    char *name;   /* unescaped */
    char *value;  /* unescaped; "" when the query gave no '=' */
    bool ignore;  /* left out by virURIFormatParams */
};

typedef struct _virURI virURI;
struct _virURI {
    char *scheme;
    char *server;       /* without the brackets of an IPv6 address */
    char *user;
    unsigned int port;  /* 0 when absent */
    char *path;
    char *query;        /* raw, still escaped */
    char *fragment;

    size_t paramsCount;
    size_t paramsAlloc;
    virURIParam *params;
};

virURI *virURIParse(const char *uri);
char *virURIFormat(virURI *uri);
char *virURIFormatParams(virURI *uri);
void virURIFree(virURI *uri);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virURI, virURIFree);

/* The value of query parameter @name, or NULL. */
const char *virURIGetParam(virURI *uri, const char *name);

/* Split "qemu+ssh" into driver "qemu" and transport "ssh" (either may be
 * NULL on return). */
void virURISplitScheme(const char *scheme, char **driver, char **transport);
