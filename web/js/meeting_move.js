// Moving one meeting still to come, on the forum's day: the help desk's
// page of a person and the table plan each give a meeting a Move button,
// which lists where it may go and moves it there, and then say what was
// done and whom to tell.

import { api } from './api.js';
import { h, add, list, dataName } from './dom.js';
import { t, wallDayTime, errorText } from './i18n.js';
import { flash } from './app.js';
import { tableName } from './people.js';
import { inTheWay, refusalWhy } from './words.js';

// A place a meeting may go, as the desk reads it: "Thu 1 Oct, 10:30–11:00, Table 6".
const placeText = (p) => `${wallDayTime(p.start)}–${wallDayTime(p.end, true)}, ${textOf(tableName({ location_name: p.location_name, online: p.online }))}`;
const textOf = (x) => (typeof x === 'string' ? x : x.textContent);

// What a move did: the meeting's new time and table, where it was, and its
// people to tell, each with their e-mail.
export function moveResult(done, personHref) {
  return h('section', { class: 'card', id: 'desk-move-result', 'aria-labelledby': 'desk-move-h' },
    h('h2', { id: 'desk-move-h', tabindex: '-1' }, t('desk.move_done', { place: placeText(done.at) })),
    h('p', {}, t('desk.move_was', { place: placeText(done.was) })),
    h('p', {}, t('desk.move_tell')),
    h('ul', { id: 'desk-move-people' }, list(done.people).map((x) => h('li', {},
      h('a', { href: personHref(x) }, dataName(x.name)),
      x.email ? [' · ', h('a', { href: `mailto:${x.email}`, translate: 'no' }, x.email)] : null))));
}

// The desk moves one meeting still to come (id: its request's), named by
// its time `when` (and described by the ids describedBy: its table and
// people, where a page lists several at one time): where it may go (GET .../moves, the nearest first, its
// own table first), chosen in a list, then moved; done(result) draws the
// page again with what to tell whom.
export function moveButton(id, when, cell, done, describedBy) {
  const button = h('button', {
    type: 'button', class: 'secondary move', 'aria-label': t('desk.move_label', { when }),
    'aria-describedby': describedBy || null,
  }, t('desk.move'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    let moves;
    try { moves = await api.meetingMoves(id); } catch (e) {
      button.disabled = false;
      flash(cell, `${t('desk.move_load_failed')} ${errorText(e)}`, 'error');
      return;
    }
    const options = list(moves, 'options');
    const form = h('form', { class: 'move-form', 'aria-label': t('desk.move') });
    if (!options.length) {
      add(form, h('p', { class: 'muted', role: 'status' }, t('desk.move_none')));
      cell.append(form);
      return;
    }
    // a time, then a place at it: at a forum of hundreds the places are
    // thousands, too many for one list; both keep the server's order (the
    // nearest time first, its own table first), each place's value its
    // index among the options
    const slots = [...new Set(options.map((o) => o.slot))];
    const when = h('select', { id: `move-${id}-time`, name: 'time' },
      slots.map((slot) => {
        const o = options.find((x) => x.slot === slot);
        return h('option', { value: slot }, `${wallDayTime(o.start)}–${wallDayTime(o.end, true)}`);
      }));
    const pick = h('select', { id: `move-${id}`, name: 'place' });
    const places = () => pick.replaceChildren(...options.flatMap((o, i) => (o.slot === when.value
      ? [h('option', { value: String(i) }, textOf(tableName({ location_name: o.location_name, online: o.online })))] : [])));
    places();
    when.addEventListener('change', places);
    const go = h('button', { type: 'submit', class: 'primary' }, t('desk.move_here'));
    add(form, h('label', { for: when.id }, t('desk.move_when')), ' ', when, ' ',
      h('label', { for: pick.id }, t('desk.move_where')), ' ', pick, ' ', go);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const o = options[+pick.value];
      go.disabled = true;
      try {
        await done(await api.moveMeeting(id, o.slot, o.location, o.online));
      } catch (e) {
        go.disabled = false;
        flash(form, [t('error.save'), ' ', inTheWay(e) || refusalWhy(e)], 'error');
        go.focus();
      }
    });
    cell.append(form);
    when.focus();
  });
  return button;
}
