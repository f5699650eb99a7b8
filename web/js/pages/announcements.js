// The console's announcements page: the organisers write a line every
// participant reads under the header of every page ("The B2B area moved to
// hall B"), in English and Ukrainian, and withdraw it when it no longer
// holds (POST and DELETE /api/v1/console/announcements). The newest five are
// shown. One may be written ahead, to show from a time of the forum's day
// and until another, at the event's clock: the page lists those ahead too.

import { api } from '../api.js';
import { h, add, field, outcome, data } from '../dom.js';
import { t, tn, dayTime, errorText, num, eventTimeZone } from '../i18n.js';
import { limit, fieldError } from '../forms.js';
import { instantIn } from '../programme.js';

const MAX = 500;

// A datetime-local's wall time at the event's clock as the instant the API
// takes (ISO 8601 in UTC); null when left empty.
const instantOf = (input) => (input.value ? new Date(instantIn(input.value, eventTimeZone())).toISOString() : null);

// "From ... · until ...": when one written ahead or ending by itself shows.
function whenShown(a) {
  const parts = [a.shows_from ? t('ann.from', { when: dayTime(a.shows_from) }) : null,
    a.shows_until ? t('ann.until', { when: dayTime(a.shows_until) }) : null].filter(Boolean);
  return parts.length ? h('p', { class: 'ann-when' }, parts.join(' · ')) : null;
}

function shownList(all, redraw, says, listId = 'ann-shown', noneId = 'ann-none') {
  if (!all.length) return h('p', { class: 'muted', id: noneId }, t(noneId === 'ann-none' ? 'ann.none' : 'ann.ahead_none'));
  return h('ul', { class: 'cards', id: listId }, all.map((a) => {
    const id = `ann-text-${a.id}`;
    return h('li', { class: 'card', dataset: { id: a.id } },
      h('p', { id, lang: 'en', translate: 'no' }, a.text),
      a.text_uk ? h('p', { lang: 'uk', translate: 'no' }, a.text_uk) : h('p', { class: 'muted' }, t('ann.no_uk')),
      whenShown(a),
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
  const aheadBox = h('div', { id: 'ann-ahead-list' });
  const redraw = async () => {
    const got = await api.announcements();
    box.replaceChildren(shownList(got.announcements || [], redraw, says));
    aheadBox.replaceChildren(shownList(got.ahead || [], redraw, says, 'ann-ahead', 'ann-ahead-none'));
  };
  const text = limit(h('input', { name: 'text', required: true, autocomplete: 'off', lang: 'en' }), MAX);
  const textUk = limit(h('input', { name: 'text_uk', autocomplete: 'off', lang: 'uk' }), MAX);
  const from = h('input', { type: 'datetime-local', name: 'shows_from', step: 60 });
  const until = h('input', { type: 'datetime-local', name: 'shows_until', step: 60 });
  // while the forum sends mail: mailed too, to everyone whose mail is on
  const mailOn = await api.consoleMail().then((m) => m.on).catch(() => false);
  const mail = h('input', { type: 'checkbox', name: 'mail', id: 'ann-mail' });
  const mailField = mailOn ? h('div', { class: 'field check' }, mail, h('label', { for: 'ann-mail' }, t('ann.mail')),
    h('small', { class: 'hint', id: 'ann-mail-hint' }, t('ann.mail_hint'))) : null;
  if (mailOn) mail.setAttribute('aria-describedby', 'ann-mail-hint');
  const form = h('form', { class: 'card', id: 'ann-form' },
    field(t('ann.text'), text, t('ann.text_hint')),
    field(t('ann.text_uk'), textUk, t('ann.text_uk_hint')),
    field(t('ann.shows_from'), from, t('ann.shows_from_hint', { tz: eventTimeZone() })),
    field(t('ann.shows_until'), until, t('ann.shows_until_hint')),
    mailField,
    h('button', { type: 'submit', class: 'primary' }, t('ann.post')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const made = await api.announce(text.value.trim(), textUk.value.trim() || null,
        { shows_from: instantOf(from), shows_until: instantOf(until), ...(mailOn && mail.checked ? { mail: true } : {}) });
      form.reset();
      await redraw();
      // written ahead: among those to come, said with when it shows
      const ahead = made.shows_from && aheadBox.querySelector(`li[data-id="${made.id}"]`);
      says.ok(ahead ? t('ann.posted_ahead', { when: dayTime(made.shows_from) }) : t('ann.posted'),
        ...(typeof made.mailed === 'number' ? [' ', tn('ann.mailed', made.mailed)] : []));
    } catch (e) {
      // a refused field (a time) is marked where it is and said against its label
      const said = fieldError(form, e);
      says.fail(said || t('error.save'), ' ', said ? '' : errorText(e));
    } finally {
      button.disabled = false;
    }
  });
  add(main, h('h1', {}, t('ann.title')), h('p', { class: 'muted' }, t('ann.intro')), form, says.el,
    h('h2', {}, t('ann.shown')), box, h('h2', {}, t('ann.ahead')), aheadBox);
  await redraw();
  add(main, await mailLine());
}
