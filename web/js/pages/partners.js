// Partners for a project idea: the participant describes a project their
// organisation would lead; the engine answers who belongs in the consortium,
// each with its reasons and a meeting request.

import { api } from '../api.js';
import { h, add, field, list, clear, dataName } from '../dom.js';
import { t, tx, errorText } from '../i18n.js';
import { state, flash, whileBusy, refuse } from '../app.js';
import { orgName } from '../people.js';
import { suggestionCard, regionSelect, smeCheck, myOpen, foundStatus } from './suggestions.js';

const TEXT_MAX = 20000; // bytes; the API refuses more

export async function renderPartners(main) {
  const org = state.me && state.me.organisation;
  add(main, h('h1', {}, t('partners.title')), h('p', { class: 'lead' }, t('partners.lead')));
  if (org) add(main, h('p', { class: 'muted' }, tx('partners.lead_org', { org: dataName(orgName(org)) })));
  const text = h('textarea', {
    name: 'text', id: 'partners-text', rows: 6, maxlength: TEXT_MAX,
    placeholder: t('partners.placeholder'),
  });
  const region = regionSelect('partners-region');
  const sme = smeCheck('partners-sme');
  const btn = h('button', { type: 'submit', class: 'primary' }, t('partners.submit'));
  const out = h('ol', { class: 'cards', id: 'partners' });
  const status = foundStatus('partners-status');
  const form = h('form', {
    class: 'card', id: 'partners-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      const idea = text.value.trim();
      if (!idea) { refuse(form, text, t('partners.empty')); return; }
      if (new TextEncoder().encode(idea).length > TEXT_MAX) { refuse(form, text, t('partners.too_long')); return; }
      clear(out);
      out.setAttribute('aria-busy', 'true');
      await whileBusy([btn], async () => {
        try {
          const [got, open] = await Promise.all([api.partners(idea, 10, region.value || undefined, sme.box.checked), myOpen()]);
          const found = list(got, 'partners');
          const old = form.querySelector('.flash');
          if (old) old.remove();
          if (found.length === 0) out.append(h('li', { class: 'muted' }, t('partners.none')));
          for (const s of found) out.append(await suggestionCard(s, open));
          status.say(found.length, t('partners.none'));
        } catch (e) {
          flash(form, errorText(e), 'error');
        } finally {
          out.setAttribute('aria-busy', 'false');
        }
      });
    },
  }, field(t('partners.text'), text), field(t('partners.region'), region), sme.el, btn);
  add(main, form, status.el, out);
}
