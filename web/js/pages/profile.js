// My profile and my organisation: the person's public fields, the
// organisation's fields, and its offers and needs tagged with CPV codes.

import { api } from '../api.js';
import { h, add, clear, field, list, outcome, dataName } from '../dom.js';
import { t, tn, tx, countryName } from '../i18n.js';
import { state, flash, loadMe, role, refuse, whileBusy, accountDeleted } from '../app.js';
import { orgName, forgetPeople } from '../people.js';
import { cpvPicker, cpvLabel, capabilityLine } from '../cpv.js';
import { limit, invalid, fieldError, fit, languagesPicker, markInvalid } from '../forms.js';
import { refusalWhy } from '../words.js';

const KINDS = ['company', 'research', 'government', 'association', 'other'];

// The server's limit of descriptions (API_TEXT_MAX, src/http/api.h).
const TEXT_MAX = 4000;

// Saves a form: what the browser finds wrong first, then the server's answer,
// a refusal said against the field it names.
async function submit(ev, form, send) {
  ev.preventDefault();
  const bad = invalid(form);
  if (bad) { flash(form, `${t('error.save')} ${bad}`, 'error'); return; }
  try {
    await send();
    flash(form, t('saved'));
  } catch (e) { flash(form, [t('error.save'), ' ', fieldError(form, e) || refusalWhy(e)], 'error'); }
}

function personForm(p) {
  const name = limit(h('input', { name: 'name', value: p.name || '', required: true, autocomplete: 'name' }), 200);
  const title = limit(h('input', { name: 'title', value: p.title || '', autocomplete: 'organization-title' }), 200);
  const langs = languagesPicker(p.languages);
  // a hybrid forum: on site, or online (her meetings then by video, no table)
  const attendance = h('select', { name: 'attendance', id: 'me-attendance' },
    ['onsite', 'online'].map((v) => h('option', { value: v, selected: (p.attendance || 'onsite') === v }, t(`profile.attendance_${v}`))));
  const form = h('form', {
    class: 'card', id: 'person-form', novalidate: true,
    onsubmit: (ev) => submit(ev, form,
      () => api.updateMe({ name: name.value.trim(), title: title.value.trim() || null, languages: langs.value(), attendance: attendance.value })),
  },
  h('h2', { id: 'person-form-h' }, t('profile.me')),
  p.email ? h('p', { class: 'muted', translate: 'no' }, p.email) : null,
  field(t('profile.name'), name),
  field(t('profile.title'), title),
  langs.el,
  field(t('profile.attendance'), attendance, t('profile.attendance_hint')),
  h('button', { type: 'submit', class: 'primary', 'aria-describedby': 'person-form-h' }, t('save')));
  return form;
}

// Who may edit the organisation, for someone who may not: its contact by
// name, to ask; or, when it has none, the organisers, who can name one.
function contactNote(o) {
  const contact = list(o.people).find((p) => p.id === o.contact);
  return h('p', { class: 'muted', id: 'contact-note' }, contact
    ? tx('profile.contact_is', { name: dataName(contact.name) })
    : t('profile.contact_none'));
}

