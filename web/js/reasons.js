// Matchmaking reasons come from the engine as short English phrases; this
// turns each known shape into a translated sentence (the CPV label looked up
// in the page's language), so Ukrainian pages show no English.

import { api } from './api.js';
import { list, data } from './dom.js';
import { t, tx, getLang, countryName, num } from './i18n.js';
import { cpvLabel, cpvBare } from './cpv.js';

const labelCache = new Map();

// A word (or title) a reason quotes as the other side wrote it: in the
// page's language as it stands; in the other one, which dfnc knows no
// translation of (the engine says a known one first, docs/api.md), as a
// quotation in the page's quotation marks, its span saying its language
// (dom.js's data: by its script) for a screen reader's voice.
function quoted(text) {
  const node = data(text);
  const lang = node.getAttribute('lang');
  return lang && lang !== getLang() ? tx('why.quoted', { words: node }) : node;
}

// The words of a text reason, "ground (наземні), radar" (docs/api.md: words
// apart by ", ", the word beside in parentheses), each a span of its own, so
// that each says its own language and a Ukrainian word on an English page is
// read as Ukrainian, not spelled out; a word with no translation beside it
// in the page's language is quoted.
function words(text) {
  const out = [];
  String(text).split(', ').forEach((item, i) => {
    const m = item.match(/^(.+?) \((.+)\)$/);
    if (i) out.push(', ');
    out.push(quoted(m ? m[1] : item));
    if (m) out.push(' (', data(m[2]), ')');
  });
  return out;
}

// The code's label in the page's language, or null.
async function cpvText(code8) {
  const key = `${getLang()}:${code8}`;
  if (!labelCache.has(key)) {
    labelCache.set(key, api.cpv(code8, getLang(), 1)
      .then((r) => {
        const c = list(r, 'cpv', 'codes').find((x) => String(x.code).startsWith(code8));
        return c ? cpvLabel(c) : null;
      })
      .catch(() => null));
  }
  return labelCache.get(key);
}

// A cited code's reason (key: why.offers...): the code and its label in the
// page's language; without one (the classifier not loaded), "CPV 35613000",
// which a reader knows for a code, and the label the engine gave (its
// English one, the capability's) as it is on an English page, quoted on
// another.
async function cpvReason(key, code8, given) {
  const label = await cpvText(code8);
  if (label) return t(key, { code: code8, label });
  if (given) return tx(key, { code: cpvBare(code8), label: quoted(given) });
  // the gap of the label left out closed ("CPV 35613000, which", "CPV 35613000 — те")
  return t(key, { code: cpvBare(code8), label: '' }).replace(/ {2,}/g, ' ').replace(/ ,/g, ',');
}

const PATTERNS = [
  [/^offers (\d{8}) ?(.*?), which you need( \(related\))?$/, async (m) =>
    cpvReason(m[3] ? 'why.offers_related' : 'why.offers', m[1], m[2])],
  [/^needs (\d{8}) ?(.*?), which you offer( \(related\))?$/, async (m) =>
    cpvReason(m[3] ? 'why.needs_related' : 'why.needs', m[1], m[2])],
  [/^EU-Ukraine pair \((\w\w)\)$/, async (m) => t('why.eu_ua', { country: countryName(m[1]) })],
  [/^no language in common: an interpreter is needed$/, async () => t('why.no_language')],
  [/^worked with you on (\d+) projects?$/, async (m) => t('why.worked_with', { n: num(m[1]) })],
  [/^worked with (\d+) of your past partners$/, async (m) => t('why.common_partners', { n: num(m[1]) })],
  [/^worked with (\d+) of your past partners, all of them on projects like this one$/, async (m) =>
    t('why.common_partners_all', { n: num(m[1]) })],
  [/^worked with (\d+) of your past partners, (\d+)\+? of them on projects like this one$/, async (m) =>
    t('why.common_partners_near', { n: num(m[1]), near: num(m[2]) })],
  [/^worked with (\d+) of the other best matches$/, async (m) => t('why.with_best', { n: num(m[1]) })],
  [/^worked on (\d+) projects? similar to this one: (.*)$/, async (m) =>
    tx('why.similar_projects', { n: num(m[1]), titles: quoted(m[2]) })],
  [/^a public body \(end user\) that took part in (\d+) projects$/, async (m) => t('why.end_user', { n: num(m[1]) })],
  [/^named in the text$/, async () => t('why.named')],
  [/^based in (\w\w), like you$/, async (m) => t('why.same_country', { country: countryName(m[1]) })],
  [/^took part in (\d+) projects$/, async (m) => t('why.projects', { n: num(m[1]) })],
  [/^text: (.*)$/, async (m) => tx('why.text', { words: words(m[1]) })],
  [/^looks for: (.*)$/, async (m) => tx('why.wants', { words: words(m[1]) })],
];

export async function reasonText(why) {
  if (why && typeof why === 'object') {
    if (why.code && t(`why.${why.code}`) !== `why.${why.code}`) return t(`why.${why.code}`, why);
    why = why.text || why.message || '';
  }
  for (const [re, fn] of PATTERNS) {
    const m = String(why).match(re);
    if (m) return fn(m);
  }
  return getLang() === 'en' ? String(why) : t('why.other');
}
