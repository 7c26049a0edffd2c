/** The message box over HTTP (docs/ARCHITECTURE.md §6d): leave a message, the public station and deputy pages, the answer statistics. */
import type { MessageCreateInput } from "@protocol/messages.ts";
import { call } from "../../api.ts";

export const messageApi = {
  leave: (venueId: string, input: MessageCreateInput) => call("POST /api/venues/:id/messages", { params: { id: venueId }, body: input }),
  venue: (venueId: string) => call("GET /api/venues/:id", { params: { id: venueId } }),
  deputy: (userId: string) => call("GET /api/deputies/:id", { params: { id: userId } }),
  stats: () => call("GET /api/answer-stats"),
  venueStats: (venueId: string) => call("GET /api/venues/:id/answer-stats", { params: { id: venueId } }),
};

export const venuePageLink = (venueId: string) => `${location.origin}/v/${encodeURIComponent(venueId)}`;
