// "Apply to take part" (/apply): a company's representative asks on the
// forum's own site, without an account (POST /api/v1/applications); the
// organisers read and approve it (the console's applications page), and her
// sign-in link reaches her from them. Closed unless the organisers open it.

import { api } from '../api.js';
import { h, add, field, outcome } from '../dom.js';
import { t, dateRange, errorText } from '../i18n.js';
import { whileBusy } from '../app.js';
import { limit, invalid, fieldError, markInvalid, languagesPicker } from '../forms.js';
import { localText } from '../people.js';
import { KINDS } from './walkin.js';

const MESSAGE_MAX = 2000; // bytes (src/app/applications.h, APP_APPLY_MESSAGE_MAX)

// What a refusal of the server means to her, in the page's words; a field
// named is marked.
function refusal(form, e) {
  if (e && e.code === 'email_taken') {
    const email = form.querySelector('[name="email"]');
    markInvalid(email);
    email.focus();
    return t('apply.email_taken');
  }
  if (e && e.code === 'closed') return t('apply.closed');
  if (e && e.code === 'rate_limited') return t('apply.limited');
  if (e && e.code === 'too_many_applications') return t('apply.full');
  return fieldError(form, e) || errorText(e);
}

function applyForm(done) {
  const name = limit(h('input', { name: 'name', required: true, autocomplete: 'name' }), 300);
  const email = limit(h('input', { name: 'email', type: 'email', required: true, autocomplete: 'email', spellcheck: 'false' }), 254);
  const title = limit(h('input', { name: 'title', autocomplete: 'organization-title' }), 300);
  const langs = languagesPicker('');
  const org = limit(h('input', { name: 'organisation_name', required: true, autocomplete: 'organization' }), 300);
  const country = h('input', {
    name: 'organisation_country', required: true, maxlength: 2, minlength: 2, autocomplete: 'country',
    autocapitalize: 'characters', spellcheck: 'false',
  });
  const kind = h('select', { name: 'organisation_kind' }, KINDS.map((k) => h('option', { value: k }, t(`kind.${k}`))));
  const sme = h('input', { type: 'checkbox', name: 'organisation_sme', id: 'apply-sme' });
  const message = limit(h('textarea', { name: 'message', rows: 5 }), MESSAGE_MAX);
  const status = outcome('apply-status');
  const send = h('button', { type: 'submit', class: 'primary', id: 'apply-send' }, t('apply.send'));
  const form = h('form', {
    id: 'apply-form', novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      status.ok();
      const why = invalid(form);
      if (why) { status.fail(why); return; }
      const body = {
        name: name.value.trim(), email: email.value.trim(), title: title.value.trim() || null,
        languages: langs.value() || null, organisation_name: org.value.trim(),
        organisation_country: country.value.trim().toUpperCase(), organisation_kind: kind.value,
        organisation_sme: sme.checked, message: message.value.trim() || null,
      };
      try {
        await whileBusy([send], () => api.apply(body));
        done();
      } catch (e) {
        status.fail(`${t('apply.failed')} ${refusal(form, e)}`);
      }
    },
  },
  field(t('profile.name'), name), field(t('desk.email'), email, t('apply.email_hint')),
  field(t('profile.title'), title), langs.el,
  h('fieldset', {}, h('legend', {}, t('walkin.org')),
    field(t('org.name'), org), field(t('people.country'), country, t('walkin.country_hint')),
    field(t('org.kind'), kind),
    h('div', { class: 'field check' }, sme, h('label', { for: 'apply-sme' }, t('org.sme')))),
  field(t('apply.message'), message, t('apply.message_hint')),
  send, status.el);
  return form;
}

export async function renderApply(main) {
  let open = { open: false, event: null };
  try {
    open = await api.applicationsOpen();
  } catch (e) {
    add(main, h('h1', {}, t('apply.title')), h('p', { class: 'error', role: 'alert' }, `${t('error.load')} ${errorText(e)}`));
    return;
  }
  const ev = open.event;
  add(main, h('h1', {}, t('apply.title')),
    ev ? h('p', { class: 'lead', id: 'apply-event' }, localText(ev.name, ev.name_uk), ' · ', dateRange(ev.starts_on, ev.ends_on)) : null);
  if (!open.open) {
    add(main, h('section', { class: 'card' }, h('p', { id: 'apply-closed' }, t('apply.closed')),
      h('p', {}, h('a', { href: '/' }, t('apply.home')))));
    return;
  }
  const card = h('section', { class: 'card', id: 'apply', 'aria-labelledby': 'apply-h' },
    h('h2', { id: 'apply-h' }, t('apply.form_title')), h('p', {}, t('apply.text')));
  const form = applyForm(() => {
    const thanks = h('p', { id: 'apply-sent', role: 'status', tabindex: '-1' }, t('apply.sent'));
    form.replaceWith(thanks);
    thanks.focus();
  });
  add(main, add(card, form));
}
