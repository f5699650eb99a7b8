// Joint procurement: the plan of an EU instrument (EDIRPA, EDIP, SAFE) as
// the reader may see it. A buyer's people see their organisation's demands,
// each with its joint lot or why it has none, and who delivers; a
// supplier's people their supplies and what the plan gives them to deliver;
// the organiser the whole plan and its OCDS package. The instrument's rules
// are said in words with their articles; the engine's reasons are
// translated where their shape is known. The people of an organisation
// add, change and withdraw its demands and offers here (procure_forms.js).

import { api } from '../api.js';
import { h, add, data, list, scroller, outcome, dataName } from '../dom.js';
import { t, tx, tn, num, locale, getLang, countryName, errorText, officialTitle, hasKey } from '../i18n.js';
import { role, state } from '../app.js';
import { cpvLabel } from '../cpv.js';
import { procurementForm, cardActions, withdrawButton } from '../procure_forms.js';

// ---- formatting -------------------------------------------------------------------

function money(eur, whole) {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR', maximumFractionDigits: whole ? 0 : 2 })
    .format(Number(eur) || 0);
}

function pct(v) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format((Number(v) || 0) / 100);
}

// A plan's date (YYYY-MM-DD, a calendar day: no time zone moves it).
function day(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return String(iso ?? '');
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

const instName = (name) => String(name || '').toUpperCase();

// The unit canon's names (src/engine/procure/unit.c): a lot's unit is one of
// them, or a unit the canon does not know, as its buyer typed it.
const CANON_UNITS = ['pieces', 'sets', 'kg', 't', 'l', 'm', 'km', 'rounds'];
// n of unit in the page's language ("500 комплектів"), or as typed.
function qty(n, unit) {
  if (CANON_UNITS.includes(unit)) return tn(`proc.unit.${unit}`, Number(n));
  return unit ? [num(n), ' ', data(unit)] : num(n);
}
// A unit's name in a sentence ("комплекти"), or as typed.
const unitName = (unit) => (CANON_UNITS.includes(unit) ? t(`proc.unit_name.${unit}`) : String(unit ?? ''));
// Beside an allocation from an offer that states no unit.
const unstated = (a) => (a && a.unit_unstated ? [' ', h('span', { class: 'muted unit-unstated' }, t('proc.unit_unstated'))] : null);
// The unit a lot's demand is said in: the lot's canonical one, or the
// demand's own as typed where the canon knows none.
const unitIn = (lot, typed) => (lot && CANON_UNITS.includes(lot.unit) ? lot.unit : typed);
// An offer's capacity a month, in its unit where it states one.
const perMonth = (x) => tx('proc.per_month', { n: qty(x.capacity_per_month, x.unit_name) });
const countries = (codes) => list(codes).map(countryName).join(', ');

// A CPV code with its label in the page's language.
function cpvText(code, en, uk) {
  const label = cpvLabel({ label_en: en, label_uk: uk });
  return [h('span', { class: 'mono', translate: 'no' }, code), label ? ` ${label}` : ''];
}

// ---- the rules in words --------------------------------------------------------------

// "(Art. 11(3); legal text)" in the page's language.
export function cite(f) {
  if (!f || typeof f !== 'object') return '';
  const parts = [];
  if (f.article === 'article not located') parts.push(t('proc.article_unknown'));
  else if (f.article) parts.push(String(f.article).replace(/\bArt\.\s*/g, t('proc.art')));
  const status = { 'legal text': 'proc.status_legal', secondary: 'proc.status_secondary', 'dfnc interpretation': 'proc.status_dfnc' }[f.status];
  if (status) parts.push(t(status));
  return parts.length ? ` (${parts.join('; ')})` : '';
}

const ROLE_KEYS = { counts: 'proc.rule_counts', joins: 'proc.rule_joins', none: 'proc.rule_none' };

function ruleItems(inst) {
  const out = [];
  const add1 = (text, f) => out.push(h('li', {}, text, cite(f)));
  const v = (k) => inst[k] && inst[k].value;
  if (inst.min_participating_states) add1(tn('proc.rule_states', v('min_participating_states')), inst.min_participating_states);
  if (inst.min_member_states) add1(tn('proc.rule_members', v('min_member_states')), inst.min_member_states);
  const part = inst.participants || {};
  for (const [cls, code] of [['ukraine', 'UA'], ['moldova', 'MD']]) {
    const role = part[cls] || 'none';
    if (cls === 'moldova' && !part[cls]) continue;
    add1(t(ROLE_KEYS[role] || 'proc.rule_none', { country: countryName(code) }), part);
  }
  if (part.eea_efta === 'counts') add1(t('proc.rule_eea'), part);
  if (inst.funders_participate) add1(t(v('funders_participate') ? 'proc.rule_funders' : 'proc.rule_funders_not'), inst.funders_participate);
  if (inst.min_eligible_content_pct) add1(t('proc.rule_content', { pct: pct(v('min_eligible_content_pct')) }), inst.min_eligible_content_pct);
  if (inst.content_ukraine_counts) add1(t(v('content_ukraine_counts') ? 'proc.rule_ua_content' : 'proc.rule_ua_content_not'), inst.content_ukraine_counts);
  const c = inst.contractors;
  if (c && c.restricted) {
    const where = [c.eu && t('proc.where_eu'), c.eea_efta && t('proc.where_eea'), c.ukraine && countryName('UA')].filter(Boolean);
    add1(t('proc.rule_contractors', { where: where.join(', ') }), c);
  }
  const s = inst.max_support_pct;
  if (s) {
    add1(s.raised_for && s.raised_value !== undefined
      ? t('proc.rule_support_raised', { pct: pct(s.value), raised: pct(s.raised_value), countries: countries(String(s.raised_for).split(';')) })
      : t('proc.rule_support', { pct: pct(s.value) }), s);
  }
  return out;
}

// "Regulation (EU) 2025/2643" in the page's language, a link to its text.
function regulation(inst) {
  const m = /^(Council )?Regulation \(EU\) (\S+)$/.exec(inst.regulation || '');
  const text = m ? t(m[1] ? 'proc.council_regulation' : 'proc.regulation', { no: m[2] }) : data(inst.regulation || '');
  return inst.url ? h('a', { href: inst.url, rel: 'noopener' }, text) : text;
}

// The instrument's title in the page's language where it has an official
// one there (officialTitle), else the English one, marked so.
function instTitle(inst) {
  const title = officialTitle(inst.name, inst.title);
  return data(title.text, { class: 'muted', lang: title.lang });
}

function rulesCard(inst) {
  return h('section', { class: 'card', id: 'proc-rules', 'aria-labelledby': 'proc-rules-h' },
    h('h2', { id: 'proc-rules-h' }, t('proc.rules_of'), ' ', data(instName(inst.name))),
    h('p', {}, regulation(inst), inst.title ? [' · ', instTitle(inst)] : null),
    h('ul', { class: 'why' }, ruleItems(inst)));
}

// ---- the engine's reasons in the page's language --------------------------------------

// A reason's values as its words say them: an instrument by its name, a
// country by its name, a date and a share in the page's form.
const SAY = {
  inst: instName, country: countryName, date: day, as_of: day, pct: (v) => pct(v), days: (v) => num(v), min: (v) => num(v),
  unit: unitName,
};
const said = (v) => Object.fromEntries(Object.entries(v || {}).map(([k, x]) => [k, SAY[k] ? SAY[k](x) : x]));
// one counted ("1 дорожча", "2 дорожчі": a Ukrainian verb agrees with its number) or not
const words = (key, v) => (v.n !== undefined ? tn(key, Number(v.n), said(v)) : t(key, said(v)));

// A reason by code (docs/api.md "Words for a page", src/core/codes.h),
// {"code","values","message","parts"}: its words, then its counted parts;
// a code this page does not know is the engine's English, marked so.
export function reason(why) {
  if (!why || !why.code) return why && why.message ? untranslated(why.message) : null;
  const parts = list(why.parts);
  if (!hasKey(`proc.why.${why.code}`) || parts.some((x) => !x || !hasKey(`proc.part.${x.code}`))) return untranslated(why.message || '');
  const head = words(`proc.why.${why.code}`, why.values || {});
  return parts.length ? `${head}: ${parts.map((x) => words(`proc.part.${x.code}`, x.values || {})).join('; ')}` : head;
}

const untranslated = (text) => h('span', { lang: 'en', translate: 'no', class: 'untranslated' }, text);

// An organisation named in the plan, linked to its profile (where the
// buyer finds its people and asks them for a meeting).
function orgLink(o, attrs) {
  const name = dataName(o.name_uk && getLang() === 'uk' ? o.name_uk : o.name);
  return o.id ? h('a', { ...attrs, href: `/organisations/${encodeURIComponent(o.id)}` }, name) : h('span', attrs, name);
}

// ---- the instrument picker -----------------------------------------------------------

function chosenInstrument(instruments) {
  const asked = new URLSearchParams(location.search).get('instrument');
  const names = instruments.map((i) => i.name);
  return names.includes(asked) ? asked : (names.includes('safe') ? 'safe' : names[0]);
}

function picker(instruments, chosen, onpick) {
  const sel = h('select', { id: 'proc-instrument', name: 'instrument' },
    instruments.map((i) => h('option', { value: i.name, selected: i.name === chosen, translate: 'no' }, instName(i.name))));
  const form = h('form', { id: 'proc-form', class: 'card' },
    h('div', { class: 'field' }, h('label', { for: 'proc-instrument' }, t('proc.instrument')), sel),
    h('button', { type: 'submit', class: 'primary' }, t('proc.show')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams(location.search);
    p.set('instrument', sel.value);
    history.replaceState({}, '', `${location.pathname}?${p}`);
    onpick(sel.value);
  });
  return form;
}

// A table named by its caption; a wide one scrolls in its own box on a phone.
function table(id, caption, head, rows) {
  return scroller({ 'aria-labelledby': `${id}-cap` }, h('table', { id, class: 'plan' },
    h('caption', { id: `${id}-cap` }, caption),
    h('thead', {}, h('tr', {}, head.map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows)));
}

// Who delivers, or what to deliver: a line each (a table of four or six
// columns squeezes every word on a phone).
function allocList(id, title, lines) {
  return [h('h4', { id }, title), h('ul', { class: 'allocs', 'aria-labelledby': id }, lines.map((l) => h('li', {}, l)))];
}

function facts(pairs, id) {
  return h('dl', { class: 'facts', id }, pairs.filter(Boolean).map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
}

// ---- a participant's page --------------------------------------------------------------

// A lot's CPV group and its states: those that count toward the
// instrument's minimum, and those that only receive quantities.
function lotStates(lot) {
  const also = list(lot.countries).filter((c) => !list(lot.participating).includes(c));
  return [t('proc.cpv_group', { group: lot.cpv }), h('br'), t('proc.lot_states', { countries: countries(lot.participating) }),
    also.length ? [h('br'), t('proc.lot_also', { countries: countries(also) })] : null];
}

function lotText(lot) {
  return [t('proc.lot'), ' ', data(lot.id, { class: 'mono' }), ' · ', lotStates(lot)];
}

// A card's name for its buttons: "35613000-4 Unmanned aerial vehicles".
const cardName = (x) => `${x.cpv} ${cpvLabel({ label_en: x.cpv_label_en, label_uk: x.cpv_label_uk })}`.trim();

function demandCard(d, n, edit) {
  const id = `proc-d-${n}`;
  const allocs = list(d.allocations);
  return h('li', { class: 'card', dataset: { demand: d.id } },
    h('h3', { id }, cpvText(d.cpv, d.cpv_label_en, d.cpv_label_uk)),
    d.description ? h('p', {}, data(d.description)) : null,
    facts([
      ['proc.quantity', qty(d.quantity, unitIn(d.lot, d.unit))],
      ['proc.deliver_by', day(d.deliver_by)],
      ['proc.max_price', money(d.max_unit_price_eur)],
      ['proc.country', countryName(d.country)],
    ], `${id}-facts`),
    d.lot ? h('p', { class: 'lot' }, lotText(d.lot))
      : h('p', { class: 'notice unplaced' }, t('proc.unplaced'), ' ', reason(d.unplaced_why)),
    allocs.length ? allocList(`${id}-alloc`, t('proc.who_delivers'), allocs.map((a) => [
      orgLink(a.supplier, { class: 'who' }),
      ` (${countryName(a.supplier.country)}): `, tx('proc.times', { n: qty(a.quantity, unitIn(d.lot, d.unit)), price: money(a.unit_price_eur) }), unstated(a)]))
      : d.lot ? h('p', { class: 'muted' }, t('proc.no_delivery')) : null,
    d.unmet > 0 ? h('p', { class: 'notice unmet' }, tn('proc.unmet', d.unmet), ' ', reason(d.unmet_why)) : null,
    edit ? cardActions('demands', d, cardName(d), edit.demand, edit.changed, `${id}-facts`) : null);
}

function supplyCard(x, n, inst, edit) {
  const id = `proc-s-${n}`;
  const allocs = list(x.allocations);
  return h('li', { class: 'card', dataset: { supply: x.id } },
    h('h3', { id }, cpvText(x.cpv, x.cpv_label_en, x.cpv_label_uk)),
    x.description ? h('p', {}, data(x.description)) : null,
    facts([
      ['proc.capacity', perMonth(x)],
      ['proc.unit_price', money(x.unit_price_eur)],
      ['proc.lead_time', tn('proc.days', x.lead_time_days)],
      ['proc.made_in', countryName(x.production_country)],
    ], `${id}-facts`),
    allocs.length ? allocList(`${id}-alloc`, t('proc.to_deliver'), allocs.map((a) => [
      data(a.lot, { class: 'mono' }), ` · ${countryName(a.country)} · `, cpvLabel({ label_en: a.cpv_label_en, label_uk: a.cpv_label_uk }) || a.cpv, h('br'),
      tx('proc.times', { n: qty(a.quantity, a.unit), price: money(a.unit_price_eur) }), ' · ', t('proc.by', { date: day(a.deliver_by) }), unstated(a)]))
      : [h('p', { class: 'muted' }, t('proc.nothing_allocated'), ' ', data(instName(inst)), '.'),
        x.idle_reason ? h('p', { class: 'notice idle' }, t('proc.idle_why'), ' ', reason(x.idle_why)) : null],
    edit ? cardActions('supplies', x, cardName(x), edit.supply, edit.changed, `${id}-facts`) : null);
}

function participantPlan(plan, edit) {
  const demands = list(plan.demands);
  const supplies = list(plan.supplies);
  const out = [h('p', { id: 'proc-as-of', class: 'muted' }, t('proc.as_of', { date: day(plan.as_of) }))];
  if (!demands.length && !supplies.length) {
    out.push(h('p', { id: 'proc-none' }, t('proc.none_yours')));
    return out;
  }
  if (demands.length) {
    out.push(h('section', { id: 'proc-demands', 'aria-labelledby': 'proc-demands-h' },
      h('h2', { id: 'proc-demands-h' }, tn('proc.your_demands', demands.length)),
      h('ul', { class: 'cards' }, demands.map((d, n) => demandCard(d, n, edit)))));
  }
  if (supplies.length) {
    out.push(h('section', { id: 'proc-supplies', 'aria-labelledby': 'proc-supplies-h' },
      h('h2', { id: 'proc-supplies-h' }, tn('proc.your_supplies', supplies.length)),
      h('ul', { class: 'cards' }, supplies.map((x, n) => supplyCard(x, n, plan.instrument, edit)))));
  }
  return out;
}

// ---- the organiser's page ----------------------------------------------------------------

function orgLabel(plan, id) {
  const o = (plan.organisations || {})[id];
  if (!o) return data(id);
  return dataName(o.name_uk && getLang() === 'uk' ? o.name_uk : o.name);
}

function labelOf(plan, code) {
  const l = (plan.cpv_labels || {})[code] || {};
  return cpvText(code, l.en, l.uk);
}

// The name of whose a row is, as the page shows it.
function orgName(plan, id) {
  const o = (plan.organisations || {})[id] || {};
  return o.name_uk && getLang() === 'uk' ? o.name_uk : o.name;
}

// A demand's or offer's row's Edit and Withdraw, for the organiser: named by
// its CPV in the page's language, told from another of the code by the
// row's id and organisation cells (of ids row-id, row-who), the
// confirmation naming both. Edit reads the one item as stored (GET
// /procurement/KIND/{id}): the whole plan lacks a demand's description and
// funders and an offer's content shares, which the form would otherwise
// send back blank.
function rowActions(plan, kind, x, edit, row) {
  if (!edit) return null;
  const who = orgName(plan, kind === 'demands' ? x.buyer : x.organisation);
  const l = (plan.cpv_labels || {})[x.cpv] || {};
  const label = `${x.cpv || ''} ${cpvLabel({ label_en: l.en, label_uk: l.uk })}`.trim() || x.id;
  const facts = `${row}-id ${row}-who`;
  const editBtn = h('button', {
    type: 'button', class: 'link edit', 'aria-label': t('proc.edit_named', { what: label }), 'aria-describedby': facts,
    onclick: async () => {
      try {
        const [form, item] = await Promise.all([edit.formOf(kind), api.procurementItem(kind, x.id)]);
        form.open(item, editBtn);
      } catch (e) {
        edit.fail(e);
      }
    },
  }, t('proc.edit'));
  return h('td', { class: 'actions' }, editBtn, ' ',
    withdrawButton(kind, x, label, edit.changed, facts, who ? `${x.id} (${who})` : x.id));
}

// Every offer with its supplier and what the plan allocates to it.
function suppliesSection(plan, edit) {
  const supplies = list(plan.supplies);
  const idle = new Map(list(plan.idle_supplies).map((x) => [x.id, x.why]));
  const head = ['proc.offer', 'proc.supplier', 'proc.cpv_code', 'proc.capacity', 'proc.unit_price', 'proc.made_in', 'proc.allocated'];
  return h('section', { id: 'proc-offers', 'aria-labelledby': 'proc-offers-h' },
    h('h2', { id: 'proc-offers-h' }, tn('proc.supplies_n', supplies.length)),
    supplies.length ? table('proc-offers-t', t('proc.supplies_caption'), edit ? [...head, 'proc.actions'] : head,
      supplies.map((x, n) => {
        const row = `proc-offers-r${n}`;
        return h('tr', { dataset: { supply: x.id } },
          h('td', { id: `${row}-id` }, data(x.id, { class: 'mono' })),
          h('td', { id: `${row}-who` }, orgLabel(plan, x.organisation)),
          h('td', {}, labelOf(plan, x.cpv)),
          h('td', {}, perMonth(x)),
          h('td', {}, money(x.unit_price_eur)),
          h('td', {}, countryName(x.production_country)),
          h('td', {}, num(x.allocated || 0),
            idle.has(x.id) ? h('p', { class: 'idle' }, reason(idle.get(x.id))) : null),
          rowActions(plan, 'supplies', x, edit, row));
      })) : h('p', { class: 'muted' }, t('proc.no_supplies')));
}

function wholePlan(plan, edit) {
  const head = (keys) => (edit ? [...keys, 'proc.actions'] : keys);
  const demands = new Map(list(plan.demands).map((d) => [d.id, d]));
  const supplies = new Map(list(plan.supplies).map((x) => [x.id, x]));
  const lots = list(plan.lots);
  const unplaced = list(plan.unplaced_demands);
  const placed = lots.reduce((n, l) => n + list(l.demands).length, 0);
  const value = lots.reduce((v, l) => v + list(l.allocations).reduce((s, a) => s + a.quantity * a.unit_price_eur, 0), 0);
  const figure = (id, n, label) => h('div', { class: 'figure', id }, h('span', { class: 'value' }, n), h('span', { class: 'label' }, label));
  const out = [
    h('p', { id: 'proc-as-of', class: 'muted' }, t('proc.as_of', { date: day(plan.as_of) })),
    h('div', { class: 'figures' },
      figure('proc-fig-lots', num(lots.length), tn('proc.fig_lots', lots.length)),
      figure('proc-fig-placed', num(placed), tn('proc.fig_placed', placed)),
      figure('proc-fig-unplaced', num(unplaced.length), tn('proc.fig_unplaced', unplaced.length)),
      figure('proc-fig-value', money(value, true), t('proc.fig_value'))),
    h('p', { class: 'actions' }, h('a', {
      class: 'button', id: 'proc-ocds', download: '',
      href: `/api/v1/procurement/ocds?instrument=${encodeURIComponent(plan.instrument)}&as_of=${encodeURIComponent(plan.as_of)}`,
    }, t('proc.ocds_download'), ' ', data('OCDS'))),
  ];
  out.push(h('section', { id: 'proc-lots', 'aria-labelledby': 'proc-lots-h' },
    h('h2', { id: 'proc-lots-h' }, tn('proc.lots', lots.length)),
    lots.length ? h('ul', { class: 'cards wide' }, lots.map((l, n) => {
      const id = `proc-lot-${n}`;
      const rows = [];
      for (const did of list(l.demands)) {
        const d = demands.get(did) || { id: did };
        const allocs = list(l.allocations).filter((a) => a.demand === did);
        const short = list(l.unmet_demands).find((u) => u.id === did);
        const row = `${id}-r${rows.length}`;
        rows.push(h('tr', { dataset: { demand: did } },
          h('td', { id: `${row}-id` }, data(did, { class: 'mono' })),
          h('td', { id: `${row}-who` }, orgLabel(plan, d.buyer)),
          h('td', {}, countryName(d.country)),
          h('td', {}, labelOf(plan, d.cpv)),
          h('td', {}, qty(d.quantity, unitIn(l, d.unit))),
          h('td', {}, day(d.deliver_by)),
          h('td', {}, allocs.length ? h('ul', { class: 'plain' }, allocs.map((a) => {
            const x = supplies.get(a.supply) || {};
            return h('li', {}, orgLabel(plan, x.organisation), ': ', qty(a.quantity, unitIn(l, d.unit)), ' × ', money(a.unit_price_eur), unstated(a));
          })) : '—', short ? h('p', { class: 'notice unmet' }, tn('proc.unmet', short.unmet), ' ', reason(short.why)) : null),
          rowActions(plan, 'demands', d, edit, row)));
      }
      return h('li', { class: 'card', dataset: { lot: l.id } },
        h('h3', { id }, data(l.id, { class: 'mono' })),
        h('p', {}, lotStates(l),
          l.max_support_pct !== undefined ? [h('br'), t('proc.lot_support', { pct: pct(l.max_support_pct) })] : null),
        table(`${id}-t`, tx('proc.lot_demands', { lot: data(l.id, { class: 'mono' }) }), head(['proc.demand', 'proc.buyer', 'proc.country', 'proc.cpv_code', 'proc.quantity', 'proc.deliver_by', 'proc.suppliers']), rows));
    })) : h('p', { class: 'muted' }, t('proc.no_lots'))));
  if (unplaced.length) {
    out.push(h('section', { id: 'proc-unplaced', 'aria-labelledby': 'proc-unplaced-h' },
      h('h2', { id: 'proc-unplaced-h' }, tn('proc.unplaced_n', unplaced.length)),
      table('proc-unplaced-t', t('proc.unplaced_why'), head(['proc.demand', 'proc.buyer', 'proc.country', 'proc.cpv_code', 'proc.reason']),
        unplaced.map((u, n) => {
          const d = demands.get(u.id) || { id: u.id };
          const row = `proc-unplaced-r${n}`;
          return h('tr', { dataset: { demand: u.id } },
            h('td', { id: `${row}-id` }, data(u.id, { class: 'mono' })),
            h('td', { id: `${row}-who` }, orgLabel(plan, d.buyer)),
            h('td', {}, countryName(d.country)),
            h('td', {}, labelOf(plan, d.cpv)),
            h('td', {}, reason(u.why)),
            rowActions(plan, 'demands', d, edit, row));
        }))));
  }
  out.push(suppliesSection(plan, edit));
  return out;
}

// ---- the page ------------------------------------------------------------------------------

// The add buttons, the two forms and what a change did, for the people of
// organisation org, or for the organiser on behalf of one of those orgsOf()
// reads; changed(msg) re-reads the plan, then says msg, fail(e) says what
// went wrong, formOf(kind) gives a form once it is made, show(plan) shows
// the buttons the reader may use. The organiser's forms are made when first
// asked for, the organisations read then: every one of them is 1.5 MB at
// the 10,000-person demo's 3,067, too much for a phone that only looks at
// the plan.
function editing(org, box, reread, orgsOf) {
  const status = outcome('proc-edit-status');
  const changed = async (msg) => {
    try {
      await reread();
      status.ok(msg);
    } catch (_) { status.fail(t('error.load')); }
    // the button that asked (a row's Withdraw, or the Edit a saved form gave
    // the focus back to) went with the plan drawn again: the focus comes to
    // what was done rather than falling to the page
    if (!document.activeElement || document.activeElement === document.body) {
      const said = [...status.el.children].find((p) => !p.hidden && p.textContent);
      if (said) { said.tabIndex = -1; said.focus(); }
    }
  };
  const fail = (e) => status.fail(e ? errorText(e) : t('error.load'));
  const slots = { demands: h('div'), supplies: h('div') };
  const made = {};
  let orgs = null;
  async function formOf(kind) {
    if (!made[kind]) {
      orgs = orgs || orgsOf();
      let f;
      try {
        f = procurementForm(kind, org, changed, await orgs);
      } catch (e) {
        orgs = null;
        throw e;
      }
      if (!made[kind]) { made[kind] = f; slots[kind].replaceChildren(f.el); }
    }
    return made[kind];
  }
  const opener = (kind) => async () => {
    try {
      (await formOf(kind)).open();
    } catch (_) {
      fail();
    }
  };
  if (!orgsOf) {
    for (const kind of ['demands', 'supplies']) {
      made[kind] = procurementForm(kind, org, changed);
      slots[kind].replaceChildren(made[kind].el);
    }
  }
  const addDemand = h('button', { type: 'button', id: 'proc-add-demand', onclick: opener('demands') }, t('proc.add_demand'));
  const addSupply = h('button', { type: 'button', id: 'proc-add-supply', onclick: opener('supplies') }, t('proc.add_supply'));
  box.replaceChildren(h('p', { class: 'actions' }, addDemand, ' ', addSupply), status.el, slots.demands, slots.supplies);
  box.hidden = false;
  // a government body states demands, a company offers (and any organisation
  // that has some keeps its button), as the menu decides who has the page
  // (app_procure_org_takes_part, src/app/procure_view.c); the organiser both
  function show(plan) {
    if (orgsOf) return;
    const kind = org && org.kind;
    addDemand.hidden = !(kind === 'government' || list(plan.demands).length);
    addSupply.hidden = !(kind === 'company' || list(plan.supplies).length);
  }
  return { demand: made.demands, supply: made.supplies, changed, fail, formOf, show };
}

async function renderPage(main, whole) {
  const { instruments } = await api.procurementInstruments();
  const all = list(instruments);
  let chosen = chosenInstrument(all);
  // .procurement: the plan's own captions and headings (web/css/app.css)
  const body = h('div', { id: 'proc-plan', class: 'procurement', 'aria-busy': 'false' });
  const box = h('section', { id: 'proc-edit', 'aria-label': t('proc.edit_section'), hidden: true });
  let edit = null;
  async function show(name) {
    chosen = name;
    body.setAttribute('aria-busy', 'true');
    const inst = all.find((i) => i.name === name) || {};
    try {
      const plan = await api.procurementPlan(name);
      // the people of an organisation state its demands and offers, the
      // organiser any organisation's (one taken by phone)
      if (!edit && (whole || plan.organisation)) {
        const mine = state.me && state.me.organisation;
        edit = editing(whole ? null : { ...plan.organisation, kind: mine && mine.kind }, box, () => show(chosen),
          whole ? api.allOrganisations : undefined);
      }
      if (edit) edit.show(plan);
      body.replaceChildren(rulesCard(inst), ...(whole ? wholePlan(plan, edit) : participantPlan(plan, edit)));
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  }
  add(main, h('h1', {}, t('proc.title')),
    h('p', { class: 'lead' }, t(whole ? 'proc.lead_organiser' : 'proc.lead')),
    picker(all, chosen, (name) => show(name).catch((e) => body.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('error.load'))))),
    box, body);
  await show(chosen);
}

// An organiser who opens the participants' address sees the whole plan too.
export function renderProcurement(main) { return renderPage(main, role() === 'organiser'); }
export function renderProcurementConsole(main) { return renderPage(main, true); }
