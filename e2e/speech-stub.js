// A recording stand-in for the browser's speechSynthesis (the test machine has no voices):
// every utterance's text, lang and volume, when it started and ended, and whether
// a page asked to speak while something was still being said. One Chinese voice
// exists, as on a Windows PC with Microsoft Huihui — none if the page set
// window.__noVoice first (a TV without Chinese voice data).
(() => {
  const state = { log: [], overlaps: 0, speaking: 0 };
  window.__speech = state;
  const voices = window.__noVoice ? [] : [{ name: "Test Huihui", lang: "zh-CN", localService: true, default: true, voiceURI: "test-huihui" }];
  class Utterance extends EventTarget {
    constructor(text) {
      super();
      this.text = text ?? "";
      this.lang = "";
      this.volume = 1;
      this.rate = 1;
      this.pitch = 1;
      this.voice = null;
      this.onend = null;
      this.onerror = null;
      this.onstart = null;
    }
  }
  const synth = {
    get speaking() {
      return state.speaking > 0;
    },
    pending: false,
    paused: false,
    getVoices: () => voices,
    speak(u) {
      if (state.speaking > 0) state.overlaps += 1;
      state.speaking += 1;
      const entry = { text: u.text, lang: u.lang, volume: u.volume, start: performance.now(), end: null };
      state.log.push(entry);
      // About as long as a short announcement takes to say.
      setTimeout(() => {
        entry.end = performance.now();
        state.speaking -= 1;
        const ev = new Event("end");
        if (typeof u.onend === "function") u.onend(ev);
        u.dispatchEvent(ev);
      }, 700);
    },
    cancel() {},
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent() {
      return true;
    },
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true, writable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true, writable: true });
})();
