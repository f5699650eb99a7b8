// The forum's clock for every "now" the pages tell (the meeting under way,
// the slots still to come, today): the server's, as GET /me says it, so that
// a rehearsal (dfnc serve --forum-clock) shows the rehearsed day and a phone
// whose clock is off shows the right meeting. Kept as an offset from this
// device's clock, read when the server said it; the device's own until then.
let offsetMs = 0;

// iso: the server's "now" (ISO 8601); anything else leaves the offset as it was.
export function readServerNow(iso) {
  const at = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

// Milliseconds since 1970 by the server's clock.
export const serverNow = () => Date.now() + offsetMs;
