/* Joint procurement over the API: the instruments (any signed-in user: the
 * rules are public law), a plan as the caller may see it (an organiser the
 * whole plan; a participant their organisation's demands and supplies, an
 * empty view when it has none) and the OCDS package (organisers only, by
 * the route's flag). The cutting is app/procure_view.c's. */
#include <string.h>

#include "app/procure_cache.h"
#include "app/procure_view.h"
#include "http/api.h"

void api_procure_instruments(struct http_req *r)
{
    struct df_err err = {0};
    json_t *j = app_procure_instruments(&err);
    if (!j) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, j);
}

/* Replies with the plan of the query's instrument and as_of, as the caller
 * may see it, or as an OCDS package (a file to save). */
static void reply_plan(struct http_req *r, bool ocds)
{
    const char *instrument, *as_of;
    struct df_err err = {0};
    const struct app_procure_plan *p = NULL;
    json_t *j = NULL;
    if (!api_text_param(r, "instrument", &instrument) || !api_text_param(r, "as_of", &as_of))
        return;
    if (!instrument) {
        http_reply_error(r, 422, "invalid", "instrument is required: edirpa, edip or safe");
        return;
    }
    /* shared with the other threads: each caller's view is cut per request */
    if (!(p = app_procure_plan_asked(r->s, instrument, as_of, &err)))
        goto out;
    j = ocds                  ? app_procure_ocds(r->s, p, &err)
        : api_is_organiser(r) ? app_procure_whole_view(r->s, p, &err)
                              : app_procure_org_view(r->s, p, r->user.org, &err);
    if (j && ocds)   /* the header's value lives as long as the request: in its arena */
        http_reply_header(r, "Content-Disposition",
                          arena_printf(&r->a, "attachment; filename=\"dfnc-ocds-%s-%s.json\"",
                                       p->inst.rules.name, p->as_of));
out:
    app_procure_cache_release(p);
    if (j)
        http_reply_json(r, 200, j);
    else
        http_reply_df_err(r, &err);
}

void api_procure_plan(struct http_req *r) { reply_plan(r, false); }

/* organisers only, by the route's flag */
void api_procure_ocds(struct http_req *r) { reply_plan(r, true); }
