// "Register a walk-in" (the console's participants page): a person who
// comes to the help desk unregistered is made there (POST
// /api/v1/console/people), her organisation with her when it is new, and the
// desk's page of her opens with her sign-in link to show or read out: she
// opens it on her phone and chooses her password. The link comes once, in
// the reply: it is kept here for that page only, never stored.

import { api } from '../api.js';
import { h, add, field, outcome } from '../dom.js';
import { t, dayTime, errorText } from '../i18n.js';
import { go, whileBusy } from '../app.js';
import { limit, invalid, fieldError, markInvalid, languagesPicker } from '../forms.js';
import { reasonOf } from '../words.js';
import { orgPicker } from '../procure_forms.js';
import { idFromName, newIdInput, withEvent } from './console.js';

export const KINDS = ['company', 'research', 'government', 'association', 'other'];

// The link of the person just registered, for her desk page to show once.
let fresh = null;

// The link made for person id, forgotten once taken (a reload shows none).
export function takeWalkinLink(id) {
  const got = fresh && fresh.id === id ? fresh : null;
  fresh = null;
  return got;
}

// A new organisation's fields; its id follows its name until one is typed.
function newOrgFields() {
  const name = limit(h('input', { name: 'organisation_name', autocomplete: 'off' }), 300);
  const id = newIdInput('walkin.org_id_invalid');
  let own = false;
  id.addEventListener('input', () => { own = id.value !== ''; });
  // a name with Cyrillic letters is spelled in Latin ones by the server, as
  // a passport spells them (Укрзброя: ukrzbroia); an answer to a name since
  // changed is dropped
  name.addEventListener('input', async () => {
    if (own) return;
    const typed = name.value.trim();
    if (/[\u0400-\u04ff]/.test(typed)) {
      const r = await api.proposedOrgId(typed).catch(() => null);
      if (!own && name.value.trim() === typed) id.value = (r && r.id) || '';
      return;
    }
    const slug = idFromName(typed);
    id.value = slug && /[a-z]/.test(slug) ? slug : '';
  });
  const country = h('input', {
    name: 'organisation_country', maxlength: 2, minlength: 2, autocomplete: 'country', autocapitalize: 'characters', spellcheck: 'false',
  });
  const kind = h('select', { name: 'organisation_kind' }, KINDS.map((k) => h('option', { value: k }, t(`kind.${k}`))));
  const sme = h('input', { type: 'checkbox', name: 'organisation_sme', id: 'walkin-sme' });
  const el = h('div', { id: 'walkin-new-org' },
    field(t('org.name'), name), field(t('event.id'), id, t('walkin.org_id_hint')),
    field(t('people.country'), country, t('walkin.country_hint')), field(t('org.kind'), kind),
    h('div', { class: 'field check' }, sme, h('label', { for: 'walkin-sme' }, t('org.sme'))));
  return {
    el,
    inputs: [name, id, country],
    idInput: id,
    body: () => ({
      organisation: id.value.trim(), organisation_name: name.value.trim(),
      organisation_country: country.value.trim().toUpperCase(), organisation_kind: kind.value, organisation_sme: sme.checked,
    }),
  };
}

// Existing or new: two radios, the one chosen's fields shown and required.
function orgChoice(orgs) {
  const picker = orgPicker('supplies', orgs, null, t('walkin.org'));
  picker.input.required = true;
  // in a box of its own: .field's display would win over [hidden]
  const known = h('div', { id: 'walkin-known-org' }, picker.el);
  const made = newOrgFields();
  const radio = (value, label, checked) => h('div', { class: 'field check' },
    h('input', { type: 'radio', name: 'org_is', value, id: `walkin-org-${value}`, checked }),
    h('label', { for: `walkin-org-${value}` }, label));
  const fieldset = h('fieldset', { id: 'walkin-org' }, h('legend', {}, t('walkin.org')),
    radio('known', t('walkin.org_known'), true), radio('new', t('walkin.org_new'), false), known, made.el);
  const isNew = () => fieldset.querySelector('#walkin-org-new').checked;
  const show = () => {
    known.hidden = isNew();
    picker.input.required = !isNew();
    picker.input.disabled = isNew();
    // one field answers to the API's "organisation" at a time, for its refusals
    picker.input.name = isNew() ? '' : 'organisation';
    made.idInput.name = isNew() ? 'organisation' : '';
    made.el.hidden = !isNew();
    made.inputs.forEach((x) => { x.required = isNew(); x.disabled = !isNew(); });
  };
  fieldset.addEventListener('change', (e) => { if (e.target.name === 'org_is') show(); });
  show();
  return { el: fieldset, body: () => (isNew() ? made.body() : { organisation: picker.value() }) };
}

