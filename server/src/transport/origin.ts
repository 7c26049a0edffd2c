/** The Origin check for CORS and the Socket.IO handshake: same origin unless ALLOWED_ORIGINS lists others. */
import type { IncomingMessage } from "node:http";

export function originAllowed(req: IncomingMessage, allowed: string[] | null): boolean {
  const origin = req.headers.origin;
  // Non-browser clients (tests, the benchmark) send no Origin; browsers always do on cross-site requests.
  if (!origin) return true;
  if (allowed?.includes(origin.replace(/\/$/, ""))) return true;
  const host = req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
