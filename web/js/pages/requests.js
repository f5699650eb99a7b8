// Meeting requests I received (accept or decline) and those I sent.

import { api } from '../api.js';
import { h, add, list } from '../dom.js';
import { t, dayTime, errorText } from '../i18n.js';
import { state, flash } from '../app.js';
import { personInfo, orgInfo, orgName } from '../people.js';

// Names and messages are the participants' own words: marked translate="no".
function who(p, org) {
  return h('strong', { translate: 'no' }, org ? `${p.name} (${org})` : p.name);
}

async function row(r, incoming, redraw) {
  const otherId = incoming ? r.from : r.to;
  const other = await personInfo(otherId, incoming ? r.from_person : r.to_person);
  const org = other.organisation ? orgName(await orgInfo(other.organisation)) : '';
  const status = h('span', { class: `status ${r.status}` }, t(`status.${r.status}`));
  const li = h('li', { class: 'card request', dataset: { id: r.id, status: r.status } },
    h('p', {}, who(other, org), ' ', status),
    r.message ? h('p', { class: 'quote', translate: 'no' }, r.message) : null,
    r.created_at ? h('p', { class: 'muted' }, dayTime(r.created_at)) : null);
  if (incoming && r.status === 'pending') {
    const act = (fn, okKey) => async (ev) => {
      // a decline cannot be taken back, and sits next to Accept: asked first
      if (fn === api.decline && !window.confirm(t('requests.decline_confirm', { name: other.name }))) return;
      const box = ev.target.closest('.actions');
      box.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      try {
        const done = await fn(r.id);
        const st = (done && done.status) || (fn === api.accept ? 'accepted' : 'declined');
        li.dataset.status = st;
        status.className = `status ${st}`;
        status.textContent = t(`status.${st}`);
        box.remove();
        flash(li, t(okKey));
      } catch (e) {
        box.querySelectorAll('button').forEach((b) => { b.disabled = false; });
        flash(li, `${t('error.save')} ${errorText(e)}`, 'error');
      }
    };
    li.append(h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: act(api.accept, 'requests.accepted') }, t('requests.accept')),
      h('button', { type: 'button', class: 'decline', onclick: act(api.decline, 'requests.declined') }, t('requests.decline'))));
  }
  return li;
}

export async function renderRequests(main) {
  const all = list(await api.requests(), 'requests');
  const me = state.me && state.me.person ? state.me.person.id : '';
  // the requests waiting for an answer first, each group in the server's order
  const waiting = (r) => (r.status === 'pending' ? 0 : 1);
  const incoming = all.filter((r) => r.to === me || r.direction === 'received').sort((a, b) => waiting(a) - waiting(b));
  const outgoing = all.filter((r) => !incoming.includes(r));
  const redraw = () => { main.replaceChildren(); renderRequests(main); };
  const section = async (id, title, rows, isIn) => h('section', { id, 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title),
    rows.length === 0 ? h('p', { class: 'muted' }, t('requests.none'))
      : h('ul', { class: 'cards' }, await Promise.all(rows.map((r) => row(r, isIn, redraw)))));
  add(main, h('h1', {}, t('requests.title')),
    await section('received', t('requests.received'), incoming, true),
    await section('sent', t('requests.sent_title'), outgoing, false));
}
