// The forum's day at the help desk: where an arriving participant goes next
// (GET /console/people's and the check-in's "next_meeting").
import { h, dataName } from './dom.js';
import { t, dayTime, time } from './i18n.js';
import { localName, tableName } from './people.js';

// "Ольга Бондар (Укрзброя)" for each other person of the meeting, and how
// many more the reply left out.
function withWhom(m) {
  const named = (m.with || []).map((x) => {
    const org = localName(x.organisation_name, x.organisation_name_uk);
    return [dataName(x.name), org ? [' (', dataName(org), ')'] : null];
  });
  const more = (m.with_n || 0) - named.length;
  const parts = [];
  named.forEach((x, i) => { if (i) parts.push(', '); parts.push(x); });
  if (more > 0) parts.push(' ', t('day.and_more', { n: more }));
  return parts;
}

// The next meeting as a line the desk reads out: time, table, with whom; a
// person with none says so. id names the line (for aria-describedby).
export function nextMeetingLine(m, id) {
  if (!m) return h('p', { class: 'next-meeting muted', id }, t('day.no_next'));
  const table = m.location ? tableName({ location_name: m.location }) : t('day.no_table');
  return h('p', { class: 'next-meeting', id },
    h('strong', {}, t('day.next')), ' ',
    h('time', { datetime: m.starts_at }, `${dayTime(m.starts_at)}–${time(m.ends_at)}`), ' · ',
    h('span', { class: 'next-table' }, table), ' · ', t('day.with'), ' ', ...withWhom(m));
}
