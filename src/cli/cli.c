/* The command table and the help and usage texts. */
#include "cli/cli.h"
#include "app/fields.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct cli_command cli_commands[] = {
    {"init", cli_cmd_init, "dfnc [--db PATH] init",
     "Creates the database, or migrates it to this version's schema. Every other\n"
     "command but check also migrates on open; init says what it did."},
    {"import", cli_cmd_import,
     "dfnc import organisations|people|capabilities|requests|interpreters|availability|events|sessions|demands|supplies FILE [--encoding E] | glossary FILE | cpv FILE.json [--lang en|uk] | cordis --projects F --participations F",
     "Imports a CSV file (header row, RFC 4180 quoting, every row as many fields\n"
     "as the header: quote a field holding the delimiter) in one transaction.\n"
     "The delimiter is the header line's: comma, semicolon (Excel in most European\n"
     "locales) or tab; header names are read with letter case and spaces aside;\n"
     "empty rows (,,,,,) are skipped. The file is UTF-8, or Excel's plain \"CSV\" in\n"
     "Windows-1251 (a Ukrainian or Russian Windows) or Windows-1252 (a Western\n"
     "European one): a file that is not UTF-8 is read as one of these when its\n"
     "words say so clearly (Cyrillic words, or accented letters among Latin ones),\n"
     "and the summary says \"read as Windows-1251\". --encoding utf-8,\n"
     "windows-1251 or windows-1252 names the encoding instead (auto, the default,\n"
     "guesses). A file no guess is sure of (its words do not agree, it mixes UTF-8\n"
     "with other bytes), UTF-16 and text holding U+FFFD are refused, saying how to\n"
     "save them as CSV UTF-8. A bad row is named FILE:LINE: what is wrong, every\n"
     "one of them (the first 20 by line), and then nothing is written (exit 3); a\n"
     "file malformed beyond a row (an unterminated quote, not UTF-8, a NUL byte, a\n"
     "byte the code page lacks) is read no further. Rows are\n"
     "matched by id: a second import updates them and says how many were added and\n"
     "updated. Ids are letters A-Z a-z, digits, '.', '_', '-' (not . or ..), as the\n"
     "API's paths take them; no field may hold a Unicode bidi control, nor a\n"
     "control character but tab and line breaks (a terminal escape, a bell), nor\n"
     "a line break in a name, title, city, email or unit.\n"
     "  organisations  id,name,country,kind,sme,city,website,description\n"
     "                 (country ISO 3166 alpha-2, or XK for Kosovo as the EU writes\n"
     "                 it; kind company|research|government|association|other;\n"
     "                 sme yes|no: yes/no, true/false, y/n, 1/0 or так/ні in any\n"
     "                 letter case, empty is no; website http(s)://..., a bare host\n"
     "                 like www.acme.de read as http://; optional name_uk,\n"
     "                 description_uk)\n"
     "  people         id,organisation,name,email,title,languages (like en;uk;fr;\n"
     "                 email one person's, letter case aside: no two ids share one)\n"
     "  capabilities   organisation,direction,cpv,title,description (direction\n"
     "                 offer|need; cpv like 35613000-4; optional confidential\n"
     "                 yes|no, written as sme)\n"
     "  requests       id,event,from,to,priority,status,message (from/to are people;\n"
     "                 status pending|accepted|declined|cancelled; priority 0-9).\n"
     "                 An existing request keeps its event and people; one taken\n"
     "                 out of accepted loses its meeting, each published one named\n"
     "                 on stderr (warning: FILE:LINE) for you to tell its people\n"
     "  interpreters   id,event,name,pair,session (pair like uk-en; session empty for\n"
     "                 every B2B session of the event, or one session's id)\n"
     "  availability   person,event,away (away: the B2B slot ids of the event the\n"
     "                 person cannot meet in, like t-1;t-2; empty for none). A row\n"
     "                 replaces the person's away slots at that event, one row each;\n"
     "                 meetings already in them stay (dfnc schedule moves them)\n"
     "  events         id,name,starts_on,ends_on, optional venue,timezone,\n"
     "                 request_cap,name_uk,venue_uk,video_url,requests_close,\n"
     "                 day_mail_on,day_mail_at (requests_close: YYYY-MM-DDTHH:MM on\n"
     "                 the event's clock, when participants' meeting requests stop\n"
     "                 being taken; empty: open; day_mail_on eve|morning at\n"
     "                 day_mail_at HH:MM, each day's meetings mailed by themselves;\n"
     "                 an export of events reads back; published_at is not read:\n"
     "                 publish in the console)\n"
     "  sessions       event,id,day,start,end,kind,name, optional name_uk,\n"
     "                 slot_minutes,slot_pause,slots (start, end HH:MM on the event's\n"
     "                 clock; kind b2b|conference|break; a b2b session is cut into\n"
     "                 slots of slot_minutes, slot_pause apart; slots names them,\n"
     "                 like s1-01;s1-02, or empty keeps the stored ids as the console\n"
     "                 does; another kind is not cut and keeps what slots it has),\n"
     "                 place,place_uk,description,description_uk (where it takes\n"
     "                 place and a short word on it, shown to participants).\n"
     "                 Meetings moved or unscheduled are counted, each\n"
     "                 published one moved named on stderr (warning: FILE:LINE)\n"
     "  demands        id,buyer,country,cpv,description,quantity,unit,deliver_by,\n"
     "                 max_unit_price_eur,funder_countries (buyer: an organisation,\n"
     "                 country: the buyer's; deliver_by YYYY-MM-DD; funders like DK;SE)\n"
     "  supplies       id,organisation,cpv,description,capacity_per_month,\n"
     "                 unit_price_eur,lead_time_days,production_country,eu_content_pct,\n"
     "                 optional ua_content_pct (components from the EU and associated\n"
     "                 countries, and from Ukraine, in % of their cost) and unit (what\n"
     "                 capacity and price count, like a demand's; empty: any unit)\n"
     "  cpv FILE.json  the Prozorro CPV classifier {\"code\": \"label\"}; run it with the\n"
     "                 English and the Ukrainian file to have both labels (--lang en|uk\n"
     "                 says which it is; without it, Cyrillic labels are read as uk)\n"
     "  glossary FILE  the forum's own English-Ukrainian words for partner matching,\n"
     "                 beside dfnc's (data/glossary_en_uk.tsv): one pair a line,\n"
     "                 English word TAB Ukrainian word [TAB not]; \"not\" removes a\n"
     "                 translation. Replaces the previous glossary file whole.\n"
     "  cordis --projects F --participations F\n"
     "                 CORDIS open-data projects and participations: organisations\n"
     "                 (id = orgID) and their track record for partner matching"},
    {"export", cli_cmd_export,
     "dfnc export organisations|people|events|sessions|meetings|demands|supplies FILE|- [--format csv|json|xlsx] | follow-up FILE|- [--event ID] [--format ...] | glossary FILE|-",
     "Writes a table as CSV, JSON or an Excel workbook (.xlsx) to FILE, or to\n"
     "standard output with -. Organisations and people come in their import\n"
     "columns; events as\n"
     "id,name,venue,timezone,starts_on,ends_on,request_cap,published_at,\n"
     "name_uk,venue_uk,video_url,requests_close,day_mail_on,day_mail_at; sessions in their import columns (slots: their ids);\n"
     "meetings as id,request,event,start,end,location,people,locked,names,\n"
     "organisations,event_name,session_name,requester_arrived,addressee_arrived,\n"
     "requester_outcome,addressee_outcome (the attendees' names and\n"
     "organisations' names, \"; \" between, in the order of people; then the\n"
     "event's and the session's names; then whether each side checked in, 1 or\n"
     "0, and what each said the meeting led to, never a note), start and end in\n"
     "ISO 8601 with a UTC offset. Demands and supplies come in their import\n"
     "columns (supplies' optional unit and ua_content_pct last), so that\n"
     "dfnc import demands|supplies reads them back unchanged.\n"
     "follow-up: the people of an event (without --event the event held: the one\n"
     "under way, in its own zone, else the one that ended last, else the next) with a\n"
     "meeting, for the organisers' mail merge after the forum, as person,name,\n"
     "email,organisation_name,language,arrived,meetings,meetings_held,partners,\n"
     "partner_organisations,partner_emails,outcomes (the partners of other\n"
     "organisations met at the meetings held, \"; \" between, with what the\n"
     "person said each led to). In\n"
     "CSV a value a spreadsheet would run as a formula (= + - @ first) is written\n"
     "behind an apostrophe, which imports drop.\n"
     "xlsx gives the CSV's columns in one sheet (header row frozen, with a\n"
     "filter), every value text or a whole number, never a formula; Excel opens it\n"
     "in UTF-8 where it would read a CSV file in the Windows code page. FILE is\n"
     "replaced whole once the export is written: one that fails midway leaves it\n"
     "as it was.\n"
     "The organiser's glossary comes out in its import format (tab-separated)."},
    {"backup", cli_cmd_backup, "dfnc backup FILE",
     "Writes a consistent copy of the whole database to FILE, a new file (one\n"
     "that exists is never overwritten), and checks the copy. A running server\n"
     "may go on serving and writing meanwhile: the copy holds what was saved\n"
     "when it began. To restore, serve the copy: dfnc --db FILE serve."},
    {"check", cli_cmd_check, "dfnc check [--json]",
     "Reads every stored row and reports each value today's dfnc would refuse as\n"
     "input: data an older version stored before a rule existed is never judged\n"
     "again otherwise. One line per problem: the row's kind (organisation, person,\n"
     "capability as ORG/DIRECTION/CPV, event, session, slot, table, interpreter,\n"
     "request, meeting, outcome as REQUEST/PERSON, demand, supply, user, glossary as\n"
     "line N), its id, the field and the sentence an import or the API gives (a\n"
     "website without http://, a time zone that does not exist, a bidi control or a\n"
     "terminal escape in a name, a demand whose country is not its buyer's, a CPV\n"
     "code not in the loaded classifier...); a meeting in a slot or at a table of\n"
     "another event, or of a request no longer accepted; a person or a table in two\n"
     "meetings at once; a meeting outcome of a request that is gone, of a kind dfnc\n"
     "does not know, with a note too long or holding a control character (no note\n"
     "is shown), or said by a person not at the meeting; an organiser's glossary\n"
     "line partner questions leave out (it no longer fits beside dfnc's own\n"
     "glossary); a login whose password hash is below today's argon2id cost (rehash\n"
     "by resetting the password: dfnc user password; no hash is shown); SQLite's\n"
     "integrity_check and foreign_key_check; the schema version.\n"
     "Warnings (a request between two people of one organisation, a schema older\n"
     "than this dfnc's: read from a copy migrated in memory) do not change the exit\n"
     "code.\n"
     "Then a summary: rows read, problems and warnings by kind. --json gives one\n"
     "object with the same facts. Exit 0 when there is no problem, 3 when there is.\n"
     "It only reads (the database opened read-only; nothing is written to it), and a\n"
     "server may serve and write meanwhile: it reads one state of the database."},
    {"stats", cli_cmd_stats, "dfnc stats [--json]",
     "Prints the forum figures: participants, organisations, countries, EU and\n"
     "Ukrainian organisations, capabilities, requests (accepted, pending, declined),\n"
     "scheduled meetings and, once demands or supplies are imported, joint\n"
     "procurement."},
    {"report", cli_cmd_report, "dfnc report [--event ID] [--format text|json|csv|xlsx] [--output FILE]",
     "The organisers' report of an event (without --event the event held: the one\n"
     "under way, in its own zone, else the one that ended last, else the next) for the\n"
     "forum's funders: organisations and people by country, by side (EU/EEA,\n"
     "Ukraine, other), by kind and SMEs, with how many checked in; the event's\n"
     "meeting requests (made, accepted, declined, cancelled, pending); its meetings\n"
     "(scheduled, published, EU-Ukraine); what the meetings led to as their people\n"
     "reported it (all and EU-Ukraine; a meeting its two sides judged differently\n"
     "counts under both) and each country pair's meetings and outcomes (PL-UA: the\n"
     "codes in alphabetical order, Ukraine's last); and the meetings by capability\n"
     "area (where one side offers and the other needs a CPV code of the area: its\n"
     "division, in division 35 its group; \"other\" when none) and by pair of\n"
     "organisation kinds, with how many were held and led somewhere. Counts\n"
     "only: no person is named and no one's note is read. Until an outcome is\n"
     "reported it says \"no outcomes reported yet\" instead of empty tables.\n"
     "text (the default) prints to standard output; json gives one object; csv and\n"
     "xlsx give rows section,key,figure,value (a CSV value a spreadsheet would run\n"
     "as a formula behind an apostrophe, as exports write it). --output FILE (not\n"
     "for text) writes FILE whole once the report is, or standard output with -\n"
     "(an xlsx workbook goes to a terminal only so: its bytes would garble it).\n"
     "An unknown event exits 3."},
    {"badges", cli_cmd_badges, "dfnc badges [--event ID] --output FILE [PERSON...]",
     "The name badges of the forum's people as a PDF to print and cut: four A6\n"
     "badges to an A4 page, each with the person's name as large as fits, their\n"
     "position, organisation and country, a band of their side (EU/EEA blue,\n"
     "Ukraine yellow, other grey), the event (without --event the forum's), and a\n"
     "QR code of their id: a scanner at the check-in desk types it into the\n"
     "check-in page's search. Everyone by name, or the PERSON ids given, in that\n"
     "order (a walk-in's badge). FILE is replaced whole once every badge is\n"
     "drawn; - writes to standard output (not to a terminal). An unknown person\n"
     "or event exits 3 and writes nothing."},
    {"agendas", cli_cmd_agendas,
     "dfnc agendas [--event ID] [--skip-empty] --output FILE [PERSON...]",
     "Participants' agendas on paper as one A4 PDF, for the desk to hand out at\n"
     "check-in: each person's from a page of its own (more when long), with the\n"
     "event, her name and organisation, then her meetings at the event (without\n"
     "--event the forum's) in time order under a heading for each day: the time at\n"
     "the event's clock, the table (or online and the link to join), everyone else\n"
     "at it with their organisation and country, the interpreter when one is\n"
     "booked, and the programme's session. In her language (the one her mail is\n"
     "in), Cyrillic in DejaVu. Everyone by name, or the PERSON ids given, in that\n"
     "order. Someone without a meeting there gets a page saying so, or is left out\n"
     "with --skip-empty. Only a published event's agendas, as participants see\n"
     "them: an unpublished event, or an unknown person or event, exits 3 and\n"
     "writes nothing. FILE is replaced whole once every agenda is drawn; - writes\n"
     "to standard output (not to a terminal)."},
    {"publish", cli_cmd_publish, "dfnc publish [--event ID]",
     "Publishes an event's agendas (without --event the forum's event, as dfnc\n"
     "schedule), as the scheduler page's Publish does: every meeting is confirmed\n"
     "where it is (agendas say so, calendars CONFIRMED), one audit line; while the\n"
     "forum's mail is on, each person with meetings there is mailed their list.\n"
     "Once only: a meeting placed after it is published as it is placed, so a\n"
     "second publish exits 3 saying since when. An unknown event exits 3."},
    {"demo", cli_cmd_demo, "dfnc demo [--seed N] [--people N] [--no-serve] [--port P]",
     "Fills an empty database with a generated forum shaped like DFNC2: EU Edition\n"
     "(Brussels): 500+ participants from 130+ organisations in 20+ countries, two\n"
     "days of B2B sessions, meeting requests; then schedules it and serves it\n"
     "unless --no-serve. The same seed gives the same forum.\n"
     "--people N (50 to 10000, default 520) sizes it: organisations, capabilities,\n"
     "requests, tables and interpreters in proportion to DFNC2's (about one table\n"
     "for nine people; nobody accepts more than 16 meetings), every name once, and\n"
     "the same demo logins at every size. N is a floor: an organisation's people\n"
     "come whole, and a small forum keeps its showcase delegations (seed 7 gives\n"
     "51 at 50, 116 at 100, 2001 at 2000)."},
    {"schedule", cli_cmd_schedule,
     "dfnc schedule [--event ID] [--time-limit S] [--seed N] [--json] | --dzn FILE [--fairness D] "
     "[--time-limit S] [--seed N] [--threads 1|2] [--json]",
     "Schedules the accepted requests of an event (without --event the forum's\n"
     "event, as dfnc report) into its B2B slots and tables\n"
     "(locked meetings stay where they are) and says why any request stayed\n"
     "unscheduled. What changes while it solves is merged into what it writes.\n"
     "Requests accepted meanwhile are kept where their accept placed them if that\n"
     "clashes with nothing (at a published event also when a meeting the run placed\n"
     "fresh can make way, going to the free slot that leaves its people the fewest\n"
     "idle gaps), else moved to a slot and table their people are free in, else\n"
     "left unscheduled. If someone's availability, booth or languages change\n"
     "meanwhile, the run's meetings that still fit are written as solved and those\n"
     "that no longer do are placed again the same way (published ones stay, with a\n"
     "warning); one it left out is tried again when its people's availability\n"
     "changed, or the languages of those who needed an interpreter. \"during run\"\n"
     "says where each went and why. If the agendas were published or unpublished, a\n"
     "b2b slot, table or interpreter or a request's attendees changed, or another\n"
     "run moved a published meeting meanwhile, nothing is written (exit 3): run it\n"
     "again.\n"
     "With --dzn, solves a JAIR 2022 B2B instance (MiniZinc data): every meeting\n"
     "scheduled, fewest breaks, break counts differing by at most D.\n"
     "The search is deterministic for a seed; --time-limit (default 10 s) cuts it.\n"
     "On two cores a second search improves schedules beside the one that proves\n"
     "bounds (--threads 2, the default there; the result then depends on timing)."},
    {"user", cli_cmd_user,
     "dfnc user add --email E --role organiser|participant [--person ID] [--contact] "
     "--password-stdin | password --email E --password-stdin | invite (--all | PERSON...) "
     "--public-url URL --out FILE.csv|- [--days N] | invite (--all | PERSON...) --mail "
     "[--out FILE.csv|-] [--days N]",
     "add creates a login. The password (UTF-8, at least 8 characters, at most 1024\n"
     "bytes: some 500 Cyrillic letters) is read from the first line of standard\n"
     "input and stored as an argon2id hash. A participant login belongs\n"
     "to a person (--person); --contact also makes that person the contact who may\n"
     "edit their organisation's profile. Organisers may have no person.\n"
     "password gives an existing login a new password, read and hashed alike, ends\n"
     "its sessions and revokes its device cookies (its browsers are then limited as\n"
     "strangers) and voids a pending invitation; dfnc check names logins whose hash\n"
     "is below today's cost.\n"
     "invite gives people a participant login without a password and a one-time\n"
     "link to choose one (valid --days N, 1 to 365, default 14), and writes a CSV\n"
     "for a mail merge (readable by its owner alone: 0600):\n"
     "person,name,email,organisation,language,link,expires\n"
     "(language: the one they chose for the web UI, else uk for a Ukrainian\n"
     "organisation's people, else en; link: URL/welcome#TOKEN, URL as serve's\n"
     "--public-url). The links are in that file only (the database keeps their\n"
     "hashes): keep it safe and delete it once mailed. A run that fails leaves\n"
     "the file as it was, or none. --all: everyone with an\n"
     "e-mail and no login, and those whose link expired unused; the rest are\n"
     "skipped, counted by why on stderr, so a rerun invites only the newcomers.\n"
     "PERSON...: those named, whatever they had: their previous link stops\n"
     "working (someone who lost access: their password stays until the link is\n"
     "used, which then ends their sessions). Each run first removes the\n"
     "invitations that expired unused, a line in the audit trail each (their\n"
     "logins stay, for a new link). dfnc check does not count a login\n"
     "without a password yet as a weak hash. An organisation without a contact\n"
     "(who may edit its profile, offers and needs) gets the first of its people\n"
     "invited, by id; the console's help-desk page of a person names another.\n"
     "--mail: each invitation is also mailed to the person, in her language, queued\n"
     "in the outbox in the run's transaction (serve --smtp or dfnc mail send sends\n"
     "it); --out is then optional. The mail's links, and the CSV's, begin with the\n"
     "address the forum's mail links to (dfnc mail setup's): --public-url may be\n"
     "left out, and one that differs is refused. Refused while the forum sends no\n"
     "mail (exit 3, nobody invited). Someone whose address no mail can carry (not\n"
     "ASCII) is not mailed: her link is in the CSV, or without --out she is not\n"
     "invited."},
    {"serve", cli_cmd_serve,
     "dfnc serve [--listen ADDR] [--port P] [--threads N] [--tls] [--behind-proxy ADDR[/BITS][,...]] "
     "[--web DIR] [--session-ttl S] [--public-url URL] [--login-failures A:I] [--forum-clock[-still] TIME] "
     "[--no-access-log] [--smtp URL --mail-from ADDR [--smtp-user U]] "
     "[--backup-dir DIR [--backup-every MIN] [--backup-keep N]] [--routes]",
     "Serves the JSON API (docs/api.md) and the web UI built into the binary (or,\n"
     "with --web DIR, the files of DIR) on --listen ADDR (default 127.0.0.1) and\n"
     "--port P (default 8080; 0 picks a free one), until SIGINT or SIGTERM (requests\n"
     "in flight finish). A port in use is refused (exit 1). --threads N: worker\n"
     "threads, 1 to 64 (default 2); a schedule run, everyone's badges and a CSV\n"
     "import each run in a thread of their own beside them, one of each kind at a\n"
     "time. --session-ttl S: how long a login lasts, 1 to 2592000 s (default 43200,\n"
     "12 hours). --tls: the site is reached over TLS (a terminator in front), so\n"
     "cookies are Secure. --behind-proxy ADDR[/BITS][,...]:\n"
     "the addresses or ranges (IPv4 or IPv6, up to 16; 10.0.0.0/8 for a balancer's\n"
     "pool) of the reverse proxies in front; their X-Forwarded-For and\n"
     "X-Forwarded-Proto are believed, any other peer's are not (its own address\n"
     "counts). The client is X-Forwarded-For's last address outside those ranges.\n"
     "The address is required: a bare --behind-proxy is refused. --public-url: the\n"
     "base of private calendar feed URLs (default http://ADDR:P), an http:// or\n"
     "https:// address of up to 256 bytes without ?query or #fragment; an https://\n"
     "one says the site is reached over TLS, as --tls does.\n"
     "--login-failures A:I: failed logins allowed per account and per client\n"
     "address (an IPv6 one per /64) in 15 minutes before 429 (default 5:50). A\n"
     "browser that signed in holds a device cookie (180 days): with it only its own\n"
     "failures count, A of them revoke it, so others' failures do not lock it out;\n"
     "dfnc user password revokes a login's device cookies. At most 256 connections\n"
     "per client (an IPv6 one per /64). A public server belongs behind a reverse\n"
     "proxy with a header timeout (README.md, \"Serving in public\"). Logs one line\n"
     "per request on stderr, without cookies, tokens or passwords, unless\n"
     "--no-access-log. --forum-clock TIME: a rehearsal of the forum's day: the\n"
     "server's clock starts at TIME (with its offset, 2027-02-16T10:50:00+01:00)\n"
     "and runs on at real speed, and the server and its pages read it for what\n"
     "has begun, is over or is to come, for each event's day (in its own zone)\n"
     "and for the forum's event. --forum-clock-still TIME: the same clock\n"
     "standing still at TIME (tests); one of the two.\n"
     "--smtp URL --mail-from ADDR [--smtp-user U]: sends the forum's mail (dfnc help\n"
     "mail) from a thread of its own every 10 seconds, as dfnc mail send does, the\n"
     "password in DFNC_SMTP_PASSWORD; it needs --public-url (the mail's links) and\n"
     "turns the forum's mail on once the server listens (not when it cannot\n"
     "start). Without --smtp nothing is sent.\n"
     "--backup-dir DIR: a copy of the database in DIR (a folder that exists) once\n"
     "the server listens and then every --backup-every MIN minutes (1 to 1440,\n"
     "default 30), as dfnc backup writes one, named dfnc-YYYYMMDDTHHMMSSZ.db (UTC);\n"
     "the newest --backup-keep N (default 48) of those stay, older ones are removed\n"
     "(no other file in DIR is touched). Each is logged (event=backup_written or\n"
     "event=backup_failed); a failure does not stop the server. To restore, stop\n"
     "it and serve the copy.\n"
     "--routes: lists the API's routes instead of serving, one a line, METHOD\n"
     "PATTERN WHO CSRF (WHO anyone, user or organiser: who passes before the\n"
     "route's own checks; CSRF whether a signed-in call needs X-CSRF-Token)."},
    {"applications", cli_cmd_applications,
     "dfnc applications list [--status pending|approved|declined|all] | open | close",
     "Applications to take part, sent on the forum's site (/apply) by people it does\n"
     "not know yet; the organisers approve or decline them on the console's\n"
     "Applications page, which shows an approved person's sign-in link.\n"
     "  list    whether the forum takes them, then one line each, newest first (the\n"
     "          pending ones unless --status says): id, sent, status, name, e-mail,\n"
     "          organisation (a new one's name or a registered one's id), tab-separated\n"
     "  open    the site takes applications from now (they are closed until opened)\n"
     "  close   it takes none; those sent stay"},
    {"person", cli_cmd_person,
     "dfnc person data PERSON [FILE|-] | erase PERSON",
     "A participant's personal data on her request (GDPR), for one that arrives\n"
     "by letter; she asks on her profile page herself.\n"
     "  data    everything dfnc holds about her as one JSON document (to FILE, or\n"
     "          standard output): her person, logins (never a token), organisation,\n"
     "          requests with their messages, meetings, outcomes, availability,\n"
     "          mail, applications and audit lines\n"
     "  erase   cancels her open requests and her meetings to come, as the\n"
     "          organisers' cancels (the other side is told as by any), deletes\n"
     "          her messages, availability, logins, mail and applications, and\n"
     "          keeps her row with its id and no personal field (\"Erased\n"
     "          participant\"): her meetings held stay, nameless, so others'\n"
     "          history and the report's counts stay whole. Exit 3 when already\n"
     "          erased"},
    {"mail", cli_cmd_mail,
     "dfnc mail setup --public-url URL | setup --off | send --smtp URL --mail-from ADDR "
     "[--smtp-user U] [--timeout S] | status | remind EVENT [--dry-run] | day EVENT DAY "
     "[--dry-run] | outcomes EVENT [--dry-run] | day-due",
     "The mail dfnc sends people: \"X asks to meet you\" to a request's addressee,\n"
     "\"your request was accepted\" (its time and table when placed) or \"declined\" to\n"
     "its requester; the organisers' introductions and bookings to both people;\n"
     "when the agendas are published, each person's meetings in one mail; then\n"
     "each change to a published meeting (moved, cancelled, new: one mail per\n"
     "person per action, not to the participant who did it); a new message in a\n"
     "thread (one until its reader reads the thread). Each in the person's\n"
     "language (the one she chose for the pages, else the first of uk and en in\n"
     "her languages, else Ukrainian for a Ukrainian organisation's people, else\n"
     "English), queued with the action that causes it.\n"
     "Nothing is queued until the forum's mail is on, nor for a person without an\n"
     "e-mail address or who turned it off on her profile page.\n"
     "  setup --public-url URL  mail is on from now; its links begin with URL (the\n"
     "                          site's address as people reach it). serve --smtp\n"
     "                          turns it on too\n"
     "  setup --off             nothing more is queued (what is queued stays)\n"
     "  send                    sends what is due once over SMTP and says how many\n"
     "                          were sent and failed (exit 1 when one failed), for\n"
     "                          cron: --smtp smtp://HOST:PORT (STARTTLS when offered)\n"
     "                          or smtps://HOST:PORT, --mail-from the From address\n"
     "                          (\"Name <addr>\" gives its name; else the name of\n"
     "                          the forum's first event),\n"
     "                          --smtp-user U with the password in the environment\n"
     "                          variable DFNC_SMTP_PASSWORD (never an option),\n"
     "                          --timeout S per message (1-600, default 30). A\n"
     "                          failed try is tried again after 1, 5, 30 minutes, 2\n"
     "                          and 6 hours, then kept as failed\n"
     "  status                  whether mail is on, the outbox's queued, sent and\n"
     "                          failed mails and the last error\n"
     "  remind EVENT            the organisers' reminder, as the console's \"Remind\n"
     "                          them by e-mail\": each person whose meeting requests\n"
     "                          at EVENT wait for her answer is mailed who asks\n"
     "                          (not twice within 20 hours); says the people, their\n"
     "                          requests, how many were mailed, reminded lately and\n"
     "                          not mailed (mail off or no address)\n"
     "  day EVENT DAY           each person's meetings of DAY (YYYY-MM-DD, a day of\n"
     "                          EVENT, today or later in its zone) mailed to her,\n"
     "                          for cron on each day's eve, as the scheduler page's\n"
     "                          \"Each day's meetings by e-mail\" (published agendas\n"
     "                          only); says the people, meetings, how many were\n"
     "                          mailed and the send of that day before (a second\n"
     "                          send mails everyone again)\n"
     "  day-due                 the days due of the events set to mail each day's\n"
     "                          meetings by themselves (the eve or the morning at\n"
     "                          a time: the event's day_mail_on and day_mail_at),\n"
     "                          by the machine's clock, for cron where no server\n"
     "                          runs (serve does it each minute by the forum's\n"
     "                          clock); a day sent before is not sent again. Says\n"
     "                          the days sent and failed (exit 1 when one failed);\n"
     "                          audit actor auto\n"
     "  outcomes EVENT          after meetings, as the dashboard's \"Ask them by\n"
     "                          e-mail\": each person of EVENT's meetings begun (not\n"
     "                          cancelled; attendees too) who has said no outcome\n"
     "                          of one is mailed those meetings and the link to say\n"
     "                          what they led to on her agenda (not twice within 72\n"
     "                          hours); says the people, meetings, how many were\n"
     "                          mailed, asked lately and not mailed\n"
     "                          --dry-run (remind, day, outcomes): counts, queues\n"
     "                          nothing and keeps nothing. Each is refused while the\n"
     "                          forum sends no mail, for an unknown event, one over\n"
     "                          (remind), or none of whose meetings has begun\n"
     "                          (outcomes) (exit 3); each send is an audit line by\n"
     "                          cli"},
    {"procure", cli_cmd_procure,
     "dfnc procure plan|export --instrument edirpa|edip|safe [--as-of DATE] [--json] "
     "[--format ocds] [--instruments FILE]",
     "Groups the imported demands (dfnc import demands|supplies) into joint lots that\n"
     "meet an EU instrument's rules (same CPV group, i.e. first five digits, and\n"
     "deadlines within six months; enough participating states), and allocates them\n"
     "to suppliers by a min-cost flow: capacity per month over the months from as-of\n"
     "plus lead time to each deadline, shared by everything a supplier serves; price\n"
     "at most the demand's maximum; content share at least the instrument's threshold;\n"
     "least cost first, then Ukrainian production for Ukrainian demand.\n"
     "  plan    the lots, allocations, unmet quantities and the demands that could not\n"
     "          be placed, each with the reason (for a quantity unmet: what kept each\n"
     "          offer of its CPV away), and the supplies given nothing with what kept\n"
     "          each demand of their CPV from them; --json for the machine-readable\n"
     "          form, which carries the regulation and the rules applied, as the text does\n"
     "  export  --format ocds: an OCDS 1.1.5 release package with the lots extension;\n"
     "          a state that only receives quantities is an interestedParty, not a\n"
     "          buyer; release.buyer only when one party buys\n"
     "The rules come from data/instruments.json (built in; --instruments FILE to use\n"
     "another), each figure with its article and whether the legal text confirms it.\n"
     "--as-of defaults to today (UTC); a date from 2020-01-01 (no instrument is older)\n"
     "to 2099-12-31. In the JSON a lot's cpv is its CPV group (five\n"
     "digits) and its countries are the buyers' and the counting funders' countries;\n"
     "participating lists those that count toward the instrument's minimum (the\n"
     "others only receive quantities: bracketed in the text, \"quantities also for\"\n"
     "in the OCDS lot)."},
    {"partners", cli_cmd_partners,
     "dfnc partners --lead ORG (--text T | --text-file F) [--region eu|ua] [--sme] [--lang en|uk] [--top K] [--json] | --queries FILE.jsonl [--top K]",
     "Suggests partners for a project idea led by ORG, best first, each with its\n"
     "reasons: text relevance (English and Ukrainian), past partners of the lead and\n"
     "their partners, track record; among those, needs met by offers (either way)\n"
     "and EU-Ukraine pairs rise. --region keeps partners from the EU and EEA (eu)\n"
     "or from Ukraine (ua); --sme keeps SMEs only. The batch form reads one JSON\n"
     "object per line {\"id\",\"lead\",\"text\"[,\"region\"][,\"sme\":true]} and writes one\n"
     "line {\"id\",\"partners\":[{\"org\",\"name\",\"name_uk\",\"country\",\"kind\",\"sme\",\"score\",\"why\"}]}\n"
     "per query; a bad line is reported as FILE:LINE on stderr (exit 3) and the\n"
     "others are still answered."},
    {"consortium", cli_cmd_consortium,
     "dfnc consortium --programme NAME ORG [ORG...] [--candidates ORG,ORG,...] [--json] | --list",
     "Whether the organisations named (the lead and its partners) meet the figures\n"
     "of an EU programme's consortium rule (edf: the European Defence Fund's at\n"
     "least 3 eligible entities established in at least 3 Member States or\n"
     "associated countries), each member said to count or not and why, and the\n"
     "fewest of the candidates (ranked, the best first: as `dfnc partners` gives\n"
     "them) that would complete it. What the rule asks and dfnc cannot know (that\n"
     "no member controls another) is said, not checked. The rules come from\n"
     "data/consortia.json (built in), each figure with its article and whether the\n"
     "legal text confirms it; --list prints them. Exit 3 for an unknown programme\n"
     "or organisation."},
    {"recommend", cli_cmd_recommend, "dfnc recommend PERSON_OR_ORG [--event ID] [--region eu|ua] [--sme] [--lang en|uk] [--top K] [--json]",
     "Whom to meet at the forum: organisations whose offers meet your needs and\n"
     "whose needs your offers meet (CPV codes with their hierarchy), EU-Ukraine\n"
     "pairs favoured, never your own organisation nor one already in a request with\n"
     "yours. Each suggestion says why. --region eu keeps organisations from the EU\n"
     "and the EEA, --region ua those from Ukraine; --sme keeps SMEs only (a prime\n"
     "contractor or a ministry looking for SME suppliers)."},
    {"agenda", cli_cmd_agenda, "dfnc agenda PERSON [--format text|json|ics]",
     "A person's scheduled meetings in time order: time, table and the other party,\n"
     "each in its own event's time zone and \"provisional\" until the event is\n"
     "published. --format ics writes an iCalendar (RFC 5545) file with a stable UID\n"
     "per meeting, TZID and VTIMEZONE of its event's zone, STATUS TENTATIVE or\n"
     "CONFIRMED, and a SEQUENCE raised when a meeting moves or is published; a\n"
     "meeting that left the agenda (cancelled, or left out by a later run) stays\n"
     "in it as CANCELLED, so that a calendar holding it marks it so."},
    {"help", cli_cmd_help, "dfnc help [COMMAND]", "Explains a command."},
};

