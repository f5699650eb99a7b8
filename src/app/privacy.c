/* A participant's copy of her data, and her erasure (app/privacy.h). */
#include "app/privacy.h"

#include "app/requests.h"
#include "core/date.h"
#include "store/privacy.h"

int app_person_data(struct store *s, const char *id, long long now, struct buf *out,
                    struct df_err *err)
{
    char at[DATE_UTC_TEXT_SIZE];
    date_utc_text(now, at);
    if (buf_printf(out, "{\"format\":\"" APP_PRIVACY_FORMAT "\",\"exported_at\":\"%s\",\"data\":",
                   at) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    int rc = store_privacy_export(s, id, app_request_made_way_said, out, err);
    if (rc == 0 && buf_putc(out, '}') < 0)
        rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    return rc;
}

int app_person_erase(struct store *s, const struct app_erasure_by *by, const char *id,
                     struct arena *a, struct app_erasure *done, struct df_err *err)
{
    const char **open = NULL;
    int n = 0, held = 0;
    if (done)
        *done = (struct app_erasure){0, 0};
    if (store_begin(s, err) < 0)
        return -1;
    int erased = store_person_exists(s, id, err);
    if (erased == 0)
        df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", id);
    else if (erased > 0 && (erased = store_person_is_erased(s, id, err)) > 0)
        df_err_set(err, DF_ERR_CONFLICT, "person \"%.128s\" is already erased", id);
    /* her requests to come first, through the cancel everyone else's goes
     * through, while her address is there for its mail to be queued and
     * dropped; her meetings held stay */
    if (erased != 0 || store_privacy_open_requests(s, id, by->now, a, &open, &n, &held, err) < 0)
        goto fail;
    for (int i = 0; i < n; i++)
        if (app_request_withdraw(s, id, by->herself ? NULL : by->actor, open[i], a, err) < 0)
            goto fail;
    if (store_privacy_erase(s, id, by->now, err) < 0 ||
        store_audit(s, by->actor, "person.erase", "person", id, NULL, err) < 0 ||
        store_commit(s, err) < 0)
        goto fail;
    if (done)
        *done = (struct app_erasure){.cancelled = n, .held = held};
    return 0;
fail:
    store_rollback(s);
    return -1;
}
