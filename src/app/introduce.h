/* The organisers' introductions: a meeting request they make between two
 * people ("you two should meet": a Ukrainian SME nobody asked yet and the
 * buyer whose needs it meets), which its addressee answers as any other. */
#ifndef DFNC_APP_INTRODUCE_H
#define DFNC_APP_INTRODUCE_H

#include "core/arena.h"
#include "store/store.h"

/* Organiser `login` makes a pending request at event from person `from` to
 * person `to`, marked as the organisers' (store_request.introduced), with
 * their message (may be NULL), and one `request.introduce` audit line by the
 * login. The forum's rules but the requester's cap: not to oneself
 * (DF_ERR_INPUT), one open request per pair (DF_ERR_CONFLICT), the event and
 * both people known (DF_ERR_NOT_FOUND naming which). *out is filled in a. */
int app_request_introduce(struct store *s, const char *login, const char *event, const char *from,
                          const char *to, const char *message, struct arena *a,
                          struct store_request *out, struct df_err *err);

#endif
