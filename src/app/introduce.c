/* The organisers' introductions (see introduce.h). */
#include "app/introduce.h"

#include <stdio.h>
#include <string.h>

#include "app/requests.h"
#include "store/api.h"

int app_request_introduce(struct store *s, const char *login, const char *event, const char *from,
                          const char *to, const char *message, struct arena *a,
                          struct store_request *out, struct df_err *err)
{
    if (strcmp(from, to) == 0)
        return df_err_set(err, DF_ERR_INPUT, "a person cannot be introduced to herself");
    char id[APP_REQUEST_ID_SIZE];
    app_request_new_id(id);
    if (store_begin(s, err) < 0)
        return -1;
    struct store_event ev;
    if (store_event_get(s, event, a, &ev, err) < 0 || app_person_known(s, from, err) < 0 ||
        app_person_known(s, to, err) < 0)
        goto fail;
    int open = store_api_pair_is_open(s, event, from, to, err);
    if (open < 0)
        goto fail;
    if (open) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "an open request between \"%s\" and \"%s\" exists already", from, to);
        goto fail;
    }
    char detail[160];
    snprintf(detail, sizeof detail, "from %.64s to %.64s", from, to);
    struct store_request r = {.id = id, .event = event, .from = from, .to = to,
                              .status = "pending", .message = message, .priority = 1};
    if (store_request_upsert(s, &r, NULL, err) < 0 || store_request_introduce(s, id, err) < 0 ||
        store_audit(s, login ? login : "organiser", "request.introduce", "request", id, detail,
                    err) < 0 ||
        store_request_get(s, id, a, out, err) < 0 || store_commit(s, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(s);
    return -1;
}
