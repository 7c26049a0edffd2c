/**
 * The microphone, and what can stand in the way of it: a page that is not a
 * secure context (getUserMedia needs HTTPS except on localhost), a browser
 * without media devices, no microphone, or a refused permission.
 */
export type MicProblem = "insecure" | "unsupported" | "no-microphone" | "denied" | "busy" | "failed";

export class MicError extends Error {
  constructor(readonly problem: MicProblem) {
    super(problem);
  }
}

/** Why the microphone cannot even be asked for here, or null if it can. */
export function micUnavailableReason(): MicProblem | null {
  if (typeof window === "undefined") return "unsupported";
  if (!window.isSecureContext) return "insecure";
  if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia) return "unsupported";
  return null;
}

/** getUserMedia's error names → what we tell the voter. */
export function problemOf(error: unknown): MicProblem {
  const name = error instanceof Error || (typeof error === "object" && error && "name" in error) ? String((error as { name: unknown }).name) : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
    case "PermissionDeniedError":
      return "denied";
    case "NotFoundError":
    case "OverconstrainedError":
    case "DevicesNotFoundError":
      return "no-microphone";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "busy";
    default:
      return "failed";
  }
}

/** Opens the microphone (echo cancellation on: the hall's voice comes out of the same phone). */
export async function openMicrophone(deviceId?: string | null, withCamera = false): Promise<MediaStream> {
  const reason = micUnavailableReason();
  if (reason) throw new MicError(reason);
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      video: withCamera ? { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: "user" } : false,
    });
  } catch (e) {
    throw new MicError(problemOf(e));
  }
}

export interface MicDevice {
  deviceId: string;
  label: string;
}

/** The microphones the browser lists (labels appear once permission was given). */
export async function listMicrophones(): Promise<MicDevice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === "audioinput").map((d, i) => ({ deviceId: d.deviceId, label: d.label || `#${i + 1}` }));
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
