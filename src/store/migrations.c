/* The numbered schema migrations. Each one moves the database from version
 * N-1 to N (PRAGMA user_version) inside one transaction; store_open applies the
 * missing ones in order. Never edit a migration that has shipped: add one. */
#include "store/migrations.h"

/* Version 1: the forum data model of the foundation. Rows have an integer rowid
 * for joins and a stable string id (`id`) that is the only key seen outside the
 * store (DESIGN.md, "Identity"). */
static const char migration_1[] =
    "CREATE TABLE organisations ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 128),"
    "  name TEXT NOT NULL,"
    "  name_uk TEXT,"
    "  country TEXT NOT NULL CHECK (length(country) = 2),"
    "  kind TEXT NOT NULL CHECK (kind IN ('company','research','government','association','other')),"
    "  sme INTEGER NOT NULL DEFAULT 0 CHECK (sme IN (0,1)),"
    "  city TEXT, website TEXT, description TEXT, description_uk TEXT,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT;"
    "CREATE INDEX organisations_country ON organisations(country);"

    "CREATE TABLE people ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 128),"
    "  org_rid INTEGER NOT NULL REFERENCES organisations(rid) ON DELETE CASCADE,"
    "  name TEXT NOT NULL,"
    "  email TEXT, title TEXT,"
    "  languages TEXT NOT NULL DEFAULT '',"   /* 'en;uk;fr': ISO 639-1, ';'-separated */
    "  booth TEXT,"                            /* a fixed booth (location id) the person hosts at */
    "  checked_in_at TEXT,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT;"
    "CREATE INDEX people_org ON people(org_rid);"

    "CREATE TABLE capabilities ("
    "  rid INTEGER PRIMARY KEY,"
    "  org_rid INTEGER NOT NULL REFERENCES organisations(rid) ON DELETE CASCADE,"
    "  direction TEXT NOT NULL CHECK (direction IN ('offer','need')),"
    "  cpv TEXT NOT NULL CHECK (length(cpv) = 10),"
    "  title TEXT NOT NULL, description TEXT,"
    "  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0,1)),"
    "  UNIQUE (org_rid, direction, cpv)"
    ") STRICT;"

    "CREATE TABLE events ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL, venue TEXT,"
    "  timezone TEXT NOT NULL DEFAULT 'Europe/Brussels',"
    "  starts_on TEXT NOT NULL, ends_on TEXT NOT NULL,"          /* YYYY-MM-DD */
    "  request_cap INTEGER NOT NULL DEFAULT 20,"                  /* open requests per participant */
    "  published_at TEXT"                                         /* agendas published */
    ") STRICT;"

    "CREATE TABLE sessions ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,"
    "  day TEXT NOT NULL,"                                        /* YYYY-MM-DD */
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('b2b','conference','break')),"
    "  starts_at TEXT NOT NULL, ends_at TEXT NOT NULL"            /* ISO 8601 with UTC offset */
    ") STRICT;"

    "CREATE TABLE slots ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  session_rid INTEGER NOT NULL REFERENCES sessions(rid) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL,"                                     /* order within the event, from 1 */
    "  starts_at TEXT NOT NULL, ends_at TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX slots_session ON slots(session_rid, seq);"

    "CREATE TABLE locations ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL DEFAULT 'table' CHECK (kind IN ('table','room','booth')),"
    "  seats INTEGER NOT NULL DEFAULT 4"
    ") STRICT;"

    /* Slots a person cannot meet in (arrival, departure, speaking); every other
     * slot of the event is available. */
    "CREATE TABLE unavailability ("
    "  person_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  slot_rid INTEGER NOT NULL REFERENCES slots(rid) ON DELETE CASCADE,"
    "  reason TEXT,"
    "  PRIMARY KEY (person_rid, slot_rid)"
    ") STRICT, WITHOUT ROWID;"

    "CREATE TABLE requests ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,"
    "  from_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  to_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 9),"  /* 9 = must */
    "  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','declined','cancelled')),"
    "  message TEXT,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  CHECK (from_rid <> to_rid)"
    ") STRICT;"
    "CREATE INDEX requests_from ON requests(from_rid, status);"
    "CREATE INDEX requests_to ON requests(to_rid, status);"
    "CREATE INDEX requests_event ON requests(event_rid, status);"

    /* More people at a meeting than the requester and the addressee (colleagues,
     * a third party). */
    "CREATE TABLE request_attendees ("
    "  request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE CASCADE,"
    "  person_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  PRIMARY KEY (request_rid, person_rid)"
    ") STRICT, WITHOUT ROWID;"

    "CREATE TABLE meetings ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  request_rid INTEGER NOT NULL UNIQUE REFERENCES requests(rid) ON DELETE CASCADE,"
    "  slot_rid INTEGER NOT NULL REFERENCES slots(rid),"
    "  location_rid INTEGER REFERENCES locations(rid),"
    "  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0,1)),"
    "  sequence INTEGER NOT NULL DEFAULT 0,"       /* raised when a meeting moves (ICS SEQUENCE) */
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT;"
    "CREATE INDEX meetings_slot ON meetings(slot_rid);"

    "CREATE TABLE users ("
    "  rid INTEGER PRIMARY KEY,"
    "  email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    "  password_hash TEXT NOT NULL,"
    "  role TEXT NOT NULL CHECK (role IN ('organiser','participant')),"
    "  person_rid INTEGER REFERENCES people(rid) ON DELETE SET NULL,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT;"

    "CREATE TABLE projects ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  acronym TEXT, title TEXT NOT NULL, objective TEXT,"
    "  programme TEXT, start_date TEXT, end_date TEXT"
    ") STRICT;"

    "CREATE TABLE project_members ("
    "  project_rid INTEGER NOT NULL REFERENCES projects(rid) ON DELETE CASCADE,"
    "  org_rid INTEGER NOT NULL REFERENCES organisations(rid) ON DELETE CASCADE,"
    "  role TEXT NOT NULL DEFAULT 'participant',"   /* coordinator, participant, partner ... */
    "  PRIMARY KEY (project_rid, org_rid)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX project_members_org ON project_members(org_rid);"

    "CREATE TABLE audit_log ("
    "  rid INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
    "  actor TEXT NOT NULL,"            /* 'cli', 'user:EMAIL', 'demo' ... */
    "  action TEXT NOT NULL,"           /* 'import', 'request.accept', ... */
    "  entity TEXT, entity_id TEXT, detail TEXT"
    ") STRICT;";

/* Version 2: the CPV classifier, so codes are checked against it and show their
 * labels in English and Ukrainian. */
static const char migration_2[] =
    "CREATE TABLE cpv ("
    "  code TEXT PRIMARY KEY CHECK (length(code) = 10),"
    "  label_en TEXT, label_uk TEXT"
    ") STRICT, WITHOUT ROWID;";

/* Version 3: logins (the users table is in version 1), their sessions, login
 * failures for rate limiting, private calendar feed tokens, and the contact
 * person who may edit an organisation's profile. Secrets are stored hashed. */
static const char migration_3[] =
    "CREATE TABLE user_sessions ("
    "  rid INTEGER PRIMARY KEY,"
    "  token_hash BLOB NOT NULL UNIQUE,"                  /* BLAKE2b-256 of the cookie token */
    "  user_rid INTEGER NOT NULL REFERENCES users(rid) ON DELETE CASCADE,"
    "  csrf TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL,"                      /* unix seconds */
    "  expires_at INTEGER NOT NULL"
    ") STRICT;"
    "CREATE INDEX user_sessions_user ON user_sessions(user_rid);"
    "CREATE TABLE login_failures ("
    "  key TEXT NOT NULL,"                                /* 'acct:EMAIL' or 'ip:ADDR' */
    "  at INTEGER NOT NULL"
    ") STRICT;"
    "CREATE INDEX login_failures_key ON login_failures(key, at);"
    "CREATE TABLE feed_tokens ("
    "  person_rid INTEGER PRIMARY KEY REFERENCES people(rid) ON DELETE CASCADE,"
    "  token_hash BLOB NOT NULL UNIQUE,"
    "  created_at INTEGER NOT NULL"
    ") STRICT;"
    /* Agendas find a person's meetings through their requests and attendances. */
    "CREATE INDEX request_attendees_person ON request_attendees(person_rid);"
    "CREATE TABLE org_contacts ("
    "  org_rid INTEGER PRIMARY KEY REFERENCES organisations(rid) ON DELETE CASCADE,"
    "  person_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE"
    ") STRICT;";
/* Version 4: joint procurement. A demand is a buyer's need (quantity by a date
 * at a maximum unit price), optionally paid by funder countries (the "Danish
 * model"); a supply is an organisation's production offer. Quantities are whole
 * units; prices are EUR. */
static const char migration_4[] =
    "CREATE TABLE demands ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 128),"
    "  buyer_rid INTEGER NOT NULL REFERENCES organisations(rid) ON DELETE CASCADE,"
    "  country TEXT NOT NULL CHECK (length(country) = 2),"
    "  cpv TEXT NOT NULL CHECK (length(cpv) = 10),"
    "  description TEXT,"
    "  quantity INTEGER NOT NULL CHECK (quantity > 0),"
    "  unit TEXT NOT NULL,"
    "  deliver_by TEXT NOT NULL CHECK (length(deliver_by) = 10),"   /* YYYY-MM-DD */
    "  max_unit_price_eur REAL NOT NULL CHECK (max_unit_price_eur >= 0)"
    ") STRICT;"
    "CREATE INDEX demands_cpv ON demands(cpv);"

    "CREATE TABLE demand_funders ("
    "  demand_rid INTEGER NOT NULL REFERENCES demands(rid) ON DELETE CASCADE,"
    "  country TEXT NOT NULL CHECK (length(country) = 2),"
    "  PRIMARY KEY (demand_rid, country)"
    ") STRICT, WITHOUT ROWID;"

    "CREATE TABLE supplies ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 128),"
    "  org_rid INTEGER NOT NULL REFERENCES organisations(rid) ON DELETE CASCADE,"
    "  cpv TEXT NOT NULL CHECK (length(cpv) = 10),"
    "  description TEXT,"
    "  capacity_per_month INTEGER NOT NULL CHECK (capacity_per_month > 0),"
    "  unit_price_eur REAL NOT NULL CHECK (unit_price_eur >= 0),"
    "  lead_time_days INTEGER NOT NULL CHECK (lead_time_days >= 0),"
    "  production_country TEXT NOT NULL CHECK (length(production_country) = 2),"
    "  eu_content_pct REAL NOT NULL CHECK (eu_content_pct BETWEEN 0 AND 100)"
    ") STRICT;"
    "CREATE INDEX supplies_cpv ON supplies(cpv);";

