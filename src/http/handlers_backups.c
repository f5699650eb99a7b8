/* GET /console/backups: what serve --backup-dir's copies have done, for
 * the console's dashboard (app/backups.h says it). */
#include "app/backups.h"
#include "http/api.h"
#include "http/server.h"

void api_console_backups(struct http_req *r)
{
    json_t *j = app_backups_status_json(http_server_backups(r->srv));
    if (!j) {
        http_reply_error(r, 500, "internal", "out of memory");
        return;
    }
    http_reply_json(r, 200, j);
}
