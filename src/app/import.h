/* Importing CSV files into the store: one transaction per file; a bad row is
 * named "FILE:LINE: what is wrong", every one of them (res->problems; err the
 * first), and then the database is left as it was; rows are matched by id so
 * importing again updates them. */
#ifndef DFNC_APP_IMPORT_H
#define DFNC_APP_IMPORT_H

#include "core/err.h"
#include "io/csv.h"
#include "store/store.h"

/* A note as a page says it in its language: a code and its values by name
 * (the note's English sentence is the command line's). */
#define APP_NOTE_VALUES_MAX 16
struct app_mail_watch;

struct app_import_note {
    const char *code;                     /* "meeting_removed", "meeting_moved", ... */
    int values_n;
    const char *name[APP_NOTE_VALUES_MAX];   /* static strings */
    const char *value[APP_NOTE_VALUES_MAX];  /* into text (cut to fit it) */
    char text[1024];
};

struct app_import_result {
    int rows, added, updated;
    enum codepage encoding;        /* what the file was read as (UTF-8, or a code page) */
    struct df_problems problems;   /* the rows refused, when the file is (nothing is kept) */
    /* what a file taken did beyond its rows, to tell: the meetings of
     * requests it took out of "accepted" are removed, and each published one
     * removed is named in notes ("FILE:LINE: ...") so the organiser tells
     * its two participants */
    int meetings_removed;
    struct df_problems notes;
    struct app_import_note coded[DF_PROBLEMS_NAMED];   /* notes.msg[i]'s is coded[i] */
    /* what a programme file (events, sessions) did to the meetings, as PUT
     * /api/v1/events reports it: moved (a time, a table, a zone) or taken
     * out of their slot, which went (the next schedule run places them
     * again); each published one moved is in notes */
    int meetings_moved, meetings_unscheduled;
    /* an events file that named or changed an event's video service while
     * its agendas are published: the mails queued to the people of its
     * online meetings with their links, as PUT /api/v1/events says it */
    int video_mailed;
    /* the import's mail watch while it runs (NULL: none), for an events
     * row that names a video service to tell the links in each person's one
     * mail of the import (app_event_edit's mail_watch) */
    struct app_mail_watch *mail_watch;
    /* what an interpreters file did on the day: the published meetings
     * still to come it gave an interpreter, and those that still need one
     * and have none (app/interpreting_day.h) */
    int interpreters_given, interpreters_lacking;
    /* the clock the file is taken by (Unix seconds: the forum's in the
     * server), set from the importer's now for the rows to read: which
     * published meetings are still to come */
    int64_t now;
};

/* Validates one row and writes it. Fills err WITHOUT the FILE:LINE prefix (the
 * caller adds it); *added is 1 for a new row, 0 for an updated one; res takes
 * what the row did beyond itself (meetings_removed, notes), and is cleared
 * again when the file is refused. */
typedef int (*app_import_row_fn)(struct store *s, const struct csv_reader *r,
                                 const struct csv_row *row, int *added,
                                 struct app_import_result *res, struct df_err *err);

#define APP_IMPORT_KEY_MAX 3

struct app_import_kind {
    const char *kind;                    /* "organisations" ... */
    const char *const *required;         /* NULL-terminated required columns */
    /* the columns whose values together name one row, NULL-terminated
     * ({NULL}: none): a second row naming the same is refused by its line,
     * as the later one would replace the earlier without a word */
    const char *key[APP_IMPORT_KEY_MAX + 1];
    app_import_row_fn row;
    const char *key_hint;                /* what to do instead, or NULL */
    const char *key_code;                /* its refusal's code (import_codes.h); NULL:
                                            "duplicate" */
    unsigned key_any_case;               /* bit i: key[i] is a word read in any letter case */
    /* a column (its value read in any letter case, an empty one aside) no
     * two rows of other keys may share, nor a row and a stored one of
     * another key, as the file leaves the store: people's email. NULL: none */
    const char *unique;
    /* its rows may move, remove or cancel published meetings (events,
     * sessions, requests): their people are mailed what changed, once per
     * import (app/mail_meetings.h) */
    bool moves_meetings;
    /* who else holds value v in the store, key's own row aside: 1 with a
     * sentence naming them in *who (allocated in a: "person \"p-7\"'s"),
     * their key in *holder and the refusal's code in *code, 0 none, -1 err;
     * with unique only */
    int (*unique_holder)(struct store *s, const char *v, const char *key, struct arena *a,
                         const char **who, const char **holder, const char **code,
                         struct df_err *err);
    const char *unique_why;              /* why one value each, for the refusal */
    const char *unique_code;             /* the code of a value two rows give */
};

/* Adds a note of line (msg, "FILE:LINE: ...", in English) to res->notes,
 * and its code and values (pairs: name, value, ..., NULL; a NULL value is
 * left out) beside it. Notes come in line order, as rows do. */
void app_import_note_add(struct app_import_result *res, int line, const char *msg,
                         const char *code, const char *const *pairs);