function orgForm(o, editable) {
  if (!editable) {
    return h('section', { class: 'card', id: 'org-view' },
      h('h2', {}, t('profile.org')),
      h('p', {}, h('a', { href: `/organisations/${encodeURIComponent(o.id)}` }, dataName(orgName(o)))),
      h('p', { class: 'meta' }, h('span', { class: 'badge' }, countryName(o.country)), ' ',
        h('span', { class: 'badge' }, t(`kind.${o.kind}`)), ' ', o.sme ? h('span', { class: 'badge sme' }, t('org.sme_short')) : null),
      contactNote(o));
  }
  const name = limit(h('input', { name: 'name', value: o.name || '', required: true }), 300);
  // the name Ukrainian pages show (the server's limit as for the name)
  const nameUk = limit(h('input', { name: 'name_uk', value: o.name_uk || '', lang: 'uk' }), 300);
  const city = limit(h('input', { name: 'city', value: o.city || '' }), 200);
  // a bare host (www.acme.de) is read as http://, as the import reads it: not
  // the browser's type=url, which refuses it
  const website = limit(h('input', { name: 'website', inputmode: 'url', autocomplete: 'url', value: o.website || '' }), 500);
  const kind = h('select', { name: 'kind' }, KINDS.map((k) => h('option', { value: k, selected: o.kind === k }, t(`kind.${k}`))));
  const sme = h('input', { type: 'checkbox', name: 'sme', id: 'org-sme', checked: !!o.sme });
  const desc = limit(h('textarea', { name: 'description', rows: 4 }, o.description || ''), TEXT_MAX);
  const descUk = limit(h('textarea', { name: 'description_uk', rows: 4, lang: 'uk' }, o.description_uk || ''), TEXT_MAX);
  const form = h('form', {
    class: 'card', id: 'org-form', novalidate: true,
    onsubmit: (ev) => submit(ev, form, async () => {
      await api.updateOrganisation(o.id, {
        name: name.value.trim(), name_uk: nameUk.value.trim() || null, city: city.value.trim() || null, website: website.value.trim() || null,
        kind: kind.value, sme: sme.checked, description: desc.value || null, description_uk: descUk.value || null,
      });
      // the other pages name it anew (the partners page from GET /me)
      forgetPeople();
      await loadMe();
    }),
  },
  h('h2', { id: 'org-form-h' }, t('profile.org')),
  h('p', { class: 'muted' }, countryName(o.country)),
  field(t('org.name'), name),
  field(t('org.name_uk'), nameUk, t('org.name_uk_hint')),
  field(t('org.kind'), kind),
  h('div', { class: 'field check' }, sme, h('label', { for: 'org-sme' }, t('org.sme'))),
  field(t('org.city'), city),
  field(t('org.website'), website),
  field(t('org.description'), desc),
  field(t('org.description_uk'), descUk),
  h('button', { type: 'submit', class: 'primary', 'aria-describedby': 'org-form-h' }, t('save')));
  return form;
}

// The organisation's offers and needs as one list of {direction, cpv, title, ...}.
function capsOf(o) {
  return [
    ...list(o.offers).map((c) => ({ ...c, direction: 'offer' })),
    ...list(o.needs).map((c) => ({ ...c, direction: 'need' })),
  ];
}

function plain(c) {
  return { direction: c.direction, cpv: c.cpv, title: c.title, description: c.description || null, confidential: !!c.confidential };
}

// A refusal of PUT .../capabilities about the item at index of the list
// sent as the same error about the form's own field, for fieldError: the
// server names the item's field ("field": "capabilities[3].cpv", its code
// in "reasons"), or, from the JSON layer, starts its message with it
// ("capabilities[3].title is longer than 300 bytes"); another item's, or
// none, as it is.
function itemError(e, index) {
  const err = (e && e.body && e.body.error) || {};
  const named = /^capabilities\[(\d+)\]\.(\w+)$/.exec(String(err.field || ''));
  if (named) return Number(named[1]) === index ? { ...e, message: e.message, body: { ...e.body, error: { ...err, field: named[2] } } } : e;
  const m = /^capabilities\[(\d+)\](?:\.|: )(.*)$/s.exec(String((e && e.message) || ''));
  return m && Number(m[1]) === index ? { ...e, message: m[2] } : e;
}

