// Strings, locale choice and formatting. Every visible string comes from
// web/i18n/LANG.json; dates and numbers go through Intl in the chosen locale,
// times in the event's timezone (Europe/Brussels unless the event says else).

import { instantIn } from './programme.js';

export const LANGS = ['en', 'uk'];
const LOCALES = { en: 'en-GB', uk: 'uk-UA' };
const STORE_KEY = 'dfnc.lang';

let lang = 'en';
let strings = {};
let fallback = {};
let timeZone = 'Europe/Brussels';
let badZone = null;   // the event's zone when Intl does not know it (shown, not used)

// The language: a saved choice (the user's own), then ?lang= (a link's),
// then navigator.languages, then the <html lang> the server picked from
// Accept-Language.
export function detectLang() {
  try {
    const saved = localStorage.getItem(STORE_KEY);
    if (LANGS.includes(saved)) return saved;
    const q = new URLSearchParams(location.search).get('lang');
    if (LANGS.includes(q)) return q;
  } catch (_) { /* storage may be off */ }
  const prefs = [...(navigator.languages || []), navigator.language || ''];
  for (const p of prefs) {
    const base = String(p).toLowerCase().split('-')[0];
    if (LANGS.includes(base)) return base;
  }
  const served = document.documentElement.getAttribute('lang');
  return LANGS.includes(served) ? served : 'en';
}

// Beside the module, so a page loaded under the build's /v/VERSION/ reads
// this build's strings (and index.html's preload of them is used).
async function fetchStrings(l) {
  const r = await fetch(new URL(`../i18n/${l}.json`, import.meta.url), { credentials: 'same-origin' });
  if (!r.ok) throw new Error(`i18n ${l}: ${r.status}`);
  return r.json();
}

export async function setLang(l, persist) {
  if (!LANGS.includes(l)) l = 'en';
  // English is every language's fallback: both asked at once
  const [en, own] = await Promise.all([
    Object.keys(fallback).length === 0 ? fetchStrings('en') : fallback,
    l === 'en' ? null : fetchStrings(l)]);
  fallback = en;
  strings = own || fallback;
  lang = l;
  document.documentElement.lang = l;
  if (persist) {
    try { localStorage.setItem(STORE_KEY, l); } catch (_) { /* ignore */ }
  }
}

export function getLang() { return lang; }
export function locale() { return LOCALES[lang]; }
// Whether Intl knows a time zone name ("Europe/Kyiv" yes, "Mars/Olympus" no).
export function knownTimeZone(tz) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz }).format(0);
    return true;
  } catch (_) { return false; }
}

// The event's zone for every time shown. A zone Intl does not know (a typo
// saved in the event set-up) must not stop the pages, sign-in first: times are
// then shown in UTC, and the pages say so naming the zone (timeZoneNote).
export function setTimeZone(tz) {
  if (!tz) return;
  if (knownTimeZone(tz)) { timeZone = tz; badZone = null; } else { timeZone = 'UTC'; badZone = String(tz); }
}
export function getTimeZone() { return timeZone; }
// The zone the event names, known or not.
export function eventTimeZone() { return badZone || timeZone; }
// A sentence for pages that show times when the event's zone is unknown, or null.
export function timeZoneNote() { return badZone ? t('tz.unknown', { tz: badZone }) : null; }

// The sentence saying which zone the times are in: the zone's own name in
// the page's language where Intl has one ("за центральноєвропейським часом",
// "Central European Time"), the IANA id beside it; the id alone otherwise
// (an offset such as "GMT+00:00" is no name, nor a Ukrainian name the
// sentence cannot take).
export function timeZoneSentence() {
  const tz = eventTimeZone();
  let zone = '';
  try {
    zone = new Intl.DateTimeFormat(locale(), { timeZone: tz, timeZoneName: 'longGeneric' })
      .formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value || '';
  } catch (_) { /* an older browser: the id alone */ }
  const fits = zone && !/^(GMT|UTC)/.test(zone) && (lang !== 'uk' || zone.startsWith('за '));
  return fits ? t('agenda.tz_named', { zone, tz }) : t('agenda.tz', { tz });
}

// t('key', {n: 3}) with {name} placeholders; a missing key shows the English
// string (and the key as the last resort) so a gap is visible in tests.
export function t(key, vars) {
  let str = strings[key] ?? fallback[key] ?? key;
  if (vars) {
    str = str.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  }
  return str;
}

// Whether this page has words for key (a plural's too).
export function hasKey(key) {
  return [key, `${key}.other`].some((k) => (strings[k] ?? fallback[k]) !== undefined);
}

// t() for a sentence that holds data: values may be DOM nodes (a name marked
// translate="no"); the sentence's parts in order, for h() to append.
export function tx(key, vars) {
  const str = strings[key] ?? fallback[key] ?? key;
  return str.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? (part in vars ? vars[part] : `{${part}}`) : part))
    .filter((x) => x !== '');
}

// Plural forms through Intl.PluralRules: keys KEY.one / KEY.few / KEY.many / KEY.other.
export function tn(key, n, vars) {
  const form = new Intl.PluralRules(locale()).select(n);
  const k = strings[`${key}.${form}`] !== undefined ? `${key}.${form}` : `${key}.other`;
  return t(k, { n: num(n), ...(vars || {}) });
}

export function num(n) {
  return new Intl.NumberFormat(locale()).format(Number(n) || 0);
}

