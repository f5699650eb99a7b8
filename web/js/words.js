// What the server says by code (docs/api.md "Words for a page"): a refusal's
// reasons said in the page's language from their code and values, a code
// this page does not know as the server's English sentence, marked so.
import { h, data, dataName } from './dom.js';
import { t, tx } from './i18n.js';
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
};

// One coded sentence: its words, or its English message marked as such.
export function coded(x, known) {
  const say = known[x && x.code];
  if (say) return say((x && x.values) || {});
  return h('span', { lang: 'en', translate: 'no', class: 'untranslated' }, String((x && x.message) || ''));
}

// What kept a chosen time or a move (a 409's "reasons"), "; " between them;
// null when the refusal says none (the caller says errorText then).
export function inTheWay(e) {
  const reasons = e && e.body && e.body.error && Array.isArray(e.body.error.reasons) ? e.body.error.reasons : [];
  if (!reasons.length) return null;
  return reasons.map((x, i) => [i ? '; ' : null, coded(x, WHY)]).concat('.');
}