const int cli_commands_n = sizeof cli_commands / sizeof cli_commands[0];

const struct cli_command *cli_find(const char *name)
{
    for (int i = 0; i < cli_commands_n; i++)
        if (strcmp(cli_commands[i].name, name) == 0)
            return &cli_commands[i];
    return NULL;
}

int cli_usage(const char *command)
{
    const struct cli_command *c = command ? cli_find(command) : NULL;
    fprintf(stderr, "usage: %s\n", c ? c->usage : "dfnc [--db PATH] COMMAND ...   (dfnc help lists the commands)");
    return 2;
}

int cli_fail(const struct df_err *err)
{
    fprintf(stderr, "dfnc: %s\n", err->msg);
    int code = df_err_exit_code(err);
    return code ? code : 1;
}

int cli_fail_input(const struct df_err *err, const struct df_problems *bad)
{
    if (err->kind != DF_ERR_INPUT)
        return cli_fail(err);
    if (!bad || bad->named == 0) {
        fprintf(stderr, "%s\n", err->msg); /* FILE:LINE: what is wrong */
        return 3;
    }
    for (int i = 0; i < bad->named; i++)
        fprintf(stderr, "%s\n", bad->msg[i]);
    if (bad->n > bad->named)
        fprintf(stderr, "... and %d more\n", bad->n - bad->named);
    return 3;
}