// The zone a time is shown in: zone (another event's, for a list that spans
// events) when Intl knows it, else the page's event's.
function zoneOr(zone) { return zone && knownTimeZone(zone) ? zone : timeZone; }

// Intl.DateTimeFormat in the page's locale and the event's zone (or zone);
// UTC if the zone is refused after all.
function fmt(opts, zone) {
  try {
    return new Intl.DateTimeFormat(locale(), { timeZone: zoneOr(zone), ...opts });
  } catch (_) {
    return new Intl.DateTimeFormat(locale(), { ...opts, timeZone: 'UTC' });
  }
}

// A date is its noon in UTC (the same day in every zone); a time without a
// UTC offset is the event's wall-clock time (zone's), not the viewer's.
function asDate(x, zone) {
  if (x instanceof Date) return x;
  if (typeof x === 'number') return new Date(x);
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(x))) return new Date(`${x}T12:00:00Z`);
  return new Date(instantIn(x, zoneOr(zone)));
}

// Milliseconds since 1970 of an API time, read as asDate reads it (to sort).
export function instant(x) { return asDate(x).getTime(); }

// A wall-clock time as written, "2027-02-16T11:00" (a server message's
// local time of a zone it names): day and time (or the time only), no zone
// arithmetic.
export function wallDayTime(local, timeOnly) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(String(local || ''));
  if (!m) return String(local ?? '');
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  const day = timeOnly ? {} : { weekday: 'short', day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', ...day, hour: '2-digit', minute: '2-digit' }).format(d);
}

// The day of x in the event's zone, or in zone (an event's own, as time's).
export function date(x, opts, zone) {
  const d = asDate(x, zone);
  if (Number.isNaN(d.getTime())) return String(x ?? '');
  return fmt({ dateStyle: 'long', ...(opts || {}) }, zone).format(d);
}

export function dateRange(a, b) {
  const da = asDate(a); const db = asDate(b);
  if (Number.isNaN(da.getTime())) return '';
  const f = fmt({ day: 'numeric', month: 'long', year: 'numeric' });
  if (!b || Number.isNaN(db.getTime()) || typeof f.formatRange !== 'function') return f.format(da);
  return f.formatRange(da, db);
}

// The day "YYYY-MM-DD" of instant x (ms) in the event's zone, or in zone:
// the forum's day where the event is, not UTC's nor the device's.
export function isoDay(x, zone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zoneOr(zone), year: 'numeric', month: '2-digit', day: '2-digit' }).format(x);
  } catch (_) { return new Date(x).toISOString().slice(0, 10); }
}

// A time (and its day) in the event's zone, or in zone: an event's own on a
// list of several events' (the requests page, the agenda), so that each
// meeting reads as its venue's clock says.
export function time(x, zone) {
  const d = asDate(x, zone);
  if (Number.isNaN(d.getTime())) return String(x ?? '');
  return fmt({ hour: '2-digit', minute: '2-digit' }, zone).format(d);
}

export function dayTime(x, zone) {
  const d = asDate(x, zone);
  if (Number.isNaN(d.getTime())) return String(x ?? '');
  return fmt({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, zone).format(d);
}

// The hour (0-23) of an instant in the event's timezone, for the charts.
export function hourOf(x) {
  const d = asDate(x);
  if (Number.isNaN(d.getTime())) return null;
  const p = fmt({ hour: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const hp = p.find((q) => q.type === 'hour');
  return hp ? Number(hp.value) : null;
}

// Country names in the chosen language via Intl.DisplayNames.
export function countryName(code) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale()], { type: 'region' }).of(String(code).toUpperCase()) || code;
  } catch (_) {
    return code;
  }
}

// An EU programme's or instrument's title (name: "edf", "edip"; title: the
// official English one the server gives) on this page: {text, lang}. A
// Ukrainian page says the Ukrainian title Ukraine's institutions use where
// uk.json has one (programme_title.NAME); else the English title stands,
// its lang "en" so that a Ukrainian voice does not read it.
export function officialTitle(name, title) {
  const own = lang !== 'en' ? strings[`programme_title.${name}`] : null;
  if (own) return { text: own, lang: null };
  return { text: String(title || ''), lang: lang === 'en' ? null : 'en' };
}

// Locale order with numbers by value ("Table 2" before "Table 10").
export function compare(a, b) {
  return String(a ?? '').localeCompare(String(b ?? ''), locale(), { numeric: true });
}

// A refusal the server gave a form, in the page's language: the sentence of
// its code (apierr.CODE, filled with vars) where web/i18n has one; else the
// server's own message, which is English, marked lang="en" on a page in
// another language so that a screen reader reads it with an English voice.
// Text or a node, for h() to append.
export function refusalText(e, vars) {
  const k = `apierr.${e && e.code}`;
  if (strings[k] !== undefined || fallback[k] !== undefined) return t(k, vars);
  if (!e || !e.message) return t('apierr.other');
  if (lang === 'en') return e.message;
  const el = document.createElement('span');
  el.lang = 'en';
  el.textContent = e.message;
  return el;
}

// Why an API call failed, in the page's language: the error code's own sentence
// where there is one, the server's (English) message only on English pages.
export function errorText(e) {
  if (!e) return '';
  const k = `apierr.${e.code}`;
  if (strings[k] !== undefined || fallback[k] !== undefined) {
    return lang === 'en' && e.message ? `${t(k)} (${e.message})` : t(k);
  }
  return lang === 'en' ? (e.message || '') : t('apierr.other');
}