// A 409 of an e-mail address or an id someone has (src/app/walkin.c), in
// the page's words, its field marked; null for any other error.
function taken(form, e) {
  if (!e || (e.code !== 'email_taken' && e.code !== 'id_taken')) return null;
  const name = e.body && e.body.error && e.body.error.field;
  const control = name && form.querySelector(`[name="${name}"]`);
  if (control) {
    markInvalid(control);
    control.focus();
  }
  // who has the address, by code: a person's, or her login's
  const why = reasonOf(e) || {};
  const who = (why.values && why.values.id) || '';
  if (e.code === 'email_taken') return t(why.code === 'email_login' ? 'walkin.email_login' : 'walkin.email_taken', { who });
  // the id taken, by its code (id_taken: the organisation's or hers)
  const id = why.code === 'id_taken' && why.values ? why.values.value : null;
  return t('walkin.id_taken', { id: id || (control ? control.value.trim() : '') });
}

// The form, made once the organisations are loaded.
function walkinForm(orgs) {
  const name = limit(h('input', { name: 'name', required: true, autocomplete: 'off' }), 300);
  const email = limit(h('input', { name: 'email', type: 'email', required: true, autocomplete: 'off', spellcheck: 'false' }), 254);
  const title = limit(h('input', { name: 'title', autocomplete: 'off' }), 300);
  const langs = languagesPicker('');
  const checkIn = h('input', { type: 'checkbox', name: 'check_in', id: 'walkin-check-in', checked: true });
  const org = orgChoice(orgs);
  const status = outcome('walkin-status');
  const save = h('button', { type: 'submit', class: 'primary', id: 'walkin-save' }, t('walkin.save'));
  const form = h('form', {
    id: 'walkin-form', novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      status.ok();
      const why = invalid(form);
      if (why) { status.fail(why); return; }
      const body = {
        name: name.value.trim(), email: email.value.trim(), title: title.value.trim() || null,
        languages: langs.value() || null, check_in: checkIn.checked, ...org.body(),
      };
      try {
        const made = await whileBusy([save], () => api.registerWalkin(body));
        fresh = { id: made.id, link: made.link, expires: made.link_expires_at, contact: made.contact };
        go(withEvent(`/console/people/${encodeURIComponent(made.id)}`));
      } catch (e) {
        status.fail(`${t('error.save')} ${taken(form, e) || fieldError(form, e) || errorText(e)}`);
      }
    },
  },
  field(t('profile.name'), name), field(t('desk.email'), email, t('walkin.email_hint')),
  field(t('profile.title'), title), langs.el,
  org.el,
  h('div', { class: 'field check' }, checkIn, h('label', { for: 'walkin-check-in' }, t('walkin.check_in'))),
  save, status.el);
  return form;
}

// The card on the participants page: a button that opens the form (the
// organisations are loaded then, not with every visit of the list).
export function walkinCard() {
  const status = outcome('walkin-load');
  const section = h('section', { class: 'card', id: 'walkin', 'aria-labelledby': 'walkin-title' },
    h('h2', { id: 'walkin-title' }, t('walkin.title')), h('p', {}, t('walkin.text')));
  const open = h('button', {
    type: 'button', id: 'walkin-open',
    onclick: async () => {
      status.ok();
      try {
        const orgs = await whileBusy([open], () => api.allOrganisations());
        const form = walkinForm(orgs);
        open.replaceWith(form);
        form.querySelector('[name="name"]').focus();
      } catch (e) {
        status.fail(`${t('error.load')} ${errorText(e)}`);
      }
    },
  }, t('walkin.open'));
  return add(section, open, status.el);
}

// The desk page's card with the link just made: shown once, to show or read
// out. suffix tells its ids from another such card's on the same page (the
// applications page shows one per application approved); heading is its title's key.
export function walkinLinkCard(made, suffix = '', heading = 'walkin.made') {
  const copied = outcome(`walkin-copied${suffix}`);
  const copy = h('button', {
    type: 'button', id: `walkin-copy${suffix}`,
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(made.link);
        copied.ok(t('walkin.copied'));
      } catch {
        copied.fail(t('walkin.copy_failed'));
      }
    },
  }, t('walkin.copy'));
  return h('section', { class: 'card', id: `walkin-made${suffix}`, 'aria-labelledby': `walkin-made-h${suffix}` },
    h('h2', { id: `walkin-made-h${suffix}`, tabindex: '-1' }, t(heading)),
    h('p', {}, t('walkin.link_text', { when: dayTime(made.expires) })),
    h('p', { class: 'walkin-link' }, h('a', { href: made.link, id: `walkin-link${suffix}`, translate: 'no' }, made.link)),
    made.contact ? h('p', { id: `walkin-contact${suffix}` }, t('walkin.contact')) : null,
    copy, copied.el);
}
