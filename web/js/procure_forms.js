// A buyer's demand and a supplier's offer stated on the /procurement page:
// the form to add or change one (the CPV picker of the profile page, units,
// dates, euros) and a card's Edit and Withdraw. The server checks the fields
// as its importer does (src/app/procure_import.c) and names the field it
// refuses; its refusals are said here in the page's language by their codes.

import { api } from './api.js';
import { h, field, nameLang, nextId } from './dom.js';
import { t, tn, num, getLang, locale, countryName } from './i18n.js';
import { flash, refuse, whileBusy } from './app.js';
import { cpvPicker } from './cpv.js';
import { comboList } from './combo.js';
import { limit, invalid, markInvalid } from './forms.js';
import { refusalWhy, fieldWhy } from './words.js';

// The server's limits (src/app/procure_import.h, src/http/api.h, src/app/fields.h).
const TEXT_MAX = 4000;
const UNIT_MAX = 64;
const QUANTITY_MAX = 1000000000;
const PRICE_MAX = 1000000000;
const LEAD_TIME_MAX = 3650;

// Each kind's fields, in the order the form asks them: [name, key of its
// label, kind of control, limits].
const FIELDS = {
  demands: [
    ['description', 'proc.f_description', 'text'],
    ['quantity', 'proc.f_quantity', 'whole', { min: 1, max: QUANTITY_MAX }],
    ['unit', 'proc.f_unit', 'line', { required: true, max: UNIT_MAX }],
    ['deliver_by', 'proc.f_deliver_by', 'date'],
    ['max_unit_price_eur', 'proc.f_max_price', 'eur'],
    ['funder_countries', 'proc.f_funders', 'countries'],
  ],
  supplies: [
    ['description', 'proc.f_description', 'text'],
    ['capacity_per_month', 'proc.f_capacity', 'whole', { min: 1, max: QUANTITY_MAX }],
    ['unit', 'proc.f_unit', 'line', { max: UNIT_MAX }],
    ['unit_price_eur', 'proc.f_unit_price', 'eur'],
    ['lead_time_days', 'proc.f_lead_time', 'whole', { min: 0, max: LEAD_TIME_MAX }],
    ['production_country', 'proc.f_made_in', 'country'],
    ['eu_content_pct', 'proc.f_eu_content', 'pct', { required: true }],
    ['ua_content_pct', 'proc.f_ua_content', 'pct', {}],
  ],
};

const today = () => new Date().toISOString().slice(0, 10);

function control(name, kind, lim) {
  const o = lim || {};
  switch (kind) {
    case 'text': return limit(h('textarea', { name, rows: 2 }), TEXT_MAX);
    case 'line': return limit(h('input', { name, required: o.required, autocomplete: 'off' }), o.max);
    case 'whole': return h('input', { name, type: 'number', inputmode: 'numeric', min: o.min, max: o.max, step: 1, required: true });
    case 'eur': return h('input', { name, type: 'number', inputmode: 'decimal', min: 0.01, max: PRICE_MAX, step: 0.01, required: true });
    case 'pct': return h('input', { name, type: 'number', inputmode: 'decimal', min: 0, max: 100, step: 0.1, required: o.required });
    case 'date': return h('input', { name, type: 'date', min: today(), required: true });
    case 'country': return h('input', { name, required: true, maxlength: 2, pattern: '[A-Za-z]{2}', autocomplete: 'off', autocapitalize: 'characters', class: 'short' });
    case 'countries': return h('input', { name, autocomplete: 'off', autocapitalize: 'characters', pattern: '[A-Za-z]{2}([ ,;]+[A-Za-z]{2})*' });
    default: return h('input', { name });
  }
}

const HINTS = {
  funder_countries: 'proc.f_funders_hint', production_country: 'proc.f_country_hint',
  max_unit_price_eur: 'proc.f_eur_hint', unit_price_eur: 'proc.f_eur_hint', unit: 'proc.f_unit_hint',
};
// an offer's unit is optional: left empty it serves any unit of its CPV code
const SUPPLY_HINTS = { unit: 'proc.f_supply_unit_hint' };

