// Search organisations (text, country, EU or Ukraine, kind, SME, CPV offered
// or needed) and an organisation's public profile with its people, each one
// a meeting away.

import { api } from '../api.js';
import { h, add, field, list, clear, dataName, nameLang } from '../dom.js';
import { t, tn, tx, countryName, compare } from '../i18n.js';
import { state, flash } from '../app.js';
import { cpvPicker, capabilityLine } from '../cpv.js';
import { reasonText } from '../reasons.js';
import { orgName, openRequests, openNote, sendError, isSendRefusal, requestsClosed, requestsCloseNote } from '../people.js';
import { proposeChoice } from '../propose.js';
import { inTheWay } from '../words.js';
import { markInvalid } from '../forms.js';

// EU members, the EEA-EFTA states and Ukraine: the forum's countries.
const COUNTRIES = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT',
  'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'NO', 'IS', 'LI', 'UA'];
const KINDS = ['company', 'research', 'government', 'association', 'other'];

// Cards drawn at once, and at each "Show more".
const RESULTS_PAGE = 50;

// A found organisation; what a search text met in its words, when it did.
async function orgCard(o) {
  const why = await Promise.all(list(o.why).map(reasonText));
  return h('li', { class: 'card org', dataset: { org: o.id } },
    h('h2', {}, h('a', { href: `/organisations/${encodeURIComponent(o.id)}` }, dataName(orgName(o)))),
    h('p', { class: 'meta' },
      h('span', { class: 'badge' }, countryName(o.country)), ' ',
      h('span', { class: 'badge' }, t(`kind.${o.kind}`)), ' ',
      o.sme ? h('span', { class: 'badge sme' }, t('org.sme_short')) : null),
    o.city ? h('p', { class: 'muted', translate: 'no' }, o.city) : null,
    why.length ? h('ul', { class: 'why', 'aria-label': t('suggest.why') }, why.map((r) => h('li', {}, r))) : null);
}

// The search's filters in the address (?q=&country=...), so that a reload,
// Back or a shared link gives the same search.
const FILTERS = ['q', 'country', 'region', 'kind', 'sme', 'cpv', 'direction'];

// The last search's address, for an organisation's page to lead back to it
// rather than to every organisation: on a phone, filters are slow to set
// again. Kept for the tab (sessionStorage), so a reload of the page keeps it.
const LAST_SEARCH = 'dfnc.search';
function rememberSearch() {
  try { sessionStorage.setItem(LAST_SEARCH, location.search); } catch (_) { /* none kept */ }
}
function lastSearch() {
  try { return sessionStorage.getItem(LAST_SEARCH) || ''; } catch (_) { return ''; }
}

