/* Name badges for the forum's desk (io/badges.h): the people asked for, or
 * everyone, each with their organisation, country and side, named by the
 * event on their badge. */
#ifndef DFNC_APP_BADGES_H
#define DFNC_APP_BADGES_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "store/store.h"

/* The badges of the n people ids (n 0: every person of the forum, by name)
 * as a PDF written to out page by page, four to an A4 page, each naming
 * event (NULL: the forum's event at now, app_forum_event; none when the
 * forum has no event); *count is how many badges. An unknown person or
 * event is DF_ERR_NOT_FOUND and nothing is written; -1 with err. */
int app_badges_pdf(struct store *s, const char *event, const char *const *ids, size_t n,
                   long long now, FILE *out, size_t *count, struct df_err *err);

#endif
