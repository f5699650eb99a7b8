// The messages between a meeting request's people (docs/api.md, "Messages on
// a request"): on the requests page each request's "Messages (N new)" opens
// its thread, who wrote when (the event's wall clock) and what, with a box
// to write in while the request is pending or accepted. Opening it marks it
// read, and the header's count follows.

import { api } from './api.js';
import { h } from './dom.js';
import { t, tn, dayTime, errorText } from './i18n.js';
import { limit } from './forms.js';
import { state, setMessagesUnread } from './app.js';

const MESSAGE_MAX_BYTES = 2000;   // src/app/messages.h, APP_MESSAGE_MAX
// The refusals a thread says in the page's language (their codes: api.md).
const REFUSALS = ['read_only', 'await_answer', 'rate_limited'];

// The button's words: how many messages, and how many of them are new.
function buttonLabel(thread) {
  const n = (thread && thread.messages) || 0;
  const fresh = (thread && thread.new) || 0;
  if (fresh > 0) return tn('messages.open_new', fresh);
  return n > 0 ? t('messages.open_count', { n }) : t('messages.open');
}

function messageItem(m) {
  const who = m.mine ? t('messages.you') : (m.author_name || t('messages.gone'));
  return h('li', { class: m.mine ? 'message mine' : 'message' },
    h('p', { class: 'message-meta' },
      h('strong', m.mine || !m.author_name ? {} : { translate: 'no' }, who), ' · ',
      h('time', { datetime: m.created_at }, dayTime(m.created_at))),
    h('p', { class: 'message-text', translate: 'no' }, m.text));
}

function threadList(thread) {
  const msgs = (thread && thread.messages) || [];
  if (msgs.length === 0) return h('p', { class: 'muted messages-none' }, t('messages.none'));
  return h('ol', { class: 'messages' }, msgs.map(messageItem));
}

// Why one may not write in the thread now, or null.
function whyNot(thread) {
  return thread && !thread.can_write && thread.why_not ? t(`messages.why_not.${thread.why_not}`) : null;
}

function refusal(e) {
  return e && REFUSALS.includes(e.code) ? t(`messages.why_not.${e.code}`) : errorText(e);
}

// The box to write in; sent, the thread is drawn again from the reply.
function writeForm(requestId, draw) {
  const text = limit(h('textarea', { name: 'text', rows: 3, required: true }), MESSAGE_MAX_BYTES);
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const send = h('button', { type: 'submit', class: 'primary', 'aria-describedby': `from-${requestId}` }, t('messages.send'));
  const form = h('form', {
    class: 'message-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      if (!form.reportValidity()) return;
      send.disabled = true;
      error.hidden = true;
      try {
        draw(await api.sendMessage(requestId, text.value), true);
      } catch (e) {
        error.textContent = refusal(e);
        error.hidden = false;
        send.disabled = false;
      }
    },
  }, h('label', { for: `msg-text-${requestId}` }, t('messages.write')), text, error, send);
  text.id = `msg-text-${requestId}`;
  return form;
}

// The part of request r's card that holds its thread: a button that opens
// and folds it. thread is GET /me/messages's row for r, or undefined.
export function messagesPart(r, thread, openAtOnce) {
  const panelId = `messages-${r.id}`;
  const panel = h('div', { class: 'thread', id: panelId, hidden: true, role: 'region', 'aria-label': t('messages.title') });
  // which request's thread, for a screen reader's list of buttons: the
  // card's name of the other person (requests.js, from-ID)
  const toggle = h('button', { type: 'button', class: 'link messages-toggle', 'aria-expanded': 'false', 'aria-controls': panelId, 'aria-describedby': `from-${r.id}` },
    buttonLabel(thread));
  const draw = (got, focusText) => {
    const why = whyNot(got);
    panel.replaceChildren(threadList(got), why ? h('p', { class: 'muted why-not' }, why) : writeForm(r.id, draw));
    if (focusText) panel.querySelector('textarea')?.focus();
    toggle.textContent = buttonLabel({ messages: ((got && got.messages) || []).length, new: 0 });
  };
  const open = async () => {
    toggle.setAttribute('aria-expanded', 'true');
    panel.hidden = false;
    panel.replaceChildren(h('p', { class: 'muted' }, t('messages.loading')));
    try {
      draw(await api.messages(r.id));
      // read now: one thread fewer with news in the header
      if (thread && thread.new > 0) {
        thread.new = 0;
        setMessagesUnread(((state.me && state.me.messages_unread) || 0) - 1);
      }
    } catch (e) {
      panel.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('error.load'), ' ', errorText(e)));
    }
  };
  toggle.addEventListener('click', () => {
    if (toggle.getAttribute('aria-expanded') === 'true') {
      toggle.setAttribute('aria-expanded', 'false');
      panel.hidden = true;
    } else open();
  });
  if (openAtOnce) open().then(() => toggle.scrollIntoView({ block: 'start' }));
  return h('div', { class: 'messages-part' }, toggle, panel);
}
