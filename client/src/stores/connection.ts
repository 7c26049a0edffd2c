/** Whether the live socket is up: drives the offline banner. */
import { create } from "zustand";

export interface ConnectionState {
  /** idle: no live view open; connecting: first attempt; online; offline: lost and retrying */
  status: "idle" | "connecting" | "online" | "offline";
}

export const useConnection = create<ConnectionState>()(() => ({ status: "idle" }));

export const setConnectionStatus = (status: ConnectionState["status"]) => useConnection.setState({ status });

let reconnectLive: (() => void) | null = null;

/**
 * socket.ts hands its reconnect here when it loads, so a login, logout or
 * password change reconnects the live socket without every page's first
 * download carrying Socket.IO: no socket module loaded, no socket to reconnect.
 */
export function registerLiveReconnect(reconnect: () => void): void {
  reconnectLive = reconnect;
}

/** The socket authenticated at its handshake: reconnect (if there is one) so it carries the new cookie. */
export function reconnectLiveSocket(): void {
  reconnectLive?.();
}
