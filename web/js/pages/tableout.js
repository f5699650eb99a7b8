// A table out of use on the forum's day (docs/web.md "Table plan"): the desk
// names the table and the time, reads the plan (a dry run: what goes where,
// what is left for the desk to call), then moves them in one go; the tables
// out of use are listed, each to be given back.
import { api } from '../api.js';
import { h, add, clear, list, dataName } from '../dom.js';
import { t, tn, wallDayTime, errorText } from '../i18n.js';
import { flash } from '../app.js';
import { tableName } from '../people.js';
import { refusalWhy } from '../words.js';

const textOf = (x) => (typeof x === 'string' ? x : x.textContent);
const placeName = (p) => textOf(tableName({ location_name: p.location_name, online: p.online }));

// One meeting of the plan: its time and people, where it goes (or that the
// desk calls them, with their addresses).
function moveLine(x) {
  const people = list(x.people);
  const who = people.map((p, i) => [i ? ', ' : '', dataName(p.name)]);
  const when = `${wallDayTime(x.was.start)}–${wallDayTime(x.was.end, true)}`;
  if (x.placed) {
    return h('li', { class: 'placed' }, when, ' · ', who, ' → ', placeName(x.to));
  }
  return h('li', { class: 'unplaced' }, when, ' · ', who, ' → ', h('strong', {}, t('tableout.call')), ' ',
    people.filter((p) => p.email).map((p, i) => [i ? ', ' : '', h('a', { href: `mailto:${p.email}`, translate: 'no' }, p.email)]));
}

// The plan (dry run) or what was done, in out.
function drawPlan(out, r, done) {
  clear(out);
  const moves = list(r.moves);
  add(out, h('h3', { id: 'table-out-plan-h', tabindex: '-1' },
    done ? tn('tableout.done', moves.length, { table: textOf(tableName({ location_name: r.location_name })) })
      : tn('tableout.plan', moves.length, { table: textOf(tableName({ location_name: r.location_name })) })),
  moves.length ? h('ul', { id: 'table-out-moves' }, moves.map(moveLine)) : null,
  r.unplaced ? h('p', { class: 'warning' }, tn('tableout.unplaced', r.unplaced)) : null);
}

// The tables out of use, each window with its Give back button (that window
// alone: the table's others stay); reload draws the page again.
function windowsList(event, windows, reload) {
  if (!windows.length) return h('p', { class: 'muted', id: 'table-out-windows' }, t('tableout.none'));
  return h('ul', { id: 'table-out-windows' }, windows.map((w) => {
    const back = h('button', { type: 'button', class: 'secondary' }, t('tableout.back'));
    const li = h('li', {}, w.until
      ? t('tableout.window_until', { table: textOf(tableName({ location_name: w.location_name })), from: wallDayTime(w.from), until: wallDayTime(w.until) })
      : t('tableout.window', { table: textOf(tableName({ location_name: w.location_name })), from: wallDayTime(w.from) }), ' ', back);
    back.addEventListener('click', async () => {
      back.disabled = true;
      try {
        await api.tableBack(event, w.location, w.from, w.until);
        await reload();
      } catch (e) {
        back.disabled = false;
        flash(li, `${t('error.save')} ${errorText(e)}`, 'error');
      }
    });
    return li;
  }));
}

// The card, for event's tables (locations of kind table); from, the event's
// wall clock ("2027-02-16T14:00") it proposes: the next slot's start;
// moved() draws the page's plan again once meetings moved.
export async function tableOutCard(event, tables, fromWall, moved) {
  const card = h('section', { class: 'card no-print', id: 'table-out', 'aria-labelledby': 'table-out-h' });
  const draw = async () => {
    const windows = list(await api.tablesOut(event).catch(() => ({})), 'out_of_use');
    const table = h('select', { id: 'table-out-table', name: 'table' },
      tables.map((x) => h('option', { value: x.id }, textOf(tableName({ location_name: x.name })))));
    // the event's wall clock, as the server reads "2027-02-16T14:00"
    const from = h('input', { id: 'table-out-from', name: 'from', type: 'datetime-local', required: true, value: fromWall || '' });
    const until = h('input', { id: 'table-out-until', name: 'until', type: 'datetime-local' });
    const show = h('button', { type: 'submit', class: 'primary', id: 'table-out-show' }, t('tableout.show'));
    const plan = h('div', { id: 'table-out-plan', role: 'status' });
    const form = h('form', { id: 'table-out-form' },
      h('label', { for: table.id }, t('tableout.table')), ' ', table, ' ',
      h('label', { for: from.id }, t('tableout.from')), ' ', from, ' ',
      h('label', { for: until.id }, t('tableout.until')), ' ', until, ' ', show);
    const body = () => ({ from: from.value, ...(until.value ? { until: until.value } : {}) });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      show.disabled = true;
      try {
        const dry = await api.tableOut(event, table.value, { ...body(), dry_run: true });
        drawPlan(plan, dry, false);
        const go = h('button', { type: 'button', class: 'primary', id: 'table-out-go' }, t('tableout.go'));
        go.addEventListener('click', async () => {
          go.disabled = true;
          try {
            const done = await api.tableOut(event, table.value, body());
            await draw();
            await moved?.().catch(() => {});
            const result = card.querySelector('#table-out-plan');
            drawPlan(result, done, true);
            result.querySelector('h3')?.focus();
          } catch (e) {
            go.disabled = false;
            flash(plan, [t('error.save'), ' ', refusalWhy(e)], 'error');
          }
        });
        plan.append(go);
        plan.querySelector('h3')?.focus();
      } catch (e) {
        flash(form, [t('error.save'), ' ', refusalWhy(e)], 'error');
      } finally { show.disabled = false; }
    });
    clear(card);
    add(card, h('h2', { id: 'table-out-h' }, t('tableout.title')), h('p', { class: 'muted' }, t('tableout.hint')),
      windowsList(event, windows, draw), form, plan);
  };
  await draw();
  return card;
}