// The fields of an offer or need, filled with c's values when given; the
// checkbox's id is idBase-conf.
function capFields(c, idBase) {
  const dir = h('select', { name: 'direction' }, ['offer', 'need'].map((d) => h('option', { value: d, selected: c ? c.direction === d : null }, t(`caps.${d}`))));
  const title = limit(h('input', { name: 'title', required: true, value: c ? c.title || '' : '' }), 300);
  const picker = cpvPicker(t('caps.cpv'), {
    required: true, name: 'cpv',
    onchoose: (x) => { if (!title.value) title.value = fit(cpvLabel(x), 300); },
  });
  if (c) picker.set(c.cpv);
  const desc = limit(h('textarea', { name: 'description', rows: 2 }, c ? c.description || '' : ''), TEXT_MAX);
  const conf = h('input', { type: 'checkbox', name: 'confidential', id: `${idBase}-conf`, checked: c ? !!c.confidential : null });
  return {
    picker,
    // the item as the form says it, or null after saying what is wrong (a
    // code not chosen first, then what the browser finds)
    read: (form) => {
      const code = picker.value();
      if (!/^\d{8}-\d$/.test(code)) { refuse(form, picker.input, t('caps.pick_cpv')); return null; }
      const bad = invalid(form);
      if (bad) { flash(form, `${t('error.save')} ${bad}`, 'error'); return null; }
      return { direction: dir.value, cpv: code, title: title.value.trim(), description: desc.value || null, confidential: conf.checked };
    },
    els: [field(t('caps.direction'), dir), picker.el, field(t('caps.title'), title), field(t('caps.description'), desc),
      h('div', { class: 'field check' }, conf, h('label', { for: `${idBase}-conf` }, t('caps.confidential_hint')))],
  };
}

// An offer or need changed where it stands: the list item becomes a form
// with its values; saved, it takes the item's place in the list (the others
// as they are), and Cancel puts the item back.
function capEditForm(c, caps, save, close) {
  const idBase = `cap-edit-${c.direction}-${c.cpv}`;
  const f = capFields(c, idBase);
  const heading = h('h3', { id: `${idBase}-h` }, t('caps.edit_heading', { code: c.cpv }));
  const submit = h('button', { type: 'submit', class: 'primary', 'aria-describedby': heading.id }, t('save'));
  const form = h('form', {
    class: 'cap-edit', id: idBase, novalidate: true, 'aria-labelledby': heading.id,
    onsubmit: async (ev) => {
      ev.preventDefault();
      const edited = f.read(form);
      if (!edited) return;
      // one item a code and direction: another's would be overwritten
      if (caps.some((x) => x !== c && x.direction === edited.direction && x.cpv === edited.cpv)) {
        refuse(form, f.picker.input, t(`caps.duplicate_${edited.direction}`, { code: edited.cpv }));
        return;
      }
      const next = caps.map((x) => (x === c ? edited : x));
      try {
        await whileBusy([submit], () => save(next, `#caps-${edited.direction}`));
      } catch (e) {
        const mine = itemError(e, next.indexOf(edited));
        flash(form, [t('error.save'), ' ', fieldError(form, mine) || refusalWhy(mine)], 'error');
      }
    },
  },
  heading, f.els,
  h('p', { class: 'actions' }, submit, ' ', h('button', { type: 'button', class: 'link', 'aria-describedby': heading.id, onclick: close }, t('caps.cancel'))));
  return form;
}