export async function renderSearch(main) {
  const asked = new URLSearchParams(location.search);
  const q = h('input', { type: 'search', name: 'q', value: asked.get('q') || '' });
  const country = h('select', { name: 'country' }, h('option', { value: '' }, t('search.any')),
    [...COUNTRIES].sort((a, b) => compare(countryName(a), countryName(b)))
      .map((c) => h('option', { value: c }, countryName(c))));
  const region = h('select', { name: 'region' },
    h('option', { value: '' }, t('search.any')), h('option', { value: 'eu' }, t('search.eu')), h('option', { value: 'ua' }, t('search.ua')));
  const kind = h('select', { name: 'kind' }, h('option', { value: '' }, t('search.any')), KINDS.map((k) => h('option', { value: k }, t(`kind.${k}`))));
  const sme = h('input', { type: 'checkbox', name: 'sme', id: 'search-sme', checked: asked.get('sme') === '1' });
  const picker = cpvPicker(t('search.cpv'));
  // a buyer looks for those that offer the code, a supplier for those that need it
  const direction = h('select', { name: 'direction' }, h('option', { value: '' }, t('search.direction_any')),
    ['offer', 'need'].map((d) => h('option', { value: d }, t(`search.direction_${d}`))));
  country.value = asked.get('country') || '';
  region.value = asked.get('region') || '';
  kind.value = asked.get('kind') || '';
  direction.value = ['offer', 'need'].includes(asked.get('direction')) ? asked.get('direction') : '';
  if (asked.get('cpv')) picker.set(asked.get('cpv'));
  // not a live region (a screen reader would read every card): the count
  // takes the focus after a search, and is read
  const out = h('div', { id: 'results' });
  async function run(ev) {
    if (ev) ev.preventDefault();
    // typed text that is no code would filter nothing: say so rather than
    // list every organisation as if it had
    if (picker.text() && !picker.value()) {
      markInvalid(picker.input);
      flash(form, t('search.cpv_pick', { field: t('search.cpv') }), 'error');
      picker.reopen();
      return;
    }
    form.querySelector('.flash')?.remove();
    const filters = {
      q: q.value.trim(), country: country.value, region: region.value, kind: kind.value,
      sme: sme.checked ? '1' : '', cpv: picker.value(), direction: direction.value,
    };
    if (ev) {
      const u = new URLSearchParams(FILTERS.filter((k) => filters[k]).map((k) => [k, filters[k]]));
      const want = `${location.pathname}${u.toString() ? `?${u}` : ''}`;
      if (want !== location.pathname + location.search) history.pushState({}, '', want);
    }
    rememberSearch();
    clear(out);
    let orgs = [];
    let found = 0;
    try {
      const r = await api.organisations(filters);
      orgs = list(r, 'organisations');
      found = typeof r?.count === 'number' ? r.count : orgs.length;
    } catch (e) {
      out.append(h('p', { class: 'error', role: 'alert' }, t('error.load'))); return;
    }
    // a forum of thousands: the server lists the first 500 and counts them all
    const count = h('p', { class: 'count', id: 'results-count', tabindex: '-1' }, tn('search.found', found),
      found > orgs.length ? ` ${tn('search.shown_first', orgs.length)}` : '');
    // those with every word of the text come first; those with some of
    // them only are listed apart, and said so
    const all = orgs.filter((o) => o.all_words !== false);
    const some = orgs.filter((o) => o.all_words === false);
    if (orgs.length === 0) out.append(count, h('p', { class: 'muted', id: 'results-none' }, t('search.none_hint')));
    else {
      out.append(count);
      // cards a page at a time: 500 of them are some 30,000 px on a phone
      const allList = h('ul', { class: 'cards' });
      const someList = h('ul', { class: 'cards', 'aria-labelledby': 'results-some' });
      const someHead = h('h2', { class: 'some-words', id: 'results-some' }, t(all.length ? 'search.some_words' : 'search.no_all_words'));
      const more = h('button', { type: 'button', class: 'secondary', id: 'results-more' });
      const ordered = [...all, ...some];
      let shown = 0;
      const showMore = async (focus) => {
        const next = ordered.slice(shown, shown + RESULTS_PAGE);
        const cards = await Promise.all(next.map(orgCard));
        cards.forEach((c, i) => (next[i].all_words === false ? someList : allList).append(c));
        if (all.length && !allList.isConnected) more.before(allList);
        if (someList.firstChild && !someList.isConnected) more.before(someHead, someList);
        shown += next.length;
        more.hidden = shown >= ordered.length;
        more.textContent = tn('search.show_more', Math.min(RESULTS_PAGE, ordered.length - shown));
        if (focus && cards.length) cards[0].querySelector('h2 a')?.focus();
      };
      more.addEventListener('click', () => showMore(true));
      out.append(more);
      await showMore(false);
    }
    // on a phone the results start below the fold: the asker is taken there
    if (ev) count.focus();
  }
  const form = h('form', { class: 'card filters', role: 'search', onsubmit: run },
    field(t('search.q'), q, t('search.q_hint')),
    h('div', { class: 'row' }, field(t('search.country'), country), field(t('search.region'), region), field(t('search.kind'), kind)),
    picker.el,
    field(t('search.direction'), direction),
    h('div', { class: 'field check' }, sme, h('label', { for: 'search-sme' }, t('search.sme'))),
    h('button', { type: 'submit', class: 'primary' }, t('search.submit')));
  add(main, h('h1', {}, t('search.title')), form, out);
  await run();
}