// What to say of a refused save: the field the server names marked and
// focused, the sentence in the page's language from the refusal's code
// (docs/api.md "Words for a page"); a code this page does not know is the
// server's English, marked so.
function refusal(form, e) {
  const err = (e && e.body && e.body.error) || {};
  const c = err.field && form.querySelector(`[name="${err.field}"]`);
  if (!c || (e && e.code !== 'invalid')) return refusalWhy(e);
  markInvalid(c);
  c.focus();
  const label = (c.labels && c.labels[0] ? c.labels[0].textContent : err.field).trim();
  return fieldWhy(e, label) || t('form.invalid_field', { field: label });
}

// Funders typed "de, se" or "DE;SE" as the API's list.
const codes = (v) => String(v || '').toUpperCase().split(/[\s,;]+/).filter(Boolean);

function numberOrNull(v) {
  return v === '' || v === null || v === undefined ? null : Number(v);
}

// The kinds of organisation in the order the organiser's picker lists them:
// a demand is most often a government body's, an offer a company's.
const KIND_ORDER = {
  demands: ['government', 'company', 'research', 'association', 'other'],
  supplies: ['company', 'research', 'government', 'association', 'other'],
};

// How many organisations the picker lists at once: the first of the
// matches in its order, the rest found by typing more.
const ORG_SHOWN = 50;

