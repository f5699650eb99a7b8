// The console's announcements page: the organisers write a line every
// participant reads under the header of every page ("The B2B area moved to
// hall B"), in English and Ukrainian, and withdraw it when it no longer
// holds (POST and DELETE /api/v1/console/announcements). The newest five are
// shown.

import { api } from '../api.js';
import { h, add, field, outcome, data } from '../dom.js';
import { t, dayTime, errorText, num } from '../i18n.js';
import { limit, fieldError } from '../forms.js';

const MAX = 500;

function shownList(all, redraw, says) {
  if (!all.length) return h('p', { class: 'muted', id: 'ann-none' }, t('ann.none'));
  return h('ul', { class: 'cards', id: 'ann-shown' }, all.map((a) => {
    const id = `ann-text-${a.id}`;
    return h('li', { class: 'card', dataset: { id: a.id } },
      h('p', { id, lang: 'en', translate: 'no' }, a.text),
      a.text_uk ? h('p', { lang: 'uk', translate: 'no' }, a.text_uk) : h('p', { class: 'muted' }, t('ann.no_uk')),
      h('p', { class: 'muted' }, dayTime(a.created_at), a.created_by ? [' · ', data(a.created_by)] : null),
      h('button', {
        type: 'button', class: 'decline', 'aria-describedby': id,
        onclick: async (ev) => {
          if (!window.confirm(t('ann.withdraw_confirm'))) return;
          ev.target.disabled = true;
          try {
            await api.withdrawAnnouncement(a.id);
            await redraw();
            says.ok(t('ann.withdrawn'));
          } catch (e) {
            ev.target.disabled = false;
            says.fail(t('error.save'), ' ', errorText(e));
          }
        },
      }, t('ann.withdraw')));
  }));
}

// The mail dfnc sends participants, in one line: what the outbox holds, or
// that mail is off (and what waits in the outbox until it is on again).
async function mailLine() {
  let m;
  try { m = await api.consoleMail(); } catch (e) { return h('p', { class: 'muted', id: 'mail-line' }, errorText(e)); }
  return h('p', { class: 'muted', id: 'mail-line' },
    m.on
      ? t('mail.console', { queued: num(m.queued), sent: num(m.sent), failed: num(m.failed) })
      : [t('mail.console_off'), m.queued ? [' ', t('mail.console_held', { queued: num(m.queued) })] : null],
    m.last_error ? [' ', t('mail.console_error', { error: m.last_error })] : null);
}

export async function renderAnnouncementsConsole(main) {
  const says = outcome('ann-outcome');
  const box = h('div', { id: 'ann-list' });
  const redraw = async () => {
    const all = (await api.announcements()).announcements || [];
    box.replaceChildren(shownList(all, redraw, says));
  };
  const text = limit(h('input', { name: 'text', required: true, autocomplete: 'off', lang: 'en' }), MAX);
  const textUk = limit(h('input', { name: 'text_uk', autocomplete: 'off', lang: 'uk' }), MAX);
  const form = h('form', { class: 'card', id: 'ann-form' },
    field(t('ann.text'), text, t('ann.text_hint')),
    field(t('ann.text_uk'), textUk, t('ann.text_uk_hint')),
    h('button', { type: 'submit', class: 'primary' }, t('ann.post')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await api.announce(text.value.trim(), textUk.value.trim() || null);
      form.reset();
      await redraw();
      says.ok(t('ann.posted'));
    } catch (e) {
      says.fail(fieldError(form, e) || t('error.save'), ' ', errorText(e));
    } finally {
      button.disabled = false;
    }
  });
  add(main, h('h1', {}, t('ann.title')), h('p', { class: 'muted' }, t('ann.intro')), form, says.el,
    h('h2', {}, t('ann.shown')), box);
  await redraw();
  add(main, await mailLine());
}
