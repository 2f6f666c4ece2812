/*
 * virdomainjob.c: a domain's long-running job and its statistics.
 */
#include "internal.h"
#include "util/virtypedparam.h"
#include "conf/virdomainjob.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

static unsigned long long
virDomainJobNow(void)
{
    return g_get_real_time() / 1000;
}


virDomainJobData *
virDomainJobDataNew(int operation)
{
    virDomainJobData *data = g_new0(virDomainJobData, 1);

    data->status = VIR_DOMAIN_JOB_STATUS_ACTIVE;
    data->operation = operation;
    data->started = virDomainJobNow();
    return data;
}


virDomainJobData *
virDomainJobDataCopy(const virDomainJobData *data)
{
    virDomainJobData *copy = g_memdup2(data, sizeof(*data));

    copy->errmsg = g_strdup(data->errmsg);
    return copy;
}


void
virDomainJobDataFree(virDomainJobData *data)
{
    if (!data)
        return;
    g_free(data->errmsg);
    g_free(data);
}


int
virDomainJobStatusToType(virDomainJobStatus status)
{
    switch (status) {
    case VIR_DOMAIN_JOB_STATUS_ACTIVE:
        return VIR_DOMAIN_JOB_UNBOUNDED;
    case VIR_DOMAIN_JOB_STATUS_COMPLETED:
        return VIR_DOMAIN_JOB_COMPLETED;
    case VIR_DOMAIN_JOB_STATUS_FAILED:
        return VIR_DOMAIN_JOB_FAILED;
    case VIR_DOMAIN_JOB_STATUS_CANCELED:
        return VIR_DOMAIN_JOB_CANCELLED;
    case VIR_DOMAIN_JOB_STATUS_NONE:
        break;
    }
    return VIR_DOMAIN_JOB_NONE;
}


static void
virDomainJobDataUpdateTime(virDomainJobData *data)
{
    unsigned long long now = virDomainJobNow();

    if (data->status == VIR_DOMAIN_JOB_STATUS_ACTIVE)
        data->elapsed = now > data->started ? now - data->started : 0;
}


void
virDomainJobDataEnd(virDomainJobData *data, virDomainJobStatus status)
{
    virDomainJobDataUpdateTime(data);
    data->status = status;
}


void
virDomainJobDataToInfo(virDomainJobData *data, virDomainJobInfoPtr info)
{
    virDomainJobDataUpdateTime(data);
    memset(info, 0, sizeof(*info));
    info->type = virDomainJobStatusToType(data->status);
    info->timeElapsed = data->elapsed;
    info->fileTotal = data->total;
    info->fileProcessed = data->transferred;
    info->fileRemaining = data->total - data->transferred;
    info->dataTotal = info->fileTotal;
    info->dataProcessed = info->fileProcessed;
    info->dataRemaining = info->fileRemaining;
}


/* Append one parameter (the value as virTypedParameterAssign takes it). */
#define JOB_PARAM(name, type, value) \
    do { \
        params = g_renew(virTypedParameter, params, n + 1); \
        if (virTypedParameterAssign(&params[n], name, type, value) == 0) \
            n++; \
    } while (0)

void
virDomainJobDataToParams(virDomainJobData *data, int *type,
                         virTypedParameterPtr *ret, int *nparams)
{
    virTypedParameterPtr params = NULL;
    int n = 0;

    virDomainJobDataUpdateTime(data);
    JOB_PARAM(VIR_DOMAIN_JOB_OPERATION, VIR_TYPED_PARAM_INT, data->operation);
    JOB_PARAM(VIR_DOMAIN_JOB_TIME_ELAPSED, VIR_TYPED_PARAM_ULLONG, data->elapsed);
    if (data->transferred > 0 || data->total > 0) {
        JOB_PARAM(VIR_DOMAIN_JOB_DISK_TOTAL, VIR_TYPED_PARAM_ULLONG, data->total);
        JOB_PARAM(VIR_DOMAIN_JOB_DISK_PROCESSED, VIR_TYPED_PARAM_ULLONG, data->transferred);
        JOB_PARAM(VIR_DOMAIN_JOB_DISK_REMAINING, VIR_TYPED_PARAM_ULLONG,
                  data->total - data->transferred);
    }
    if (data->tmpUsed > 0 || data->tmpTotal > 0) {
        JOB_PARAM(VIR_DOMAIN_JOB_DISK_TEMP_USED, VIR_TYPED_PARAM_ULLONG, data->tmpUsed);
        JOB_PARAM(VIR_DOMAIN_JOB_DISK_TEMP_TOTAL, VIR_TYPED_PARAM_ULLONG, data->tmpTotal);
    }
    if (data->status != VIR_DOMAIN_JOB_STATUS_ACTIVE)
        JOB_PARAM(VIR_DOMAIN_JOB_SUCCESS, VIR_TYPED_PARAM_BOOLEAN,
                  data->status == VIR_DOMAIN_JOB_STATUS_COMPLETED);
    if (data->errmsg)
        JOB_PARAM(VIR_DOMAIN_JOB_ERRMSG, VIR_TYPED_PARAM_STRING, g_strdup(data->errmsg));
    *ret = params;
    *nparams = n;
    *type = virDomainJobStatusToType(data->status);
}

#undef JOB_PARAM


void
virDomainJobObjClear(virDomainJobObj *job)
{
    g_clear_pointer(&job->current, virDomainJobDataFree);
    g_clear_pointer(&job->completed, virDomainJobDataFree);
    g_clear_pointer(&job->backup, virDomainBackupDefFree);
    job->events = NULL;
}
