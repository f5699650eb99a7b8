/* Check-ins and their undo with their audit lines, one transaction each
 * (see checkin.h). */
#include "app/checkin.h"

#include "store/web.h"

/* The audit line of what the open transaction did to person, then the
 * commit; the transaction rolled back when either fails. rc is what the
 * change returned: a failed change is rolled back at once. */
static int audit_and_commit(struct store *s, int rc, const char *actor, const char *action,
                            const char *person, struct df_err *err)
{
    if (rc < 0 || store_audit(s, actor, action, "person", person, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

int app_checkin_in(struct store *s, const char *actor, const char *person, struct arena *a,
                   const char **at, struct df_err *err)
{
    if (store_web_checkin(s, person, a, at, err) < 0)
        return -1;
    return store_audit(s, actor, "person.checkin", "person", person, NULL, err);
}

int app_checkin(struct store *s, const char *actor, const char *person, struct arena *a,
                const char **at, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    if (app_checkin_in(s, actor, person, a, at, err) < 0 || store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

int app_checkin_undo(struct store *s, const char *actor, const char *person, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    return audit_and_commit(s, store_web_checkin_undo(s, person, err), actor,
                            "person.checkin_undo", person, err);
}
