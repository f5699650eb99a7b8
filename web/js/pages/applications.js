// The console's applications page: whether the forum takes applications on
// its site (the public /apply page), and the pending ones, each with the
// applicant's details and message, to approve (her person, her organisation
// when new and her sign-in link made, the link shown here once, as a
// walk-in's) or decline (GET, PUT, POST /api/v1/console/applications...).

import { api } from '../api.js';
import { h, add, outcome, data } from '../dom.js';
import { t, tn, dayTime, errorText } from '../i18n.js';
import { whileBusy, setApplicationsPending } from '../app.js';
import { walkinLinkCard } from './walkin.js';
import { PAGE, askedOffset, pager } from '../pager.js';

// The applicant's organisation in a line: a new one's name, country, kind
// and SME mark, or the id of one already registered.
function orgLine(a) {
  if (!a.organisation_name) return [t('applications.org_known'), ' ', data(a.organisation)];
  return [data(a.organisation_name), ` · ${a.organisation_country} · ${t(`kind.${a.organisation_kind}`)}`,
    a.organisation_sme ? ` · ${t('org.sme_short')}` : '', ` (${t('applications.org_new')})`];
}

function applicationCard(a, says, left) {
  const n = a.id;
  const head = `app-name-${n}`;
  const card = h('li', { class: 'card application', dataset: { id: n }, 'aria-labelledby': head });
  const buttons = [];
  const decided = (node, text) => {
    card.replaceChildren(h('h3', { id: head }, data(a.name)), h('p', { role: 'status' }, text), node);
    left(-1);
  };
  const approve = h('button', {
    type: 'button', class: 'primary', 'aria-describedby': head,
    onclick: async () => {
      try {
        const made = await whileBusy(buttons, () => api.approveApplication(n));
        decided(walkinLinkCard({ link: made.link, expires: made.link_expires_at, contact: made.contact }, `-${n}`),
          t(made.mailed ? 'applications.approved_mailed' : 'applications.approved', { name: a.name }));
      } catch (e) {
        says.fail(t('error.save'), ' ', e && e.code === 'email_taken' ? t('applications.email_taken') : errorText(e));
      }
    },
  }, t('applications.approve'));
  const decline = h('button', {
    type: 'button', class: 'decline', 'aria-describedby': head,
    onclick: async () => {
      if (!window.confirm(t('applications.decline_confirm', { name: a.name }))) return;
      try {
        const r = await whileBusy(buttons, () => api.declineApplication(n));
        decided(null, t(r && r.mailed ? 'applications.declined_mailed' : 'applications.declined', { name: a.name }));
      } catch (e) {
        says.fail(t('error.save'), ' ', errorText(e));
      }
    },
  }, t('applications.decline'));
  buttons.push(approve, decline);
  return add(card,
    h('h3', { id: head }, data(a.name)),
    h('p', {}, a.title ? [data(a.title), ' · '] : null, h('span', { translate: 'no' }, a.email)),
    h('p', {}, orgLine(a)),
    a.languages ? h('p', { class: 'muted' }, `${t('profile.languages')}: ${a.languages}`) : null,
    a.message ? h('blockquote', { class: 'application-message' }, data(a.message)) : h('p', { class: 'muted' }, t('applications.no_message')),
    h('p', { class: 'muted' }, t('applications.sent_at', { when: dayTime(a.created_at) })),
    h('div', { class: 'actions' }, approve, decline));
}

// The switch: a checkbox saved at once, its state said beside it.
function openSwitch(open, says) {
  const box = h('input', { type: 'checkbox', id: 'applications-open', checked: open });
  const line = h('p', { id: 'applications-open-said', class: 'muted' });
  const say = (on) => { line.textContent = on ? t('applications.open_on') : t('applications.open_off'); };
  say(open);
  box.addEventListener('change', async () => {
    const want = box.checked;
    try {
      await whileBusy([box], () => api.setApplicationsOpen(want));
      say(want);
      says.ok(want ? t('applications.opened') : t('applications.closed'));
    } catch (e) {
      box.checked = !want;
      says.fail(t('error.save'), ' ', errorText(e));
    }
  });
  return h('section', { class: 'card', id: 'applications-switch' },
    h('div', { class: 'field check' }, box, h('label', { for: 'applications-open' }, t('applications.open'))),
    line, h('p', {}, t('applications.public_page'), ' ', h('a', { href: '/apply', id: 'applications-public' }, '/apply')));
}

// The pending ones a page of 200 at a time, newest first, as the console's
// other long lists (docs/web.md): a forum's site may gather thousands.
export async function renderApplications(main) {
  const says = outcome('applications-outcome');
  const offset = askedOffset();
  let got;
  try {
    got = await api.applications({ status: 'pending', limit: PAGE, offset });
  } catch (e) {
    add(main, h('h1', {}, t('applications.title')), h('p', { class: 'error', role: 'alert' }, `${t('error.load')} ${errorText(e)}`));
    return;
  }
  let pending = got.pending;
  const count = h('p', { id: 'applications-count' });
  const sayCount = () => { count.textContent = pending ? tn('applications.pending', pending) : t('applications.none'); };
  sayCount();
  const left = (d) => {
    pending = Math.max(0, pending + d);
    sayCount();
    setApplicationsPending(pending);
  };
  const all = got.applications || [];
  add(main, h('h1', {}, t('applications.title')), h('p', { class: 'muted' }, t('applications.intro')),
    openSwitch(got.open, says), says.el,
    h('h2', {}, t('applications.pending_title')), count,
    all.length ? h('ul', { class: 'cards', id: 'applications-list' }, all.map((a) => applicationCard(a, says, left))) : null,
    pager('applications-pager', offset, all.length, typeof got.count === 'number' ? got.count : all.length));
  setApplicationsPending(pending);
}
