// The organisers' mailings sent from a page after a look at their figures
// (the people page's reminder, the scheduler page's day mail, the
// dashboard's question of what meetings led to).

import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { refusalWhy } from './words.js';

// A mailing the organisers look at before it goes: check asks the server's
// dry run (ask(true)); lines(r) says its figures in plan; when someone
// would be mailed, a button (sendText(r), the focus on it) sends it
// (ask(false)) and says sentText(done). A refusal is said by its code.
export function checkThenSend(check, plan, status, { ask, lines, sendText, sentText, nobody, id }) {
  check.addEventListener('click', async () => {
    check.disabled = true;
    clear(plan);
    status.ok();
    try {
      const r = await ask(true);
      if (!r.people) {
        status.ok(nobody);
        return;
      }
      plan.append(h('ul', { id: `${id}-figures` }, lines(r).filter(Boolean).map((x) => h('li', {}, x))));
      if (!(r.mailed > 0)) return;
      const send = h('button', { type: 'button', class: 'primary', id: `${id}-send` }, sendText(r));
      send.addEventListener('click', async () => {
        send.disabled = true;
        try {
          const done = await ask(false);
          clear(plan);
          status.ok(sentText(done));
          check.focus();
        } catch (e) {
          send.disabled = false;
          status.fail(t('error.save'), ' ', refusalWhy(e));
        }
      });
      plan.append(send);
      send.focus();
    } catch (e) {
      status.fail(t('error.save'), ' ', refusalWhy(e));
    } finally { check.disabled = false; }
  });
}
