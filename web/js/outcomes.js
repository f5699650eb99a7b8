// What a meeting led to: on the agenda, under each meeting that has begun,
// the participant says how far it went (the API's six outcomes, in order)
// with a note only they read; the console's dashboard counts them.

import { api } from './api.js';
import { h, outcome, field, nextId } from './dom.js';
import { limit, invalid } from './forms.js';
import { t, errorText } from './i18n.js';
import { whileBusy } from './app.js';
import { refusalWhy } from './words.js';

export const OUTCOMES = ['not_held', 'no_fit', 'follow_up', 'joint_project', 'purchase', 'agreement'];
const NOTE_MAX = 4000;   // bytes (src/app/outcomes.h)

// The participant's outcomes by request id.
export async function myOutcomes() {
  const r = await api.outcomes();
  return new Map((r && Array.isArray(r.outcomes) ? r.outcomes : []).map((o) => [o.request, o]));
}

// The control for one meeting (its request's id): what was said, if
// anything, and a form to say it or change it.
export function outcomeControl(request, said) {
  let mine = said || null;
  const formId = nextId('outcome-form');
  const summary = h('p', { class: 'outcome-said' });
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
      try {
        mine = await api.setOutcome(request, picked.value, text.value.trim() || null);
        draw();
        status.ok(t('outcome.saved'));
        open(false);
      } catch (e) { status.fail(t('outcome.failed'), ' ', refusalWhy(e)); }
    });
  });
  remove.addEventListener('click', () => whileBusy([save, remove, cancel], async () => {
    try {
      await api.removeOutcome(request);
      mine = null;
      draw();
      status.ok(t('outcome.removed'));
      open(false);
    } catch (e) { status.fail(`${t('outcome.failed')} ${errorText(e)}`); }
  }));
  draw();
  return h('div', { class: 'meeting-outcome no-print', dataset: { request } }, summary, note, toggle, form, status.el);
}
