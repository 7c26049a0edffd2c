/** Whether the live socket is up: drives the offline banner. */
import { create } from "zustand";

export interface ConnectionState {
  /** idle: no live view open; connecting: first attempt; online; offline: lost and retrying */
  status: "idle" | "connecting" | "online" | "offline";
}

export const useConnection = create<ConnectionState>()(() => ({ status: "idle" }));

export const setConnectionStatus = (status: ConnectionState["status"]) => useConnection.setState({ status });
