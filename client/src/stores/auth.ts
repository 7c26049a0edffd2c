/** Who is logged in (staff, deputies, admins). The session itself is an httpOnly cookie. */
import { create } from "zustand";
import type { UserView } from "@protocol/model.ts";
import { api, loginChanged, onAuthSignal } from "../api.ts";
import type { ClientError } from "../lib/client-error.ts";
import { reconnectLiveSocket } from "./connection.ts";

export interface AuthState {
  status: "unknown" | "checking" | "anonymous" | "authenticated";
  user: UserView | null;
  /** the server ended a login this page had (idle timeout, or ended elsewhere): the login page says so */
  ended: boolean;
}

export const useAuth = create<AuthState>()(() => ({ status: "unknown", user: null, ended: false }));

// Any call that finds the login gone, or waiting for a new password, updates who is logged in.
onAuthSignal((signal) => {
  const { user } = useAuth.getState();
  if (signal === "ended") {
    // Only a login this page had (or was checking) can end; an anonymous visitor has none.
    const { status } = useAuth.getState();
    if (status === "authenticated" || status === "checking") useAuth.setState({ status: "anonymous", user: null, ended: true });
    return;
  }
  if (user && !user.mustChangePassword) useAuth.setState({ user: { ...user, mustChangePassword: true } });
});

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
  loginChanged();
  useAuth.setState({ status: "authenticated", user: res.data.user, ended: false });
  // The socket authenticated at its handshake; reconnect so it carries the new cookie.
  reconnectLiveSocket();
  return null;
}

export async function logout(): Promise<void> {
  await api.logout();
  loginChanged();
  useAuth.setState({ status: "anonymous", user: null, ended: false });
  reconnectLiveSocket();
}

/** The account's own new password; the answer's user no longer has to change it. */
export async function changePassword(current: string, next: string): Promise<ClientError | null> {
  const res = await api.changePassword(current, next);
  if (!res.ok) return res.error;
  loginChanged();
  useAuth.setState({ status: "authenticated", user: res.data.user });
  // Staff rights over the socket start now (it authenticates per event, but rejoin the rooms afresh).
  reconnectLiveSocket();
  return null;
}
