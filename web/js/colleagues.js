// Colleagues who join a meeting (docs/web.md "Bring a colleague"): each
// side brings people of its own organisation, up to four in all (a table's
// seats); a placed meeting at a published event takes only one free then,
// a refusal saying what is in the way. The requests page and the help
// desk's person page show it beside an open request.

import { api } from './api.js';
import { h, list, field } from './dom.js';
import { t, tn, tx } from './i18n.js';
import { flash } from './app.js';
import { orgInfo, localName, nameAndOrg } from './people.js';
import { inTheWay, refusalWhy, attendeeOffWarning } from './words.js';

const COLLEAGUES_MAX = 4;

// The people of organisation org who may still join request r: not its
// two people, not already with it, not erased.
async function bringable(r, org) {
  const o = await orgInfo(org);
  const taken = new Set([r.from, r.to, ...list(r.attendees).map((a) => a.id)]);
  return list(o.people).filter((p) => !taken.has(p.id) && !p.erased_at);
}

// The colleagues of request r listed, those of org (every one when anyone:
// the desk) each with a button to take her off, and "Bring a colleague"
// (org's people) while the table has seats; changed() after each change,
// a refusal flashed in where. changed() gives (a promise of) the element
// the request shows in once redrawn, where what a removal left to be done
// (an interpreter none is free of) is said as an alert; where if none.
export function colleaguesPart(r, where, { org, anyone = false, changed }) {
  const box = h('div', { class: 'colleagues' });
  const said = (e) => [t('error.save'), ' ', inTheWay(e) || refusalWhy(e)];
  const people = list(r.attendees);
  if (people.length) {
    box.append(h('p', { class: 'muted' }, tn('requests.colleagues_count', people.length)),
      h('ul', { class: 'colleague-list' }, people.map((a) => h('li', { dataset: { id: a.id } },
        nameAndOrg(a.name, localName(a.org_name, a.org_name_uk)),
        anyone || a.org === org ? [' ', h('button', {
          type: 'button', class: 'link remove-colleague', 'aria-label': tx('requests.colleague_remove_named', { name: a.name }),
          onclick: async (ev) => {
            ev.target.disabled = true;
            try {
              const done = await api.removeAttendee(r.id, a.id);
              const left = attendeeOffWarning(done, r, anyone);
              const now = await changed();
              if (left) flash(now || where, left, 'notice', true);
            } catch (e) { ev.target.disabled = false; flash(where, said(e), 'error'); }
          },
        }, t('requests.colleague_remove'))] : null))));
  }
  if (people.length >= COLLEAGUES_MAX || !org) return box;
  const bring = h('details', { class: 'bring' }, h('summary', {}, t('requests.bring')));
  bring.addEventListener('toggle', async () => {
    if (!bring.open || bring.querySelector('form, .none')) return;
    let who = [];
    try { who = await bringable(r, org); } catch (_) { /* none offered */ }
    if (!who.length) { bring.append(h('p', { class: 'muted none' }, t('requests.bring_none'))); return; }
    const pick = h('select', { name: 'person' }, who.map((p) => h('option', { value: p.id }, p.name)));
    const form = h('form', {
      class: 'bring-form',
      onsubmit: async (ev) => {
        ev.preventDefault();
        const btn = form.querySelector('button');
        btn.disabled = true;
        try {
          await api.addAttendee(r.id, pick.value);
          changed();
        } catch (e) { btn.disabled = false; flash(where, said(e), 'error'); }
      },
    }, field(t('requests.bring_who'), pick), h('button', { type: 'submit', class: 'primary' }, t('requests.bring_add')));
    bring.append(form);
  });
  box.append(bring);
  return box;
}
