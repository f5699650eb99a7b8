// A proposed time (docs/web.md "A proposed time"): the requester says when
// her meeting may be, at a published event. One select of the times a pair
// may meet, shared by every form that sends a request (an organisation's
// page, the suggestions) and by her own card on the requests page, where
// she changes or clears what she proposed.

import { api } from './api.js';
import { h, field, list } from './dom.js';
import { t, tx, dayTime, errorText } from './i18n.js';
import { flash, zoneOf } from './app.js';
import { tableName } from './people.js';
import { inTheWay, refusalWhy } from './words.js';

// A node's or a string's text, for an option (which holds text alone).
function textOf(x) { return typeof x === 'string' ? x : x.textContent; }

// The times (Places of GET .../times, at event's clock) as a select: "no
// time" first when noneKey names its words, current chosen when it is among them.
function timeSelect(times, event, noneKey, current) {
  const sel = h('select', { name: 'slot', class: 'propose-time' },
    noneKey ? h('option', { value: '' }, t(noneKey)) : null,
    times.map((x) => h('option', { value: x.slot }, `${dayTime(x.start, zoneOf(event))}, ${textOf(tableName(x))}`)));
  if (current && times.some((x) => x.slot === current)) sel.value = current;
  return sel;
}

// The field of a send form: label (labelKey: its words), the times both
// are free, the hint. value() is the slot chosen, or null.
function sendField(times, event, labelKey) {
  const sel = timeSelect(times, event, 'requests.propose_none');
  return { el: field(t(labelKey), sel, t('requests.propose_hint')), value: () => sel.value || null };
}

// "Propose a time" for a request to person (an organisation's page): at a
// published event, a choice of the times both are free (GET
// /people/{id}/times), none chosen at first; null elsewhere or when they
// cannot be read.
export async function proposeChoice(event, person) {
  let got;
  try { got = await api.personTimes(person.id, event); } catch (_) { return null; }
  const times = list(got, 'times');
  if (!got || !got.published || times.length === 0) return null;
  return sendField(times, got.event, 'requests.propose_time');
}

// The same for a form whose addressee is chosen in it (the suggestions'
// box, whose cards are many): "Propose a time (optional)" folded, its times
// read only when she opens it, and read again for whom she then chooses.
// null unless the event's agendas are published. value() as above.
export function proposeFolded(event, published, whom) {
  if (!published) return null;
  let chosen = null;
  const box = h('details', { class: 'propose' }, h('summary', {}, t('requests.propose_time')));
  const fill = async () => {
    chosen = null;
    box.querySelector('.propose-body')?.remove();
    const to = whom();
    let got = null;
    try { got = await api.personTimes(to, event); } catch (_) { got = null; }
    if (whom() !== to || !box.open) return;   // another person chosen meanwhile, or closed
    const times = list(got, 'times');
    const body = h('div', { class: 'propose-body' });
    if (times.length === 0) body.append(h('p', { class: 'muted' }, t('requests.propose_no_times')));
    // the summary says what it is for: the field says what it holds
    else { chosen = sendField(times, got.event, 'requests.propose_slot'); body.append(chosen.el); }
    box.querySelector('.propose-body')?.remove();
    box.append(body);
  };
  box.addEventListener('toggle', () => { if (box.open) fill(); else chosen = null; });
  return { el: box, value: () => (box.open && chosen ? chosen.value() : null), whomChanged: () => { if (box.open) fill(); } };
}

// What she proposed on her sent request r, in words: the time and table,
// or, no longer free, that and what is in the way.
function mineLine(r) {
  const p = r.proposed;
  if (!p) return null;
  const when = dayTime(p.start, zoneOf(r.event));
  if (p.free) return h('p', { class: 'proposal' }, tx('requests.you_proposed', { when, table: tableName(p) }));
  const why = inTheWay({ body: { error: { reasons: list(p.reasons) } } });
  return h('p', { class: 'proposal taken' }, tx('requests.you_proposed_taken', { when }),
    ' ', why || (p.reason ? h('span', { lang: 'en', translate: 'no', class: 'untranslated' }, p.reason) : null));
}

// Her sent pending request r's proposal (docs/web.md): what she proposed,
// "Change the time" (the times free for the request's people, GET
// /requests/{id}/times, read when opened: opened at once when hers is no
// longer free) and "Clear" (PUT /requests/{id}/proposal). At a published
// event only (published: its agendas are); null elsewhere. li is the card
// said to; describedBy names the request for a screen reader.
export function proposalOfMine(r, li, published, describedBy) {
  if (!published && !r.proposed) return null;
  const part = h('div', { class: 'my-proposal' });
  let current = r;
  const draw = () => {
    const had = !!current.proposed;
    const box = h('details', { class: 'change-time' }, h('summary', {}, t(had ? 'requests.change_time' : 'requests.propose_a_time')));
    const fill = async () => {
      box.querySelector('.times')?.remove();
      let got = null;
      try { got = await api.requestTimes(r.id); } catch (e) {
        box.append(h('div', { class: 'times' }, h('p', { class: 'error' }, errorText(e))));
        return;
      }
      const times = list(got, 'times');
      const here = current.proposed ? current.proposed.slot : null;
      const others = times.filter((x) => x.slot !== here);
      if (others.length === 0) {
        box.append(h('div', { class: 'times' }, h('p', { class: 'muted' }, t('requests.propose_no_other'))));
        return;
      }
      const sel = timeSelect(others, r.event);
      const save = h('button', { type: 'submit', class: 'primary', 'aria-describedby': describedBy }, t('requests.propose_this'));
      box.append(h('form', {
        class: 'times inline-form',
        onsubmit: (ev) => { ev.preventDefault(); send(sel.value, save); },
      }, field(t('requests.propose_which'), sel), save));
    };
    box.addEventListener('toggle', () => { if (box.open) fill(); });
    const clearBtn = had ? h('button', {
      type: 'button', class: 'clear-proposal', 'aria-describedby': describedBy,
      onclick: (ev) => send(null, ev.currentTarget),
    }, t('requests.clear_proposal')) : null;
    part.replaceChildren(...[mineLine(current), box, clearBtn && h('div', { class: 'actions' }, clearBtn)].filter(Boolean));
    // one no longer free: the change offered at once
    if (had && !current.proposed.free) box.open = true;
    return box;
  };
  // a change or a clear: the card says the proposal as the server now has
  // it; a time taken meanwhile is said, by its reasons, and the times read again
  const send = async (slot, btn) => {
    btn.disabled = true;
    try {
      const done = await api.propose(r.id, slot);
      current = done && typeof done === 'object' ? done : { ...current, proposed: null };
      draw();
      flash(li, slot ? tx('requests.proposal_changed', { when: dayTime(current.proposed ? current.proposed.start : '', zoneOf(r.event)) }) : t('requests.proposal_cleared'), 'ok', true);
    } catch (e) {
      btn.disabled = false;
      const why = inTheWay(e);
      flash(li, [t(e.status === 409 && why ? 'requests.time_taken' : 'error.save'), ' ', why || refusalWhy(e)], 'error');
      if (e.status === 409 && why) { const box = draw(); box.open = true; }
    }
  };
  draw();
  return part;
}
