// My profile and my organisation: the person's public fields, the
// organisation's fields, and its offers and needs tagged with CPV codes.

import { api } from '../api.js';
import { h, field, list } from '../dom.js';
import { t, countryName } from '../i18n.js';
import { state, flash, loadMe } from '../app.js';
import { cpvPicker, cpvLabel } from '../cpv.js';

const KINDS = ['company', 'research', 'government', 'association', 'other'];

function personForm(p) {
  const name = h('input', { name: 'name', value: p.name || '', required: true, autocomplete: 'name' });
  const title = h('input', { name: 'title', value: p.title || '', autocomplete: 'organization-title' });
  const langs = h('input', { name: 'languages', value: p.languages || '', hint: '' });
  const form = h('form', {
    class: 'card', id: 'person-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      try {
        await api.updatePerson(p.id, { name: name.value.trim(), title: title.value.trim(), languages: langs.value.trim() });
        flash(form, t('saved'));
      } catch (e) { flash(form, `${t('error.save')} ${e.message}`, 'error'); }
    },
  },
  h('h2', {}, t('profile.me')),
  p.email ? h('p', { class: 'muted' }, p.email) : null,
  field(t('profile.name'), name),
  field(t('profile.title'), title),
  field(t('profile.languages'), langs, t('profile.languages_hint')),
  h('button', { type: 'submit', class: 'primary' }, t('save')));
  return form;
}

function orgForm(o) {
  const name = h('input', { name: 'name', value: o.name || '', required: true });
  const city = h('input', { name: 'city', value: o.city || '' });
  const website = h('input', { name: 'website', type: 'url', value: o.website || '' });
  const kind = h('select', { name: 'kind' }, KINDS.map((k) => h('option', { value: k, selected: o.kind === k }, t(`kind.${k}`))));
  const sme = h('input', { type: 'checkbox', name: 'sme', checked: !!o.sme });
  const desc = h('textarea', { name: 'description', rows: 4 }, o.description || '');
  const form = h('form', {
    class: 'card', id: 'org-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      try {
        await api.updateOrganisation(o.id, {
          name: name.value.trim(), city: city.value.trim(), website: website.value.trim(),
          kind: kind.value, sme: sme.checked ? 1 : 0, description: desc.value,
        });
        flash(form, t('saved'));
      } catch (e) { flash(form, `${t('error.save')} ${e.message}`, 'error'); }
    },
  },
  h('h2', {}, t('profile.org')),
  h('p', { class: 'muted' }, countryName(o.country)),
  field(t('org.name'), name),
  field(t('org.kind'), kind),
  h('div', { class: 'field check' }, sme, h('label', { for: sme.id = 'org-sme' }, t('org.sme'))),
  field(t('org.city'), city),
  field(t('org.website'), website),
  field(t('org.description'), desc),
  h('button', { type: 'submit', class: 'primary' }, t('save')));
  return form;
}

function capList(org, caps, direction, refresh) {
  const mine = caps.filter((c) => c.direction === direction);
  return h('section', { class: 'card', id: `caps-${direction}` },
    h('h2', {}, t(`caps.${direction}s`)),
    mine.length === 0 ? h('p', { class: 'muted' }, t('caps.none')) : h('ul', { class: 'caps' }, mine.map((c) => h('li', {},
      h('span', { class: 'code' }, c.cpv), ' ',
      h('strong', {}, c.title || cpvLabel(c.cpv_label ? { label: c.cpv_label, label_en: c.cpv_label_en, label_uk: c.cpv_label_uk } : null)),
      c.cpv_label_en || c.cpv_label_uk ? h('span', { class: 'muted' }, ` — ${cpvLabel({ label_en: c.cpv_label_en, label_uk: c.cpv_label_uk })}`) : null,
      ' ',
      h('button', {
        type: 'button', class: 'link danger', 'aria-label': t('caps.remove_named', { code: c.cpv }),
        onclick: async () => { await api.deleteCapability(org.id, direction, c.cpv); refresh(); },
      }, t('caps.remove'))))));
}

function capForm(org, refresh) {
  const dir = h('select', { name: 'direction' }, ['offer', 'need'].map((d) => h('option', { value: d }, t(`caps.${d}`))));
  const picker = cpvPicker(t('caps.cpv'), {
    required: true,
    onchoose: (c) => { if (!title.value) title.value = cpvLabel(c); },
  });
  const title = h('input', { name: 'title', required: true });
  const desc = h('textarea', { name: 'description', rows: 2 });
  const form = h('form', {
    class: 'card', id: 'cap-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      const code = picker.value();
      if (!code) { flash(form, t('caps.pick_cpv'), 'error'); return; }
      try {
        await api.addCapability(org.id, { direction: dir.value, cpv: code, title: title.value.trim(), description: desc.value });
        refresh();
      } catch (e) { flash(form, `${t('error.save')} ${e.message}`, 'error'); }
    },
  },
  h('h2', {}, t('caps.add')),
  field(t('caps.direction'), dir),
  picker.el,
  field(t('caps.title'), title),
  field(t('caps.description'), desc),
  h('button', { type: 'submit', class: 'primary' }, t('caps.add_button')));
  return form;
}

export async function renderProfile(main) {
  await loadMe();
  const me = state.me || {};
  const person = me.person || {};
  let org = me.organisation || {};
  if (org.id) {
    try { org = { ...org, ...(await api.organisation(org.id)) }; } catch (_) { /* keep me's copy */ }
  }
  const caps = list(org.capabilities, 'capabilities');
  main.append(h('h1', {}, t('profile.title_page')));
  const refresh = () => { main.replaceChildren(); renderProfile(main); };
  const grid = h('div', { class: 'grid2' });
  if (person.id) grid.append(personForm(person));
  if (org.id) grid.append(orgForm(org));
  main.append(grid);
  if (org.id) main.append(h('div', { class: 'grid2' }, capList(org, caps, 'offer', refresh), capList(org, caps, 'need', refresh)), capForm(org, refresh));
  if (!person.id && !org.id) main.append(h('p', {}, t('profile.no_person')));
}
