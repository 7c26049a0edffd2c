/** The staff's livestream settings (docs/ARCHITECTURE.md §5c). */
import type { StreamSettings } from "@protocol/model.ts";
import { request } from "../../api.ts";

const path = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/stream`;

export const streamApi = {
  settings: (sessionId: string) => request<StreamSettings>("GET", path(sessionId)),
  regenerateKey: (sessionId: string) => request<StreamSettings>("POST", `${path(sessionId)}/key`, {}),
};
