// The list of a combobox, shared by the CPV picker (cpv.js) and the
// organiser's organisation picker (procure_forms.js): the arrow keys move
// through its options (aria-activedescendant), Enter chooses one, Escape
// closes it, and it closes once the focus has left the field.

// input: the field (role=combobox, aria-controls lb); lb: its listbox, its
// options lb's children; choose(i): takes the i-th option; onArrow (when
// given): fills the list when ArrowDown is pressed while it is closed.
// Returns {close(), shown(n)}: shown(n) opens it on n options (closes on 0).
export function comboList(input, lb, choose, onArrow) {
  let active = -1;
  function close() {
    lb.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function highlight(i) {
    active = i;
    [...lb.children].forEach((li, k) => li.setAttribute('aria-selected', k === i ? 'true' : 'false'));
    if (i >= 0 && lb.children[i]) {
      input.setAttribute('aria-activedescendant', lb.children[i].id);
      lb.children[i].scrollIntoView({ block: 'nearest' });
    }
  }
  function shown(n) {
    active = -1;
    input.removeAttribute('aria-activedescendant');
    lb.hidden = n === 0;
    input.setAttribute('aria-expanded', n ? 'true' : 'false');
  }
  input.addEventListener('keydown', (ev) => {
    if (lb.hidden) {
      if (ev.key === 'ArrowDown' && onArrow) {
        ev.preventDefault();
        onArrow();
        if (!lb.hidden) highlight(0);
      }
      return;
    }
    const n = lb.children.length;
    if (ev.key === 'ArrowDown') { ev.preventDefault(); highlight(Math.min(active + 1, n - 1)); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (ev.key === 'Enter' && active >= 0) { ev.preventDefault(); choose(active); }
    else if (ev.key === 'Escape') { ev.preventDefault(); close(); }
  });
  // a click on an option is taken first (its mousedown keeps the focus);
  // not closed when the focus came back meanwhile, as after a refusal
  input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) close(); }, 150));
  return { close, shown };
}
