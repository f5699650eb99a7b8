/* A person's availability at an event: which of its B2B slots they cannot
 * meet in. Participants say it for themselves, organisers for anyone (the
 * HTTP API, `dfnc import availability`); the scheduler respects it. Meetings
 * already placed in a slot someone is now away from stay where they are: the
 * reply names them, and the organiser's next run warns at a published event. */
#ifndef DFNC_APP_AVAILABILITY_H
#define DFNC_APP_AVAILABILITY_H

#include <stdbool.h>

#include "core/arena.h"
#include "store/store.h"

/* Who marked a slot away: the person themselves, an organiser (from the
 * console or the API) or an import (`dfnc import availability`, the
 * console's import). */
enum app_avail_setter { APP_AVAIL_BY_PERSON, APP_AVAIL_BY_ORGANISER, APP_AVAIL_BY_IMPORT };

struct app_avail_slot {
    const char *id, *session, *day, *starts_at, *ends_at;
    const char *set_by;  /* an away slot's setter: "person", "organiser" or "import"; NULL
                            when available or marked before dfnc kept it */
    bool available;
};
/* A meeting of the person in a slot they are away from. */
struct app_avail_conflict {
    const char *request, *slot, *starts_at, *ends_at, *with, *with_name;
};
struct app_availability {
    const char *person, *event;
    bool published;                      /* the event's agendas are published */
    struct app_avail_slot *slots;        /* the event's B2B slots in time order */
    int slots_n;
    struct app_avail_conflict *conflicts;
    int conflicts_n;
};

/* Fills *out (in a) for person at event (the API's default is the forum's
 * event now, app_forum_event, as a request's). DF_ERR_NOT_FOUND for an unknown person or event. */
int app_availability_get(struct store *s, const char *person, const char *event,
                         struct arena *a, struct app_availability *out, struct df_err *err);

/* Replaces person's away slots at event with
 * away[0..away_n) (duplicates collapse), with an audit line naming actor (NULL:
 * none; an import writes one line for its file), without a transaction of its
 * own (an import holds one). A slot newly away is by's; one away already
 * keeps who set it. Each of away names a B2B slot of the event by its id or
 * by its start as the programme shows it ("2027-02-16 10:40", the event's
 * wall clock; a T for the space too): DF_ERR_INPUT naming the first that is
 * not, with two of the event's slots as examples. DF_ERR_NOT_FOUND for an
 * unknown person or event. Moves and cancels no meeting. */
int app_availability_replace(struct store *s, const char *actor, enum app_avail_setter by,
                             const char *person, const char *event, const char *const *away,
                             int away_n, struct arena *a, struct df_err *err);

/* app_availability_replace in one transaction, then *out as
 * app_availability_get fills it, with conflicts listing the person's meetings
 * that now lie in a slot they are away from. */
int app_availability_set(struct store *s, const char *actor, enum app_avail_setter by,
                         const char *person, const char *event, const char *const *away,
                         int away_n, struct arena *a, struct app_availability *out,
                         struct df_err *err);

#endif
