// Form fields and the server's limits. The server counts a text's length in
// UTF-8 bytes (src/http/handlers*.c): 200 bytes hold 200 Latin letters but
// only about 100 Cyrillic ones. A field says its limit before the server
// refuses it, and a 422 that names a field is said against that field.

import { t, getLang } from './i18n.js';
import { h, field, nextId } from './dom.js';
import { fieldWhy } from './words.js';

const bytes = (s) => new TextEncoder().encode(s).length;

function labelOf(control) {
  const l = control.labels && control.labels[0];
  return (l ? l.textContent : control.getAttribute('aria-label') || control.name).trim();
}

function tooLong(control, max) {
  return t('form.too_long', { field: labelOf(control), max, letters: Math.floor(max / 2) });
}

// The server's limit for a text field: no more characters than bytes, and
// the browser's own validity says when the UTF-8 text is longer.
const checks = new WeakMap();

export function limit(control, max) {
  control.maxLength = max;
  control.dataset.maxBytes = String(max);
  const check = () => control.setCustomValidity(bytes(control.value.trim()) > max ? tooLong(control, max) : '');
  checks.set(control, check);
  control.addEventListener('input', check);
  check();
  return control;
}

// The server's rule for a password being set (src/app/auth.c,
// app_password_check): at least PASSWORD_MIN characters as a person counts
// them (letters() below, the server's utf8_letters), and at most
// PASSWORD_MAX_BYTES bytes of UTF-8. Not minlength, which counts UTF-16
// units: four emoji would be eight of them.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX_BYTES = 1024;

// A combining mark (the same ranges as src/core/utf8.c's utf8_is_combining)
// is part of the letter before it: й typed as и + U+0306 is one letter.
const COMBINING = /^[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]$/;

function letters(s) {
  let n = 0;
  for (const c of s) if (n === 0 || !COMBINING.test(c)) n += 1;
  return n;
}

export function passwordRule(control) {
  const check = () => {
    const v = control.value;
    control.setCustomValidity(
      v !== '' && letters(v) < PASSWORD_MIN ? t('form.too_short', { field: labelOf(control), min: PASSWORD_MIN })
        : bytes(v) > PASSWORD_MAX_BYTES ? tooLong(control, PASSWORD_MAX_BYTES)
          : '');
  };
  control.addEventListener('input', check);
  check();
  return control;
}

// text cut at a word to fit max bytes, with an ellipsis when cut (a CPV
// label offered as a title may be longer than a Cyrillic title may be).
export function fit(text, max) {
  const s = String(text || '');
  if (bytes(s) <= max) return s;
  let cut = s;
  while (cut && bytes(`${cut}…`) > max) cut = cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length - 1);
  return `${cut.replace(/[\s,;:]+$/, '')}…`;
}

// A field found wrong: aria-invalid, until it is changed, so that a screen
// reader says so on it; flash() ties the message saying why to it.
export function markInvalid(control) {
  control.setAttribute('aria-invalid', 'true');
  control.addEventListener('input', () => control.removeAttribute('aria-invalid'), { once: true });
}

// The message el (its id) added to, or taken out of, the aria-describedby of
// the fields in container marked invalid: a screen reader that comes back to
// the field hears why it is wrong, beside its hint.
export function describeBy(container, el, on) {
  for (const c of container.querySelectorAll(on ? '[aria-invalid=true]' : '[aria-describedby]')) {
    const ids = (c.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== el.id);
    if (on) ids.push(el.id);
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' ')); else c.removeAttribute('aria-describedby');
  }
}

// Why the browser finds control invalid, in the page's language: its own
// validationMessage is in the browser's ("Please fill out this field." on a
// Ukrainian page). A custom check's message is the page's already.
function whyInvalid(c) {
  const v = c.validity;
  const field = labelOf(c);
  if (v.customError) return c.dataset.maxBytes ? c.validationMessage : `${field}: ${c.validationMessage}`;
  if (v.valueMissing) return t('form.required', { field });
  if (v.typeMismatch && (c.type === 'email' || c.type === 'url')) return t(`form.${c.type}`, { field });
  if (v.rangeUnderflow || v.rangeOverflow) {
    const key = c.min !== '' && c.max !== '' ? 'form.range' : c.min !== '' ? 'form.min' : 'form.max';
    return t(key, { field, min: c.min, max: c.max });
  }
  if (v.stepMismatch || v.badInput) return t('form.whole', { field });
  if (v.tooShort) return t('form.too_short', { field, min: c.minLength });
  return t('form.invalid_field', { field });
}

// What is wrong with the first field of form the browser finds invalid (its
// limit, a required field left empty, a custom check), after focusing it;
// null when every field is valid. (Forms that use it are novalidate: the
// page says it in its own words, where a screen reader hears it.)
export function invalid(form) {
  // values set by the page (not typed) are checked too
  form.querySelectorAll('[data-max-bytes]').forEach((x) => checks.get(x)?.());
  const c = form.querySelector(':invalid');
  if (!c) return null;
  markInvalid(c);
  c.focus();
  return whyInvalid(c);
}

// The browser's own bubbles (forms without novalidate, such as sign-in) in
// the page's language: each refusal is given the page's words as the
// field's custom message, taken back as soon as the field changes (before
// the field's own checks run, which may set theirs again).
const ours = new WeakSet();

