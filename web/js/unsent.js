// Outcomes said on the agenda while the venue's network was gone: kept on
// this phone (localStorage), the newest per meeting, and sent once the server
// can be reached again. Only these are kept: each says a meeting's whole
// outcome (PUT, or DELETE to take it back), so one sent late, or twice,
// changes nothing else. A message, an accept or a request still needs the
// connection and says so when it fails.
//
// What is kept belongs to the person signed in when it was said: signing out
// forgets it (a shared phone), and so does another person's page.

import { api, ApiError } from './api.js';

const KEY = 'dfnc.unsent.outcomes';

// {person, items: {request: {outcome, note} or {removed: true}}}, or null.
function read() {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) || 'null');
    return kept && typeof kept.person === 'string' && kept.items && typeof kept.items === 'object' ? kept : null;
  } catch (_) { return null; }
}

function write(kept) {
  try {
    if (kept && Object.keys(kept.items).length) localStorage.setItem(KEY, JSON.stringify(kept));
    else localStorage.removeItem(KEY);
    return true;
  } catch (_) { return false; }   // a private window, or a full store: nothing kept
}

// person's kept outcomes (another person's are forgotten): request -> said.
function mine(person) {
  const kept = read();
  if (kept && kept.person !== person) { write(null); return { person, items: {} }; }
  return kept || { person, items: {} };
}

// What person said of request's meeting without a connection: its outcome
// and note ({removed: true} to take it back). False when this browser keeps
// nothing (the page then says the outcome was not saved).
export function keepUnsent(person, request, said) {
  const kept = mine(person);
  kept.items[request] = said ? { outcome: said.outcome, note: said.note || null } : { removed: true };
  return write(kept);
}

// Forgets what person kept of request: said again, and saved, with a connection.
export function dropUnsent(person, request) {
  const kept = read();
  if (!kept || kept.person !== person || !(request in kept.items)) return;
  delete kept.items[request];
  write(kept);
}

// person's kept outcomes, as a Map request -> {outcome, note} or {removed}.
export function unsentOutcomes(person) {
  return new Map(Object.entries(mine(person).items));
}

// Forgets every kept outcome: on signing out, or an account deleted.
export function forgetUnsent() { write(null); }

// Sends person's kept outcomes, one after another, in the order they were
// said. Each one the server takes, or refuses for good (a meeting cancelled
// since, say: the refusal is returned), is forgotten; the first that cannot
// reach the server, or finds the session gone (401: she signs in again),
// stops the round and keeps the rest. {sent, refused: [{request, error}],
// left, sentRequests}. A round that sent or was refused anything is told to
// the page too, as the event 'dfnc:unsent' (detail: the same), for the
// agenda's controls to say so where they stand.
let round = null;
export function sendUnsent(person) {
  if (!person) return Promise.resolve({ sent: 0, refused: [], left: 0 });
  if (round) return round;   // one round at a time: the page and the 'online' event may both ask
  round = (async () => {
    const out = { sent: 0, refused: [], left: 0, sentRequests: [] };
    for (const [request, said] of unsentOutcomes(person)) {
      try {
        if (said.removed) await api.removeOutcome(request).catch((e) => { if (!(e instanceof ApiError && e.status === 404)) throw e; });
        else await api.setOutcome(request, said.outcome, said.note);
        out.sent++;
        out.sentRequests.push(request);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status === 401) break;
        out.refused.push({ request, error: e });
      }
      const kept = mine(person);
      // said again meanwhile (another tap while this one was on its way): kept
      if (JSON.stringify(kept.items[request]) === JSON.stringify(said)) delete kept.items[request];
      write(kept);
    }
    out.left = unsentOutcomes(person).size;
    if (out.sent || out.refused.length) window.dispatchEvent(new CustomEvent('dfnc:unsent', { detail: out }));
    return out;
  })().finally(() => { round = null; });
  return round;
}