function capList(org, caps, direction, editable, save, lines) {
  const mine = caps.filter((c) => c.direction === direction);
  // an item's line with its buttons; Edit puts the form in its place
  const item = (c) => {
    const li = h('li', { dataset: { cpv: c.cpv } });
    const draw = () => add(clear(li),
      lines.get(c),
      c.confidential ? h('span', { class: 'badge' }, t('caps.confidential')) : null,
      editable ? [' ', h('button', {
        type: 'button', class: 'link edit-cap', 'aria-label': t('caps.edit_named', { code: c.cpv }), 'aria-describedby': `caps-${direction}-h`,
        onclick: () => {
          li.replaceChildren(capEditForm(c, caps, save, () => { draw(); li.querySelector('button.edit-cap').focus(); }));
          li.querySelector('input, select').focus();
        },
      }, t('caps.edit')), ' ', h('button', {
        // a code may be both an offer and a need: the list's heading says which
        type: 'button', class: 'link danger', 'aria-label': t('caps.remove_named', { code: c.cpv }), 'aria-describedby': `caps-${direction}-h`,
        onclick: async (ev) => {
          if (!window.confirm(t('caps.remove_confirm', { code: c.cpv, title: c.title || '' }))) return;
          const where = ev.target.closest('section');
          try { await save(caps.filter((x) => x !== c), `#caps-${direction}`); } catch (e) { flash(where, [t('error.save'), ' ', refusalWhy(e)], 'error'); }
        },
      }, t('caps.remove'))] : null);
    draw();
    return li;
  };
  return h('section', { class: 'card', id: `caps-${direction}` },
    h('h2', { id: `caps-${direction}-h` }, t(`caps.${direction}s`)),
    mine.length === 0 ? h('p', { class: 'muted' }, t('caps.none')) : h('ul', { class: 'caps' }, mine.map(item)));
}

function capForm(caps, save) {
  const f = capFields(null, 'cap');
  const form = h('form', {
    class: 'card', id: 'cap-form', novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      const added = f.read(form);
      if (!added) return;
      const next = caps.filter((c) => !(c.direction === added.direction && c.cpv === added.cpv));
      next.push(added);
      try { await save(next, '#cap-form'); } catch (e) {
        const mine = itemError(e, next.length - 1);
        flash(form, [t('error.save'), ' ', fieldError(form, mine) || refusalWhy(mine)], 'error');
      }
    },
  },
  h('h2', {}, t('caps.add')),
  f.els,
  h('button', { type: 'submit', class: 'primary' }, t('caps.add_button')));
  return form;
}

// A lost phone, a shared computer at the venue: every other session of this
// login ends, and the other browsers' device cookies are revoked.
function signInsCard() {
  const status = outcome('signout-others-status');
  const button = h('button', {
    type: 'button', id: 'signout-others', 'aria-describedby': 'signins-hint',
    onclick: () => whileBusy([button], async () => {
      try {
        const r = await api.signOutOthers();
        status.ok(tn('profile.signed_out_others', r.sessions_ended));
      } catch (e) { status.fail(t('error.save'), ' ', refusalWhy(e)); }
    }),
  }, t('profile.signout_others'));
  return h('section', { class: 'card', id: 'signins', 'aria-labelledby': 'signins-h' },
    h('h2', { id: 'signins-h' }, t('profile.signins')),
    h('p', { class: 'muted', id: 'signins-hint' }, t('profile.signins_hint')),
    button, status.el);
}

// Whether the forum's mail reaches her: a checkbox saved as it changes.
function mailCard(notify) {
  const status = outcome('mail-status');
  const box = h('input', { type: 'checkbox', id: 'mail-notify', name: 'notify', checked: notify, 'aria-describedby': 'mail-hint' });
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      const r = await api.setMail(box.checked);
      box.checked = !!r.notify;
      status.ok(t(r.notify ? 'profile.mail_on' : 'profile.mail_off'));
    } catch (e) {
      box.checked = !box.checked;
      status.fail(`${t('error.save')} ${errorText(e)}`);
    } finally { box.disabled = false; }
  });
  return h('section', { class: 'card', id: 'mail', 'aria-labelledby': 'mail-h' },
    h('h2', { id: 'mail-h' }, t('profile.mail')),
    h('p', {}, box, ' ', h('label', { for: 'mail-notify' }, t('profile.mail_notify'))),
    h('p', { class: 'muted', id: 'mail-hint' }, t('profile.mail_hint')),
    status.el);
}

