// Suggestions: whom to meet, with the reasons, and a request in one step
// (to the suggested person, or to a person of the suggested organisation).

import { api } from '../api.js';
import { h, add, field, list, clear, outcome, dataLang, dataName } from '../dom.js';
import { t, tn, countryName, errorText, getLang } from '../i18n.js';
import { state, flash, whileBusy } from '../app.js';
import { reasonText } from '../reasons.js';
import { orgName, openRequests, openNote, sendError, isSendRefusal, requestsClosed, requestsCloseNote } from '../people.js';
import { proposeFolded } from '../propose.js';
import { inTheWay } from '../words.js';

// headId: the card's heading, which tells its request button from the others'.
// send(to, message, slot): her own request, or the organisers' introduction
// (the desk); propose: whether she may propose its time (her own only);
// book(person, accepting), the desk's only: the meeting they agreed, booked
// (accepting: their pending request, which the booking accepts).
const ownRequest = {
  send: (to, message, slot) => api.sendRequest(state.event && state.event.id, to, message, slot),
  button: 'suggest.request', done: 'requests.sent', failed: 'requests.send_failed', propose: true,
};
async function sendBox(s, open, headId, how) {
  const box = h('form', { class: 'inline-form' });
  let people = [];
  if (s.person && (s.person.id || typeof s.person === 'string')) {
    people = [typeof s.person === 'string' ? { id: s.person, name: s.person_name || s.person } : s.person];
  } else {
    try {
      const o = await api.organisation(s.org || (s.organisation && s.organisation.id));
      people = list(o.people, 'people');
    } catch (_) { people = []; }
  }
  if (people.length === 0) return h('p', { class: 'muted' }, t('suggest.no_people'));
  // people I already have an open request with are marked, and not offered;
  // at the desk one still waiting for an answer may be booked, which accepts it
  const free = people.filter((p) => !open.has(p.id));
  const asked = people.filter((p) => open.has(p.id)).map((p) => h('li', { dataset: { person: p.id } },
    h('strong', {}, dataName(p.name)), ' ', openNote(open.get(p.id)),
    how.book && open.get(p.id).status === 'pending' ? h('button', {
      type: 'button', class: 'book book-open', 'aria-describedby': headId, onclick: () => how.book(p, true),
    }, t('desk.book_open')) : null));
  const askedList = asked.length ? h('ul', { class: 'people asked' }, asked) : null;
  // once the event takes no more requests the page says so once, above
  if (free.length === 0 || (how === ownRequest && requestsClosed(state.event))) return askedList;
  const sel = h('select', { name: 'to', 'aria-label': t('suggest.whom'), translate: 'no' },
    // each in the language of the person's name (the title beside it is the English one)
    free.map((p) => h('option', { value: p.id, lang: dataLang(p.name) }, p.title ? `${p.name} · ${p.title}` : p.name)));
  const msg = h('input', { type: 'text', name: 'message', 'aria-label': t('requests.message'), placeholder: t('requests.message'), maxlength: 500 });
  const btn = h('button', { type: 'submit', class: 'primary', 'aria-describedby': headId }, t(how.button));
  // at a published event she may say when, as on an organisation's page
  const event = state.event || {};
  const propose = how.propose ? proposeFolded(event.id, !!event.published_at, () => sel.value) : null;
  if (propose) sel.addEventListener('change', propose.whomChanged);
  box.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await how.send(sel.value, msg.value.trim(), propose ? propose.value() : null);
      btn.disabled = true;
      flash(box, t(how.done), 'ok', true);
    } catch (e) {
      // a time taken meanwhile: what is in the way, in the page's language
      const why = isSendRefusal(e) ? null : inTheWay(e);
      flash(box, why ? [t(how.failed), ' ', why] : `${t(how.failed)} ${sendError(e, people.find((p) => p.id === sel.value))}`, 'error');
      if (why && propose) propose.whomChanged();
    }
  });
  // the desk's "Book a meeting": one they agreed, at a time both are free
  const book = how.book ? h('button', {
    type: 'button', class: 'book', 'aria-describedby': headId,
    onclick: () => how.book(people.find((p) => p.id === sel.value)),
  }, t('desk.book')) : null;
  box.append(...[sel, msg, propose && propose.el, btn, book].filter(Boolean));
  return askedList ? h('div', {}, askedList, box) : box;
}

// How well a suggestion fits, in words a reader can use: the engine's score
// (2.08) means nothing to her, its place beside the list's best does. Three
// steps by the share of the best's score; the order stays the engine's.
const STRENGTHS = [[0.8, 'suggest.strong'], [0.5, 'suggest.good'], [0, 'suggest.fair']];

