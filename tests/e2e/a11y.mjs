// Accessibility and language checks that run inside a page (page.evaluate):
// each returns a list of what it found wrong, empty when the page is right,
// so that a failing test names every offender at once. run.mjs walks every
// page with them.

// Latin-script words in the UI's own text on a Ukrainian page. Data is left
// out where the page marks it as such (translate="no": names, messages,
// descriptions, ids), as are the language switch (each language named in
// itself), code, what is hidden from everyone and what assistive technology
// does not read (aria-hidden). What a Ukrainian string may hold in Latin
// letters: acronyms (CPV, ICS, UTF-8), time zone names (Europe/Kyiv),
// language codes (uk-en, uk;en;pl), a quoted literal to type («from»,
// "not") and the product's name.
export function latinLeft() {
  const skip = '[translate=no], #lang, textarea, [aria-hidden=true], [hidden], script, style, noscript, code, .code, .mono';
  const allowed = [/\bdfnc\b/g, /\b[A-Z][a-z]+\/[A-Za-z_]+\b/g, /\b[a-z]{2}(?:[;-][a-z]{2})+\b/g, /\bUTF-8\b/g,
    /\b[A-Z][A-Z0-9]{1,5}\b/g, /«[A-Za-z_]+»|"[A-Za-z_]+"/g];
  const latin = (s) => {
    let rest = String(s || '');
    for (const re of allowed) rest = rest.replace(re, ' ');
    return /[A-Za-z]{2,}/.test(rest);
  };
  const found = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!el.closest(skip) && latin(n.textContent)) found.push(`${el.tagName.toLowerCase()}: ${n.textContent.trim().slice(0, 80)}`);
  }
  for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt], input[type=submit]')) {
    if (el.closest(skip)) continue;
    for (const a of ['placeholder', 'aria-label', 'title', 'alt', 'value']) {
      if (el.hasAttribute(a) && (a !== 'value' || el.type === 'submit') && latin(el.getAttribute(a))) {
        found.push(`${el.tagName.toLowerCase()}[${a}]: ${el.getAttribute(a).slice(0, 80)}`);
      }
    }
  }
  return found;
}

// Where the page is and in which language: <html lang>, a <title> that
// starts with the page's heading, the landmarks a screen reader jumps by.
export function whereAmI() {
  const found = [];
  const h1 = document.querySelector('main h1');
  if (!h1) found.push('no h1 in main');
  else if (!document.title.startsWith(h1.textContent.trim())) found.push(`title "${document.title}" does not name "${h1.textContent}"`);
  for (const sel of ['header', 'main', 'footer']) if (!document.querySelector(sel)) found.push(`no <${sel}>`);
  if (document.getElementById('signout') && !document.querySelector('header nav[aria-label]')) found.push('no labelled <nav>');
  return { lang: document.documentElement.lang, found };
}

// WCAG contrast ratios from computed styles. 'text': every visible text
// against the background it stands on (the first opaque one of its
// ancestors, translucent ones blended in), 4.5:1, 3:1 for large text (24 px,
// or 18.66 px bold); disabled controls are exempt. 'focus': the focused
// element's outline against what surrounds it (its parent's background),
// 3:1, at least 2 px wide. What falls short, as "ratio what".
export function contrast(what) {
  const rgba = (c) => {
    const p = (c.match(/rgba?\(([^)]+)\)/) || [, '0 0 0 0'])[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1,
  });
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.a > 0) layers.push(c);
      if (c.a >= 1) break;
    }
    return layers.reverse().reduce((under, c) => over(c, under), { r: 255, g: 255, b: 255, a: 1 });
  };
  const lum = (c) => {
    const f = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
  const found = [];
  if (what === 'focus') {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const r = ratio(rgba(s.outlineColor), background(el.parentElement));
    if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2 || r < 3) {
      found.push(`${r.toFixed(2)} ${name(el)}: outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`);
    }
    return found;
  }
  const seen = new Set();
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || seen.has(el) || el.closest('svg, [hidden], .sr-only, :disabled')) continue;
    seen.add(el);
    const box = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || s.visibility === 'hidden') continue;
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    const bg = background(el);
    const fg = rgba(s.color);
    const r = ratio(over({ ...fg, a: fg.a * opacity }, bg), bg);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (Number(s.fontWeight) >= 700 && size >= 18.66);
    if (r < (large ? 3 : 4.5)) found.push(`${r.toFixed(2)} ${name(el)}: ${s.color} on rgb(${bg.r | 0}, ${bg.g | 0}, ${bg.b | 0}) "${n.textContent.trim().slice(0, 30)}"`);
  }
  return found;
}