function requestForm(person, onDone) {
  const msg = h('textarea', { name: 'message', rows: 2, maxlength: 500 });
  const event = state.event && state.event.id;
  let propose = null;
  const form = h('form', {
    class: 'inline-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      try {
        await api.sendRequest(event, person.id, msg.value.trim(), propose ? propose.value() : null);
        form.querySelector('button').disabled = true;
        flash(form, t('requests.sent'), 'ok', true);
        if (onDone) onDone();
      } catch (e) {
        // a time taken meanwhile: what is in the way, in the page's language
        const why = isSendRefusal(e) ? null : inTheWay(e);
        flash(form, why ? [t('requests.send_failed'), ' ', why] : `${t('requests.send_failed')} ${sendError(e, person)}`, 'error');
      }
    },
  },
  field(t('requests.message'), msg),
  h('button', { type: 'submit', class: 'primary' }, tx('requests.send_to', { name: dataName(person.name) })));
  // at a published event she may say when (read after the form is shown)
  proposeChoice(event, person).then((c) => {
    if (c) { propose = c; form.querySelector('button[type="submit"]').before(c.el); }
  });
  return form;
}
export { requestForm };

export async function renderOrganisation(main, id) {
  const o = await api.organisation(id);
  const caps = [...list(o.offers).map((c) => ({ ...c, direction: 'offer' })), ...list(o.needs).map((c) => ({ ...c, direction: 'need' }))];
  const lines = new Map(await Promise.all(caps.map(async (c) => [c, await capabilityLine(c)])));
  const people = list(o.people, 'people');
  const desc = document.documentElement.lang === 'uk' && o.description_uk ? o.description_uk : o.description;
  const myPerson = state.me && state.me.person ? state.me.person.id : null;
  const asks = state.me && state.me.user && state.me.user.role === 'participant';
  // once the event takes no more requests the people card says so, once
  const closed = asks && requestsClosed(state.event);
  // whom I already have an open request with: said, not offered again
  const open = asks ? await openRequests(state.event && state.event.id, myPerson) : new Map();
  add(main, 
    h('p', {}, lastSearch() ? h('a', { href: `/organisations${lastSearch()}`, id: 'org-back' }, t('search.back_to_search'))
      : h('a', { href: '/organisations', id: 'org-back' }, t('search.back'))),
    h('h1', { translate: 'no', lang: nameLang(orgName(o)) }, orgName(o)),
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, countryName(o.country)), ' ',
      h('span', { class: 'badge' }, t(`kind.${o.kind}`)), ' ', o.sme ? h('span', { class: 'badge sme' }, t('org.sme_short')) : null,
      o.city ? h('span', { translate: 'no' }, ` ${o.city}`) : ''),
    desc ? h('p', { translate: 'no' }, desc) : null,
    o.website ? h('p', {}, h('a', { href: o.website, rel: 'noopener noreferrer', translate: 'no' }, o.website)) : null,
    // a side with nothing stated says so, rather than an empty box
    h('div', { class: 'grid2' }, ['offer', 'need'].map((d) => {
      const mine = caps.filter((c) => c.direction === d);
      return h('section', { class: 'card', id: `org-${d}s` }, h('h2', {}, t(`org.${d}s`)),
        mine.length === 0 ? h('p', { class: 'muted' }, t('caps.none'))
          : h('ul', { class: 'caps' }, mine.map((c) => h('li', {}, lines.get(c)))));
    })),
    h('section', { class: 'card' }, h('h2', {}, t('org.people')),
      asks && people.length ? requestsCloseNote(state.event) : null,
      people.length === 0 ? h('p', { class: 'muted' }, t('org.no_people')) : h('ul', { class: 'people' }, people.map((p) => h('li', {},
        h('strong', {}, dataName(p.name)), p.title ? h('span', { translate: 'no' }, ` · ${p.title}`) : '',
        asks && p.id !== myPerson ? (open.has(p.id) ? openNote(open.get(p.id)) : closed ? null : requestForm(p)) : null)))));
}