/* Version 5: interpreters an organiser books for an event, each covering one
 * language pair in every B2B slot of the event or of one session, and the
 * one who joins each interpreted meeting. */
static const char migration_5[] =
    "CREATE TABLE interpreters ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,"
    "  name TEXT NOT NULL,"
    "  lang_a TEXT NOT NULL CHECK (length(lang_a) = 2),"            /* ISO 639-1 */
    "  lang_b TEXT NOT NULL CHECK (length(lang_b) = 2 AND lang_b <> lang_a),"
    "  session_rid INTEGER REFERENCES sessions(rid) ON DELETE CASCADE" /* NULL = all */
    ") STRICT;"
    "CREATE INDEX interpreters_event ON interpreters(event_rid);"
    /* the interpreter who joins a meeting, chosen after each schedule */
    "ALTER TABLE meetings ADD COLUMN"
    "  interpreter_rid INTEGER REFERENCES interpreters(rid) ON DELETE SET NULL;";

/* Version 6: a counter of changes to what the partner engine indexes
 * (organisations, their people's languages, capabilities, CPV labels,
 * projects and their members), raised by triggers on every write path, so a
 * server keeps its index through the forum's other writes (meeting requests,
 * check-ins, schedules) and rebuilds it only when a profile changed. An
 * update counts only when a column the engine reads changed: importing the
 * same file again, or a check-in, keeps the index. */
#define MATCH_BUMP " BEGIN UPDATE match_generation SET n = n + 1; END;"
#define MATCH_TRIGGERS(table, changed)                                              \
    "CREATE TRIGGER " table "_match_insert AFTER INSERT ON " table MATCH_BUMP      \
    "CREATE TRIGGER " table "_match_delete AFTER DELETE ON " table MATCH_BUMP      \
    "CREATE TRIGGER " table "_match_update AFTER UPDATE ON " table " WHEN " changed  \
    MATCH_BUMP
static const char migration_6[] =
    "CREATE TABLE match_generation (n INTEGER NOT NULL) STRICT;"
    "INSERT INTO match_generation VALUES (0);"
    MATCH_TRIGGERS("organisations",
                   "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name"
                   " OR OLD.country IS NOT NEW.country OR OLD.kind IS NOT NEW.kind"
                   " OR OLD.sme IS NOT NEW.sme OR OLD.description IS NOT NEW.description"
                   " OR OLD.description_uk IS NOT NEW.description_uk")
    MATCH_TRIGGERS("people",
                   "OLD.id IS NOT NEW.id OR OLD.org_rid IS NOT NEW.org_rid"
                   " OR OLD.languages IS NOT NEW.languages")
    MATCH_TRIGGERS("capabilities",
                   "OLD.org_rid IS NOT NEW.org_rid OR OLD.direction IS NOT NEW.direction"
                   " OR OLD.cpv IS NOT NEW.cpv OR OLD.title IS NOT NEW.title"
                   " OR OLD.description IS NOT NEW.description"
                   " OR OLD.confidential IS NOT NEW.confidential")
    MATCH_TRIGGERS("cpv",
                   "OLD.code IS NOT NEW.code OR OLD.label_en IS NOT NEW.label_en"
                   " OR OLD.label_uk IS NOT NEW.label_uk")
    MATCH_TRIGGERS("projects",
                   "OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title"
                   " OR OLD.objective IS NOT NEW.objective OR OLD.start_date IS NOT NEW.start_date")
    MATCH_TRIGGERS("project_members",
                   "OLD.project_rid IS NOT NEW.project_rid OR OLD.org_rid IS NOT NEW.org_rid"
                   " OR OLD.role IS NOT NEW.role");
#undef MATCH_TRIGGERS
#undef MATCH_BUMP

/* Version 7: the organiser's own lines of the partner engine's English-
 * Ukrainian glossary (dfnc import glossary), in file order after dfnc's; a
 * change raises the match generation like a profile's, so a server rebuilds
 * its lexicon. */
static const char migration_7[] =
    "CREATE TABLE glossary ("
    "  seq INTEGER PRIMARY KEY,"
    "  line INTEGER NOT NULL,"                    /* in the imported file */
    "  en TEXT NOT NULL CHECK (length(en) BETWEEN 1 AND 64),"
    "  uk TEXT NOT NULL CHECK (length(uk) BETWEEN 1 AND 64),"
    "  negated INTEGER NOT NULL CHECK (negated IN (0, 1))" /* "not": no translation */
    ") STRICT;"
    "CREATE TRIGGER glossary_match_insert AFTER INSERT ON glossary"
    " BEGIN UPDATE match_generation SET n = n + 1; END;"
    "CREATE TRIGGER glossary_match_delete AFTER DELETE ON glossary"
    " BEGIN UPDATE match_generation SET n = n + 1; END;"
    "CREATE TRIGGER glossary_match_update AFTER UPDATE ON glossary"
    " BEGIN UPDATE match_generation SET n = n + 1; END;";

/* Version 8: a published meeting's calendar entry (ICS SEQUENCE) rises
 * whenever what it shows changes under it, whoever changes it: its slot's
 * times, its table's name, its event's time zone (the wall-clock times are
 * read in that zone). */
#define MEETING_BUMP(where)                                                        \
    " BEGIN UPDATE meetings SET sequence = sequence + 1,"                           \
    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE " where "; END;"
static const char migration_8[] =
    "CREATE TRIGGER slots_moved_meetings AFTER UPDATE OF starts_at, ends_at ON slots"
    " WHEN OLD.starts_at IS NOT NEW.starts_at OR OLD.ends_at IS NOT NEW.ends_at"
    MEETING_BUMP("slot_rid = NEW.rid")
    "CREATE TRIGGER locations_renamed_meetings AFTER UPDATE OF name ON locations"
    " WHEN OLD.name IS NOT NEW.name"
    MEETING_BUMP("location_rid = NEW.rid")
    "CREATE TRIGGER events_rezoned_meetings AFTER UPDATE OF timezone ON events"
    " WHEN OLD.timezone IS NOT NEW.timezone"
    MEETING_BUMP("request_rid IN (SELECT rid FROM requests WHERE event_rid = NEW.rid)");

/* Version 9: the language a person reads the web UI in, which what is sent
 * without a browser (their calendar feed) is written in too. */
static const char migration_9[] =
    "ALTER TABLE people ADD COLUMN ui_language TEXT"
    " CHECK (ui_language IS NULL OR ui_language IN ('en', 'uk'));";

/* Version 10: what a calendar shows, not how it is written. A slot's times
 * count as moved when the wall-clock time to the second changes (calendars
 * read it in the event's zone, DTSTART;TZID=), not when the same time is
 * written another way ("11:00" as "11:00:00", or with its zone's offset
 * added); and every meeting of an event rises when the event's venue
 * changes, since each one's LOCATION names it. */
#define WALL_CLOCK(t)                                                              \
    "(substr(" t ", 1, 16) || CASE WHEN substr(" t ", 17, 1) = ':'"              \
    " THEN substr(" t ", 17, 3) ELSE ':00' END)"
static const char migration_10[] =
    "DROP TRIGGER slots_moved_meetings;"
    "CREATE TRIGGER slots_moved_meetings AFTER UPDATE OF starts_at, ends_at ON slots"
    " WHEN " WALL_CLOCK("OLD.starts_at") " IS NOT " WALL_CLOCK("NEW.starts_at")
    " OR " WALL_CLOCK("OLD.ends_at") " IS NOT " WALL_CLOCK("NEW.ends_at")
    MEETING_BUMP("slot_rid = NEW.rid")
    "CREATE TRIGGER events_moved_venue_meetings AFTER UPDATE OF venue ON events"
    " WHEN OLD.venue IS NOT NEW.venue"
    MEETING_BUMP("request_rid IN (SELECT rid FROM requests WHERE event_rid = NEW.rid)");
#undef WALL_CLOCK
#undef MEETING_BUMP

/* Version 11: a counter per event of changes to its meetings (placed, moved,
 * locked, taken out) and to its publication, which schedule runs read before
 * loading the event and again when writing, to refuse to write over any
 * change. No longer read: a run now compares what it loaded with what it
 * finds when it writes, and merges what it can (app/schedule_event.c);
 * version 14 drops the triggers, the column stays. */
#define SCHEDULE_BUMP(req)                                                         \
    " BEGIN UPDATE events SET schedule_version = schedule_version + 1"             \
    " WHERE rid = (SELECT event_rid FROM requests WHERE rid = " req "); END;"
static const char migration_11[] =
    "ALTER TABLE events ADD COLUMN schedule_version INTEGER NOT NULL DEFAULT 0;"
    "CREATE TRIGGER meetings_placed_version AFTER INSERT ON meetings"
    SCHEDULE_BUMP("NEW.request_rid")
    "CREATE TRIGGER meetings_gone_version AFTER DELETE ON meetings"
    SCHEDULE_BUMP("OLD.request_rid")
    "CREATE TRIGGER meetings_moved_version AFTER UPDATE ON meetings"
    " WHEN OLD.slot_rid IS NOT NEW.slot_rid OR OLD.location_rid IS NOT NEW.location_rid"
    " OR OLD.interpreter_rid IS NOT NEW.interpreter_rid OR OLD.locked IS NOT NEW.locked"
    " OR OLD.request_rid IS NOT NEW.request_rid"
    SCHEDULE_BUMP("NEW.request_rid")
    "CREATE TRIGGER events_published_version AFTER UPDATE OF published_at ON events"
    " WHEN OLD.published_at IS NOT NEW.published_at"
    " BEGIN UPDATE events SET schedule_version = schedule_version + 1 WHERE rid = NEW.rid;"
    " END;";
#undef SCHEDULE_BUMP

/* Version 12: a supply's share of Ukrainian components, which SAFE counts as
 * eligible content beside the EU and associated share and EDIP does not. */
static const char migration_12[] =
    "ALTER TABLE supplies ADD COLUMN ua_content_pct REAL NOT NULL DEFAULT 0"
    " CHECK (ua_content_pct BETWEEN 0 AND 100);";

/* Version 13: device cookies (OWASP, "Slow Down Online Guessing Attacks
 * with Device Cookies"). A browser that signed in to a login holds a token
 * bound to that login; its attempts are judged by its own failures, so an
 * attacker's failures elsewhere neither lock it out of the account nor out
 * of a shared address. Only the token's hash is stored; a row deleted is a
 * device cookie revoked. */
