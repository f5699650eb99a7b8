// Reading a name badge's QR code (dfnc badges: the person's id) with the
// phone's camera at the check-in desk, where the browser can: its own
// BarcodeDetector (Chrome on Android, ChromeOS, macOS) reads the video. A
// browser without it shows no button; a USB scanner, which types the code
// into the search, works everywhere.

import { h, add, clear } from './dom.js';
import { t } from './i18n.js';

const EVERY_MS = 250;   // how often a frame is read: quick enough, light on a phone

export function scanSupported() {
  return typeof window.BarcodeDetector === 'function' && !!navigator.mediaDevices?.getUserMedia;
}

// A card with a button that opens the camera; each code read is handed to
// onCode(text) once and the camera stops. null where the browser cannot.
export function badgeScanner(onCode) {
  if (!scanSupported()) return null;
  const say = h('p', { id: 'scan-status', role: 'status' });
  const video = h('video', { id: 'scan-video', muted: true, playsinline: true, hidden: true, 'aria-hidden': 'true' });
  const button = h('button', { type: 'button', id: 'scan-start', 'aria-describedby': 'scan-status' }, t('scan.start'));
  let stream = null;
  let timer = null;

  const stop = () => {
    clearTimeout(timer);
    timer = null;
    stream?.getTracks().forEach((x) => x.stop());
    stream = null;
    video.srcObject = null;
    video.hidden = true;
    button.textContent = t('scan.start');
  };

  async function start() {
    let detector;
    try {
      detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (e) {
      stop();
      // refused, or no camera: said, and the search is still there
      add(clear(say), t(e && e.name === 'NotAllowedError' ? 'scan.denied' : 'scan.no_camera'));
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play().catch(() => {});
    button.textContent = t('scan.stop');
    add(clear(say), t('scan.looking'));
    const look = async () => {
      if (!stream) return;
      // the page was left or drawn again: the camera is let go
      if (!video.isConnected) { stop(); return; }
      let codes = [];
      try { codes = await detector.detect(video); } catch { codes = []; }
      const code = codes.map((c) => c.rawValue).find((x) => x && x.trim());
      if (code) {
        stop();
        clear(say);
        onCode(code.trim());
        return;
      }
      timer = setTimeout(look, EVERY_MS);
    };
    look();
  }

  button.addEventListener('click', () => (stream ? stop() : start()));
  // and when the tab is closed or put away
  window.addEventListener('pagehide', stop);
  return h('div', { class: 'card no-print', id: 'scan' }, button, ' ', h('span', { class: 'muted' }, t('scan.hint')), video, say);
}
