// Names of people and their organisations for ids that the API returns bare,
// fetched once per page view.

import { api } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

const cache = new Map();

export function personInfo(id, hint) {
  if (hint && typeof hint === 'object' && hint.name) return Promise.resolve(hint);
  if (!id) return Promise.resolve({ id: '', name: '' });
  if (!cache.has(id)) {
    cache.set(id, api.person(id).catch(() => ({ id, name: id })));
  }
  return cache.get(id);
}

export function forgetPeople() { cache.clear(); }

// A meeting's place: the demo's and most imports' "Table 12" in the page's
// language; any other name as the organisers wrote it.
export function tableName(m) {
  const name = m.location_name || m.location || '';
  const k = name.match(/^Table (\w+)$/i);
  if (k) return t('agenda.table_n', { n: k[1] });
  return name ? h('span', { translate: 'no' }, name) : '—';
}