static const char migration_13[] =
    "CREATE TABLE device_tokens ("
    "  rid INTEGER PRIMARY KEY AUTOINCREMENT,"            /* never reused: failures are
                                                           counted under dev:RID */
    "  token_hash BLOB NOT NULL UNIQUE,"                  /* BLAKE2b-256 of the cookie token */
    "  user_rid INTEGER NOT NULL REFERENCES users(rid) ON DELETE CASCADE,"
    "  created_at INTEGER NOT NULL,"                      /* unix seconds */
    "  expires_at INTEGER NOT NULL"
    ") STRICT;"
    "CREATE INDEX device_tokens_user ON device_tokens(user_rid, created_at);";

/* Version 14: version 11's triggers go. Nothing reads the counter now, and
 * every meeting written paid for them (a schedule's rewrite of its meetings
 * took four times as long: 3.9 ms against 1.0 at 3,744 meetings). */
static const char migration_14[] =
    "DROP TRIGGER IF EXISTS meetings_placed_version;"
    "DROP TRIGGER IF EXISTS meetings_gone_version;"
    "DROP TRIGGER IF EXISTS meetings_moved_version;"
    "DROP TRIGGER IF EXISTS events_published_version;";

/* Version 15: invitations. An organiser's `dfnc user invite` makes a
 * participant's login without a password and hands out a one-time link;
 * whoever opens it chooses the password. One live invitation per login (a
 * new one replaces it, so the old link stops working); the row goes when
 * the link is used. Only the token's hash is stored. */
static const char migration_15[] =
    "CREATE TABLE invitations ("
    "  user_rid INTEGER PRIMARY KEY REFERENCES users(rid) ON DELETE CASCADE,"
    "  token_hash BLOB NOT NULL UNIQUE,"                  /* BLAKE2b-256 of the link's token */
    "  created_at INTEGER NOT NULL,"                      /* unix seconds */
    "  expires_at INTEGER NOT NULL"
    ") STRICT;";

/* Version 16: a counter of changes to what a procurement plan and its views
 * read (demands and their funders, supplies, the organisations' ids, names
 * and countries, the CPV labels), raised by triggers whoever writes, so a
 * server keeps its plans (app/procure_cache.c) until one of them changes:
 * through the API, or dfnc import from another process. */
#define PROCURE_BUMP " BEGIN UPDATE procure_generation SET n = n + 1; END;"
#define PROCURE_TRIGGERS(table, changed)                                              \
    "CREATE TRIGGER " table "_procure_insert AFTER INSERT ON " table PROCURE_BUMP      \
    "CREATE TRIGGER " table "_procure_delete AFTER DELETE ON " table PROCURE_BUMP      \
    "CREATE TRIGGER " table "_procure_update AFTER UPDATE ON " table " WHEN " changed  \
    PROCURE_BUMP
static const char migration_16[] =
    "CREATE TABLE procure_generation (n INTEGER NOT NULL) STRICT;"
    "INSERT INTO procure_generation VALUES (0);"
    PROCURE_TRIGGERS("demands", "1")
    PROCURE_TRIGGERS("demand_funders", "1")
    PROCURE_TRIGGERS("supplies", "1")
    PROCURE_TRIGGERS("organisations",
                     "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name"
                     " OR OLD.name_uk IS NOT NEW.name_uk OR OLD.country IS NOT NEW.country")
    PROCURE_TRIGGERS("cpv",
                     "OLD.code IS NOT NEW.code OR OLD.label_en IS NOT NEW.label_en"
                     " OR OLD.label_uk IS NOT NEW.label_uk");
#undef PROCURE_TRIGGERS
#undef PROCURE_BUMP

/* GET /me asks whether the caller's organisation has demands or supplies,
 * and removing an organisation checks the foreign keys that name it: both
 * read them by organisation. */
static const char migration_17[] =
    "CREATE INDEX demands_buyer ON demands(buyer_rid);"
    "CREATE INDEX supplies_org ON supplies(org_rid);";

/* Who marked a slot away: the person, an organiser (the console or the
 * API) or an import; NULL for a slot marked before dfnc kept it, and for
 * the demo's. */
static const char migration_18[] =
    "ALTER TABLE unavailability ADD COLUMN set_by TEXT"
    " CHECK (set_by IN ('person','organiser','import'))";

/* The last schedule run's reason for each accepted request it left without
 * a meeting, kept beside the schedule it wrote so that the console says
 * why after a restart too. */
static const char migration_19[] =
    "CREATE TABLE unscheduled_reasons ("
    "  request_rid INTEGER PRIMARY KEY REFERENCES requests(rid) ON DELETE CASCADE,"
    "  reason TEXT NOT NULL)";

/* Who cancelled a request: its requester, its addressee (an agreed meeting
 * only) or an organiser at the desk; the other party's page says so. NULL for
 * any other status, and for one cancelled before dfnc kept who. */
static const char migration_20[] =
    "ALTER TABLE requests ADD COLUMN cancelled_by TEXT"
    " CHECK (cancelled_by IN ('requester','addressee','organiser'))";
/* Version 21 (20 is another change's): the last schedule run of each event,
 * its figures and who ran it, written in the run's own transaction and
 * replaced by the next run, so that the console shows them on opening, after
 * a restart or a run from the command line too. via says how it was started
 * ('web': ran_by is the organiser's email; 'cli': the command; 'accept': an
 * accept at a published event placing its meeting, ran_by the person). */
static const char migration_21[] =
    "CREATE TABLE schedule_runs ("
    "  event_rid INTEGER PRIMARY KEY REFERENCES events(rid) ON DELETE CASCADE,"
    "  ran_at TEXT NOT NULL,"
    "  via TEXT NOT NULL CHECK (via IN ('web','cli','accept')),"
    "  ran_by TEXT,"
    "  accepted INTEGER NOT NULL, scheduled INTEGER NOT NULL, upper_bound INTEGER NOT NULL,"
    "  breaks INTEGER NOT NULL, seconds REAL NOT NULL, unscheduled INTEGER NOT NULL"
    ") STRICT";
/* Version 22: what a meeting led to, as each of its people says (the
 * cooperation pipeline of DESIGN.md): one outcome a person and meeting, with a
 * note only its writer reads. Kept by the request, which outlives the
 * meeting's moves. */
static const char migration_22[] =
    "CREATE TABLE meeting_outcomes ("
    "  request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE CASCADE,"
    "  person_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  outcome TEXT NOT NULL CHECK (outcome IN ('not_held','no_fit','follow_up',"
    "    'joint_project','purchase','agreement')),"
    "  note TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  PRIMARY KEY (request_rid, person_rid)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX meeting_outcomes_person ON meeting_outcomes(person_rid);";

/* Version 23: the programme in both languages, as organisations' names are:
 * an event's name and venue and a session's name in Ukrainian beside the
 * English (or only) text of the old columns; NULL where none is given. A
 * Ukrainian reader's calendar names the venue in Ukrainian (LOCATION), so
 * its change raises every meeting's SEQUENCE as the venue's does. */
static const char migration_23[] =
    "ALTER TABLE events ADD COLUMN name_uk TEXT;"
    "ALTER TABLE events ADD COLUMN venue_uk TEXT;"
    "ALTER TABLE sessions ADD COLUMN name_uk TEXT;"
    "CREATE TRIGGER events_moved_venue_uk_meetings AFTER UPDATE OF venue_uk ON events"
    " WHEN OLD.venue_uk IS NOT NEW.venue_uk"
    " BEGIN UPDATE meetings SET sequence = sequence + 1,"
    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
    " WHERE request_rid IN (SELECT rid FROM requests WHERE event_rid = NEW.rid); END;";

/* Version 24: a meeting that leaves the agendas (cancelled, or left out by a
 * later run) is kept as withdrawn, its last time and place and its calendar
 * SEQUENCE raised, so that calendars holding it (a downloaded file imported,
 * a subscribed feed) mark it cancelled (RFC 5545 STATUS:CANCELLED) instead
 * of keeping it. The triggers keep it whatever deletes the meeting; one
 * deleted with its request (a person removed) goes with it. The same meeting
 * placed again (its id is its request's) takes up the calendar's SEQUENCE
 * above the withdrawal's. */
static const char migration_24[] =
    "CREATE TABLE withdrawn_meetings ("
    "  meeting_id TEXT PRIMARY KEY,"
    "  request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE CASCADE,"
    "  starts_at TEXT NOT NULL, ends_at TEXT NOT NULL,"
    "  location TEXT,"
    "  sequence INTEGER NOT NULL,"
    "  withdrawn_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT;"
    "CREATE INDEX withdrawn_meetings_request ON withdrawn_meetings(request_rid);"
    "CREATE TRIGGER meetings_withdrawn AFTER DELETE ON meetings"
    " WHEN EXISTS (SELECT 1 FROM requests WHERE rid = OLD.request_rid) BEGIN"
    "  INSERT OR REPLACE INTO withdrawn_meetings(meeting_id, request_rid, starts_at, ends_at,"
    "    location, sequence)"
    "  SELECT OLD.id, OLD.request_rid, t.starts_at, t.ends_at,"
    "    (SELECT name FROM locations WHERE rid = OLD.location_rid), OLD.sequence + 1"
    "  FROM slots t WHERE t.rid = OLD.slot_rid;"
    " END;"
    "CREATE TRIGGER meetings_placed_again AFTER INSERT ON meetings"
    " WHEN EXISTS (SELECT 1 FROM withdrawn_meetings WHERE meeting_id = NEW.id) BEGIN"
    "  UPDATE meetings SET sequence = max(sequence,"
    "    (SELECT sequence + 1 FROM withdrawn_meetings WHERE meeting_id = NEW.id))"
    "  WHERE rid = NEW.rid;"
    "  DELETE FROM withdrawn_meetings WHERE meeting_id = NEW.id;"
    " END;";

/* Version 25: where an organiser moved a published meeting from (the
 * wall-clock start of its slot then, with its offset, and its table's
 * name), which its people's agendas say while it is to come. A later run
 * that moves it again clears them (store_meeting_upsert). */
static const char migration_25[] =
    "ALTER TABLE meetings ADD COLUMN moved_from_start TEXT;"
    "ALTER TABLE meetings ADD COLUMN moved_from_location TEXT;";
/* Version 26: the organisers' announcements to every participant, a line
 * on every page ("The B2B area moved to hall B") in English and, where
 * given, Ukrainian; a withdrawn one is kept, with when, for the record. */
