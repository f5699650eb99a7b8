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
// language codes (uk-en, uk;en;pl) and the product's name.
export function latinLeft() {
  const skip = '[translate=no], #lang, textarea, [aria-hidden=true], [hidden], script, style, noscript, code, .code, .mono';
  const allowed = [/\bdfnc\b/g, /\b[A-Z][a-z]+\/[A-Za-z_]+\b/g, /\b[a-z]{2}(?:[;-][a-z]{2})+\b/g, /\bUTF-8\b/g,
    /\b[A-Z][A-Z0-9]{1,5}\b/g];
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
