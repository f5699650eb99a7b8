// A consortium under an EU programme's rule, put together on the partners
// page: the lead and the partners chosen, each counted or not and why, what
// is missing, and the fewest of the partners found that would complete it
// (POST /consortium/check judges; this only draws and keeps the choice).

import { api } from './api.js';
import { h, data, dataName, outcome } from './dom.js';
import { t, tx, countryName, errorText, officialTitle } from './i18n.js';
import { orgName } from './people.js';
import { cite } from './pages/procurement.js';

// The programmes a lead may check against, as a select ('' is none), and
// the figures of the one chosen.
export function programmeSelect(id) {
  const el = h('select', { name: 'programme', id }, h('option', { value: '' }, t('consortium.no_programme')));
  const figures = new Map();
  api.consortiumProgrammes().then((got) => {
    for (const p of (got && got.programmes) || []) {
      figures.set(p.name, p);
      const title = officialTitle(p.name, p.title);
      el.append(h('option', { value: p.name, translate: 'no', lang: title.lang }, title.text));
    }
  }).catch(() => { /* no programmes: the page works without them */ });
  return { el, chosen: () => el.value, figures: () => figures.get(el.value) };
}

// A programme's title in a sentence: officialTitle's, as data.
function titleNode(p) {
  const title = officialTitle(p.name, p.title);
  return data(title.text, { lang: title.lang });
}

const WHERE_KEYS = { eu: 'consortium.where_eu', eea_efta: 'consortium.where_eea_efta', ukraine: 'consortium.where_ukraine', moldova: 'consortium.where_moldova', other: 'consortium.where_other' };

// "counts" or "does not count: established in Ukraine", for one organisation.
export function countsText(o) {
  return o.counts ? t('consortium.counts', { country: countryName(o.country) })
    : t('consortium.not_counts', { where: t(WHERE_KEYS[o.class] || WHERE_KEYS.other), country: countryName(o.country) });
}

// The rule's figures in the page's language, each with its article and status.
function ruleList(p) {
  return h('ul', { class: 'rules' },
    h('li', {}, t('consortium.rule_entities', { n: p.min_entities.value }), cite(p.min_entities)),
    h('li', {}, t('consortium.rule_countries', { n: p.min_countries.value }), cite(p.min_countries)),
    h('li', {}, t('consortium.rule_established'), cite(p.established)),
    h('li', {}, t('consortium.rule_control'), cite(p.not_controlled)));
}

// The panel: the verdict drawn again on every change. lead: the lead's
// organisation id; onverdict(chosen, byOrg) tells the page what is chosen and
// each partner found as judged ({org, country, class, counts}), for its cards.
export function consortiumPanel(lead, onverdict) {
  // focusable for a button that goes when pressed (Add them): the focus
  // comes here rather than falling to the page
  const heading = h('h2', { id: 'consortium-title', tabindex: '-1' });
  const status = outcome('consortium-status', { class: 'verdict' });
  const members = h('ul', { class: 'members', 'aria-label': t('consortium.members') });
  const hint = h('div', { class: 'complete' });
  const rules = h('details', {}, h('summary', {}, t('consortium.rules')));
  const el = h('section', { class: 'card consortium', id: 'consortium', 'aria-labelledby': 'consortium-title', hidden: true },
    heading, status.el, members, hint, rules);
  let programme = null; // {name, figures}: the programme chosen
  let chosen = [];
  let candidates = [];
  let asked = 0;

  const draw = async () => {
    if (!programme || !candidates.length) {
      el.hidden = true;
      onverdict([], new Map());
      return;
    }
    el.hidden = false;
    const mine = ++asked;
    let v;
    try {
      v = await api.consortiumCheck(programme.name, [lead, ...chosen], candidates);
    } catch (e) {
      if (mine === asked) status.fail(errorText(e));
      return;
    }
    if (mine !== asked) return; // a later change answered first
    onverdict(chosen, new Map(v.candidates.map((o) => [o.org, o])));
    heading.replaceChildren(...tx('consortium.title', { programme: titleNode(v.programme) }));
    status.ok(h('strong', {}, v.meets ? t('consortium.met') : t('consortium.not_met')), ' ',
      t('consortium.tally', { entities: v.entities, min_entities: programme.figures.min_entities.value, countries: v.countries, min_countries: programme.figures.min_countries.value }));
    const names = new Map([...v.members, ...v.candidates].map((o) => [o.org, o]));
    members.replaceChildren(...v.members.filter((o, i, all) => all.findIndex((x) => x.org === o.org) === i).map((o) => h('li', {},
      dataName(orgName(o)), o.org === lead ? ` ${t('consortium.lead')}` : '', ' · ', countsText(o))));
    hint.replaceChildren();
    if (v.complete_with === null) {
      hint.append(h('p', {}, t('consortium.cannot')));
    } else if (v.complete_with.length) {
      const take = h('button', { type: 'button', class: 'secondary', id: 'consortium-take' }, t('consortium.take'));
      take.addEventListener('click', async () => {
        chosen = [...chosen, ...v.complete_with];
        await draw();
        if (!take.isConnected && (document.activeElement === document.body || !document.activeElement)) heading.focus();
      });
      const who = v.complete_with.map((id) => dataName(orgName(names.get(id)))).flatMap((n, i) => (i ? [', ', n] : [n]));
      hint.append(h('p', {}, ...tx('consortium.complete_with', { names: h('span', {}, ...who) })), take);
    }
  };

  return {
    el,
    // a new search: the programme chosen ('' none) and the partners found in rank order
    reset: (programmeName, found, figures) => {
      programme = programmeName && figures ? { name: programmeName, figures } : null;
      chosen = [];
      candidates = found;
      el.hidden = true;
      rules.replaceChildren(h('summary', {}, t('consortium.rules')));
      if (programme) rules.append(ruleList(figures));
      return draw();
    },
    toggle: (org) => {
      chosen = chosen.includes(org) ? chosen.filter((x) => x !== org) : [...chosen, org];
      return draw();
    },
  };
}
