/* Thread-local errors: codes, messages, handlers, copies. */
#include "internal.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_DOM

static int handlerCalls;
static int handlerCode;

static void
countingHandler(void *opaque, virErrorPtr err)
{
    (void)opaque;
    handlerCalls++;
    handlerCode = err->code;
}

static int
testMessages(void)
{
    virResetLastError();
    CHECK(virGetLastError() == NULL);
    CHECK_STREQ(virGetLastErrorMessage(), "no error");

    virReportError(VIR_ERR_NO_DOMAIN, "no domain with matching name '%s'", "x");
    CHECK(virGetLastError() != NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_NO_DOMAIN);
    CHECK_INTEQ(virGetLastErrorDomain(), VIR_FROM_DOM);
    CHECK_STREQ(virGetLastErrorMessage(),
                "Domain not found: no domain with matching name 'x'");
    CHECK_INTEQ(virGetLastError()->level, VIR_ERR_ERROR);

    virReportError(VIR_ERR_NO_SUPPORT, "%s", "virDomainSuspend");
    CHECK_STREQ(virGetLastErrorMessage(),
                "this function is not supported by the connection driver: virDomainSuspend");

    virReportError(VIR_ERR_INTERNAL_ERROR, NULL);
    CHECK_STREQ(virGetLastErrorMessage(), "internal error");

    virReportSystemError(ENOENT, "cannot open '%s'", "/nope");
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR);
    CHECK_STREQ(virGetLastErrorMessage(),
                "cannot open '/nope': No such file or directory");
    CHECK_INTEQ(virGetLastError()->int1, ENOENT);
    virResetLastError();
    return 0;
}

static int
testInvalidArgs(void)
{
    virReportInvalidNonNullArg(xml);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INVALID_ARG);
    CHECK_STREQ(virGetLastErrorMessage(), "xml in testInvalidArgs must not be NULL");
    CHECK_STREQ(virGetLastError()->str1, "testInvalidArgs");
    CHECK_STREQ(virGetLastError()->str2, "xml");
    virResetLastError();
    return 0;
}

static int
testCopySave(void)
{
    virError copy = { 0 };
    virErrorPtr saved;
    virErrorPtr kept;

    virReportError(VIR_ERR_OPERATION_INVALID, "%s", "domain is not running");
    CHECK_INTEQ(virCopyLastError(&copy), VIR_ERR_OPERATION_INVALID);
    CHECK_STREQ(copy.message, "Requested operation is not valid: domain is not running");
    virResetError(&copy);
    CHECK(copy.message == NULL);

    saved = virSaveLastError();
    virResetLastError();
    CHECK_INTEQ(saved->code, VIR_ERR_OPERATION_INVALID);
    virFreeError(saved);

    virReportError(VIR_ERR_NO_NETWORK, "%s", "n");
    virErrorPreserveLast(&kept);
    CHECK(virGetLastErrorCode() == VIR_ERR_NO_NETWORK);
    virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "cleanup failed");
    virErrorRestore(&kept);
    CHECK(kept == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_NO_NETWORK);
    virResetLastError();
    return 0;
}

static gpointer
otherThread(gpointer data)
{
    (void)data;
    virReportError(VIR_ERR_NO_STORAGE_POOL, "%s", "p");
    return GINT_TO_POINTER(virGetLastErrorCode());
}

static int
testThreadLocal(void)
{
    GThread *t;
    int code;

    virReportError(VIR_ERR_NO_DOMAIN, "%s", "mine");
    t = g_thread_new("err", otherThread, NULL);
    code = GPOINTER_TO_INT(g_thread_join(t));
    CHECK_INTEQ(code, VIR_ERR_NO_STORAGE_POOL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_NO_DOMAIN);
    virResetLastError();
    return 0;
}

static int
testHandler(void)
{
    virErrorFunc old;
    void *oldData;

    virErrorGetGlobalHandler(&old, &oldData);
    virSetErrorFunc(NULL, countingHandler);
    virReportError(VIR_ERR_NO_SECRET, "%s", "s");
    virErrorInvokeHandler(countingHandler, NULL, virGetLastError());
    CHECK_INTEQ(handlerCalls, 1);
    CHECK_INTEQ(handlerCode, VIR_ERR_NO_SECRET);
    virSetErrorFunc(oldData, old);
    virResetLastError();
    return 0;
}

static int
testEveryCodeHasText(void)
{
    int code;

    for (code = 1; code < VIR_ERR_NUMBER_LAST; code++) {
        if (!virErrorMsg(code, false) || !virErrorMsg(code, true)) {
            fprintf(stderr, "error code %d has no message\n", code);
            return -1;
        }
    }
    CHECK(virErrorMsg(VIR_ERR_NUMBER_LAST, false) == NULL);
    CHECK_STREQ(virErrorDomainName(VIR_FROM_QEMU), "QEMU Driver");
    return 0;
}

int
main(void)
{
    virTestRun("messages", testMessages);
    virTestRun("invalid-args", testInvalidArgs);
    virTestRun("copy-save-restore", testCopySave);
    virTestRun("thread-local", testThreadLocal);
    virTestRun("handler", testHandler);
    virTestRun("every-code-has-text", testEveryCodeHasText);
    return virTestDone();
}