static const char migration_26[] =
    "CREATE TABLE announcements ("
    "  rid INTEGER PRIMARY KEY,"
    "  text TEXT NOT NULL,"
    "  text_uk TEXT,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  created_by TEXT NOT NULL,"
    "  withdrawn_at TEXT"
    ") STRICT";
/* Version 27: "my partner is not here": a participant at her meeting under
 * way tells the desk, once per meeting (a second word re-opens it, with its
 * new time); the desk marks it dealt with. Its id is drawn at random, a
 * stable string as every entity's, the rowid staying in the store. */
static const char migration_27[] =
    "CREATE TABLE absence_reports ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE DEFAULT ('absence-' || lower(hex(randomblob(6)))),"
    "  request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE CASCADE,"
    "  reporter_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  reported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  dealt_at TEXT,"
    "  dealt_by TEXT,"                               /* the organiser's e-mail */
    "  UNIQUE (request_rid, reporter_rid)"
    ") STRICT;"
    "CREATE INDEX absence_reports_open ON absence_reports(dealt_at, reported_at);";

/* Version 28: messages between the people of a meeting request ("running ten
 * minutes late"), read by them alone, and each one's read mark per thread
 * (the newest message she has seen, by rowid: no clock decides what is
 * new). An attendee removed leaves her messages, unsigned; a requester or an
 * addressee removed takes the request, and its thread, with her. */
static const char migration_28[] =
    "CREATE TABLE request_messages ("
    "  rid INTEGER PRIMARY KEY,"
    "  request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE CASCADE,"
    "  author_rid INTEGER REFERENCES people(rid) ON DELETE SET NULL,"
    "  text TEXT NOT NULL CHECK (length(CAST(text AS BLOB)) BETWEEN 1 AND 2000),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT;"
    "CREATE INDEX request_messages_request ON request_messages(request_rid, rid);"
    "CREATE INDEX request_messages_author ON request_messages(author_rid, created_at);"
    "CREATE TABLE request_message_reads ("
    "  request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE CASCADE,"
    "  person_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  last_rid INTEGER NOT NULL,"
    "  PRIMARY KEY (request_rid, person_rid)"
    ") STRICT, WITHOUT ROWID;";

/* Version 29: the time a requester proposes for her request's meeting at a
 * published event (a slot of its event; the addressee accepts it with one
 * tap). A slot a programme re-import deletes leaves the request without a
 * proposal, never with a dangling one; a request that leaves pending
 * leaves its proposal with it (an accept places the meeting, a decline or
 * a cancel ends it), whichever path writes the status. */
static const char migration_29[] =
    "ALTER TABLE requests ADD COLUMN proposed_slot_rid INTEGER"
    "  REFERENCES slots(rid) ON DELETE SET NULL;"
    "CREATE INDEX requests_proposed_slot ON requests(proposed_slot_rid)"
    "  WHERE proposed_slot_rid IS NOT NULL;"
    "CREATE TRIGGER requests_proposal_ends AFTER UPDATE OF status ON requests"
    " WHEN NEW.status <> 'pending' AND NEW.proposed_slot_rid IS NOT NULL BEGIN"
    "  UPDATE requests SET proposed_slot_rid = NULL WHERE rid = NEW.rid;"
    " END;";
/* Version 30: a request the organisers made between two people (their
 * introduction: "you two should meet"), which its addressee answers as any
 * other; who made it is in the audit log. */
static const char migration_30[] =
    "ALTER TABLE requests ADD COLUMN introduced INTEGER NOT NULL DEFAULT 0"
    " CHECK (introduced IN (0, 1))";

/* Version 32 (31 is another change's): a kept reason's code and values
 * (docs/api.md "Words for a page"), so that a page says it in its own
 * language; NULL for a reason kept before (the page says its English). */
static const char migration_32[] =
    "ALTER TABLE unscheduled_reasons ADD COLUMN code TEXT;"
    "ALTER TABLE unscheduled_reasons ADD COLUMN vals TEXT CHECK (vals IS NULL OR json_valid(vals))";

/* Version 33: the mail dfnc sends people ("X asks to meet you"), an outbox
 * that a sender empties over SMTP, each message kept with its tries;
 * whether the forum sends mail at all (one row: the public address its
 * links name, kept by `dfnc mail setup` or `serve --smtp`); and a person's
 * word that she wants none. A mail keeps its address and text when its
 * person goes: it was written for them then. */
static const char migration_33[] =
    "CREATE TABLE mail_outbox ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),"
    "  to_addr TEXT NOT NULL CHECK (length(to_addr) BETWEEN 3 AND 254),"
    "  person_rid INTEGER REFERENCES people(rid) ON DELETE SET NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('request','accepted','declined')),"
    "  subject TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  sent_at TEXT,"
    "  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),"
    "  next_try_at TEXT NOT NULL,"
    "  tried_at TEXT,"
    "  last_error TEXT"
    ") STRICT;"
    "CREATE INDEX mail_outbox_due ON mail_outbox(next_try_at) WHERE status = 'queued';"
    "CREATE TABLE mail_config ("
    "  one INTEGER PRIMARY KEY CHECK (one = 1),"
    "  public_url TEXT NOT NULL CHECK (length(public_url) BETWEEN 1 AND 512),"
    "  set_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT;"
    "ALTER TABLE people ADD COLUMN mail_off INTEGER NOT NULL DEFAULT 0 CHECK (mail_off IN (0, 1))";

/* Version 34: the mail also tells people their agenda when it is published,
 * a change to a published meeting (moved, cancelled, booked by the
 * organisers), the organisers' introductions and a new message in a thread.
 * SQLite cannot widen a CHECK in place: the outbox is copied whole into a
 * table with the new kinds. */
static const char migration_34[] =
    "CREATE TABLE mail_outbox_34 ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),"
    "  to_addr TEXT NOT NULL CHECK (length(to_addr) BETWEEN 3 AND 254),"
    "  person_rid INTEGER REFERENCES people(rid) ON DELETE SET NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('request','accepted','declined','booked','agenda',"
    "    'changed','introduced','message')),"
    "  subject TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  sent_at TEXT,"
    "  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),"
    "  next_try_at TEXT NOT NULL,"
    "  tried_at TEXT,"
    "  last_error TEXT"
    ") STRICT;"
    "INSERT INTO mail_outbox_34(rid, id, to_addr, person_rid, kind, subject, body, status,"
    "  created_at, sent_at, attempts, next_try_at, tried_at, last_error)"
    " SELECT rid, id, to_addr, person_rid, kind, subject, body, status, created_at, sent_at,"
    "  attempts, next_try_at, tried_at, last_error FROM mail_outbox;"
    "DROP TABLE mail_outbox;"
    "ALTER TABLE mail_outbox_34 RENAME TO mail_outbox;"
    "CREATE INDEX mail_outbox_due ON mail_outbox(next_try_at) WHERE status = 'queued';";
/* Version 36 (34 and 35 are other changes'): applications to take part,
 * sent on the forum's own site by people it does not know yet and judged by
 * the organisers (app/applications.h): the applicant's fields, her
 * organisation (an existing one's id, or a new one's fields), her message,
 * and who decided when and the person approval made. Whether the forum
 * takes applications: one row, open or not (none: closed). */
static const char migration_36[] =
    "CREATE TABLE applications ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  status TEXT NOT NULL DEFAULT 'pending'"
    "    CHECK (status IN ('pending','approved','declined')),"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),"
    "  email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),"
    "  title TEXT CHECK (title IS NULL OR length(title) <= 300),"
    "  languages TEXT CHECK (languages IS NULL OR length(languages) <= 200),"
    "  org TEXT CHECK (org IS NULL OR length(org) BETWEEN 1 AND 128),"
    "  org_name TEXT CHECK (org_name IS NULL OR length(org_name) BETWEEN 1 AND 300),"
    "  org_country TEXT CHECK (org_country IS NULL OR length(org_country) = 2),"
    "  org_kind TEXT CHECK (org_kind IS NULL OR length(org_kind) BETWEEN 1 AND 20),"
    "  org_sme INTEGER NOT NULL DEFAULT 0 CHECK (org_sme IN (0, 1)),"
    "  message TEXT CHECK (message IS NULL OR length(message) <= 2000),"
    "  decided_at TEXT,"
    "  decided_by TEXT,"
    "  person TEXT,"
    "  CHECK ((org IS NULL) <> (org_name IS NULL)),"
    "  CHECK ((status = 'pending') = (decided_at IS NULL))"
    ") STRICT;"
    "CREATE UNIQUE INDEX applications_pending_email ON applications(email COLLATE NOCASE)"
    "  WHERE status = 'pending';"
    "CREATE INDEX applications_by_status ON applications(status, created_at);"
    "CREATE TABLE applications_config ("
    "  one INTEGER PRIMARY KEY CHECK (one = 1),"
    "  open INTEGER NOT NULL CHECK (open IN (0, 1)),"
    "  set_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT";

/* Version 37 (only this branch's number): mail that carries a sign-in
 * link (a participant's own "forgot your password", the help desk's link
 * sent by mail, an approved application's) and the note of a declined
 * application. Such a mail's body holds a working token until it is sent:
 * link_expires_at is when its link stops working, so that the sender wipes
 * the body once the mail is sent or given up and never sends it after then.
 * The outbox is copied whole into a table with the new kinds and column, as
 * version 34 did. */
static const char migration_37[] =
    "CREATE TABLE mail_outbox_37 ("
    "  rid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),"
    "  to_addr TEXT NOT NULL CHECK (length(to_addr) BETWEEN 3 AND 254),"
    "  person_rid INTEGER REFERENCES people(rid) ON DELETE SET NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('request','accepted','declined','booked','agenda',"
    "    'changed','introduced','message','reset','signin','approved','not_approved')),"
    "  subject TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  sent_at TEXT,"
    "  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),"
    "  next_try_at TEXT NOT NULL,"
    "  tried_at TEXT,"
    "  last_error TEXT,"
    "  link_expires_at TEXT,"
    "  CHECK ((link_expires_at IS NOT NULL) = (kind IN ('reset','signin','approved')))"
    ") STRICT;"
    "INSERT INTO mail_outbox_37(rid, id, to_addr, person_rid, kind, subject, body, status,"
    "  created_at, sent_at, attempts, next_try_at, tried_at, last_error)"
    " SELECT rid, id, to_addr, person_rid, kind, subject, body, status, created_at, sent_at,"
    "  attempts, next_try_at, tried_at, last_error FROM mail_outbox;"
    "DROP TABLE mail_outbox;"
    "ALTER TABLE mail_outbox_37 RENAME TO mail_outbox;"
    "CREATE INDEX mail_outbox_due ON mail_outbox(next_try_at) WHERE status = 'queued';";

