// "I can't come that day": a person's meetings of one day given up in one
// step (POST /me/day-off on her agenda, /console/people/{id}/day-off at
// the desk), asked first: a dry run says what goes and whom it tells, then
// a yes sends it. Both pages draw it from here, in words that fit both.

import { h, clear } from './dom.js';
import { t, tn, time } from './i18n.js';
import { whileBusy } from './app.js';
import { refusalWhy } from './words.js';

// The sentences of a reply r of POST .../day-off, as it would go (a dry
// run) or went, times at zone's clock.
function sentences(r, zone) {
  const said = [];
  const mail = r.mailed > 0;
  if (r.dry_run) {
    if (r.cancelled.length) said.push(tn(mail ? 'dayoff.will_cancel' : 'dayoff.will_cancel_quiet', r.cancelled.length));
    if (r.left.length) said.push(tn('dayoff.will_leave', r.left.length));
  } else {
    if (r.cancelled.length) said.push(tn('dayoff.cancelled', r.cancelled.length));
    if (r.left.length) said.push(tn('dayoff.left', r.left.length));
    if (mail) said.push(tn('dayoff.told', r.mailed));
  }
  if (r.kept.length) said.push(tn('dayoff.kept', r.kept.length));
  if (r.left.some((m) => m.warnings && m.warnings.length)) said.push(t('dayoff.interpreter'));
  const item = (m) => h('li', {}, `${time(m.start, zone)}–${time(m.end, zone)} · `,
    h('span', { translate: 'no' }, m.with.name || m.with.id));
  return [said.map((s) => h('p', {}, s)),
    r.cancelled.length || r.left.length ? h('ul', { class: 'dayoff-list' }, [...r.cancelled, ...r.left].map(item)) : null];
}

// What a day given up did (reply, its times at zone's clock; dayName the
// day as the page names it), a status to put where the page is drawn
// again and focus.
export function dayOffSaid(reply, zone, dayName) {
  return h('div', { class: 'flash ok', id: 'dayoff-done', role: 'status', tabindex: '-1' },
    h('p', {}, h('strong', {}, t('dayoff.done', { day: dayName }))), sentences(reply, zone));
}

// The button label opens: send(true), the dry run, said in a group that
// takes the focus with "Yes, give up this day" and "Keep the meetings";
// the yes runs send(false), then done(reply) (it draws the page again). A
// refusal is an alert in the page's language. heading: the element naming
// the day (its text the day, as the question says it).
export function dayOffAsk({ day, zone, label, heading, send, done }) {
  const box = h('div', { class: 'dayoff no-print', id: `dayoff-${day}` });
  const refused = (where, e) => where.append(h('p', { class: 'flash error', role: 'alert' }, refusalWhy(e)));
  const ask = h('button', {
    type: 'button', class: 'dayoff-ask', 'aria-describedby': heading.id || null,
    onclick: () => whileBusy([ask], async () => {
      box.querySelector('.flash.error')?.remove();
      let r;
      try {
        r = await send(true);
      } catch (e) {
        refused(box, e);
        return;
      }
      const nothing = !r.cancelled.length && !r.left.length;
      const keep = h('button', {
        type: 'button', class: 'dayoff-keep',
        onclick: () => { clear(panel); panel.remove(); ask.hidden = false; ask.focus(); },
      }, t('dayoff.keep'));
      const yes = h('button', {
        type: 'button', class: 'danger dayoff-confirm',
        onclick: () => whileBusy([yes, keep], async () => {
          let reply;
          try {
            reply = await send(false);
          } catch (e) {
            refused(panel, e);
            return;
          }
          await done(reply);
        }),
      }, t('dayoff.confirm'));
      const panel = h('div', { class: 'dayoff-panel', role: 'group', tabindex: '-1', 'aria-labelledby': `dayoff-q-${day}` },
        h('p', { id: `dayoff-q-${day}` }, h('strong', {}, t('dayoff.ask', { day: heading.textContent }))),
        nothing ? h('p', {}, t('dayoff.nothing')) : null,
        sentences(r, zone),
        h('div', { class: 'actions' }, nothing ? null : yes, keep));
      ask.hidden = true;
      box.append(panel);
      panel.focus();
    }),
  }, label);
  box.append(ask);
  return box;
}
