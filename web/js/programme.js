// The arithmetic of the event programme editor: local times of the event's
// time zone with their UTC offset, B2B slots cut from a session, and the
// event-wide slot order (seq) the scheduler reads. No DOM here.

// The UTC offset ("+01:00") that timeZone has at the local time day hh:mm.
export function offsetAt(day, hhmm, timeZone) {
  const [y, mo, d] = day.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, hh, mm);
  const minutesAt = (instant) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName').value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  // The offset at the instant the local time names (twice, for the hour a
  // daylight-saving change moves).
  let off = minutesAt(asUtc);
  off = minutesAt(asUtc - off * 60000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

// A time the API gives without a UTC offset ("2030-03-01T11:00", as an
// import or another client may store it) is the event's wall-clock time, not
// the viewer's. Milliseconds since 1970 for an ISO 8601 time, read so in
// timeZone when it has no offset; NaN when it is no time.
const WALL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?$/;
export function instantIn(x, timeZone) {
  const m = WALL.exec(String(x ?? ''));
  if (!m) return Date.parse(x);
  let off = '+00:00';
  try { off = offsetAt(m[1], m[2], timeZone); } catch (_) { /* a zone Intl refuses: UTC */ }
  return Date.parse(`${m[1]}T${m[2]}${m[3] || ':00'}${off}`);
}

export function minutesOf(hhmm) {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm || '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

function hhmmOf(minutes) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function localIso(day, hhmm, timeZone) {
  return `${day}T${hhmm}:00${offsetAt(day, hhmm, timeZone)}`;
}

// Slots of `minutes` with `pause` minutes between them, from start to end
// (both "HH:MM"); a slot that would run past the end is not made.
export function cutSlots(sessionId, day, start, end, minutes, pause, timeZone) {
  const a = minutesOf(start), b = minutesOf(end);
  const out = [];
  for (let t = a, n = 1; t + minutes <= b; t += minutes + pause, n += 1) {
    out.push({ id: `${sessionId}-${String(n).padStart(2, '0')}`,
      starts_at: localIso(day, hhmmOf(t), timeZone), ends_at: localIso(day, hhmmOf(t + minutes), timeZone) });
  }
  return out;
}

// The first session whose time overlaps [startsAt, endsAt) among `sessions`
// of the given kinds, or null (times without an offset in timeZone).
export function overlapping(sessions, startsAt, endsAt, kinds, timeZone) {
  const at = (x) => instantIn(x, timeZone);
  const a = at(startsAt), b = at(endsAt);
  return sessions.find((s) => kinds.includes(s.kind) && at(s.starts_at) < b && a < at(s.ends_at)) || null;
}

// A session's texts beside its name: where it takes place and a short word
// on it, each in English and Ukrainian (schema version 55).
export const ABOUT = ['place', 'place_uk', 'description', 'description_uk'];

// The body's "sessions" for PUT /events/{id}: every session with its slots,
// the slots numbered 1..n across the event in time order (times without an
// offset in timeZone).
export function programme(sessions, slots, timeZone) {
  const order = slots.slice().sort((x, y) => instantIn(x.starts_at, timeZone) - instantIn(y.starts_at, timeZone));
  const seq = new Map(order.map((s, i) => [s.id, i + 1]));
  // a session's place and description go as they are where it has them
  // (a stored one's, the form's), else are left out and kept
  const about = (s) => Object.fromEntries(ABOUT.filter((k) => s[k] !== undefined).map((k) => [k, s[k] || null]));
  return sessions.map((s) => ({
    id: s.id, day: s.day, name: s.name, name_uk: s.name_uk || null, kind: s.kind,
    starts_at: s.starts_at, ends_at: s.ends_at, ...about(s),
    slots: slots.filter((x) => x.session === s.id)
      .map((x) => ({ id: x.id, seq: seq.get(x.id), starts_at: x.starts_at, ends_at: x.ends_at })),
  }));
}

// The slots an edited session gets (`fresh`, cut by cutSlots) under the ids
// of its stored slots (`old`), so that the server keeps each stored slot's
// meetings in the fresh slot that took its id (PUT /events matches slots by
// id; the edit sends the session with replace_slots, and a stored slot left
// without a fresh one goes, with its unpublished meetings). A session moved
// whole (as many slots, each moved by the same time) keeps them in order: its
// meetings move with it. Otherwise a fresh slot that starts when a stored one
// did takes its id (its meetings stay at their time), and the other stored
// slots go, in time order, to the other fresh ones; the rest get new ids, none
// of `taken` (every slot id of the event), made as cutSlots makes them from
// sessionId. Times without an offset in timeZone.
export function reslot(sessionId, old, fresh, taken, timeZone) {
  const at = (x) => instantIn(x, timeZone);
  const byTime = (x, y) => at(x.starts_at) - at(y.starts_at);
  const before = old.slice().sort(byTime);
  const shift = before.length ? at(fresh[0]?.starts_at) - at(before[0].starts_at) : NaN;
  const whole = before.length === fresh.length && before.every((x, k) =>
    at(fresh[k].starts_at) - at(x.starts_at) === shift && at(fresh[k].ends_at) - at(x.ends_at) === shift);
  const ids = new Array(fresh.length).fill(null);
  if (whole) {
    before.forEach((x, k) => { ids[k] = x.id; });
  } else {
    const left = [];
    for (const x of before) {
      const k = fresh.findIndex((y, j) => ids[j] === null && at(y.starts_at) === at(x.starts_at));
      if (k >= 0) ids[k] = x.id;
      else left.push(x.id);
    }
    ids.forEach((id, k) => { if (id === null && left.length) ids[k] = left.shift(); });
  }
  const used = new Set([...taken, ...ids.filter(Boolean)]);
  return fresh.map((y, k) => {
    let id = ids[k];
    for (let n = k + 1; !id; n += 1) {
      const next = `${sessionId}-${String(n).padStart(2, '0')}`;
      if (!used.has(next)) { id = next; used.add(id); }
    }
    return { ...y, id };
  });
}