/* Version 38 (37 is another change's): a person erased at her request (GDPR
 * Art. 17, app/privacy.h). Her row stays, a tombstone with its id, so the
 * other side's requests, the report's counts and every foreign key stay
 * whole; her personal fields are cleared and this says when. */
static const char migration_38[] =
    "ALTER TABLE people ADD COLUMN erased_at TEXT";

/* Version 40 (37 to 39 are other changes'): a hybrid forum. A person takes
 * part on site or online (from afar: many Ukrainian executives cannot
 * travel); a meeting with someone online is held by video and takes no table
 * (its location stays NULL), in a room of its own whose name is random, so
 * that only its people know the link; the event names the video service
 * whose rooms are made by naming them (Jitsi Meet, say: https://meet.jit.si). */
static const char migration_40[] =
    "ALTER TABLE people ADD COLUMN attendance TEXT NOT NULL DEFAULT 'onsite'"
    "  CHECK (attendance IN ('onsite','online'));"
    "ALTER TABLE events ADD COLUMN video_url TEXT"
    "  CHECK (video_url IS NULL OR (length(video_url) BETWEEN 9 AND 200"
    "    AND substr(video_url, 1, 8) = 'https://'));"
    "ALTER TABLE meetings ADD COLUMN video_room TEXT"
    "  CHECK (video_room IS NULL OR length(video_room) BETWEEN 16 AND 64)";

/* Version 41: where an organiser moved a meeting from may be online (a
 * hybrid forum: it had no table, a video room), which its moved-from table,
 * a name or none, cannot say; its people's agendas then say "was online". */
static const char migration_41[] =
    "ALTER TABLE meetings ADD COLUMN moved_from_online INTEGER NOT NULL DEFAULT 0"
    "  CHECK (moved_from_online IN (0, 1))";

/* Version 43 (41 and 42 are other changes'): the message a "message"
 * mail told of, so that one mail goes per thread until she reads it, even
 * when the first unread message came while mail was off (the forum's, or
 * hers): she is mailed of a new message unless a mail told her of one she
 * has not read yet. A message gone (its request's) leaves the mail. */
static const char migration_43[] =
    "ALTER TABLE mail_outbox ADD COLUMN message_rid INTEGER"
    "  REFERENCES request_messages(rid) ON DELETE SET NULL;"
    "CREATE INDEX mail_outbox_message ON mail_outbox(message_rid)"
    "  WHERE message_rid IS NOT NULL";

/* The mail outbox copied whole into mail_outbox_N, a table whose CHECK
 * takes the kinds `kinds`, which then takes its place with its indexes: how
 * a migration adds a mail kind (SQLite cannot change a CHECK in place).
 * Versions 44, 50, 52, 53 and 60 do it. */
#define OUTBOX_WITH_KINDS(n, kinds)                                                               \
    "CREATE TABLE mail_outbox_" n " ("                                                            \
    "  rid INTEGER PRIMARY KEY,"                                                                  \
    "  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 64),"                              \
    "  to_addr TEXT NOT NULL CHECK (length(to_addr) BETWEEN 3 AND 254),"                          \
    "  person_rid INTEGER REFERENCES people(rid) ON DELETE SET NULL,"                             \
    "  kind TEXT NOT NULL CHECK (kind IN (" kinds ")),"                                           \
    "  subject TEXT NOT NULL,"                                                                    \
    "  body TEXT NOT NULL,"                                                                       \
    "  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),"       \
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"                  \
    "  sent_at TEXT,"                                                                             \
    "  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),"                                \
    "  next_try_at TEXT NOT NULL,"                                                                \
    "  tried_at TEXT,"                                                                            \
    "  last_error TEXT,"                                                                          \
    "  link_expires_at TEXT,"                                                                     \
    "  message_rid INTEGER REFERENCES request_messages(rid) ON DELETE SET NULL,"                  \
    "  CHECK ((link_expires_at IS NOT NULL) ="                                                    \
    "    (kind IN ('reset','signin','approved','invitation')))"                                   \
    ") STRICT;"                                                                                   \
    "INSERT INTO mail_outbox_" n "(rid, id, to_addr, person_rid, kind, subject, body, status,"    \
    "  created_at, sent_at, attempts, next_try_at, tried_at, last_error, link_expires_at,"        \
    "  message_rid)"                                                                              \
    " SELECT rid, id, to_addr, person_rid, kind, subject, body, status, created_at, sent_at,"     \
    "  attempts, next_try_at, tried_at, last_error, link_expires_at, message_rid"                 \
    " FROM mail_outbox;"                                                                          \
    "DROP TABLE mail_outbox;"                                                                     \
    "ALTER TABLE mail_outbox_" n " RENAME TO mail_outbox;"                                        \
    "CREATE INDEX mail_outbox_due ON mail_outbox(next_try_at) WHERE status = 'queued';"           \
    "CREATE INDEX mail_outbox_message ON mail_outbox(message_rid)"                                \
    "  WHERE message_rid IS NOT NULL"

/* Version 44 (only this branch's number): the invitations themselves go by
 * mail ("invitation": POST /console/invitations or dfnc user invite with
 * mail), each carrying its sign-in link as the kinds of version 37 do: its
 * link_expires_at set, its body wiped once sent or given up. The outbox is
 * copied whole, every column of versions 37 and 43 with it, into a table
 * whose CHECKs know the new kind, as versions 34 and 37 did; the index of
 * version 43 is made again with it. */
static const char migration_44[] =
    OUTBOX_WITH_KINDS("44", "'request','accepted','declined','booked','agenda',"
        "    'changed','introduced','message','reset','signin','approved','not_approved',"
        "    'invitation'");

/* Version 47 (44 to 46 are other changes'): an announcement may be written
 * ahead, shown from a time ("Lunch is served in hall B" at 12:15), and may
 * stop by itself ("the B2B area closes at 17:00" until then); UTC,
 * "YYYY-MM-DDTHH:MM:SSZ", which sort as the times do. NULL: at once, and
 * until withdrawn. */
static const char migration_47[] =
    "ALTER TABLE announcements ADD COLUMN shows_from TEXT;"
    "ALTER TABLE announcements ADD COLUMN shows_until TEXT";

/* Version 50 (48 and 49 are other changes'): the organisers' announcements
 * mailed to everyone ("announcement": POST /console/announcements with
 * mail), a kind the outbox's CHECK must know: copied whole into a table
 * that does, as versions 34, 37 and 44 did, its indexes made again. */
static const char migration_50[] =
    OUTBOX_WITH_KINDS("50", "'request','accepted','declined','booked','agenda',"
        "    'changed','introduced','message','reset','signin','approved','not_approved',"
        "    'invitation','announcement'");

/* Version 51: the unit a supply's capacity and price count ("sets"), so
 * that a supplier of sets is not given a lot of rounds; NULL for a supply
 * that states none, which serves any unit of its CPV (the plan marks it). */
static const char migration_51[] =
    "ALTER TABLE supplies ADD COLUMN unit TEXT CHECK (unit IS NULL OR length(unit) <= 256);";

/* Version 52 (51 is another change's): the link to join a hybrid forum's
 * online meetings mailed when the organisers name or change its event's
 * video service ("video_link"), a kind the outbox's CHECK must know:
 * copied whole into a table that does, as version 50 did. */
static const char migration_52[] =
    OUTBOX_WITH_KINDS("52", "'request','accepted','declined','booked','agenda',"
        "    'changed','introduced','message','reset','signin','approved','not_approved',"
        "    'invitation','announcement','video_link'");

/* Version 53: a colleague added to a meeting as one of its attendees, or
 * taken off it, is told ("attendee", "attendee_off": POST and DELETE
 * /requests/{id}/attendees), kinds the outbox's CHECK must know: copied
 * whole into a table that does, as version 52 did. */
static const char migration_53[] =
    OUTBOX_WITH_KINDS("53", "'request','accepted','declined','booked','agenda',"
        "    'changed','introduced','message','reset','signin','approved','not_approved',"
        "    'invitation','announcement','video_link','attendee','attendee_off'");
/* Arrivals by day: a forum of two or three days has its desk check people
 * in each morning, and a meeting was held when its people came that day.
 * One row a person and day (the day in the forum's event's zone, as the
 * programme's sessions name days), its time the first arrival that day. The
 * arrivals kept on people (one a forum, the first) move here on the day
 * their time names in UTC: the zones of Europe's forums put an arrival
 * between 02:00 and 22:00 on the same day. */
static const char migration_54[] =
    "CREATE TABLE arrivals ("
    "  person_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  day TEXT NOT NULL,"                                         /* YYYY-MM-DD */
    "  at TEXT NOT NULL,"                                          /* UTC, ISO 8601 */
    "  PRIMARY KEY (person_rid, day)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX arrivals_day ON arrivals(day);"
    "INSERT INTO arrivals (person_rid, day, at)"
    "  SELECT rid, substr(checked_in_at, 1, 10), checked_in_at FROM people"
    "  WHERE checked_in_at IS NOT NULL;"
    "ALTER TABLE people DROP COLUMN checked_in_at;";
/* Version 55 (53 and 54 are other changes'): where a session of the
 * programme takes place (its room, "Hall A" / "Зала A") and a short word on
 * what it is, each in English and Ukrainian, NULL where none is given: what
 * the participants' programme page and agendas say of a talk. */
static const char migration_55[] =
    "ALTER TABLE sessions ADD COLUMN place TEXT CHECK (place IS NULL OR length(place) <= 200);"
    "ALTER TABLE sessions ADD COLUMN place_uk TEXT"
    "  CHECK (place_uk IS NULL OR length(place_uk) <= 200);"
    "ALTER TABLE sessions ADD COLUMN description TEXT"
    "  CHECK (description IS NULL OR length(description) <= 500);"
    "ALTER TABLE sessions ADD COLUMN description_uk TEXT"
    "  CHECK (description_uk IS NULL OR length(description_uk) <= 500);";
/* A table out of use for a while (broken, taken by a delegation, its part of
 * the hall shut): from an instant, until one (NULL: to the event's end),
 * both Unix seconds; no schedule run or move seats a meeting there then. */
