// The public home page: the forum's name and dates, its figures (as in the
// DFNC2 press release) from GET /api/v1/stats, and the sign-in form with its
// "forgot your password?" (a link by mail, POST /session/reset); while
// the organisers take applications, the way to the application form.

import { api } from '../api.js';
import { h, add, field } from '../dom.js';
import { t, num, dateRange, setTimeZone, timeZoneNote } from '../i18n.js';
import { state, role, go, loadMe } from '../app.js';
import { markInvalid, describeBy } from '../forms.js';
import { localName, localText } from '../people.js';

function figure(id, value, label) {
  return h('div', { class: 'figure', id: `fig-${id}` },
    h('span', { class: 'value' }, num(value)), h('span', { class: 'label' }, label));
}

function signInForm(resetOn) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const msg = h('p', { class: 'error', role: 'alert', id: 'signin-error', hidden: true });
  const form = h('form', {
    class: 'card signin', id: 'signin',
    onsubmit: async (ev) => {
      ev.preventDefault();
      msg.hidden = true;
      describeBy(form, msg, false);
      try {
        await api.login(email.value.trim(), password.value);
        state.loaded = false;
        state.signOutFailed = false;
        state.accountDeleted = false;
        state.event = null;
        await loadMe();
        go(role() === 'organiser' ? '/console/schedule' : '/agenda');
      } catch (e) {
        msg.textContent = e.status === 429 ? t('signin.throttled') : t('signin.failed');
        msg.hidden = false;
        // either may be wrong (the server does not say which): both are marked
        if (e.status !== 429) { markInvalid(email); markInvalid(password); }
        describeBy(form, msg, true);
      }
    },
  },
  h('h2', {}, t('signin.title')),
  field(t('signin.email'), email),
  field(t('signin.password'), password),
  msg,
  h('button', { type: 'submit', class: 'primary' }, t('signin.submit')));
  return [form, resetCard(resetOn, email)];
}

// "Forgot your password?", under the sign-in form: her address in, one
// answer whatever it is (the server never says whose an address is). Only
// when the forum sends mail; else the way to the help desk.
function resetCard(available, signinEmail) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const msg = h('p', { role: 'status', id: 'reset-msg', hidden: true });
  const form = h('form', {
    id: 'reset',
    onsubmit: async (ev) => {
      ev.preventDefault();
      msg.hidden = true;
      describeBy(form, msg, false);
      email.removeAttribute('aria-invalid');
      try {
        await api.askReset(email.value.trim());
        msg.textContent = t('reset.sent');
        msg.className = 'notice';
      } catch (e) {
        msg.textContent = t(e.status === 429 ? 'reset.throttled' : e.status === 409 ? 'reset.desk'
          : e.status === 422 ? 'reset.invalid' : 'reset.failed');
        msg.className = 'error';
        if (e.status === 422) markInvalid(email);
      }
      msg.hidden = false;
      describeBy(form, msg, true);
    },
  },
  h('p', {}, t('reset.intro')),
  field(t('signin.email'), email),
  msg,
  h('button', { type: 'submit' }, t('reset.submit')));
  return h('details', {
    class: 'card reset', id: 'reset-card',
    // the address typed above comes along
    ontoggle: (ev) => { if (ev.target.open && !email.value) email.value = signinEmail.value.trim(); },
  },
  h('summary', { id: 'reset-open' }, t('reset.title')),
  available ? form : h('p', { id: 'reset-desk' }, t('reset.desk')));
}

// While the organisers take applications: the way to the form, for those
// not registered yet.
function applyCard() {
  return h('section', { class: 'card', id: 'apply-invite', 'aria-labelledby': 'apply-invite-h' },
    h('h2', { id: 'apply-invite-h' }, t('home.apply_title')), h('p', {}, t('home.apply_text')),
    h('p', {}, h('a', { href: '/apply', class: 'button', id: 'apply-link' }, t('home.apply'))));
}

// The forum's part of the page. Anything in the event's data that fails to
// show (a time zone Intl refuses, say) costs that part only, never sign-in.
function hero(ev) {
  try {
    if (ev.timezone) setTimeZone(ev.timezone);
    const note = timeZoneNote();
    return h('section', { class: 'hero' },
      h('p', { class: 'kicker' }, t('home.kicker')),
      h('h1', { id: 'forum-name' }, ev.name ? localText(ev.name, ev.name_uk) : t('home.forum')),
      ev.starts_on ? h('p', { class: 'dates', id: 'forum-dates' },
        dateRange(ev.starts_on, ev.ends_on), ev.venue || ev.venue_uk ? [' · ', localText(ev.venue, ev.venue_uk)] : null) : null,
      note ? h('p', { class: 'notice', id: 'tz-note', role: 'alert' }, note) : null,
      h('p', { class: 'lead' }, t('home.lead')));
  } catch (_) {
    return h('section', { class: 'hero' }, h('h1', { id: 'forum-name' }, localName(ev.name, ev.name_uk) || t('home.forum')));
  }
}

export async function renderHome(main) {
  const [stats, forum, applying, reset] = await Promise.all([api.stats().catch(() => ({})), api.forum().catch(() => ({})),
    role() ? null : api.applicationsOpen().catch(() => null),
    role() ? null : api.resetAvailable().catch(() => null)]);
  const ev = (forum && forum.event) || state.event || {};
  const eu = stats.eu_organisations ?? 0;
  const ua = stats.ua_organisations ?? 0;
  add(main,
    state.signOutFailed ? h('p', { class: 'notice', id: 'signout-failed', role: 'alert' }, t('signout.failed')) : null,
    state.accountDeleted ? h('p', { class: 'notice', id: 'account-deleted', role: 'status' }, t('privacy.deleted')) : null,
    hero(ev),
    h('section', { 'aria-labelledby': 'figs-title' },
      h('h2', { id: 'figs-title' }, t('home.figures')),
      h('div', { class: 'figures' },
        figure('participants', stats.participants, t('stats.participants')),
        figure('eu', eu, t('stats.eu_organisations')),
        figure('ua', ua, t('stats.ua_organisations')),
        figure('countries', stats.countries, t('stats.countries')),
        figure('meetings', stats.scheduled ?? stats.meetings, t('stats.scheduled')))),
    role()
      ? h('section', { class: 'card' }, h('h2', {}, t('home.welcome')),
        h('p', {}, h('a', { href: role() === 'organiser' ? '/console/schedule' : '/agenda', class: 'button' },
          t(role() === 'organiser' ? 'home.to_console' : 'home.to_agenda'))))
      : signInForm(!!(reset && reset.available)),
    applying && applying.open ? applyCard() : null);
}
