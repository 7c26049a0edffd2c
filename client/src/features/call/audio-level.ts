/**
 * Audio levels for the meters. One AudioContext for the page, created when a
 * view that may need it opens (creating one can take over a second on a slow
 * machine), resumed on the click that starts or accepts a call.
 */
let context: AudioContext | null = null;

export function warmUpAudio(): AudioContext | null {
  if (context || typeof AudioContext === "undefined") return context;
  try {
    context = new AudioContext();
  } catch {
    context = null;
  }
  return context;
}

/** Call from a click: browsers keep a context suspended until the user acts. */
export function resumeAudio(): void {
  const ctx = warmUpAudio();
  if (ctx && ctx.state === "suspended") void ctx.resume().catch(() => undefined);
}

/**
 * Reports the RMS level (0…1) of the stream's audio twenty times a second.
 * Returns the function that stops measuring.
 */
export function watchLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const ctx = warmUpAudio();
  if (!ctx || stream.getAudioTracks().length === 0) return () => undefined;
  const source = ctx.createMediaStreamSource(stream);
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const v of samples) sum += v * v;
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
  }, 50);
  return () => {
    clearInterval(timer);
    source.disconnect();
    analyser.disconnect();
  };
}
