/*
 * viruri.c: connection URIs, parsed with libxml2's RFC 3986 parser as
 * libvirt does, so odd inputs are accepted or refused the same way.
 */
#include "internal.h"
#include "util/viruri.h"

#include <libxml/uri.h>

#define VIR_FROM_THIS VIR_FROM_URI

static void
virURIAddParam(virURI *uri, const char *name, const char *value)
{
    if (uri->paramsCount == uri->paramsAlloc) {
        uri->paramsAlloc = MAX(8, uri->paramsAlloc * 2);
        uri->params = g_renew(virURIParam, uri->params, uri->paramsAlloc);
    }
    uri->params[uri->paramsCount].name = g_strdup(name);
    uri->params[uri->paramsCount].value = g_strdup(value);
    uri->params[uri->paramsCount].ignore = false;
    uri->paramsCount++;
}

/* "a=1&b=2;c" -> (a,1) (b,2) (c,"") */
static void
virURIParseParams(virURI *uri)
{
    g_auto(GStrv) pairs = NULL;
    size_t i;

    if (!uri->query || !*uri->query)
        return;
    pairs = g_strsplit_set(uri->query, "&;", -1);
    for (i = 0; pairs[i]; i++) {
        char *eq = strchr(pairs[i], '=');
        g_autofree char *name = NULL;
        g_autofree char *value = NULL;

        if (!*pairs[i])
            continue;
        if (eq)
            *eq = '\0';
        name = xmlURIUnescapeString(pairs[i], 0, NULL);
        value = eq ? xmlURIUnescapeString(eq + 1, 0, NULL) : g_strdup("");
        if (!name || !*name)
            continue;
        virURIAddParam(uri, name, value ? value : "");
    }
}

virURI *
virURIParse(const char *uristr)
{
    xmlURIPtr xmluri = xmlParseURI(uristr);
    virURI *uri;

    if (!xmluri) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse URI %s", uristr);
        return NULL;
    }
    uri = g_new0(virURI, 1);
    uri->scheme = g_strdup(xmluri->scheme);
    uri->server = g_strdup(xmluri->server);
    if (uri->server && *uri->server && xmluri->port > 0)
        uri->port = xmluri->port;
    uri->path = g_strdup(xmluri->path);
    uri->query = g_strdup(xmluri->query_raw);
    uri->fragment = g_strdup(xmluri->fragment);
    uri->user = g_strdup(xmluri->user);
    xmlFreeURI(xmluri);

    if (uri->server && uri->server[0] == '[') {
        size_t len = strlen(uri->server);

        if (len >= 2 && uri->server[len - 1] == ']') {
            memmove(uri->server, uri->server + 1, len - 2);
            uri->server[len - 2] = '\0';
        }
    }
    virURIParseParams(uri);
    return uri;
}

char *
virURIFormat(virURI *uri)
{
    xmlURI xmluri = { 0 };
    g_autofree char *bracketed = NULL;
    xmlChar *out;
    char *ret;

    xmluri.scheme = uri->scheme;
    xmluri.server = uri->server;
    xmluri.port = uri->port;
    xmluri.path = uri->path;
    xmluri.query_raw = uri->query;
    xmluri.fragment = uri->fragment;
    xmluri.user = uri->user;
    if (uri->server && strchr(uri->server, ':')) {
        bracketed = g_strdup_printf("[%s]", uri->server);
        xmluri.server = bracketed;
    }
    /* keep "test:///default" from collapsing to "test:/default" */
    if (!xmluri.server && !xmluri.port)
        xmluri.port = -1;
    if (!(out = xmlSaveUri(&xmluri)))
        abort();
    ret = g_strdup((const char *)out);
    xmlFree(out);
    return ret;
}

char *
virURIFormatParams(virURI *uri)
{
    GString *buf = g_string_new(NULL);
    size_t i;

    for (i = 0; i < uri->paramsCount; i++) {
        xmlChar *name;
        xmlChar *value;

        if (uri->params[i].ignore)
            continue;
        name = xmlURIEscapeStr((const xmlChar *)uri->params[i].name, NULL);
        value = xmlURIEscapeStr((const xmlChar *)uri->params[i].value, NULL);
        g_string_append_printf(buf, "%s%s=%s", buf->len ? "&" : "",
                               (const char *)name, (const char *)value);
        xmlFree(name);
        xmlFree(value);
    }
    return g_string_free(buf, FALSE);
}

void
virURIFree(virURI *uri)
{
    size_t i;

    if (!uri)
        return;
    g_free(uri->scheme);
    g_free(uri->server);
    g_free(uri->user);
    g_free(uri->path);
    g_free(uri->query);
    g_free(uri->fragment);
    for (i = 0; i < uri->paramsCount; i++) {
        g_free(uri->params[i].name);
        g_free(uri->params[i].value);
    }
    g_free(uri->params);
    g_free(uri);
}

const char *
virURIGetParam(virURI *uri, const char *name)
{
    size_t i;

    for (i = 0; i < uri->paramsCount; i++) {
        if (STREQ(uri->params[i].name, name))
            return uri->params[i].value;
    }
    return NULL;
}

void
virURISplitScheme(const char *scheme, char **driver, char **transport)
{
    const char *plus;

    *driver = NULL;
    *transport = NULL;
    if (!scheme)
        return;
    if ((plus = strchr(scheme, '+'))) {
        *driver = g_strndup(scheme, plus - scheme);
        *transport = g_strdup(plus + 1);
    } else {
        *driver = g_strdup(scheme);
    }
}
