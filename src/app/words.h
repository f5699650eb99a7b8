/* A sentence the app writes for a person, said once more by code for a page
 * to say it in its own language (docs/api.md "Words for a page"): refusals'
 * reasons, an accept's warnings, a schedule run's reasons. */
#ifndef DFNC_APP_WORDS_H
#define DFNC_APP_WORDS_H

/* One coded sentence: its code and values by name; message is the English
 * the command line and the API's text say. Codes are listed where they are
 * made (app/move.h, app/schedule.h, app/requests.h). */
#define APP_WHY_VALUES 2
struct app_why {
    const char *code;
    int values_n;
    const char *name[APP_WHY_VALUES];    /* static strings */
    const char *value[APP_WHY_VALUES];
    const char *message;
};
/* What keeps a meeting from a place, each thing once, in the English's order. */
#define APP_WHYS_MAX 8
struct app_whys {
    int n;
    struct app_why v[APP_WHYS_MAX];
};

#endif