static const char migration_56[] =
    "CREATE TABLE location_out_of_use ("
    "  rid INTEGER PRIMARY KEY,"
    "  location_rid INTEGER NOT NULL REFERENCES locations(rid) ON DELETE CASCADE,"
    "  from_at INTEGER NOT NULL,"
    "  until_at INTEGER CHECK (until_at IS NULL OR until_at > from_at),"
    "  set_by TEXT NOT NULL,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT;"
    "CREATE INDEX location_out_of_use_location ON location_out_of_use(location_rid)";

/* Version 57: a counter of changes to what an event's board reads (the
 * programme's b2b slots and tables, the tables' windows out of use,
 * interpreters, accepted requests, their attendees and people's ids,
 * absences, meetings: app/move.c), raised by triggers whoever writes, so a
 * server keeps each thread's board through the forum day's other writes
 * (check-ins, messages, outcomes, absence reports, mail, logins, pending
 * requests) and loads it again only when one of those changed. A request
 * counts while it is accepted (or becomes or stops being so); an update
 * counts only when a column the board reads changed. People come in
 * (a walk-in registered at the desk) without a board reading them. */
#define BOARD_BUMP " BEGIN UPDATE board_generation SET n = n + 1; END;"
#define BOARD_TRIGGER(table, name, when, changed)                                   \
    "CREATE TRIGGER " table "_board_" name " AFTER " when " ON " table " WHEN "        \
    changed BOARD_BUMP
#define BOARD_TRIGGERS(table, changed)                                              \
    BOARD_TRIGGER(table, "insert", "INSERT", "1")                                   \
    BOARD_TRIGGER(table, "delete", "DELETE", "1")                                   \
    BOARD_TRIGGER(table, "update", "UPDATE", changed)
static const char migration_57[] =
    "CREATE TABLE board_generation (n INTEGER NOT NULL) STRICT;"
    "INSERT INTO board_generation VALUES (0);"
    /* store_event_get's columns: every one but the schedule runs' counter */
    BOARD_TRIGGERS("events",
                   "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name"
                   " OR OLD.venue IS NOT NEW.venue OR OLD.timezone IS NOT NEW.timezone"
                   " OR OLD.starts_on IS NOT NEW.starts_on OR OLD.ends_on IS NOT NEW.ends_on"
                   " OR OLD.published_at IS NOT NEW.published_at"
                   " OR OLD.request_cap IS NOT NEW.request_cap OR OLD.name_uk IS NOT NEW.name_uk"
                   " OR OLD.venue_uk IS NOT NEW.venue_uk OR OLD.video_url IS NOT NEW.video_url")
    BOARD_TRIGGERS("sessions",
                   "OLD.id IS NOT NEW.id OR OLD.event_rid IS NOT NEW.event_rid"
                   " OR OLD.kind IS NOT NEW.kind")
    BOARD_TRIGGERS("slots", "1")
    BOARD_TRIGGERS("locations", "1")
    BOARD_TRIGGERS("location_out_of_use", "1")
    BOARD_TRIGGERS("interpreters", "1")
    BOARD_TRIGGER("requests", "insert", "INSERT", "NEW.status = 'accepted'")
    BOARD_TRIGGER("requests", "delete", "DELETE", "OLD.status = 'accepted'")
    BOARD_TRIGGER("requests", "update", "UPDATE",
                  "(OLD.status = 'accepted' OR NEW.status = 'accepted')"
                  " AND (OLD.status IS NOT NEW.status OR OLD.id IS NOT NEW.id"
                  " OR OLD.event_rid IS NOT NEW.event_rid OR OLD.from_rid IS NOT NEW.from_rid"
                  " OR OLD.to_rid IS NOT NEW.to_rid OR OLD.priority IS NOT NEW.priority)")
    BOARD_TRIGGERS("request_attendees", "1")
    /* a board names people by id only (their names, languages and booths
     * are read for each request it is marked for, not kept) */
    BOARD_TRIGGER("people", "delete", "DELETE", "1")
    BOARD_TRIGGER("people", "update", "UPDATE", "OLD.id IS NOT NEW.id")
    BOARD_TRIGGERS("unavailability",
                   "OLD.person_rid IS NOT NEW.person_rid OR OLD.slot_rid IS NOT NEW.slot_rid")
    /* not its calendar SEQUENCE, nor where an organiser moved it from */
    BOARD_TRIGGERS("meetings",
                   "OLD.id IS NOT NEW.id OR OLD.request_rid IS NOT NEW.request_rid"
                   " OR OLD.slot_rid IS NOT NEW.slot_rid OR OLD.location_rid IS NOT NEW.location_rid"
                   " OR OLD.locked IS NOT NEW.locked OR OLD.interpreter_rid IS NOT NEW.interpreter_rid"
                   " OR OLD.video_room IS NOT NEW.video_room");
#undef BOARD_TRIGGERS
#undef BOARD_TRIGGER
#undef BOARD_BUMP
/* Version 58: the forum's programme in each participant's calendar. A talk
 * or break (a session not of B2B meetings) is an entry of its own there: its
 * SEQUENCE rises whenever what the entry shows changes under it (its times
 * to the wall-clock second, its name, kind, place or description in either
 * language; its event's zone or venue), and one that leaves the programme
 * (removed, or made a B2B session) is kept as withdrawn, as it was then and
 * its SEQUENCE raised, so that a calendar that imported it marks it
 * cancelled; the same id back in the programme takes up the SEQUENCE above
 * the withdrawal's. A colleague taken off a meeting she attended keeps the
 * meeting as she last had it (its time, table and a SEQUENCE above hers) for
 * her calendar to mark it cancelled, while its other people keep it; her
 * joining it again takes the meeting's SEQUENCE above that. */
#define WALL_CLOCK(t)                                                              \
    "(substr(" t ", 1, 16) || CASE WHEN substr(" t ", 17, 1) = ':'"              \
    " THEN substr(" t ", 17, 3) ELSE ':00' END)"
#define SESSION_SHOWN(o, n)                                                        \
    WALL_CLOCK(o ".starts_at") " IS NOT " WALL_CLOCK(n ".starts_at")              \
    " OR " WALL_CLOCK(o ".ends_at") " IS NOT " WALL_CLOCK(n ".ends_at")           \
    " OR " o ".name IS NOT " n ".name OR " o ".name_uk IS NOT " n ".name_uk"        \
    " OR " o ".kind IS NOT " n ".kind OR " o ".place IS NOT " n ".place"            \
    " OR " o ".place_uk IS NOT " n ".place_uk"                                      \
    " OR " o ".description IS NOT " n ".description"                                \
    " OR " o ".description_uk IS NOT " n ".description_uk"
static const char migration_58[] =
    "ALTER TABLE sessions ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;"
    "CREATE TABLE withdrawn_sessions ("
    "  session_id TEXT PRIMARY KEY,"
    "  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,"
    "  name TEXT NOT NULL, name_uk TEXT, kind TEXT NOT NULL,"
    "  starts_at TEXT NOT NULL, ends_at TEXT NOT NULL,"
    "  place TEXT, place_uk TEXT, description TEXT, description_uk TEXT,"
    "  sequence INTEGER NOT NULL,"
    "  withdrawn_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") STRICT;"
    "CREATE INDEX withdrawn_sessions_event ON withdrawn_sessions(event_rid);"
    "CREATE TRIGGER sessions_changed AFTER UPDATE OF starts_at, ends_at, name, name_uk, kind,"
    "  place, place_uk, description, description_uk ON sessions"
    " WHEN " SESSION_SHOWN("OLD", "NEW")
    " BEGIN UPDATE sessions SET sequence = sequence + 1 WHERE rid = NEW.rid; END;"
    /* a talk made a B2B session leaves the programme; a B2B session made a
     * talk comes into it, above any withdrawal of its id */
    /* (a talk taken out of a draft programme, before the agendas are
     * published, leaves nothing: calendars only had it as tentative, and a
     * draft deleted is no cancellation to show everyone) */
    "CREATE TRIGGER sessions_left_programme AFTER UPDATE OF kind ON sessions"
    " WHEN OLD.kind <> 'b2b' AND NEW.kind = 'b2b' AND EXISTS (SELECT 1 FROM events"
    "  WHERE rid = OLD.event_rid AND published_at IS NOT NULL) BEGIN"
    "  INSERT OR REPLACE INTO withdrawn_sessions(session_id, event_rid, name, name_uk, kind,"
    "    starts_at, ends_at, place, place_uk, description, description_uk, sequence)"
    "  VALUES (OLD.id, OLD.event_rid, OLD.name, OLD.name_uk, OLD.kind, OLD.starts_at,"
    "    OLD.ends_at, OLD.place, OLD.place_uk, OLD.description, OLD.description_uk,"
    "    OLD.sequence + 1);"
    " END;"
    "CREATE TRIGGER sessions_withdrawn AFTER DELETE ON sessions"
    " WHEN OLD.kind <> 'b2b' AND EXISTS (SELECT 1 FROM events WHERE rid = OLD.event_rid"
    "  AND published_at IS NOT NULL) BEGIN"
    "  INSERT OR REPLACE INTO withdrawn_sessions(session_id, event_rid, name, name_uk, kind,"
    "    starts_at, ends_at, place, place_uk, description, description_uk, sequence)"
    "  VALUES (OLD.id, OLD.event_rid, OLD.name, OLD.name_uk, OLD.kind, OLD.starts_at,"
    "    OLD.ends_at, OLD.place, OLD.place_uk, OLD.description, OLD.description_uk,"
    "    OLD.sequence + 1);"
    " END;"
    "CREATE TRIGGER sessions_back_in_programme AFTER INSERT ON sessions"
    " WHEN NEW.kind <> 'b2b' AND EXISTS (SELECT 1 FROM withdrawn_sessions"
    "  WHERE session_id = NEW.id) BEGIN"
    "  UPDATE sessions SET sequence = max(sequence,"
    "    (SELECT sequence + 1 FROM withdrawn_sessions WHERE session_id = NEW.id))"
    "  WHERE rid = NEW.rid;"
    "  DELETE FROM withdrawn_sessions WHERE session_id = NEW.id;"
    " END;"
    "CREATE TRIGGER sessions_made_programme AFTER UPDATE OF kind ON sessions"
    " WHEN NEW.kind <> 'b2b' AND EXISTS (SELECT 1 FROM withdrawn_sessions"
    "  WHERE session_id = NEW.id) BEGIN"
    "  UPDATE sessions SET sequence = max(sequence,"
    "    (SELECT sequence + 1 FROM withdrawn_sessions WHERE session_id = NEW.id))"
    "  WHERE rid = NEW.rid;"
    "  DELETE FROM withdrawn_sessions WHERE session_id = NEW.id;"
    " END;"
    /* every entry is read in the event's zone and names its venue */
    "CREATE TRIGGER events_changed_sessions AFTER UPDATE OF timezone, venue, venue_uk,"
    "  published_at ON events"
    " WHEN OLD.timezone IS NOT NEW.timezone OR OLD.venue IS NOT NEW.venue"
    "  OR OLD.venue_uk IS NOT NEW.venue_uk"
    /* published or withdrawn: its talks go from tentative to confirmed */
    "  OR (OLD.published_at IS NULL) <> (NEW.published_at IS NULL)"
    " BEGIN UPDATE sessions SET sequence = sequence + 1 WHERE event_rid = NEW.rid; END;"
    "CREATE TABLE withdrawn_attendance ("
    "  request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE CASCADE,"
    "  person_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  meeting_id TEXT NOT NULL,"
    "  starts_at TEXT NOT NULL, ends_at TEXT NOT NULL,"
    "  location TEXT,"
    "  sequence INTEGER NOT NULL,"
    "  withdrawn_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  PRIMARY KEY (request_rid, person_rid)"
    ") STRICT;"
    "CREATE INDEX withdrawn_attendance_person ON withdrawn_attendance(person_rid);"
    /* her meeting as it is, or as it was withdrawn (she held it cancelled) */
    "CREATE TRIGGER attendee_withdrawn AFTER DELETE ON request_attendees"
    " WHEN EXISTS (SELECT 1 FROM requests WHERE rid = OLD.request_rid)"
    "  AND EXISTS (SELECT 1 FROM people WHERE rid = OLD.person_rid) BEGIN"
    "  INSERT OR REPLACE INTO withdrawn_attendance(request_rid, person_rid, meeting_id,"
    "    starts_at, ends_at, location, sequence)"
    "  SELECT OLD.request_rid, OLD.person_rid, m.id, t.starts_at, t.ends_at,"
    "    (SELECT name FROM locations WHERE rid = m.location_rid), m.sequence + 1"
    "  FROM meetings m JOIN slots t ON t.rid = m.slot_rid WHERE m.request_rid = OLD.request_rid"
    "  UNION ALL SELECT OLD.request_rid, OLD.person_rid, w.meeting_id, w.starts_at, w.ends_at,"
    "    w.location, w.sequence FROM withdrawn_meetings w WHERE w.request_rid = OLD.request_rid"
    "   AND NOT EXISTS (SELECT 1 FROM meetings WHERE request_rid = OLD.request_rid);"
    " END;"
    "CREATE TRIGGER attendee_back AFTER INSERT ON request_attendees"
    " WHEN EXISTS (SELECT 1 FROM withdrawn_attendance"
    "  WHERE request_rid = NEW.request_rid AND person_rid = NEW.person_rid) BEGIN"
    "  UPDATE meetings SET sequence = max(sequence, (SELECT sequence + 1 FROM"
    "    withdrawn_attendance WHERE request_rid = NEW.request_rid"
    "    AND person_rid = NEW.person_rid)) WHERE request_rid = NEW.request_rid;"
    "  DELETE FROM withdrawn_attendance"
    "  WHERE request_rid = NEW.request_rid AND person_rid = NEW.person_rid;"
    " END;";
