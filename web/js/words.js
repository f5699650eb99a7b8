// What the server says by code (docs/api.md "Words for a page"): a refusal's
// reasons said in the page's language from their code and values, a code
// this page does not know as the server's English sentence, marked so.
import { h, data, dataName } from './dom.js';
import { t, tx, num, errorText, getLang, hasKey, wallDayTime } from './i18n.js';
import { tableName } from './people.js';

const WHY = {
  slot_begun: () => t('why.slot_begun'),
  table_taken: (v) => tx('why.table_taken', { table: tableName({ location_name: v.table }) }),
  person_meets: (v) => tx('why.person_meets', { person: dataName(v.person || '') }),
  person_away: (v) => tx('why.person_away', { person: dataName(v.person || '') }),
  no_interpreter_free: (v) => tx('why.no_interpreter_free', { pair: data(String(v.pair || '').toUpperCase()) }),
  interpreter_busy: () => t('why.interpreter_busy'),
  interpreter_off: () => t('why.interpreter_off'),
  no_table: () => t('why.no_table'),
  no_table_free: () => t('why.no_table_free'),
  table_out: (v) => tx('why.table_out', { table: tableName({ location_name: v.table }) }),
  interpreter_needed: (v) => tx('why.interpreter_needed', { person: dataName(v.person || ''), pair: data(String(v.pair || '').toUpperCase()) }),
};

// A server's English sentence as it stands, marked as English.
const english = (text) => h('span', { lang: 'en', translate: 'no', class: 'untranslated' }, String(text || ''));

// A file's problem (an import's, the glossary's: docs/web.md) by its code
// and values, words "import.err_CODE" (src/core/codes.h lists the codes):
// the file's own names and values are its data, a figure stays as it is,
// and the names of products and code pages are said alike in every
// language. An English page says the server's sentence as the command
// line does; a code this page does not know is its English, marked so.
const FIGURES = new Set(['max', 'min', 'n', 'a', 'b', 'byte', 'id_max']);
const NAMES = { excel: 'Excel', libreoffice: 'LibreOffice', cp1251: 'Windows-1251', cp1252: 'Windows-1252',
  koi: 'KOI8-U', cmd: 'dfnc export events -' };
const CODE_PAGE = { not_cp1251: 'Windows-1251', cyrillic: 'Windows-1251', western: 'Windows-1252' };
export function importWhy(x) {
  const message = (x && x.message) || '';
  if (getLang() === 'en' && message) return message;
  const key = `import.err_${x && x.code}`;
  if (!x || !x.code || !hasKey(key)) return english(message);
  // a node stands in one place: each sentence gets its own
  const named = () => Object.fromEntries(Object.entries(NAMES).map(([k, v]) => [k, data(v)]));
  const values = Object.fromEntries(Object.entries(x.values || {})
    .map(([k, v]) => [k, FIGURES.has(k) ? String(v) : data(String(v))]));
  return tx(key, { not: h('code', {}, 'not'), save: tx('import.save_utf8', named()), ...named(),
    ...(CODE_PAGE[x.code] ? { cp: data(CODE_PAGE[x.code]) } : {}), ...values });
}

// One coded sentence: its words (say gets its values, then the whole of
// it: what it names in "reasons"), or its English message marked as such.
export function coded(x, known) {
  const say = known[x && x.code];
  if (say) return say((x && x.values) || {}, x);
  return english(x && x.message);
}

// Why a schedule run left an accepted request without a meeting (GET
// /events/{id}/unscheduled, an accept's "not_placed"): "BASE" or "BASE (slots
// N-M)" by its code.
const slotsOf = (head, v) => (v.slots
  ? [head, ` (${t(String(v.slots).includes('-') ? 'reason.slots' : 'reason.slot', { slots: v.slots })})`] : head);