/* --public-url: the base of the links dfnc hands out (private calendar feed
 * URLs, which calendars fetch; invitation links): an address a link may
 * have (app_website_check) and no ?query or #fragment, inside which the
 * link's path would land. */
int cli_public_url_arg(const char *s)
{
    struct df_err err = {0};
    if (strlen(s) > APP_PUBLIC_URL_MAX) {
        fprintf(stderr, "dfnc: --public-url is %zu bytes long, over the limit of %d: the "
                        "private calendar feed URLs and invitation links begin with it\n",
                strlen(s), APP_PUBLIC_URL_MAX);
        return -1;
    }
    if (app_website_check(s, &err) == 0 && !strpbrk(s, "?#"))
        return 0;
    fprintf(stderr, "dfnc: --public-url \"%s\" is not an http:// or https:// address with a "
                    "host and no ?query or #fragment (like https://forum.example.eu): the "
                    "private calendar feed URLs and invitation links begin with it\n", s);
    return -1;
}

int cli_whole_arg(const char *name, const char *s, long long lo, long long hi, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi) {
        fprintf(stderr, "dfnc: --%s takes a whole number from %lld to %lld, not \"%s\"\n", name,
                lo, hi, s);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_json_only(const char *command, int argc, char **argv, int *as_json)
{
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'}, {0, 0, 0, 0}};
    unsigned long long seen = 0;
    *as_json = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        if (c != 'j')
            return cli_usage(command);
        *as_json = 1;
    }
    return optind != argc ? cli_usage(command) : 0;
}

