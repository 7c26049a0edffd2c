/** The message box over HTTP (docs/ARCHITECTURE.md §6d): leave a message, the public station and deputy pages, the answer statistics. */
import type { AnswerStatsView, DeputyPublicView, MessageCreateInput, VenuePublicView } from "@protocol/messages.ts";
import { request } from "../../api.ts";

export const messageApi = {
  leave: (venueId: string, input: MessageCreateInput) => request<{ trackingCode: string }>("POST", `/api/venues/${encodeURIComponent(venueId)}/messages`, input),
  venue: (venueId: string) => request<{ venue: VenuePublicView }>("GET", `/api/venues/${encodeURIComponent(venueId)}`),
  deputy: (userId: string) => request<{ deputy: DeputyPublicView }>("GET", `/api/deputies/${encodeURIComponent(userId)}`),
  stats: () => request<AnswerStatsView>("GET", "/api/answer-stats"),
  venueStats: (venueId: string) => request<AnswerStatsView>("GET", `/api/venues/${encodeURIComponent(venueId)}/answer-stats`),
};

export const venuePageLink = (venueId: string) => `${location.origin}/v/${encodeURIComponent(venueId)}`;
