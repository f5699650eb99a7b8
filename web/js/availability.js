// A person's availability at an event, as a form: the event's B2B slots by
// day, a checkbox each (ticked: free to meet), saved as the set of slots the
// person is away. The participant's agenda ("When are you available?") and
// the organiser's console (someone else's, from the participants page) both
// draw it; each says in its own words what a save did.

import { h, list, outcome, dataName } from './dom.js';
import { t, tx, time, date, dayTime, errorText, instant } from './i18n.js';
import { whileBusy, zoneOf } from './app.js';

// What a save said about the meetings already in a slot now marked away,
// a line each in keys' words ({name}: the other party, {time}: when): keys
// is [before publication, after it], as the next scheduler run moves the
// first and keeps the second.
export function conflictList(av, keys) {
  const zone = zoneOf(av.event);
  const items = list(av.conflicts).map((c) => h('li', { dataset: { request: c.request, slot: c.slot } },
    tx(av.published ? keys[1] : keys[0], {
      name: h('strong', {}, dataName((c.with && (c.with.name || c.with.id)) || '')),
      time: dayTime(c.start, zone),
    })));
  return items.length ? h('ul', { class: 'errors' }, items) : null;
}

// The form for av (GET .../availability's reply); null when the event has no
// B2B slot. save(away) stores the away slots' ids and resolves to the PUT's
// reply; saved(reply, away) gives what the status then says (nodes or text),
// and conflicts(reply) what the page adds under it (nodes or null). A failed
// save is an alert, and the boxes keep what was ticked to try again. With
// setBy (the organiser's console), each away slot says beside it who marked
// it away (the person, an organiser, an import), anew after each save.
export function availabilityForm(av, { save, saved, conflicts, setBy, busy }) {
  const slots = list(av, 'slots');
  if (slots.length === 0) return null;
  const out = outcome('availability-outcome');
  const below = h('div', { id: 'availability-conflicts' });
  const boxes = [];
  const setters = new Map();   // slot id -> the line saying who set it
  const sayWho = (slots) => {
    for (const x of slots) {
      const el = setters.get(x.id);
      if (el) el.textContent = !x.available && x.set_by ? t(`avail.set_by_${x.set_by}`) : '';
    }
  };
  const zone = zoneOf(av.event);   // the event's clock, whichever the page's
  const days = [];
  let current = '';
  let group = null;
  for (const x of slots) {
    const d = date(x.start, { dateStyle: 'full' }, zone);
    if (d !== current) {
      current = d;
      group = h('fieldset', { class: 'slots' }, h('legend', {}, d));
      days.push(group);
    }
    const id = `avail-${x.id}`;
    const who = setBy ? h('span', { class: 'muted set-by', id: `${id}-by` }) : null;
    const box = h('input', {
      type: 'checkbox', id, name: 'available', value: x.id, checked: x.available, 'aria-describedby': who ? who.id : null,
    });
    boxes.push(box);
    if (who) setters.set(x.id, who);
    // a slot that holds one of the person's meetings (busy: their starts)
    const met = busy && busy.has(instant(x.start)) ? h('span', { class: 'muted has-meeting' }, t('avail.has_meeting')) : null;
    group.append(h('div', { class: 'field check', dataset: met ? { busy: '1' } : {} }, box,
      h('label', { for: id }, `${time(x.start, zone)}–${time(x.end, zone)}`, met), who));
  }
  sayWho(slots);
  const button = h('button', { type: 'submit', class: 'primary', id: 'availability-save' }, t('save'));
  return h('form', {
    id: 'availability-form',
    onsubmit: (e) => {
      e.preventDefault();
      whileBusy([button], async () => {
        const away = boxes.filter((b) => !b.checked).map((b) => b.value);
        let r;
        try { r = await save(away); } catch (err) {
          out.fail(`${t('error.save')} ${errorText(err)}`);
          below.replaceChildren();
          return;
        }
        sayWho(list(r, 'slots'));
        out.ok(...[saved(r, away)].flat());
        below.replaceChildren(...[conflicts(r)].flat().filter(Boolean));
      });
    },
  }, h('div', { class: setBy ? 'slot-days set-by-shown' : 'slot-days' }, days), h('div', { class: 'actions' }, button), out.el, below);
}
