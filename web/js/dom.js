// Small DOM helpers: build elements without innerHTML, so text from the API
// is never parsed as markup and the page works under a strict CSP.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Text the participants or organisers wrote (a name, a venue, an id), not
// the UI's: no browser translates it, and the language check skips it.
export function data(text, attrs) {
  return h('span', { ...attrs, translate: 'no' }, text);
}

// el.append() that skips null/false children (conditional parts of a page).
export function add(el, ...children) {
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

// A box that scrolls sideways what is wider than a phone (a table, a
// chart). A keyboard scrolls it with the arrow keys once it has the focus,
// so while it overflows it takes the focus, a region named by attrs
// ('aria-labelledby' or 'aria-label') that a screen reader can say; when all
// of it fits, it is no stop on the way.
export function scroller(attrs, ...children) {
  const el = h('div', { ...attrs, class: 'scroll', role: 'region' }, ...children);
  const fit = () => {
    if (el.scrollWidth > el.clientWidth) el.tabIndex = 0;
    else el.removeAttribute('tabindex');
  };
  new ResizeObserver(fit).observe(el);
  return el;
}

// A labelled form field: label + control (+ optional hint), ids wired.
export function field(label, control, hint) {
  const id = control.id || nextId('f');
  control.id = id;
  const hintEl = hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

// Accepts an array or an object wrapping one ({items:[..]}, {KEY:[..]}).
export function list(x, ...keys) {
  if (Array.isArray(x)) return x;
  if (!x || typeof x !== 'object') return [];
  for (const k of [...keys, 'items', 'results', 'data']) {
    if (Array.isArray(x[k])) return x[k];
  }
  return [];
}
