// The organisers' announcements (GET /api/v1/announcements): a line each
// under the header of every page a signed-in reader opens ("The B2B area
// moved to hall B"), in Ukrainian on a Ukrainian page where the organisers
// wrote it so, until they withdraw it or the reader says she has read it
// ("Got it", remembered by this browser). The organisers write and withdraw
// them on the console's announcements page (pages/announcements.js).

import { api } from './api.js';
import { h, dataLang } from './dom.js';
import { t, getLang } from './i18n.js';

const READ_KEY = 'dfnc.announcements.read';
const READ_KEPT = 50;

function readIds() {
  try {
    const ids = JSON.parse(localStorage.getItem(READ_KEY) || '[]');
    return Array.isArray(ids) ? ids.map(String) : [];
  } catch (_) {
    return [];
  }
}

function markRead(id) {
  const ids = [id, ...readIds().filter((x) => x !== id)].slice(0, READ_KEPT);
  try { localStorage.setItem(READ_KEY, JSON.stringify(ids)); } catch (_) { /* a private window: shown again next time */ }
}

// The words in the page's language where the organisers gave them, with
// their lang for a screen reader.
export function announcementText(a) {
  const text = getLang() === 'uk' && a.text_uk ? a.text_uk : a.text;
  return { text, lang: dataLang(text) };
}

// Fills box (placed under the header) with the announcements not yet read,
// in place of those it showed (the page's other notes in box stay): called
// as a page is drawn, and again while it stays open (app.js), so that one
// written ahead shows once its time has come. A failure leaves what was
// there: the page is what the reader came for.
export async function showAnnouncements(box) {
  let all;
  try {
    all = (await api.announcements()).announcements || [];
  } catch (_) {
    return;
  }
  const read = new Set(readIds());
  const shown = all.filter((a) => !read.has(String(a.id)));
  const had = box.querySelector(':scope > section.announcements');
  if (!shown.length) { had?.remove(); return; }
  const items = shown.map((a) => {
    const { text, lang } = announcementText(a);
    const id = `announcement-${a.id}`;
    const li = h('li', { class: 'announcement', dataset: { id: a.id } },
      h('p', { id, lang, translate: 'no' }, text),
      h('button', {
        type: 'button', class: 'link', 'aria-describedby': id,
        onclick: () => {
          markRead(String(a.id));
          li.remove();
          if (!list.children.length) section.remove();
        },
      }, t('ann.read')));
    return li;
  });
  const list = h('ul', {}, items);
  const section = h('section', { class: 'announcements', 'aria-label': t('ann.label') }, list);
  if (had) had.replaceWith(section); else box.append(section);
}