// Live regions (aria-live, role status, alert or log) that hold a list of
// results: a screen reader reads out everything put into one, every card
// and every control, whenever the list is drawn again. A live region says a
// sentence ("12 organisations found"); the list beside it is read at will.
export function liveLists() {
  return [...document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')]
    .filter((el) => el.querySelector('button, input, select, textarea') || el.querySelectorAll('a[href]').length > 5)
    .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} holds ${el.querySelectorAll('a[href], button, input, select, textarea').length} links and controls`);
}

// Touch targets on a phone: every button, field, select, menu or pager
// link and option of a list box at least 44 px each way (Apple's and WCAG 2.5.5's size: a thumb's);
// checkboxes, and a link that stands alone in its paragraph, at least 24 px
// (WCAG 2.2's minimum, 2.5.8). Links inside a sentence or a table row are
// exempt, as WCAG exempts them.
export function smallTargets() {
  const found = [];
  const seen = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !el.closest('[hidden], .sr-only') && getComputedStyle(el).visibility !== 'hidden';
  };
  const alone = (a) => a.parentElement.tagName === 'P' && a.parentElement.textContent.trim() === a.textContent.trim();
  const sel = 'button, select, textarea, input:not([type=hidden]), header a:not(.skip), .pager a, a.button, p > a, [role=option]';
  for (const el of document.querySelectorAll(sel)) {
    if (!seen(el) || (el.matches('p > a') && !el.matches('.pager a, a.button') && !alone(el))) continue;
    const small = el.matches('input[type=checkbox], input[type=radio]') || (el.matches('p > a') && !el.matches('.pager a, a.button'));
    const min = small ? 24 : 44;
    const r = el.getBoundingClientRect();
    if (r.width < min || r.height < min) {
      found.push(`${Math.round(r.width)}x${Math.round(r.height)} < ${min}: ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${(el.textContent || el.name || '').trim().slice(0, 30)}`);
    }
  }
  return found;
}

// Tables a screen reader can name and read: a caption or a label, and every
// header cell says whether it heads a column or a row.
export function unnamedTables() {
  return [...document.querySelectorAll('table')].flatMap((t) => {
    const id = t.id ? `#${t.id}` : `table ${[...document.querySelectorAll('table')].indexOf(t) + 1}`;
    const label = t.caption?.textContent.trim() || t.getAttribute('aria-label')
      || (t.getAttribute('aria-labelledby') || '').split(/\s+/).map((x) => document.getElementById(x)?.textContent.trim() || '').join(' ').trim();
    const bare = [...t.querySelectorAll('th')].filter((th) => !['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope')));
    return [...(label ? [] : [`${id} has no caption or label`]), ...(bare.length ? [`${id}: ${bare.length} th without scope`] : [])];
  });
}

// Headings a screen reader can move through as an outline: one h1, and no
// level skipped on the way down (an h3 straight under the h1 reads as if a
// section were missing).
export function headingGaps() {
  const found = [];
  let last = 0;
  let ones = 0;
  for (const el of document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')) {
    if (el.closest('[hidden]')) continue;
    const level = Number(el.tagName[1]);
    if (level === 1) ones += 1;
    if (level > last + 1) found.push(`h${level} after h${last}: ${el.textContent.trim().slice(0, 40)}`);
    last = level;
  }
  if (ones !== 1) found.push(`${ones} h1`);
  return [...new Set(found)];
}

// Buttons that a screen reader's list of buttons cannot tell apart: the
// same name ("Прийняти" on every request) and nothing that describes which
// one it is (aria-describedby naming the request's sender, say).
export function sameButtons() {
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const groups = new Map();
  for (const b of document.querySelectorAll('button')) {
    if (b.closest('[hidden]') || !b.getClientRects().length) continue;
    const name = b.getAttribute('aria-label') || text(b);
    const described = (b.getAttribute('aria-describedby') || '').split(/\s+/).map((id) => text(document.getElementById(id))).join(' ');
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(described);
  }
  return [...groups].filter(([, ds]) => ds.length > 1 && new Set(ds).size < ds.length)
    .map(([name, ds]) => `${ds.length} buttons "${name}", ${new Set(ds).size} told apart`);
}

// Data (what the page marks translate="no": names, descriptions, messages)
// whose language, as its letters tell, is not the one its element says (its
// lang, or the nearest ancestor's, the page's at the top): a Latin-script
// name on a Ukrainian page left to a Ukrainian voice (a name says und-Latn
// there, no language but its script), or a Ukrainian's Cyrillic name on an
// English page to an English one. Text with both is
// taken by most of its letters, and not judged where each has a good part of
// them (a name and an English title in one option); a link's address does
// not count.
export function dataLanguage() {
  const found = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!el.closest('[translate=no]') || el.closest('script, style, [hidden], [aria-hidden=true]')) continue;
    const text = n.textContent.replace(/\b\w+:\/\/\S+/g, ' ');
    const cyrillic = (text.match(/[\u0400-\u04ff]/g) || []).length;
    const latin = (text.match(/[A-Za-z\u00c0-\u024f]/g) || []).length;
    if (cyrillic + latin < 2 || Math.min(cyrillic, latin) > (cyrillic + latin) / 4) continue;
    const want = cyrillic >= latin ? 'uk' : 'en';
    const said = (el.closest('[lang]')?.getAttribute('lang') || '').split('-')[0];
    if ((want === 'uk') !== (said === 'uk')) found.push(`${el.tagName.toLowerCase()} lang="${said}": ${n.textContent.trim().slice(0, 40)}`);
  }
  return found;
}