// Lower case, without accents or apostrophes, to match typed text against
// names in either language ("мiнобор", "Ministere").
const fold = (x) => String(x || '').normalize('NFD').replace(/[\u0300-\u036f'’ʼ]/g, '').toLowerCase();

// The organiser's choice of the buyer or supplier (orgs: GET
// /organisations' rows): a combobox over every organisation, found by part
// of its name in either language or its id, listed by kind (government
// bodies first for a demand, companies first for an offer), then by name as
// the reader reads it. Its input's name is the API's field, so that the
// server's refusal of it is marked here. label: its label, the buyer's or
// the supplier's unless given. Returns {el, input, value(), set(id)}.
export function orgPicker(kind, orgs, onchoose, label = t(kind === 'demands' ? 'proc.f_buyer' : 'proc.f_supplier')) {
  const name = kind === 'demands' ? 'buyer' : 'organisation';
  const order = KIND_ORDER[kind];
  const shown = (o) => (o.name_uk && getLang() === 'uk' ? o.name_uk : o.name);
  const rank = (o) => (order.includes(o.kind) ? order.indexOf(o.kind) : order.length - 1);
  const all = [...orgs].sort((a, b) => rank(a) - rank(b) || shown(a).localeCompare(shown(b), locale()))
    .map((o) => ({ o, keys: [fold(o.name), fold(o.name_uk), fold(o.id)] }));
  const id = nextId('org');
  const lbId = `${id}-list`;
  let chosen = '';
  let items = [];
  const input = h('input', {
    id, name, type: 'text', role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list',
    'aria-expanded': 'false', 'aria-controls': lbId, 'aria-required': 'true', placeholder: t('proc.f_org_placeholder'),
  });
  const lb = h('ul', { id: lbId, role: 'listbox', class: 'listbox', hidden: true, 'aria-label': label });
  const status = h('span', { class: 'sr-only', role: 'status' });
  const text = (o) => `${shown(o)} (${countryName(o.country)})`;
  function choose(i) {
    const o = items[i];
    chosen = o.id;
    input.value = text(o);
    combo.close();
    if (onchoose) onchoose(o);
  }
  // the matches of what is typed (every one when nothing is), as options
  function search() {
    const q = fold(input.value.trim());
    const found = q ? all.filter((x) => x.keys.some((k) => k.includes(q))) : all;
    items = found.slice(0, ORG_SHOWN).map((x) => x.o);
    lb.replaceChildren(...items.map((o, i) => h('li', {
      id: `${id}-o${i}`, role: 'option', 'aria-selected': 'false', translate: 'no', lang: nameLang(shown(o)), dataset: { org: o.id },
      onmousedown: (ev) => { ev.preventDefault(); choose(i); },
    }, text(o), ' ', h('span', { class: 'muted', lang: getLang(), translate: 'yes' }, `· ${t(`kind.${order.includes(o.kind) ? o.kind : 'other'}`)}`))));
    status.textContent = found.length > items.length ? t('proc.f_org_more', { n: num(items.length), all: num(found.length) })
      : found.length ? tn('proc.f_org_results', found.length) : t('proc.f_org_none');
    combo.shown(items.length);
  }
  const combo = comboList(input, lb, choose, search);
  input.addEventListener('input', () => { chosen = ''; search(); });
  const el = h('div', { class: 'field combo' }, h('label', { for: id }, label), input, lb, status);
  // what was typed, when it is one organisation's id or whole name
  const typed = () => {
    const q = fold(input.value.trim());
    const same = q ? all.filter((x) => x.keys.includes(q) || fold(text(x.o)) === q) : [];
    return same.length === 1 ? same[0].o.id : '';
  };
  return {
    el,
    input,
    value: () => chosen || typed(),
    set: (oid) => {
      const x = all.find((y) => y.o.id === oid);
      chosen = x ? oid : '';
      input.value = x ? text(x.o) : (oid || '');
      combo.close();
    },
  };
}

// The form for kind ('demands' or 'supplies'), hidden until asked; onsaved
// re-reads the plan. Returns {el, open(item, from)}: item undefined a new one.
// orgs given (the organiser's console), the form asks whose it is first.
export function procurementForm(kind, org, onsaved, orgs) {
  const isDemand = kind === 'demands';
  const fid = isDemand ? 'proc-demand-form' : 'proc-supply-form';
  let editing = null;
  const controls = {};
  // the console's offer is made where its supplier is, until the organiser
  // writes another country (one they typed is never overwritten)
  let filled = '';
  const madeWhere = (o) => {
    const c = controls.production_country;
    if (!isDemand && c && (c.value === '' || c.value === filled)) c.value = filled = o.country || '';
  };
  const whose = orgs ? orgPicker(kind, orgs, madeWhere) : null;
  const picker = cpvPicker(t('proc.f_cpv'), { required: true });
  picker.input.name = 'cpv';
  const rows = FIELDS[kind].map(([name, key, ctl, lim]) => {
    controls[name] = control(name, ctl, lim);
    const hintKey = (!isDemand && SUPPLY_HINTS[name]) || HINTS[name];
    const hint = hintKey ? t(hintKey, { country: countryName(org && org.country), code: (org && org.country) || '' }) : null;
    return field(t(key), controls[name], hint);
  });
  const title = h('h2', { id: `${fid}-h` });
  // told apart from the other form's by the heading
  const cancel = h('button', { type: 'button', class: 'link', 'aria-describedby': `${fid}-h` }, t('proc.cancel'));
  const submitBtn = h('button', { type: 'submit', class: 'primary', 'aria-describedby': `${fid}-h` });
  const form = h('form', { id: fid, class: 'card', novalidate: true, hidden: true, 'aria-labelledby': `${fid}-h` },
    title, whose && whose.el, picker.el, rows, h('p', { class: 'actions' }, submitBtn, ' ', cancel));

  function body() {
    const v = (n) => controls[n].value.trim();
    const out = { cpv: picker.value(), description: v('description') || null };
    if (whose) out[isDemand ? 'buyer' : 'organisation'] = whose.value();
    if (isDemand) {
      Object.assign(out, {
        quantity: numberOrNull(v('quantity')), unit: v('unit'), deliver_by: v('deliver_by'),
        max_unit_price_eur: numberOrNull(v('max_unit_price_eur')), funder_countries: codes(v('funder_countries')),
      });
    } else {
      Object.assign(out, {
        capacity_per_month: numberOrNull(v('capacity_per_month')), unit: v('unit') || null,
        unit_price_eur: numberOrNull(v('unit_price_eur')),
        lead_time_days: numberOrNull(v('lead_time_days')), production_country: v('production_country').toUpperCase(),
        eu_content_pct: numberOrNull(v('eu_content_pct')), ua_content_pct: numberOrNull(v('ua_content_pct')),
      });
    }
    return out;
  }

  // its heading and button say whether it adds or changes
  function name() {
    title.textContent = t(editing ? (isDemand ? 'proc.edit_demand' : 'proc.edit_supply') : (isDemand ? 'proc.add_demand' : 'proc.add_supply'));
    submitBtn.textContent = t(editing ? 'proc.save_change' : (isDemand ? 'proc.add_demand_button' : 'proc.add_supply_button'));
  }
  name();

  // the button that opened the form, which takes the focus back when it
  // closes (a keyboard or screen-reader user is not left at the page's top)
  let opener = null;
  function close() {
    form.hidden = true;
    if (opener && opener.isConnected) opener.focus();
  }

  // from: the button that asked (the focused element by default; an Edit
  // that read the item first may have lost it meanwhile)
  function open(item, from) {
    opener = from || document.activeElement;
    editing = item || null;
    name();
    form.querySelector('.flash')?.remove();
    form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    const x = item || {};
    if (whose) whose.set(x.buyer || x.organisation || '');
    filled = '';
    if (x.cpv) picker.set(x.cpv); else picker.reset();
    for (const [name] of FIELDS[kind]) {
      const val = name === 'funder_countries' ? (x[name] || []).join(', ')
        : name === 'production_country' ? (x[name] || (item ? '' : (org && org.country) || ''))
          : x[name];
      controls[name].value = val === null || val === undefined ? '' : String(val);
    }
    form.hidden = false;
    (whose ? whose.input : picker.input).focus();
  }

  cancel.addEventListener('click', close);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (whose && !whose.value()) { refuse(form, whose.input, t('proc.f_org_missing')); return; }
    if (!/^\d{8}-\d$/.test(picker.value())) { refuse(form, picker.input, t('caps.pick_cpv')); return; }
    const bad = invalid(form);
    if (bad) { flash(form, `${t('error.save')} ${bad}`, 'error'); return; }
    await whileBusy([submitBtn, cancel], async () => {
      try {
        await api.saveProcurement(kind, editing && editing.id, body());
      } catch (e) {
        flash(form, [t('error.save'), ' ', refusal(form, e)], 'error');
        return;
      }
      close();
      await onsaved(t(editing ? 'proc.changed' : (isDemand ? 'proc.demand_added' : 'proc.supply_added')));
    });
  });
  return { el: form, open };
}

