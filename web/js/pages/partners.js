// Partners for a project idea: the participant describes a project their
// organisation would lead; the engine answers who belongs in the consortium,
// each with its reasons and a meeting request. With an EU programme chosen,
// each partner says whether it counts toward the programme's consortium rule,
// and the lead puts a consortium together and sees it judged.

import { api } from '../api.js';
import { h, add, field, list, clear, dataName } from '../dom.js';
import { t, tx, getLang } from '../i18n.js';
import { state, flash, whileBusy, refuse } from '../app.js';
import { orgName, requestsCloseNote } from '../people.js';
import { suggestionCard, bestScore, regionSelect, smeCheck, myOpen, foundStatus } from './suggestions.js';
import { programmeSelect, consortiumPanel, countsText } from '../consortium.js';
import { refusalWhy } from '../words.js';

const TEXT_MAX = 20000; // bytes; the API refuses more

// A card's part in the consortium: whether it counts, and a button to take
// it in or out (aria-pressed says which).
function pickControl(org, headId, onclick) {
  const note = h('span', { class: 'counts' });
  const btn = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', 'aria-describedby': headId }, t('consortium.add'));
  btn.addEventListener('click', () => onclick(org));
  const el = h('p', { class: 'consortium-pick', hidden: true }, note, ' ', btn);
  return {
    el,
    show: (judged, chosen) => {
      el.hidden = !judged;
      if (!judged) return;
      note.replaceChildren(countsText(judged));
      btn.setAttribute('aria-pressed', chosen ? 'true' : 'false');
      btn.textContent = chosen ? t('consortium.remove') : t('consortium.add');
    },
  };
}

export async function renderPartners(main) {
  const org = state.me && state.me.organisation;
  add(main, h('h1', {}, t('partners.title')), h('p', { class: 'lead' }, t('partners.lead')), requestsCloseNote(state.event));
  if (org) add(main, h('p', { class: 'muted' }, tx('partners.lead_org', { org: dataName(orgName(org)) })));
  const text = h('textarea', {
    name: 'text', id: 'partners-text', rows: 6, maxlength: TEXT_MAX,
    placeholder: t('partners.placeholder'),
  });
  const region = regionSelect('partners-region');
  const sme = smeCheck('partners-sme');
  const programme = programmeSelect('partners-programme');
  const btn = h('button', { type: 'submit', class: 'primary' }, t('partners.submit'));
  const out = h('ol', { class: 'cards', id: 'partners' });
  const status = foundStatus('partners-status');
  const picks = new Map(); // org id -> its card's control, in rank order
  const panel = consortiumPanel(org && org.id, (chosen, judged) => {
    for (const [id, c] of picks) c.show(judged.get(id), chosen.includes(id));
  });
  const form = h('form', {
    class: 'card', id: 'partners-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      const idea = text.value.trim();
      if (!idea) { refuse(form, text, t('partners.empty')); return; }
      if (new TextEncoder().encode(idea).length > TEXT_MAX) { refuse(form, text, t('partners.too_long')); return; }
      clear(out);
      picks.clear();
      if (org) panel.reset('', []); // the last search's consortium goes with its cards
      out.setAttribute('aria-busy', 'true');
      await whileBusy([btn], async () => {
        try {
          const [got, open] = await Promise.all([api.partners(idea, 10, region.value || undefined, sme.box.checked, getLang()), myOpen()]);
          const found = list(got, 'partners');
          const old = form.querySelector('.flash');
          if (old) old.remove();
          if (found.length === 0) out.append(h('li', { class: 'muted' }, t('partners.none')));
          const best = bestScore(found);
          for (const s of found) {
            const card = await suggestionCard(s, open, best);
            const pick = pickControl(s.org, `org-${s.org}`, (id) => panel.toggle(id));
            picks.set(s.org, pick);
            card.insertBefore(pick.el, card.querySelector('ul.why') || null);
            out.append(card);
          }
          status.say(found.length, t('partners.none'));
          if (org) await panel.reset(programme.chosen(), found.map((s) => s.org), programme.figures());
        } catch (e) {
          flash(form, refusalWhy(e), 'error');
        } finally {
          out.setAttribute('aria-busy', 'false');
        }
      });
    },
  }, field(t('partners.text'), text), field(t('partners.region'), region), sme.el,
  field(t('consortium.programme'), programme.el, t('consortium.programme_hint')), btn);
  // another programme judges the partners already found again
  programme.el.addEventListener('change', () => {
    if (org && picks.size) panel.reset(programme.chosen(), [...picks.keys()], programme.figures());
  });
  add(main, form, status.el, panel.el, out);
}
