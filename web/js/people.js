// Names of people and their organisations for ids that the API returns bare,
// fetched once per page view.

import { api } from './api.js';

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