// Her data (GDPR): a copy to keep, one JSON file; and her account deleted,
// behind a form that says what goes and asks her password again.
function privacyCard() {
  const password = h('input', { type: 'password', name: 'password', id: 'delete-password', required: true, autocomplete: 'current-password' });
  const status = outcome('delete-status');
  const submit = h('button', { type: 'submit', class: 'danger', id: 'delete-confirm' }, t('privacy.delete_confirm'));
  const cancel = h('button', {
    type: 'button', class: 'link', id: 'delete-cancel',
    onclick: () => { form.hidden = true; open.setAttribute('aria-expanded', 'false'); open.focus(); },
  }, t('privacy.delete_cancel'));
  const form = h('form', {
    id: 'delete-form', hidden: true, novalidate: true, 'aria-labelledby': 'delete-h',
    onsubmit: (ev) => {
      ev.preventDefault();
      if (!password.value) { refuse(form, password, t('form.required', { field: t('privacy.password') })); return; }
      whileBusy([submit, cancel], async () => {
        try {
          await api.deleteMe(password.value);
          accountDeleted();
        } catch (e) {
          if (e.status === 403 || e.status === 422) markInvalid(password);
          status.fail(e.status === 429 ? t('signin.throttled')
            : e.status === 403 ? t('privacy.wrong_password') : [t('error.save'), ' ', refusalWhy(e)]);
          password.focus();
        }
      });
    },
  },
  h('h3', { id: 'delete-h' }, t('privacy.delete_heading')),
  h('p', { id: 'delete-what' }, t('privacy.delete_what')),
  field(t('privacy.password'), password, t('privacy.password_hint')),
  status.el,
  h('p', { class: 'actions' }, submit, ' ', cancel));
  const open = h('button', {
    type: 'button', class: 'danger', id: 'delete-open', 'aria-expanded': 'false', 'aria-controls': 'delete-form',
    onclick: () => { form.hidden = false; open.setAttribute('aria-expanded', 'true'); password.focus(); },
  }, t('privacy.delete'));
  return h('section', { class: 'card', id: 'privacy', 'aria-labelledby': 'privacy-h' },
    h('h2', { id: 'privacy-h' }, t('privacy.heading')),
    h('p', { class: 'muted' }, t('privacy.hint')),
    h('p', {}, h('a', { href: '/api/v1/me/data', download: 'dfnc-personal-data.json', id: 'data-download' }, t('privacy.download'))),
    h('p', {}, open),
    form);
}

export async function renderProfile(main) {
  await loadMe();
  const me = state.me || {};
  const person = me.person || {};
  let org = me.organisation || {};
  if (org.id) {
    try { org = { ...org, ...(await api.organisation(org.id)) }; } catch (_) { /* keep me's copy */ }
  }
  const editable = !!me.is_contact || role() === 'organiser';
  const caps = capsOf(org);
  const lines = new Map(await Promise.all(caps.map(async (c) => [c, await capabilityLine(c)])));
  const redraw = () => { main.replaceChildren(); return renderProfile(main); };
  // the page is drawn again: the focus goes to "Saved." where the change was made
  const save = async (next, where) => {
    await api.setCapabilities(org.id, next.map(plain));
    await redraw();
    flash(main.querySelector(where), t('saved'), 'ok', true);
  };
  add(main, h('h1', {}, t('profile.title_page')));
  const grid = h('div', { class: 'grid2' });
  if (person.id) grid.append(personForm(person));
  if (org.id) grid.append(orgForm(org, editable));
  add(main, grid);
  if (org.id) {
    add(main, h('div', { class: 'grid2' }, capList(org, caps, 'offer', editable, save, lines), capList(org, caps, 'need', editable, save, lines)));
    if (editable) add(main, capForm(caps, save));
  }
  if (!person.id && !org.id) add(main, h('p', {}, t('profile.no_person')));
  if (person.id) {
    let notify = true;
    try { notify = !!(await api.mail()).notify; } catch (_) { /* shown as on: the default */ }
    add(main, mailCard(notify));
  }
  add(main, signInsCard());
  if (person.id) add(main, privacyCard());
}
