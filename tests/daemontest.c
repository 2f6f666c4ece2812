/*
 * daemontest: the modular daemons as built (virtnetworkd, virtproxyd):
 * with unix_sock_dir set, their sockets are named as libvirt names them
 * (DIR/NAME-sock, -sock-ro, -admin-sock), they serve the test driver and
 * the admin program (their first server carries the daemon's name), they
 * need no TLS credentials unless told to listen, and --timeout makes them
 * exit once nobody is connected.  Public API only.
 */
#include <libvirt/libvirt.h>
#include <libvirt/libvirt-admin.h>
#include <libvirt/virterror.h>
#include <glib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutils.h"

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static pid_t
startDaemon(const char *bin, const char *dir, const char *name)
{
    g_autofree char *conf = g_build_filename(dir, "d.conf", NULL);
    g_autofree char *pidfile = g_build_filename(dir, "d.pid", NULL);
    g_autofree char *admin = g_strdup_printf("%s/%s-admin-sock", dir, name);
    g_autofree char *text = g_strdup_printf("unix_sock_dir = \"%s\"\n"
                                            "log_outputs = \"4:stderr\"\n", dir);
    pid_t pid;
    int i;

    if (!g_file_set_contents(conf, text, -1, NULL))
        return -1;
    if ((pid = fork()) == 0) {
        execl(bin, bin, "--config", conf, "--pid-file", pidfile, "--timeout", "1", NULL);
        _exit(127);
    }
    for (i = 0; i < 500 && !g_file_test(admin, G_FILE_TEST_EXISTS); i++)
        g_usleep(10000);
    return pid;
}

static int
checkDaemon(const char *name)
{
    g_autofree char *env = g_strdup_printf("NUVIRT_%s", name);
    g_autofree char *envname = g_ascii_strup(env, -1);
    const char *bin = getenv(envname);
    g_autofree char *dir = g_build_filename(virTestTempDir(), name, NULL);
    g_autofree char *uri = NULL;
    g_autofree char *admURI = NULL;
    g_autofree char *sock = NULL;
    virConnectPtr conn;
    virAdmConnectPtr adm;
    virAdmServerPtr *srvs = NULL;
    pid_t pid;
    int status = 0, i;

    CHECK(bin);
    g_mkdir_with_parents(dir, 0700);
    CHECK((pid = startDaemon(bin, dir, name)) > 0);
    for (i = 0; i < 3; i++) {
        static const char *const suffix[] = { "sock", "sock-ro", "admin-sock" };

        g_free(sock);
        sock = g_strdup_printf("%s/%s-%s", dir, name, suffix[i]);
        CHECK(g_file_test(sock, G_FILE_TEST_EXISTS));
    }
    uri = g_strdup_printf("test+unix:///default?socket=%s/%s-sock", dir, name);
    CHECK((conn = virConnectOpen(uri)));
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    virConnectClose(conn);
    admURI = g_strdup_printf("%s:///system?socket=%s/%s-admin-sock", name, dir, name);
    CHECK((adm = virAdmConnectOpen(admURI, 0)));
    CHECK_INTEQ(virAdmConnectListServers(adm, &srvs, 0), 2);
    CHECK_STREQ(virAdmServerGetName(srvs[0]), name);
    CHECK_STREQ(virAdmServerGetName(srvs[1]), "admin");
    virAdmServerFree(srvs[0]);
    virAdmServerFree(srvs[1]);
    free(srvs);
    virAdmConnectClose(adm);
    /* nobody left: gone within a few seconds, cleanly, sockets removed */
    for (i = 0; i < 500 && waitpid(pid, &status, WNOHANG) == 0; i++)
        g_usleep(10000);
    if (i == 500) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    CHECK(i < 500);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(!g_file_test(sock, G_FILE_TEST_EXISTS));
    return 0;
}

static int
testNetworkd(void)
{
    return checkDaemon("virtnetworkd");
}

static int
testProxyd(void)
{
    return checkDaemon("virtproxyd");
}

int
main(void)
{
    virSetErrorFunc(NULL, quiet);
    virTestRun("virtnetworkd", testNetworkd);
    virTestRun("virtproxyd", testProxyd);
    return virTestDone();
}