const UNSCHEDULED = {
  not_yet: () => t('reason.not_yet'),
  no_common_slot: () => t('reason.no_slot'),
  people_busy: (v) => slotsOf(t('reason.busy'), v),
  tables_full: (v) => slotsOf(t('reason.no_table'), v),
  precedence: (v) => slotsOf(t('reason.precedence'), v),
  no_interpreter_left: (v) => slotsOf(tx('reason.interpreter', { pair: data(v.pair || '') }), v),
  no_b2b_slots: () => t('reason.no_b2b_slots'),
  no_tables: () => t('reason.no_tables'),
  accepted_during_run: () => t('reason.accepted_during_run'),
  away_during_run: (v) => tx('reason.away_during_run', { person: data(v.person || ''), slot: v.slot || '' }),
  availability_during_run: (v) => tx('reason.availability_during_run', { person: data(v.person || '') }),
  languages_changed_during_run: (v) => tx('reason.languages_changed_during_run', { person: data(v.person || '') }),
  booth_during_run: (v) => tx('reason.booth_during_run', { booth: data(v.booth || '') }),
  // a participant's accept names no other's request: "another meeting"
  made_way: (v) => (v.request ? tx('reason.made_way', { request: data(v.request) }) : t('reason.made_way_other')),
  languages_during_run: (v) => tx('reason.languages_during_run', { pair: data(v.pair || '') }),
};
// A kept reason ({"reason","code","values"}): its words, or its English.
export const unscheduledWhy = (u) => coded({ code: u.code, values: u.values, message: u.reason }, UNSCHEDULED);

// An accept's warning by its parts (POST /requests/{id}/accept's
// "warnings"): the time proposed no longer free and what is in the way,
// why the meeting has no time yet; a part the sentence before it says
// already (placed elsewhere, the run failed) says nothing more.
const ACCEPTED = {
  proposal_not_free: (v, x) => [t('requests.proposal_lost'),
    ...(Array.isArray(x.reasons) && x.reasons.length ? [' ', x.reasons.map((y, i) => [i ? '; ' : null, coded(y, WHY)])] : []), '.'],
  placed_elsewhere: () => null,
  not_placed: (v, x) => (Array.isArray(x.reasons) && x.reasons.length
    ? tx('requests.unplaced_why', { why: unscheduledWhy({ code: x.reasons[0].code, values: x.reasons[0].values, reason: x.reasons[0].message }) })
    : null),
  all_begun: () => null,
  placing_failed: () => null,
};
// Whether the accept's reply says every slot of its event has begun.
export const allBegun = (done) => Array.isArray(done && done.warnings) && done.warnings.some((x) => x.code === 'all_begun');
// What the accept's warning adds to the sentence saying where the meeting
// is (or that it has no time yet), each part after a space; [] for none.
export function acceptWarnings(done) {
  const parts = Array.isArray(done && done.warnings) ? done.warnings : [];
  return parts.map((x) => coded(x, ACCEPTED)).filter((x) => x !== null).flatMap((x) => [' ', x]);
}

// What taking someone off request r's placed meeting left to be done
// (DELETE /requests/{id}/attendees/{p}'s "warnings"): its people left need
// an interpreter of a pair none is free for then. A participant hears that
// the organisers will find one; the desk (desk true), to find one on the
// event's interpreters form. null when the reply warns of nothing.
const offWords = (r, desk) => ({
  no_interpreter_free: (v) => {
    const pair = data(String(v.pair || '').toUpperCase());
    if (!desk) return tx('requests.off_no_interpreter', { pair });
    const href = `/console/event?event=${encodeURIComponent((r && r.event) || '')}#interpreters-form`;
    return tx('desk.off_no_interpreter', { pair, link: h('a', { href }, t('desk.off_interpreters_link')) });
  },
});
export function attendeeOffWarning(done, r, desk) {
  const parts = Array.isArray(done && done.warnings) ? done.warnings : [];
  if (!parts.length) return null;
  const known = offWords(r, desk);
  return parts.map((x, i) => [i ? ' ' : null, coded(x, known)]);
}

// What kept a chosen time or a move (a 409's "reasons"), "; " between them;
// null when the refusal names nothing in the way of a time (the caller says
// refusalWhy then: a request answered meanwhile, say).
export function inTheWay(e) {
  const reasons = e && e.body && e.body.error && Array.isArray(e.body.error.reasons) ? e.body.error.reasons : [];
  if (!reasons.length || !WHY[reasons[0].code]) return null;
  return reasons.map((x, i) => [i ? '; ' : null, coded(x, WHY)]).concat('.');
}

// A refusal's one reason by code (docs/api.md "Words for a page"), or null.
export function reasonOf(e) {
  const r = e && e.body && e.body.error && e.body.error.reasons;
  return Array.isArray(r) && r.length ? r[0] : null;
}

