/** The staff's livestream settings (docs/ARCHITECTURE.md §5c). */
import { call } from "../../api.ts";

export const streamApi = {
  settings: (sessionId: string) => call("GET /api/sessions/:id/stream", { params: { id: sessionId } }),
  regenerateKey: (sessionId: string) => call("POST /api/sessions/:id/stream/key", { params: { id: sessionId } }),
};