#undef SESSION_SHOWN
#undef WALL_CLOCK
/* Version 60: the organisers remind the people whose meeting requests wait
 * for their answer (POST /console/events/{id}/remind-to-answer), and mail
 * each person her meetings of a day of the forum (POST
 * /console/events/{id}/day-mail): kinds the outbox's CHECK must know, the
 * outbox copied whole into a table that does, as 53; and when each day's
 * mail went, by whom, to how many, so that a second send is a choice. */
static const char migration_60[] =
    OUTBOX_WITH_KINDS("60", "'request','accepted','declined','booked','agenda',"
        "    'changed','introduced','message','reset','signin','approved','not_approved',"
        "    'invitation','announcement','video_link','attendee','attendee_off',"
        "'to_answer','day'") ";"
    "CREATE TABLE day_mails ("
    "  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,"
    "  day TEXT NOT NULL CHECK (length(day) = 10),"
    "  mailed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  mailed_by TEXT NOT NULL,"
    "  people INTEGER NOT NULL CHECK (people >= 0),"
    "  PRIMARY KEY (event_rid, day)"
    ") STRICT, WITHOUT ROWID;"
    /* who was last reminded of her requests to answer at an event, when
       (not twice within a day, each event apart) */
    "CREATE TABLE answer_reminders ("
    "  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,"
    "  person_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  reminded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  PRIMARY KEY (event_rid, person_rid)"
    ") STRICT, WITHOUT ROWID";
/* Version 64: when an event stops taking meeting requests from its
 * participants (its wall clock "YYYY-MM-DDTHH:MM" in the event's zone, as
 * its sessions' times are; NULL: open), so that the organisers' schedule run
 * works on a list that no longer grows. Not among what the board's trigger
 * (57) watches: no board reads it. */
static const char migration_64[] =
    "ALTER TABLE events ADD COLUMN requests_close TEXT"
    "  CHECK (requests_close IS NULL OR length(requests_close) = 16)";

/* Version 62: each day's meetings mailed by themselves at a time the
 * organisers set (app/reminders.h app_day_mail_due): on the eve of each
 * day or on its morning, at HH:MM of the event's zone; none (NULL) by
 * default. Both set or neither (the app keeps them so). */
static const char migration_62[] =
    "ALTER TABLE events ADD COLUMN day_mail_on TEXT"
    "  CHECK (day_mail_on IS NULL OR day_mail_on IN ('eve','morning'));"
    "ALTER TABLE events ADD COLUMN day_mail_at TEXT"
    "  CHECK (day_mail_at IS NULL OR (day_mail_at GLOB '[0-2][0-9]:[0-5][0-9]'"
    "   AND day_mail_at < '24:00'))";

/* Version 61: the organisers ask the people of meetings that have begun
 * what they led to (POST /console/events/{id}/ask-outcomes), a kind the
 * outbox's CHECK must know (copied whole, as 60); and who was last asked
 * at an event, when (not twice within STORE_OUTCOMES_ASKED_HOURS, each
 * event apart). */
static const char migration_61[] =
    OUTBOX_WITH_KINDS("61", "'request','accepted','declined','booked','agenda',"
        "    'changed','introduced','message','reset','signin','approved','not_approved',"
        "    'invitation','announcement','video_link','attendee','attendee_off',"
        "'to_answer','day','outcomes'") ";"
    "CREATE TABLE outcome_asks ("
    "  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,"
    "  person_rid INTEGER NOT NULL REFERENCES people(rid) ON DELETE CASCADE,"
    "  asked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  PRIMARY KEY (event_rid, person_rid)"
    ") STRICT, WITHOUT ROWID";

/* Version 63: a counter of changes to what a person's agenda reads (as 57's
 * of a board), raised by triggers whoever writes, so that a server keeps the
 * agendas it rendered (JSON, the calendar file and feed: http/cache.c)
 * through the forum day's other writes: check-ins, messages, outcomes,
 * absence reports, mail sent, logins, walk-ins, pending requests and their
 * answers while no meeting is theirs. What the agendas read (store/agenda.c:
 * store_agenda_each, the withdrawn meetings, those a colleague was taken off,
 * the programme of a calendar; store_person_ui_language): the request's id,
 * event, people, status, message, who cancelled it and whether the
 * organisers made it, once a meeting, a withdrawn one or a colleague taken
 * off it is the request's (before that it is on no agenda); its attendees;
 * the meeting's every column but updated_at; the meetings withdrawn, the
 * colleagues taken off and the talks withdrawn, whole; people's ids, names,
 * organisations and interface language; organisations' ids, names in both
 * languages and countries; the event's ids, names and venues in both
 * languages, zone, publication and video service; the sessions' ids, events,
 * names, kinds, times, places, descriptions and calendar SEQUENCE; slots'
 * times and sessions; tables' and interpreters' names (and an interpreter's
 * languages). An insert counts where a row can be on an agenda at once (a
 * meeting, a talk, an attendee, a withdrawal), a delete always. The dashboard's
 * meeting counts and outcome figures read a part of it too (http/cache.h).
 * A second counter is raised by every change to what the meetings led to
 * (meeting_outcomes' meeting, person and outcome, not the note), for the
 * dashboard's outcome figures. */
#define AGENDA_BUMP " BEGIN UPDATE agenda_generation SET n = n + 1; END;"
#define AGENDA_TRIGGER(table, name, when, changed)                                  \
    "CREATE TRIGGER " table "_agenda_" name " AFTER " when " ON " table " WHEN "      \
    changed AGENDA_BUMP
#define AGENDA_TRIGGERS(table, inserted, changed)                                   \
    AGENDA_TRIGGER(table, "insert", "INSERT", inserted)                             \
    AGENDA_TRIGGER(table, "delete", "DELETE", "1")                                  \
    AGENDA_TRIGGER(table, "update", "UPDATE", changed)
/* the request's rows that put it on an agenda */
#define ON_AN_AGENDA(r)                                                             \
    "(EXISTS (SELECT 1 FROM meetings WHERE request_rid = " r ".rid)"                \
    " OR EXISTS (SELECT 1 FROM withdrawn_meetings WHERE request_rid = " r ".rid)"   \
    " OR EXISTS (SELECT 1 FROM withdrawn_attendance WHERE request_rid = " r ".rid))"
