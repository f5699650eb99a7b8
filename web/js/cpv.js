// The CPV picker: an accessible combobox over GET /api/v1/cpv?q=&lang= that
// shows the labels in the page's language (the store's cpv table holds both).

import { api } from './api.js';
import { h, clear, nextId, list } from './dom.js';
import { t, tn, getLang } from './i18n.js';
import { comboList } from './combo.js';

export function cpvLabel(c) {
  if (!c) return '';
  const l = getLang();
  return (l === 'uk' ? c.label_uk || c.label : c.label_en || c.label) || c.label_en || c.label_uk || '';
}

// A CPV code shown without its label (the classifier not loaded): "CPV
// 35613000", and a group, the first digits of its codes, "CPV 356…", so that
// a reader knows the digits for a classifier's code.
export function cpvBare(code, group) {
  return `CPV ${code}${group ? '…' : ''}`;
}

// Returns {el, value()} where value() is the chosen code or ''.
export function cpvPicker(labelText, opts) {
  const id = nextId('cpv');
  const lbId = `${id}-list`;
  let chosen = '';
  let items = [];
  let timer = null;
  const input = h('input', {
    id, type: 'text', role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list',
    'aria-expanded': 'false', 'aria-controls': lbId, placeholder: t('cpv.placeholder'),
    required: opts && opts.required, name: opts && opts.name,
  });
  const lb = h('ul', { id: lbId, role: 'listbox', class: 'listbox', hidden: true, 'aria-label': labelText });
  const status = h('span', { class: 'sr-only', role: 'status' });
  function choose(i) {
    const c = items[i];
    if (!c) return;
    chosen = c.code;
    input.value = `${c.code} ${cpvLabel(c)}`;
    combo.close();
    if (opts && opts.onchoose) opts.onchoose(c);
  }
  const combo = comboList(input, lb, choose);
  const close = () => combo.close();
  async function search() {
    const q = input.value.trim();
    if (q.length < 2) { close(); return; }
    let res = [];
    try { res = list(await api.cpv(q, getLang(), 20), 'cpv', 'codes'); } catch (_) { res = []; }
    if (input.value.trim() !== q) return;
    items = res;
    clear(lb);
    items.forEach((c, i) => lb.append(h('li', {
      id: `${id}-o${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (ev) => { ev.preventDefault(); choose(i); },
    }, h('span', { class: 'code' }, c.code), ' ', cpvLabel(c))));
    status.textContent = items.length ? tn('cpv.results', items.length) : t('cpv.none');
    combo.shown(items.length);
  }
  input.addEventListener('input', () => {
    chosen = '';
    clearTimeout(timer);
    timer = setTimeout(search, 180);
  });
  const el = h('div', { class: 'field combo' }, h('label', { for: id }, labelText), input, lb, status);
  return {
    el,
    input,
    value: () => chosen || (input.value.match(/^\d{8}-\d/) || [''])[0],
    // what is typed, chosen or not
    text: () => input.value.trim(),
    // back to the field with the list open again (after typed text was not a code)
    reopen: () => { input.focus(); search(); },
    reset: () => { chosen = ''; input.value = ''; close(); },
    // a code given (from the address), its label when the classifier has it
    set: (code) => {
      chosen = code;
      input.value = code;
      cpvName(code).then((label) => { if (chosen === code && label) input.value = `${code} ${label}`; });
    },
  };
}

const names = new Map();

// The classifier's label of a code in the page's language ('' if unknown).
export function cpvName(code) {
  const key = `${getLang()}:${code}`;
  if (!names.has(key)) {
    names.set(key, api.cpv(String(code).slice(0, 8), getLang(), 1)
      .then((r) => {
        const c = list(r, 'cpv').find((x) => x.code === code || x.code.startsWith(String(code).slice(0, 8)));
        return c ? cpvLabel(c) : '';
      })
      .catch(() => ''));
  }
  return names.get(key);
}

// A capability line: code, the classifier's label in the page's language, and
// the organisation's own title (its words, not translated) when it differs.
export async function capabilityLine(c) {
  const label = await cpvName(c.cpv);
  const same = label && c.title && label.toLowerCase() === String(c.title).toLowerCase();
  return [h('span', { class: 'code' }, c.cpv), ' ', label ? h('strong', {}, label) : null,
    c.title && !same ? [label ? ' — ' : '', h('span', { translate: 'no', class: label ? 'muted' : '' }, c.title)] : null];
}