// Withdraw (after a confirmation) item of kind, named label; onchanged
// re-reads the plan, the elements of ids facts tell it from another of the
// same code; the confirmation names it as asked (label by default).
export function withdrawButton(kind, item, label, onchanged, facts, asked) {
  const isDemand = kind === 'demands';
  return h('button', {
    type: 'button', class: 'link danger withdraw', 'aria-label': t('proc.withdraw_named', { what: label }), 'aria-describedby': facts,
    onclick: async (ev) => {
      if (!window.confirm(t(isDemand ? 'proc.withdraw_demand_confirm' : 'proc.withdraw_supply_confirm', { what: asked || label }))) return;
      const where = ev.target.closest('li, td') || ev.target.parentNode;
      try {
        await api.withdrawProcurement(kind, item.id);
      } catch (e) {
        flash(where, [t('error.save'), ' ', refusalWhy(e)], 'error');
        return;
      }
      await onchanged(t('proc.withdrawn'));
    },
  }, t('proc.withdraw'));
}

// A card's Edit and Withdraw; onchanged re-reads the plan. label names the
// card (its CPV), the element of id facts tells it from another of the same
// code (quantity, date).
export function cardActions(kind, item, label, form, onchanged, facts) {
  return h('p', { class: 'actions' },
    h('button', { type: 'button', class: 'edit', 'aria-label': t('proc.edit_named', { what: label }), 'aria-describedby': facts, onclick: () => form.open(item) }, t('proc.edit')),
    ' ',
    withdrawButton(kind, item, label, onchanged, facts));
}