// What refused an action, and what to do next (a request answered or
// cancelled meanwhile, a meeting's time, a share used up).
const ANSWERED = ['accepted', 'declined', 'cancelled'];
const REFUSED = {
  request_status: (v) => t(ANSWERED.includes(v.status) ? `refused.request_${v.status}` : 'refused.request_changed'),
  not_published: () => t('refused.not_published'),
  meeting_not_started: () => t('refused.meeting_not_started'),
  meeting_over: (v) => t('refused.meeting_over', { minutes: num(Number(v.minutes)) }),
  no_meeting: () => t('refused.no_meeting'),
  no_words: () => t('refused.no_words'),
  no_video_service: () => t('refused.no_video_service'),
  mail_off: () => t('apierr.mail_off'),
  event_over: () => t('refused.event_over'),
  requests_closed: (v) => t('refused.requests_closed', { at: wallDayTime(v.at) }),
  nothing_begun: () => t('refused.nothing_begun'),
  sent_just_now: () => t('refused.sent_just_now'),
  no_email: () => t('refused.no_email'),
  email_other_login: (v) => tx('refused.email_other_login', { value: data(v.value || '') }),
  same_person: () => t('refused.same_person'),
  checkin_day: (v) => tx('refused.checkin_day', { day: data(v.day || '') }),
  day_off_day: (v) => tx('refused.day_off_day', { day: data(v.day || '') }),
  attendee_party: (v) => tx('refused.attendee_party', { name: data(v.person || '') }),
  attendee_org: (v) => tx('refused.attendee_org', { name: data(v.person || '') }),
  attendee_twice: (v) => tx('refused.attendee_twice', { name: data(v.person || '') }),
  attendee_cap: (v) => t('refused.attendee_cap', { n: num(Number(v.n)) }),
  org_max: (v) => t(v.kind === 'supplies' ? 'proc.err_org_max_supplies' : 'proc.err_org_max_demands', { max: num(Number(v.max)) }),
};
// A refusal by a code a file's problem has too (an id taken, a person or
// an event not found): its words (importWhy).
const refused = (why) => (REFUSED[why.code] || !hasKey(`import.err_${why.code}`) ? coded(why, REFUSED) : importWhy(why));

// Why the server refused, in the page's language: its coded reason's
// words (a code this page does not know: the English, marked so), else
// what errorText says of its error's code.
export function refusalWhy(e) {
  const why = reasonOf(e);
  return why ? refused(why) : errorText(e);
}

// What is wrong with a field the server refused (a 422's coded reason),
// said against its label; null when the refusal gives no code.
const letters = (max) => Math.floor(Number(max) / 2);
const FIELD = {
  required: (v, field) => t('form.required', { field }),
  too_long: (v, field) => t('form.too_long', { field, max: v.max, letters: letters(v.max) }),
  cpv_malformed: (v, field) => t('proc.err_cpv', { field }),
  cpv_unknown: (v, field) => t('proc.err_cpv', { field }),
  whole_range: (v, field) => t('proc.err_whole', { field, min: v.min, max: v.max }),
  number_range: (v, field) => t('proc.err_number', { field, min: v.min, max: v.max }),
  price_range: (v, field) => t('proc.err_price', { field }),
  date_invalid: (v, field) => t('proc.err_date', { field }),
  invalid_time: (v, field) => t('form.err_time', { field }),
  ends_before_shown: (v, field) => t('ann.err_ends_before_shown', { field }),
  mail_ahead: () => t('ann.err_mail_ahead'),
  date_past: (v, field) => t('proc.err_past', { field }),
  country_unknown: (v, field) => t('proc.err_country', { field, code: v.country || '' }),
  country_not_buyers: (v, field) => t('form.err_country_not_buyers', { field, country: v.country || '', buyer: v.buyer_country || '' }),
  funders_max: (v, field) => t('proc.err_funders', { field, max: v.max }),
  shares_over: () => t('proc.err_shares'),
  languages_malformed: (v, field) => t('form.err_languages', { field }),
  language_unknown: (v, field) => t('form.err_language_unknown', { field, code: v.code || '' }),
  language_twice: (v, field) => t('form.err_language_twice', { field, code: v.code || '' }),
  website_form: (v, field) => t('form.err_website_form', { field }),
  website_user: (v, field) => t('form.err_website_user', { field }),
  website_host: (v, field) => t('form.err_website_host', { field }),
  bidi_control: (v, field) => t('form.err_bidi_control', { field, cp: v.cp || '' }),
  control_char: (v, field) => t('form.err_control_char', { field, cp: v.cp || '' }),
  line_break: (v, field) => t('form.err_line_break', { field }),
};
export function fieldWhy(e, field) {
  const why = reasonOf(e);
  if (!why) return null;
  const say = FIELD[why.code];
  // a code of the imports' own checks (an organisation unknown...): its words
  return say ? say(why.values || {}, field) : refused(why);
}