static const char migration_63[] =
    "CREATE TABLE agenda_generation (n INTEGER NOT NULL) STRICT;"
    "INSERT INTO agenda_generation VALUES (0);"
    "CREATE TABLE outcome_generation (n INTEGER NOT NULL) STRICT;"
    "INSERT INTO outcome_generation VALUES (0);"
    AGENDA_TRIGGER("requests", "delete", "DELETE", "1")
    AGENDA_TRIGGER("requests", "update", "UPDATE",
                   "(OLD.id IS NOT NEW.id OR OLD.event_rid IS NOT NEW.event_rid"
                   " OR OLD.from_rid IS NOT NEW.from_rid OR OLD.to_rid IS NOT NEW.to_rid"
                   " OR OLD.status IS NOT NEW.status OR OLD.message IS NOT NEW.message"
                   " OR OLD.cancelled_by IS NOT NEW.cancelled_by"
                   " OR OLD.introduced IS NOT NEW.introduced) AND " ON_AN_AGENDA("NEW"))
    AGENDA_TRIGGERS("request_attendees", "1", "1")
    AGENDA_TRIGGERS("meetings", "1",
                    "OLD.id IS NOT NEW.id OR OLD.request_rid IS NOT NEW.request_rid"
                    " OR OLD.slot_rid IS NOT NEW.slot_rid"
                    " OR OLD.location_rid IS NOT NEW.location_rid OR OLD.locked IS NOT NEW.locked"
                    " OR OLD.sequence IS NOT NEW.sequence"
                    " OR OLD.interpreter_rid IS NOT NEW.interpreter_rid"
                    " OR OLD.moved_from_start IS NOT NEW.moved_from_start"
                    " OR OLD.moved_from_location IS NOT NEW.moved_from_location"
                    " OR OLD.video_room IS NOT NEW.video_room"
                    " OR OLD.moved_from_online IS NOT NEW.moved_from_online")
    AGENDA_TRIGGERS("withdrawn_meetings", "1", "1")
    AGENDA_TRIGGERS("withdrawn_attendance", "1", "1")
    AGENDA_TRIGGERS("withdrawn_sessions", "1", "1")
    AGENDA_TRIGGER("people", "delete", "DELETE", "1")
    AGENDA_TRIGGER("people", "update", "UPDATE",
                   "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name"
                   " OR OLD.org_rid IS NOT NEW.org_rid OR OLD.ui_language IS NOT NEW.ui_language")
    AGENDA_TRIGGER("organisations", "delete", "DELETE", "1")
    AGENDA_TRIGGER("organisations", "update", "UPDATE",
                   "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name"
                   " OR OLD.name_uk IS NOT NEW.name_uk OR OLD.country IS NOT NEW.country")
    AGENDA_TRIGGER("events", "delete", "DELETE", "1")
    AGENDA_TRIGGER("events", "update", "UPDATE",
                   "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name"
                   " OR OLD.name_uk IS NOT NEW.name_uk OR OLD.venue IS NOT NEW.venue"
                   " OR OLD.venue_uk IS NOT NEW.venue_uk OR OLD.timezone IS NOT NEW.timezone"
                   " OR OLD.published_at IS NOT NEW.published_at"
                   " OR OLD.video_url IS NOT NEW.video_url")
    AGENDA_TRIGGERS("sessions", "1",
                    "OLD.id IS NOT NEW.id OR OLD.event_rid IS NOT NEW.event_rid"
                    " OR OLD.name IS NOT NEW.name OR OLD.name_uk IS NOT NEW.name_uk"
                    " OR OLD.kind IS NOT NEW.kind OR OLD.starts_at IS NOT NEW.starts_at"
                    " OR OLD.ends_at IS NOT NEW.ends_at OR OLD.place IS NOT NEW.place"
                    " OR OLD.place_uk IS NOT NEW.place_uk"
                    " OR OLD.description IS NOT NEW.description"
                    " OR OLD.description_uk IS NOT NEW.description_uk"
                    " OR OLD.sequence IS NOT NEW.sequence")
    AGENDA_TRIGGER("slots", "delete", "DELETE", "1")
    AGENDA_TRIGGER("slots", "update", "UPDATE",
                   "OLD.session_rid IS NOT NEW.session_rid OR OLD.starts_at IS NOT NEW.starts_at"
                   " OR OLD.ends_at IS NOT NEW.ends_at")
    AGENDA_TRIGGER("locations", "delete", "DELETE", "1")
    AGENDA_TRIGGER("locations", "update", "UPDATE", "OLD.name IS NOT NEW.name")
    AGENDA_TRIGGER("interpreters", "delete", "DELETE", "1")
    AGENDA_TRIGGER("interpreters", "update", "UPDATE",
                   "OLD.name IS NOT NEW.name OR OLD.lang_a IS NOT NEW.lang_a"
                   " OR OLD.lang_b IS NOT NEW.lang_b")
    "CREATE TRIGGER meeting_outcomes_figures_insert AFTER INSERT ON meeting_outcomes"
    " BEGIN UPDATE outcome_generation SET n = n + 1; END;"
    "CREATE TRIGGER meeting_outcomes_figures_delete AFTER DELETE ON meeting_outcomes"
    " BEGIN UPDATE outcome_generation SET n = n + 1; END;"
    "CREATE TRIGGER meeting_outcomes_figures_update AFTER UPDATE ON meeting_outcomes"
    " WHEN OLD.request_rid IS NOT NEW.request_rid OR OLD.person_rid IS NOT NEW.person_rid"
    " OR OLD.outcome IS NOT NEW.outcome"
    " BEGIN UPDATE outcome_generation SET n = n + 1; END;";
#undef ON_AN_AGENDA
#undef AGENDA_TRIGGERS
#undef AGENDA_TRIGGER
#undef AGENDA_BUMP
/* Version 65: the organisers write to the people their list shows (POST
 * /console/people/mail): a kind the outbox's CHECK must know (copied
 * whole, as 61), and each such send's digest (its filters and words) and
 * time, so that a second identical send within a minute, a double click,
 * is refused unless asked for again (who sent it is the audit line's: no
 * address here for an erasure to forget). */
static const char migration_65[] =
    OUTBOX_WITH_KINDS("65", "'request','accepted','declined','booked','agenda',"
        "    'changed','introduced','message','reset','signin','approved','not_approved',"
        "    'invitation','announcement','video_link','attendee','attendee_off',"
        "'to_answer','day','outcomes','organisers'") ";"
    "CREATE TABLE people_mailings ("
    "  rid INTEGER PRIMARY KEY,"
    "  digest TEXT NOT NULL CHECK (length(digest) = 64),"
    "  mailed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  people INTEGER NOT NULL CHECK (people >= 0)"
    ") STRICT;"
    "CREATE INDEX people_mailings_digest ON people_mailings(digest, mailed_at)";

/* Version 66: when an event's day mail setting was last changed (the
 * forum's clock, seconds since 1970): a day whose time had passed by then
 * is not sent by itself, so that a setting saved at 20:00 ("the evening
 * before at 18:00") does not mail everyone that minute. 0 for a setting
 * made before: as it was. */
static const char migration_66[] =
    "ALTER TABLE events ADD COLUMN day_mail_from INTEGER NOT NULL DEFAULT 0";

const struct store_migration store_migrations[] = {
    {1, "forum data model", migration_1},
    {2, "CPV classifier", migration_2},
    {3, "sessions, login failures, feed tokens, contacts", migration_3},
    {4, "joint procurement: demands, funders, supplies", migration_4},
    {5, "interpreters", migration_5},
    {6, "a counter of changes to what the partner engine indexes", migration_6},
    {7, "the organiser's glossary", migration_7},
    {8, "meetings' calendar SEQUENCE raised when their slot, table or zone changes", migration_8},
    {9, "a person's interface language", migration_9},
    {10, "meetings' calendar SEQUENCE raised when their venue changes, not when a slot "
         "time is rewritten unchanged", migration_10},
    {11, "a counter of changes to an event's meetings, for schedule runs", migration_11},
    {12, "a supply's share of Ukrainian components", migration_12},
    {13, "device cookies: logins judged by the browser's own failures", migration_13},
    {14, "the schedule runs' change counter no longer kept", migration_14},
    {15, "invitations: a login's one-time link to choose its password", migration_15},
    {16, "a counter of changes to what a procurement plan reads", migration_16},
    {17, "demands and supplies indexed by organisation", migration_17},
    {18, "who marked a person away in a slot", migration_18},
    {19, "the last schedule run's reasons for what it left unscheduled", migration_19},
    {20, "who cancelled a request", migration_20},
    {21, "the last schedule run's figures and who ran it", migration_21},
    {22, "what meetings led to, as their people say", migration_22},
    {23, "the programme's names and venue in Ukrainian", migration_23},
    {24, "meetings withdrawn from the agendas, for calendars to mark cancelled", migration_24},
    {25, "where an organiser moved a meeting from", migration_25},
    {26, "the organisers' announcements to every participant", migration_26},
    {27, "a participant's word that her partner is not at the table", migration_27},
    {28, "messages between the people of a meeting request", migration_28},
    {29, "the time a requester proposes for her request's meeting", migration_29},
    {30, "requests the organisers made: their introductions", migration_30},
    {32, "the code and values of a schedule run's reasons", migration_32},
    {33, "the mail outbox, whether the forum sends mail, a person's opt-out", migration_33},
    {34, "the mail's new kinds: agendas, changes, introductions, messages", migration_34},
    {36, "applications to take part, sent on the forum's site, and whether it takes them",
     migration_36},
    {37, "mail that carries a sign-in link, wiped once sent; a declined application's note",
     migration_37},
    {38, "a person erased at her request: her row a tombstone", migration_38},
    {40, "a hybrid forum: who takes part online, the event's video service, meetings' rooms",
     migration_40},
    {41, "where an organiser moved a meeting from may be online", migration_41},
    {43, "the message a mail told of: one mail per thread until it is read", migration_43},
    {44, "the invitations mailed: a kind of mail that carries a sign-in link", migration_44},
    {47, "an announcement shown from a time, until a time", migration_47},
    {50, "announcements mailed: a kind of mail the outbox takes", migration_50},
    {51, "the unit a supply counts in", migration_51},
    {52, "the link to join online meetings mailed when the video service is named",
     migration_52},
    {53, "a colleague added to a meeting or taken off it is mailed", migration_53},
    {54, "arrivals by day: the desk checks people in each day of the forum", migration_54},
    {55, "a session's place and short description, in English and Ukrainian", migration_55},
    {56, "a table out of use for a while", migration_56},
    {57, "a counter of changes to what an event's board reads", migration_57},
    {58, "the forum's programme in calendars; a colleague taken off a meeting, for hers",
     migration_58},
    {60, "reminders of requests to answer, and each day's meetings, are mailed", migration_60},
    {61, "the people of meetings begun are asked by mail what they led to", migration_61},
    {62, "each day's meetings mailed by themselves, on the eve or the morning", migration_62},
    {63, "counters of changes to what agendas read, and to what the meetings led to",
     migration_63},
    {64, "when an event stops taking meeting requests", migration_64},
    {65, "the organisers write to the people their list shows, by mail", migration_65},
    {66, "a day mail setting acts on the days still to come when it was saved", migration_66},
    /* 59 was never used (branches worked side by side): the next is 67. A
       database's version is its last migration's, so a number below it is
       never run: a new migration always goes at the end. */
};

const int store_migrations_n = sizeof store_migrations / sizeof store_migrations[0];