/* Whether row is whole and its text one people may read: it has as many
 * fields as the header (RFC 4180; a delimiter left unquoted would otherwise
 * shift or cut a field without a word; a spreadsheet's trailing columns
 * without a name may be absent), no column without a name holds anything
 * (it would be read by nobody), and none holds a Unicode bidi control
 * (utf8_text_check), whatever its column (an extra one too). 0, or -1 with
 * DF_ERR_INPUT saying what is wrong, without FILE:LINE. Every CSV import runs
 * it on each row (the CORDIS one too). */
int app_import_row_text_check(const struct csv_reader *r, const struct csv_row *row,
                              struct df_err *err);

/* The checks of a person's and an organisation's values that every way in
 * that makes them runs (the imports' rows, the desk's walk-in), each check
 * made whatever the ones before found: a check fills *e and hands whether it
 * failed to failed(ud, field, bad), which keeps or counts the problem and
 * returns bad. */
struct app_value_checks {
    bool (*failed)(void *ud, const char *field, bool bad);
    void *ud;
    struct df_err *e;
    /* how to say a required value absent (NULL), a printf format of its
     * field's name; NULL: the caller refused absent ones itself */
    const char *empty;
};
/* How the imports say a required column left empty (app_value_checks.empty). */
#define APP_EMPTY_COLUMN "column \"%s\" is empty"

/* A CSV row's checks, each made whatever the ones before it found, so that a
 * file is mended in one pass: every problem of the row is a "FILE:LINE:
 * what" of its own. Those but the last go to res->problems as they come;
 * the last stays in err, for the driver to count as a row function's
 * refusal (app_import_row_fn). A check fills e, then hands whether it
 * failed to app_row_check_failed (an app_value_checks.failed, ud the
 * checks). */
struct app_row_checks {
    const struct csv_reader *r;
    const struct csv_row *row;
    struct app_import_result *res;
    struct df_err *err;   /* the last problem, or the machine's error */
    struct df_err e;      /* what the check at hand found */
    int n;                /* the row's problems */
    bool broken;          /* the machine failed (the store, memory): nothing more counts */
};
void app_row_checks_begin(struct app_row_checks *c, const struct csv_reader *r,
                          const struct csv_row *row, struct app_import_result *res,
                          struct df_err *err);
bool app_row_check_failed(void *ud, const char *field, bool bad);
/* 0 when the row passed every check; -1 with the last problem (or the
 * machine's error) in err. */
int app_row_checks_end(const struct app_row_checks *c);

/* The first problem value checks find and where (an API body's reply names
 * one field): app_first_problem_keep is the app_value_checks.failed, ud
 * this, e its scratch. */
struct app_first_problem {
    struct df_err scratch, first;   /* first.kind DF_OK: none yet */
    const char *prefix;             /* said before the fields checked from now, or NULL */
    const char *first_prefix, *first_field;   /* the first problem's field (the strings
                                                 given, not copied) */
};
bool app_first_problem_keep(void *ud, const char *field, bool bad);

/* A person's name, title (one line each), email and languages. */
void app_person_values_check(const struct store_person *p, const struct app_value_checks *vc);
/* An organisation's name, country (upper-cased into country, and o->country
 * set to it) and kind (o->kind set to the stored word). */
void app_org_values_check(struct store_org *o, char country[3], const struct app_value_checks *vc);
/* The rest of its values: its Ukrainian name, city, website (read as
 * app_website_read does, into website of website_cap bytes) and
 * descriptions. (Two calls: the import judges its sme column between.) */
void app_org_more_values_check(struct store_org *o, char *website, size_t website_cap,
                               const struct app_value_checks *vc);
/* Why a person's e-mail address is refused when another person has it. */
#define APP_EMAIL_WHY                                                                      \
    "one address per person, as logins and invitations key on it (one person under two ids " \
    "or in two rows: keep one; two people: give one another address)"

/* Whether email is free for person (its id, a new one's too): 0, or -1 with
 * DF_ERR_CONFLICT naming who holds it (one address per person, as the
 * people import refuses a second), or the store's error. */
int app_person_email_free(struct store *s, const char *email, const char *person,
                          struct arena *a, struct df_err *err);

/* Imports a CSV of the given kind (see app_import_kinds in import.c), in
 * encoding enc (CODEPAGE_AUTO: guessed, csv_reader_open). */
int app_import_csv(struct store *s, const char *kind, const char *path, enum codepage enc,
                   int64_t now, struct app_import_result *res, struct df_err *err);
/* Imports with an explicit kind description (used by other modules' importers). */
int app_import_csv_kind(struct store *s, const struct app_import_kind *k, const char *path,
                        enum codepage enc, int64_t now, struct app_import_result *res,
                        struct df_err *err);
/* Loads a Prozorro CPV classifier JSON ({"code": "label"}); lang "en" or "uk". */
int app_import_cpv_json(struct store *s, const char *path, const char *lang,
                        struct app_import_result *res, struct df_err *err);

#endif