int cli_getopt(int argc, char **argv, const char *optstring, const struct option *opts,
               unsigned long long *seen)
{
    int at = -1;
    int c = getopt_long(argc, argv, optstring, opts, &at);
    if (c == -1 || c == '?' || c == ':' || at < 0 || at >= 64 || opts[at].has_arg == no_argument)
        return c;
    if (*seen & (1ULL << at)) {
        fprintf(stderr, "dfnc: --%s given twice: it takes one value\n", opts[at].name);
        return '?';
    }
    *seen |= 1ULL << at;
    return c;
}

int cli_cmd_help(struct cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    if (argc > 2)
        return cli_usage("help");
    if (argc == 2) {
        const struct cli_command *c = cli_find(argv[1]);
        if (!c) {
            fprintf(stderr, "dfnc: no command \"%s\"; `dfnc help` lists them\n", argv[1]);
            return 2;
        }
        printf("usage: %s\n\n%s\n", c->usage, c->help);
        return 0;
    }
    printf("dfnc %s: software for defence-industry cooperation forums\n\n"
           "usage: dfnc [--db PATH] COMMAND ...   (database: --db, $DFNC_DB or ./dfnc.db)\n\n",
           DFNC_VERSION);
    for (int i = 0; i < cli_commands_n; i++)
        printf("  %s\n", cli_commands[i].usage);
    printf("\n`dfnc help COMMAND` (or `dfnc COMMAND --help`) explains one. An option that\n"
           "takes a value is given once.\n"
           "Exit codes: 0 ok, 1 failure, 2 usage, 3 bad input.\n");
    return 0;
}
