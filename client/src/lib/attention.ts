/**
 * Getting someone's attention when their number comes up: a WebAudio tone
 * (no audio file to load), a system notification when allowed, the page title.
 * Browsers only let a page make sound after a user gesture, so views call
 * `unlockSound()` from a click (joining, "enable sound").
 */
let audio: AudioContext | null = null;

/** Has the user clicked or typed on this page yet? Before that, Chrome refuses (and warns about) any AudioContext. */
function userHasActivated(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  // Browsers without the API: assume not, and wait for unlockSound() from a click.
  return activation?.hasBeenActive ?? false;
}

function context(inGesture = false): AudioContext | null {
  if (audio) return audio;
  if (!inGesture && !userHasActivated()) return null;
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  audio = new Ctor();
  return audio;
}

export function unlockSound(): void {
  const ctx = context(true);
  if (ctx && ctx.state === "suspended") void ctx.resume();
}

export function soundUnlocked(): boolean {
  return audio?.state === "running";
}

/** A few short tones: `pattern` is a list of frequencies in Hz. */
export function playTones(pattern: number[], toneSec = 0.35, gap = 0.12): void {
  // No gesture yet (a TV nobody touched): stay silent rather than warn on every call; the page offers "enable sound".
  const ctx = context();
  if (!ctx) return;
  if (ctx.state === "suspended") {
    if (!userHasActivated()) return;
    void ctx.resume();
  }
  let at = ctx.currentTime + 0.05;
  for (const freq of pattern) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + toneSec);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + toneSec + 0.02);
    at += toneSec + gap;
  }
}

/** The voter's "it's your turn" beep: three rising tones, twice. */
export const beepCalled = () => playTones([660, 880, 1100, 660, 880, 1100]);
/** The hall screen's chime on each call: a two-note ding-dong. */
export const chimeCall = () => playTones([988, 784], 0.6, 0.05);

export function notificationsSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

export async function askNotificationPermission(): Promise<NotificationPermission | "unsupported"> {
  if (!notificationsSupported()) return "unsupported";
  if (Notification.permission !== "default") return Notification.permission;
  try {
    return await Notification.requestPermission();
  } catch {
    return "denied";
  }
}

export function notify(title: string, body: string): void {
  if (!notificationsSupported() || Notification.permission !== "granted") return;
  try {
    const n = new Notification(title, { body, tag: "tongxin-called", requireInteraction: true });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    // Some mobile browsers only allow notifications from a service worker.
  }
}

export function vibrate(pattern: number[]): void {
  if ("vibrate" in navigator) navigator.vibrate(pattern);
}
