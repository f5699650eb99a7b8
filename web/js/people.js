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

const orgs = new Map();

// An organisation's public profile (name, name_uk, country...), fetched once.
export function orgInfo(id) {
  if (!id) return Promise.resolve({ id: '', name: '' });
  if (!orgs.has(id)) orgs.set(id, api.organisation(id).catch(() => ({ id, name: id })));
  return orgs.get(id);
}

// The organisation's name in the page's language where it has one.
export function orgLabel(o) {
  if (!o) return '';
  return (document.documentElement.lang === 'uk' && o.name_uk) ? o.name_uk : o.name;
}

export function forgetPeople() { cache.clear(); orgs.clear(); }

// A meeting's place: the demo's and most imports' "Table 12" in the page's
// language; any other name as the organisers wrote it.
export function tableName(m) {
  const name = m.location_name || m.location || '';
  const k = name.match(/^Table (\w+)$/i);
  if (k) return t('agenda.table_n', { n: k[1] });
  return name ? h('span', { translate: 'no' }, name) : '—';
}