export function strengthText(score, best) {
  if (typeof score !== 'number' || !(best > 0)) return null;
  return t(STRENGTHS.find(([share]) => score >= share * best)[1]);
}

// The best score of a list of suggestions or partners, for strengthText.
export function bestScore(found) {
  return Math.max(0, ...found.map((s) => (typeof s.score === 'number' ? s.score : 0)));
}

// One suggested organisation as a card: name, country, how well it fits
// among the list (best: the list's best score), the reasons in the page's
// language and a meeting request (shared with the partners page), or the
// organisers' introduction (`how`, the desk's page of a person).
export async function suggestionCard(s, open, best, how) {
  const org = s.organisation && typeof s.organisation === 'object' ? s.organisation : { id: s.org, name: s.name, name_uk: s.name_uk, country: s.country };
  const reasons = await Promise.all(list(s.why, 'reasons').map(reasonText));
  const strength = strengthText(s.score, best);
  return h('li', { class: 'card suggestion', dataset: { org: org.id } },
    h('h2', { id: `org-${org.id}` }, h('a', { href: `/organisations/${encodeURIComponent(org.id)}` }, dataName(orgName(org)))),
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, countryName(org.country)),
      s.sme ? h('span', { class: 'badge sme' }, t('suggest.sme')) : null,
      strength ? h('span', { class: 'badge strength' }, strength) : null),
    reasons.length ? h('ul', { class: 'why', 'aria-label': t('suggest.why') }, reasons.map((r) => h('li', {}, r))) : null,
    await sendBox(s, open || new Map(), `org-${org.id}`, how || ownRequest));
}

// The people I have an open request with at this event (shared with the
// partners page).
export function myOpen() {
  return openRequests(state.event && state.event.id, state.me && state.me.person ? state.me.person.id : '');
}

// How many organisations a list of cards holds, said by a screen reader
// when it changes (the list is no live region: it would be read out whole,
// every card and control); a sentence of its own when there are none, and
// a failure as an alert. Shared with the partners page.
export function foundStatus(id) {
  const o = outcome(id, { class: 'count' });
  return { el: o.el, say: (n, none) => o.ok(n ? tn('search.found', n) : none), fail: o.fail };
}

// Where suggestions may come from: anywhere, the EU and EEA, or Ukraine (the
// API's region); shared with the partners page.
export function regionSelect(id) {
  return h('select', { name: 'region', id },
    h('option', { value: '' }, t('search.any')), h('option', { value: 'eu' }, t('search.eu')), h('option', { value: 'ua' }, t('search.ua')));
}

// SMEs only (a prime contractor looking for SME suppliers): a checkbox with
// its label; shared with the partners page.
export function smeCheck(id) {
  const box = h('input', { type: 'checkbox', name: 'sme', id });
  return { box, el: h('div', { class: 'field check' }, box, h('label', { for: id }, t('suggest.sme_only'))) };
}

export async function renderSuggestions(main) {
  add(main, h('h1', {}, t('suggest.title')), h('p', { class: 'lead' }, t('suggest.lead')), requestsCloseNote(state.event));
  // a ministry looking for Ukrainian suppliers, a Ukrainian SME for EU buyers
  const region = regionSelect('suggestions-region');
  const sme = smeCheck('suggestions-sme');
  const out = h('ol', { class: 'cards', id: 'suggestions' });
  const status = foundStatus('suggestions-status');
  const show = () => whileBusy([region, sme.box], async () => {
    clear(out);
    out.setAttribute('aria-busy', 'true');
    try {
      const [got, open] = await Promise.all([api.suggestions(10, region.value || undefined, sme.box.checked, getLang()), myOpen()]);
      const sug = list(got, 'suggestions');
      const none = t(region.value || sme.box.checked ? 'suggest.none_here' : 'suggest.none');
      if (sug.length === 0) out.append(h('li', { class: 'muted' }, none));
      const best = bestScore(sug);
      for (const s of sug) out.append(await suggestionCard(s, open, best));
      status.say(sug.length, none);
    } catch (e) {
      out.append(h('li', { class: 'muted' }, errorText(e)));
      status.fail(errorText(e));
    } finally {
      out.setAttribute('aria-busy', 'false');
    }
  });
  region.addEventListener('change', show);
  sme.box.addEventListener('change', show);
  add(main, h('div', { class: 'card' }, field(t('suggest.region'), region), sme.el), status.el, out);
  await show();
}
