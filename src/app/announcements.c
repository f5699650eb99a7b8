/* The organisers' announcements (app/announcements.h). */
#include "app/announcements.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/announcements.h"

struct listing {
    json_t *list;
    bool with_author;
};

static int add_row(void *ud, const struct store_announcement *a)
{
    struct listing *l = ud;
    char id[24];
    snprintf(id, sizeof id, "%" PRId64, a->id);
    json_t *j = json_pack("{ss ss ss? ss}", "id", id, "text", a->text, "text_uk", a->text_uk,
                          "created_at", a->created_at);
    if (j && l->with_author &&
        json_object_set_new(j, "created_by", json_string(a->created_by)) < 0) {
        json_decref(j);
        j = NULL;
    }
    return j && json_array_append_new(l->list, j) == 0 ? 0 : -1;
}

json_t *app_announcements_json(struct store *s, bool with_author, struct df_err *err)
{
    struct listing l = {json_array(), with_author};
    if (!l.list) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    int rc = store_announcement_each(s, APP_ANNOUNCEMENTS_SHOWN, add_row, &l, err);
    if (rc != 0) {
        if (!err->msg[0])   /* add_row stopped the walk: out of memory */
            df_err_set(err, DF_ERR_RUNTIME, "out of memory listing the announcements");
        json_decref(l.list);
        return NULL;
    }
    return json_pack("{so}", "announcements", l.list);
}

json_t *app_announcement_add(struct store *s, const char *actor, const char *text,
                             const char *text_uk, struct df_err *err)
{
    if (text_uk && !*text_uk)
        text_uk = NULL;
    int64_t id = 0;
    char idtext[24];
    if (store_begin(s, err) < 0)
        return NULL;
    int rc = store_announcement_add(s, text, text_uk, actor, &id, err);
    snprintf(idtext, sizeof idtext, "%" PRId64, id);
    if (rc < 0 ||
        store_audit(s, actor, "announcement.add", "announcement", idtext, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return NULL;
    }
    json_t *all = app_announcements_json(s, true, err), *x, *out = NULL;
    size_t i;
    json_array_foreach(json_object_get(all, "announcements"), i, x)
        if (!out && strcmp(json_string_value(json_object_get(x, "id")), idtext) == 0)
            out = json_incref(x);
    json_decref(all);
    if (!out && all)
        df_err_set(err, DF_ERR_RUNTIME, "the announcement was kept but could not be read back");
    return out;
}

int app_announcement_withdraw(struct store *s, const char *actor, const char *id,
                              struct df_err *err)
{
    char *end = NULL;
    long long n = id && *id >= '0' && *id <= '9' ? strtoll(id, &end, 10) : -1;
    if (n <= 0 || !end || *end)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no announcement \"%.32s\" is shown", id);
    if (store_begin(s, err) < 0)
        return -1;
    int gone = store_announcement_withdraw(s, n, err);
    if (gone == 0)
        df_err_set(err, DF_ERR_NOT_FOUND, "no announcement \"%.32s\" is shown", id);
    if (gone <= 0 ||
        store_audit(s, actor, "announcement.withdraw", "announcement", id, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}
