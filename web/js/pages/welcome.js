// The invitation page (dfnc user invite): the link is /welcome#TOKEN, the
// token after '#' so that it never reaches a server's log. It greets the
// person by name, takes the password they choose (twice), and signs them
// straight in; a used, replaced or expired link says so and sends them to
// the organiser.

import { api } from '../api.js';
import { h, add, field, dataName } from '../dom.js';
import { passwordRule, PASSWORD_MIN, PASSWORD_MAX_BYTES } from '../forms.js';
import { t, tx, refusalText } from '../i18n.js';
import { state, role, loadMe, render, refuse, whileBusy } from '../app.js';

function token() {
  return location.hash.replace(/^#/, '');
}

// A link that cannot be used: what happened and what to do.
function refused(main, e) {
  const limited = e && e.status === 429;
  add(main,
    h('h1', {}, t(limited ? 'welcome.limited_title' : 'welcome.gone_title')),
    h('p', { class: 'notice', id: 'welcome-gone', role: 'alert' },
      t(limited ? 'signin.throttled' : 'welcome.gone')),
    limited ? null : h('p', {}, t('welcome.gone_signin'), ' ', h('a', { href: '/' }, t('notfound.home'))));
}

export async function renderWelcome(main) {
  let inv;
  try {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token())) throw Object.assign(new Error('no token'), { status: 404 });
    inv = await api.invitation(token());
  } catch (e) {
    if (e.status === 404 || e.status === 429) { refused(main, e); return; }
    throw e;
  }
  const email = h('input', {
    type: 'email', name: 'email', autocomplete: 'username', value: inv.email, readonly: true,
  });
  // the server's rule, checked as the server checks it (in characters)
  const password = passwordRule(h('input', {
    type: 'password', name: 'password', autocomplete: 'new-password', required: true,
  }));
  const again = h('input', {
    type: 'password', name: 'password-again', autocomplete: 'new-password', required: true,
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('welcome.submit'));
  const form = h('form', {
    class: 'card signin', id: 'welcome-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      if (password.value !== again.value) { refuse(form, again, t('welcome.mismatch')); return; }
      try {
        await whileBusy([submit], () => api.acceptInvitation(token(), password.value));
      } catch (e) {
        if (e.status === 404) { main.replaceChildren(); refused(main, e); return; }
        // the server's refusal in the page's language (its code's sentence)
        const rule = { min: PASSWORD_MIN, max: PASSWORD_MAX_BYTES, letters: PASSWORD_MAX_BYTES / 2 };
        refuse(form, password, e.status === 429 ? t('signin.throttled') : [t('error.save'), ' ', refusalText(e, rule)]);
        return;
      }
      state.loaded = false;
      state.signOutFailed = false;
      state.event = null;
      await loadMe();
      // the used link leaves the history: Back does not come to it again
      history.replaceState({}, '', role() === 'organiser' ? '/console/schedule' : '/agenda');
      await render();
    },
  },
  h('h2', {}, t('welcome.choose')),
  field(t('signin.email'), email),
  field(t('welcome.password'), password, t('welcome.rule', { n: PASSWORD_MIN })),
  field(t('welcome.again'), again),
  submit);
  add(main,
    h('h1', { id: 'welcome-title' }, inv.name ? tx('welcome.title', { name: dataName(inv.name) }) : t('welcome.title_noname')),
    h('p', { class: 'lead' }, t('welcome.lead')),
    form);
}
