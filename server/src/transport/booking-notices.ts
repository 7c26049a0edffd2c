/**
 * Tells the status pages that follow a booking (`booking:watch`) when it moved:
 * after commit, each changed code's public view goes to its own room — the
 * same view `GET /api/bookings/:code` answers, so nothing about other voters.
 */
import type { Server } from "socket.io";
import type { Logger } from "../logger.ts";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../protocol/events.ts";
import { bookingByCode } from "../services/bookings-and-support/bookings.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { bookingRoom } from "./rooms.ts";

type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** `clustered`: other nodes may hold the watchers, so an empty local room does not mean nobody watches. */
export function bookingNotices(io: Io, deps: ServiceDeps, log: Logger, clustered: boolean) {
  return (codes: readonly string[]): void => {
    for (const code of new Set(codes)) {
      const room = bookingRoom(code);
      if (!clustered && !io.of("/").adapter.rooms.get(room)?.size) continue;
      bookingByCode(deps, code).then(
        (booking) => io.to(room).emit("booking:event", { booking }),
        (e: unknown) => log.warn("booking notice not sent", { error: (e as Error)?.name ?? typeof e }),
      );
    }
  };
}
