// What a meeting led to: on the agenda, under each meeting that has begun,
// the participant says how far it went (the API's six outcomes, in order)
// with a note only they read; the console's dashboard counts them.

import { api, ApiError } from './api.js';
import { h, outcome, field, nextId } from './dom.js';
import { limit, invalid } from './forms.js';
import { t, errorText } from './i18n.js';
import { whileBusy, state } from './app.js';
import { refusalWhy } from './words.js';
import { keepUnsent, dropUnsent, unsentOutcomes } from './unsent.js';

export const OUTCOMES = ['not_held', 'no_fit', 'follow_up', 'joint_project', 'purchase', 'agreement'];
const NOTE_MAX = 4000;   // bytes (src/app/outcomes.h)

// The participant's outcomes by request id.
export async function myOutcomes() {
  const r = await api.outcomes();
  return new Map((r && Array.isArray(r.outcomes) ? r.outcomes : []).map((o) => [o.request, o]));
}

// A refusal the server gave, or none: the request never reached it (the
// venue's network gone, or the server down).
const unreached = (e) => !(e instanceof ApiError);

// The control for one meeting (its request's id): what was said, if
// anything, and a form to say it or change it. unsent: what she said of it
// without a connection and this phone keeps to send (unsent.js), which
// shows instead of the server's, marked as not sent yet.
export function outcomeControl(request, said, unsent) {
  let mine = said || null;
  let pending = false;
  if (unsent) {
    mine = unsent.removed ? null : { request, outcome: unsent.outcome, note: unsent.note };
    pending = true;
  }
  const person = () => (state.me && state.me.person && state.me.person.id) || '';
  // without a connection: kept on this phone, to go when it is back
  const keep = (what) => {
    if (!person() || !keepUnsent(person(), request, what)) return false;
    mine = what ? { request, outcome: what.outcome, note: what.note } : null;
    pending = true;
    draw();
    status.ok(t('outcome.kept'));
    open(false);
    return true;
  };
  const formId = nextId('outcome-form');
  const summary = h('p', { class: 'outcome-said' });
  const unsentMark = h('p', { class: 'outcome-unsent notice' }, t('outcome.unsent'));
  const note = h('p', { class: 'outcome-note muted', translate: 'no' });
  const status = outcome(nextId('outcome-status'));
  const toggle = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': formId });
  const radios = OUTCOMES.map((code) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: formId, value: code, required: true }), ' ', t(`outcome.${code}`)));
  const text = limit(h('textarea', { name: 'note', rows: 3 }), NOTE_MAX);
  const remove = h('button', { type: 'button', class: 'secondary' }, t('outcome.remove'));
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('outcome.cancel'));
  const save = h('button', { type: 'submit', class: 'primary' }, t('outcome.save'));
  const form = h('form', { id: formId, class: 'outcome-form', hidden: true, novalidate: true },
    h('fieldset', {}, h('legend', {}, t('outcome.legend')), ...radios),
    field(t('outcome.note'), text, t('outcome.note_hint')),
    h('div', { class: 'actions' }, save, remove, cancel));

  const draw = () => {
    summary.textContent = mine ? t('outcome.said', { label: t(`outcome.${mine.outcome}`) }) : '';
    summary.hidden = !mine;
    note.textContent = mine && mine.note ? mine.note : '';
    note.hidden = !(mine && mine.note);
    toggle.textContent = mine ? t('outcome.change') : t('outcome.ask');
    remove.hidden = !mine;
    unsentMark.hidden = !pending;
  };
  const open = (on) => {
    form.hidden = !on;
    toggle.setAttribute('aria-expanded', String(on));
    if (on) {
      for (const r of form.querySelectorAll('input[type=radio]')) r.checked = !!mine && r.value === mine.outcome;
      text.value = mine ? mine.note : '';
      (form.querySelector('input:checked') || form.querySelector('input')).focus();
    } else toggle.focus();
  };
  toggle.addEventListener('click', () => open(form.hidden));
  cancel.addEventListener('click', () => open(false));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const picked = form.querySelector('input[type=radio]:checked');
    if (!picked) { status.fail(t('outcome.pick')); form.querySelector('input').focus(); return; }
    const bad = invalid(form);
    if (bad) { status.fail(bad); return; }
    await whileBusy([save, remove, cancel], async () => {
      const said = { outcome: picked.value, note: text.value.trim() || null };
      try {
        mine = await api.setOutcome(request, said.outcome, said.note);
        dropUnsent(person(), request);   // an older one kept here must not follow it
        pending = false;
        draw();
        status.ok(t('outcome.saved'));
        open(false);
      } catch (e) {
        if (!(unreached(e) && keep(said))) status.fail(t('outcome.failed'), ' ', refusalWhy(e));
      }
    });
  });
  remove.addEventListener('click', () => whileBusy([save, remove, cancel], async () => {
    try {
      // one said only without a connection: the server may have none to take back
      await api.removeOutcome(request).catch((e) => { if (!(pending && e instanceof ApiError && e.status === 404)) throw e; });
      dropUnsent(person(), request);
      mine = null;
      pending = false;
      draw();
      status.ok(t('outcome.removed'));
      open(false);
    } catch (e) {
      if (!(unreached(e) && keep(null))) status.fail(`${t('outcome.failed')} ${errorText(e)}`);
    }
  }));
  draw();
  const box = h('div', { class: 'meeting-outcome no-print', dataset: { request } }, summary, note, unsentMark, toggle, form, status.el);
  // kept here and sent later, while the page stays open (unsent.js)
  const sentLater = (ev) => {
    if (!box.isConnected) { window.removeEventListener('dfnc:unsent', sentLater); return; }
    // said again while that round was on its way: the newer one still waits
    if (!pending || unsentOutcomes(person()).has(request)) return;
    const refused = ev.detail.refused.find((x) => x.request === request);
    if (ev.detail.sentRequests.includes(request)) {
      pending = false;
      draw();
      status.ok(t('outcome.sent_later'));
    } else if (refused) {
      pending = false;
      draw();
      status.fail(t('outcome.failed'), ' ', refusalWhy(refused.error));
    }
  };
  window.addEventListener('dfnc:unsent', sentLater);
  return box;
}
