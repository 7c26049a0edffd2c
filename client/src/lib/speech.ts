/**
 * Speaking through the browser's speechSynthesis (docs/ARCHITECTURE.md §7b):
 * the hall screen's announcements and the voter's 读给我听. Every utterance goes
 * through one queue, so nothing this page says overlaps. Browsers speak only
 * after a user gesture, so callers start from a click (enable sound, 读给我听).
 */
import { SpeechQueue } from "./speech-queue.ts";

export interface Utterance {
  text: string;
  lang: "zh-CN" | "en";
  /** 0…1 */
  volume?: number;
}

const queue = new SpeechQueue();

export function speechSupported(): boolean {
  return typeof window !== "undefined" && "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";
}

function matches(voice: SpeechSynthesisVoice, lang: string): boolean {
  return voice.lang.replace("_", "-").toLowerCase().startsWith(lang.slice(0, 2).toLowerCase());
}

/** A voice for the language, preferring an exact match (zh-CN over zh-TW/zh-HK) and a local one. */
export function voiceFor(lang: string): SpeechSynthesisVoice | null {
  if (!speechSupported()) return null;
  const voices = window.speechSynthesis.getVoices().filter((v) => matches(v, lang));
  const exact = voices.filter((v) => v.lang.replace("_", "-").toLowerCase() === lang.toLowerCase());
  const pool = exact.length > 0 ? exact : voices;
  return pool.find((v) => v.localService) ?? pool[0] ?? null;
}

/** The voice list loads late in Chrome: wait for it a little before deciding there is none. */
export function voicesLoaded(timeoutMs = 2000): Promise<void> {
  if (!speechSupported() || window.speechSynthesis.getVoices().length > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      window.speechSynthesis.removeEventListener("voiceschanged", done);
      window.clearTimeout(timer);
      resolve();
    };
    const timer = window.setTimeout(done, timeoutMs);
    window.speechSynthesis.addEventListener("voiceschanged", done);
  });
}

/** Says one utterance; resolves when it has been said (or could not be). */
function sayNow(u: Utterance): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(u.text);
    utterance.lang = u.lang;
    const voice = voiceFor(u.lang);
    if (voice) utterance.voice = voice;
    utterance.volume = u.volume ?? 1;
    // A little slower than the default: the listeners are older, the hall echoes.
    utterance.rate = 0.9;
    // Some engines never fire `end` (Chrome drops it for long or interrupted speech): don't let the lane stall.
    const guard = window.setTimeout(resolve, 4000 + u.text.length * 400);
    const finish = () => {
      window.clearTimeout(guard);
      resolve();
    };
    utterance.onend = finish;
    utterance.onerror = finish;
    window.speechSynthesis.speak(utterance);
  });
}

/** Queues utterances to be said one after another. */
export function say(...utterances: Utterance[]): Promise<void> {
  if (!speechSupported()) return Promise.resolve();
  return Promise.all(utterances.map((u) => queue.enqueue(() => sayNow(u)))).then(() => undefined);
}

/** Queues a pause (e.g. while a beep rings) so the next utterance starts after it. */
export function pause(ms: number): Promise<void> {
  return queue.enqueue(() => new Promise((resolve) => window.setTimeout(resolve, ms)));
}

/** Queues something else that makes sound (the chime) for `ms`, in the same lane as speech. */
export function soundInLane(play: () => void, ms: number): Promise<void> {
  return queue.enqueue(
    () =>
      new Promise((resolve) => {
        play();
        window.setTimeout(resolve, ms);
      }),
  );
}