export function validityInPageLanguage(root) {
  const forget = (e) => {
    if (ours.has(e.target)) {
      ours.delete(e.target);
      e.target.setCustomValidity('');
    }
  };
  root.addEventListener('input', forget, true);
  root.addEventListener('change', forget, true);
  root.addEventListener('invalid', (e) => {
    const c = e.target;
    if (!c.validity || c.validity.customError) return; // the page's own message stands
    c.setCustomValidity(whyInvalid(c));
    ours.add(c);
  }, true);
}

// Which field a 422 names: a reply that gives it ({"error": {"field"}}) is
// taken at its word; else the server's message starts with the field's name
// (src/http/json_in.c: "name is longer than 200 bytes", "title is required";
// src/app/fields.c: 'languages "uk;xx": "xx" is not an ISO 639-1 language
// code'). What is wrong is said from the refusal's code (docs/api.md "Words
// for a page").
const NAMED = /^([a-z_]+)(?: ".*")?(?: is longer than (\d+) bytes| is shorter than \d+ bytes| is required| must be .*| is not .*| names .*|: .*)$/s;

// What to say when a form's save failed, naming the field the server names
// (marked and focused); null when the error names none of the form's fields.
export function fieldError(form, e) {
  if (!e || e.code !== 'invalid') return null;
  const m = NAMED.exec(String(e.message || ''));
  const given = e.body && e.body.error && e.body.error.field;
  const name = given || (m && m[1]);
  const control = name && form.querySelector(`[name="${name}"]`);
  if (!control) return null;
  markInvalid(control);
  control.focus();
  const said = fieldWhy(e, labelOf(control));
  if (typeof said === 'string') return said;
  // no code this page knows: the field named, and its limit where the server said one
  return m && m[1] === name && m[2] ? tooLong(control, Number(m[2])) : t('form.invalid_field', { field: labelOf(control) });
}

// Every two-letter code Intl names in the page's language, and each name
// (and its English one) to its code: a person may write "польська" or
// "Polish" where the server wants "pl".
let namesOf = null;
function languageNames() {
  const l = getLang();
  if (namesOf && namesOf.lang === l) return namesOf;
  const own = new Intl.DisplayNames([l], { type: 'language', fallback: 'none' });
  const en = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const name = new Map();
  const code = new Map();
  const a = 'a'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const c = String.fromCharCode(a + i, a + j);
      let n;
      try { n = own.of(c); } catch (_) { n = undefined; }
      if (!n) continue;
      name.set(c, n);
      for (const w of [n, en.of(c)]) if (w && !code.has(w.toLowerCase())) code.set(w.toLowerCase(), c);
    }
  }
  namesOf = { lang: l, name, code };
  return namesOf;
}

// A language's name in the page's language, its first letter capital
// ("Українська", "Polish"); the code itself where Intl has none.
export function languageName(c) {
  const n = languageNames().name.get(c);
  return n ? n[0].toLocaleUpperCase(getLang()) + n.slice(1) : c;
}

// Language codes as a person writes them, "UK, en", "uk en" or by name,
// "українська, англійська", in the server's form, "uk;en" (docs/api.md,
// PUT /me); words no language has are left for the server to refuse by
// their field.
export function languageCodes(text) {
  const { code } = languageNames();
  const out = [];
  for (const part of text.split(/[,;]+/).map((x) => x.trim()).filter(Boolean)) {
    const whole = code.get(part.toLowerCase());
    if (whole) { out.push(whole); continue; }
    for (const w of part.split(/\s+/)) out.push(/^[A-Za-z]{2}$/.test(w) ? w.toLowerCase() : code.get(w.toLowerCase()) || w);
  }
  return [...new Set(out)].join(';');
}

// The languages she meets in: a box for each of the forum's most spoken,
// named in the page's language, and a field for the others, written by
// name or code. value() keeps her stored order for those she keeps (the
// first of Ukrainian and English chooses her mails' language), then adds
// the new ones. The field is named "languages", so a refusal is said there.
const COMMON_LANGUAGES = ['uk', 'en', 'pl', 'de', 'fr', 'it', 'es', 'cs'];
export function languagesPicker(current, attrs = {}) {
  const had = (current || '').split(/[;,\s]+/).filter(Boolean);
  const boxes = COMMON_LANGUAGES.map((c) => h('input', { type: 'checkbox', value: c, name: 'language', checked: had.includes(c) }));
  const other = limit(h('input', { name: 'languages', autocomplete: 'off', spellcheck: 'false', ...attrs,
    value: had.filter((c) => !COMMON_LANGUAGES.includes(c)).map(languageName).join(', ') }), 100);
  const value = () => {
    const chosen = [...boxes.filter((b) => b.checked).map((b) => b.value),
      ...languageCodes(other.value).split(';').filter(Boolean)];
    return [...new Set([...had.filter((c) => chosen.includes(c)), ...chosen])].join(';');
  };
  const el = h('fieldset', { class: 'languages' }, h('legend', {}, t('profile.languages')),
    h('div', { class: 'language-boxes' }, boxes.map((b) => {
      b.id = nextId(`lang-${b.value}`);
      return h('div', { class: 'field check' }, b, h('label', { for: b.id }, languageName(b.value)));
    })),
    field(t('profile.languages_other'), other, t('profile.languages_hint')));
  return { el, input: other, value };
}
