/** Who is logged in (staff, deputies, admins). The session itself is an httpOnly cookie. */
import { create } from "zustand";
import type { UserView } from "@protocol/model.ts";
import { api } from "../api.ts";
import type { ClientError } from "../lib/client-error.ts";
import { reconnectLiveSocket } from "../socket.ts";

export interface AuthState {
  status: "unknown" | "checking" | "anonymous" | "authenticated";
  user: UserView | null;
}

export const useAuth = create<AuthState>()(() => ({ status: "unknown", user: null }));

let checking: Promise<void> | null = null;

/** Asks the server once per page load whether the cookie is still good. */
export function ensureAuthChecked(): Promise<void> {
  if (useAuth.getState().status !== "unknown") return Promise.resolve();
  checking ??= (async () => {
    useAuth.setState({ status: "checking" });
    const res = await api.me();
    useAuth.setState(res.ok && res.data.user ? { status: "authenticated", user: res.data.user } : { status: "anonymous", user: null });
  })();
  return checking;
}

export async function login(username: string, password: string): Promise<ClientError | null> {
  const res = await api.login(username, password);
  if (!res.ok) return res.error;
  useAuth.setState({ status: "authenticated", user: res.data.user });
  // The socket authenticated at its handshake; reconnect so it carries the new cookie.
  reconnectLiveSocket();
  return null;
}

export async function logout(): Promise<void> {
  await api.logout();
  useAuth.setState({ status: "anonymous", user: null });
  reconnectLiveSocket();
}
