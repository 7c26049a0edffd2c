/**
 * The WebRTC side of a call (§5b): one plain RTCPeerConnection per call,
 * signaling through the socket module. The hall offers, the voter answers.
 *
 * Speed matters (goal: hall click → voter heard in under a second through
 * TURN), so the hall builds its peer connection and offer while the phone
 * rings and sends them the moment the voter picks up; the voter's microphone
 * is usually open already from the waiting-room check.
 */
import type { CallInvite, CallSignal, CallStateChange, IceServer } from "@protocol/calls.ts";
import {
  acceptCallRequest,
  declineCallRequest,
  endCallRequest,
  muteCallRequest,
  rejoinCallRequest,
  sendCallSignal,
  setCallListener,
  startCallRequest,
} from "../../socket.ts";
import { setStreamMutedForCall } from "../../stores/stream-player.ts";
import { useVoterTicket } from "../../stores/voter-ticket.ts";
import { resumeAudio, warmUpAudio, watchLevel } from "./audio-level.ts";
import { isCallActive } from "./call-reducer.ts";
import { dispatchCall, setCallLevel, useCall } from "./call-store.ts";
import { MicError, openMicrophone, stopStream } from "./media-access.ts";

interface Live {
  callId: string;
  pc: RTCPeerConnection;
  /** kept for a fresh peer connection when the voter's page comes back */
  ice: { servers: IceServer[]; policy: "all" | "relay" };
  local: MediaStream | null;
  remote: MediaStream;
  player: HTMLAudioElement | null;
  stopLevel: () => void;
  /** hall: signals held until the voter picks up (nobody is in the voter's room before) */
  outbox: Omit<CallSignal, "from">[] | null;
  /** remote candidates that came before the remote description */
  early: RTCIceCandidateInit[];
}

let live: Live | null = null;
/** voter: signals that came before the peer connection existed */
let inbox: CallSignal[] = [];

type SignalPayload = Omit<CallSignal, "from">;

function send(signal: SignalPayload): void {
  if (!live || live.callId !== signal.callId) return;
  if (live.outbox) live.outbox.push(signal);
  else void sendCallSignal(signal);
}

function toWireCandidate(c: RTCIceCandidate): SignalPayload["candidate"] {
  return { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex, usernameFragment: c.usernameFragment };
}

function peer(callId: string, iceServers: IceServer[], policy: "all" | "relay", role: "hall" | "voter"): Live {
  const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: policy });
  const remote = new MediaStream();
  const entry: Live = { callId, pc, ice: { servers: iceServers, policy }, local: null, remote, player: null, stopLevel: () => undefined, outbox: role === "hall" ? [] : null, early: [] };
  pc.onicecandidate = (e) => {
    if (e.candidate) send({ callId, candidate: toWireCandidate(e.candidate) });
  };
  pc.ontrack = (e) => {
    remote.addTrack(e.track);
    useCall.setState({ remoteStream: new MediaStream(remote.getTracks()) });
    if (e.track.kind === "audio") playRemote(entry);
  };
  pc.onconnectionstatechange = () => {
    const s = pc.connectionState;
    dispatchCall({ type: "mediaChanged", media: s === "connected" ? "flowing" : s === "failed" ? "failed" : "connecting" });
  };
  return entry;
}

/** The other side's voice: an audio element (which Chrome needs for remote WebRTC audio anyway) and, at the hall, the level meter. */
function playRemote(entry: Live): void {
  if (entry.player) return;
  const player = document.createElement("audio");
  player.autoplay = true;
  player.srcObject = entry.remote;
  player.muted = useCall.getState().phase === "muted" && useCall.getState().role === "hall";
  // A page that came back without a tap may not play sound yet: the voter gets one button for it.
  void player.play().catch(() => useCall.setState({ audioBlocked: true }));
  entry.player = player;
  if (useCall.getState().role === "hall") {
    entry.stopLevel();
    entry.stopLevel = watchLevel(entry.remote, setCallLevel);
  }
}

async function applyRemote(signal: CallSignal): Promise<void> {
  if (!live || live.callId !== signal.callId) return;
  const { pc } = live;
  if (signal.description) {
    await pc.setRemoteDescription(signal.description as RTCSessionDescriptionInit);
    for (const c of live.early.splice(0)) await pc.addIceCandidate(c).catch(() => undefined);
    if (signal.description.type === "offer") {
      await pc.setLocalDescription(await pc.createAnswer());
      const d = pc.localDescription!;
      send({ callId: live.callId, description: { type: d.type, sdp: d.sdp } });
    }
  }
  if (signal.candidate !== undefined) {
    const c = signal.candidate ? (signal.candidate as RTCIceCandidateInit) : null;
    if (!c) return;
    if (pc.remoteDescription) await pc.addIceCandidate(c).catch(() => undefined);
    else live.early.push(c);
  }
}

/** Closes a peer connection and its player; the microphone stays as it is. */
function closePeer(entry: Live): void {
  entry.stopLevel();
  entry.pc.onicecandidate = null;
  entry.pc.ontrack = null;
  entry.pc.onconnectionstatechange = null;
  entry.pc.close();
  if (entry.player) {
    entry.player.srcObject = null;
    entry.player.remove();
  }
}

/** Closes the peer connection and, on the voter's side, turns the microphone (and camera) off. */
function teardown(): void {
  const entry = live;
  live = null;
  inbox = [];
  if (entry) {
    closePeer(entry);
    stopStream(entry.local);
  }
  const { role, micStream } = useCall.getState();
  if (role === "voter") {
    stopStream(micStream);
    useCall.setState({ micStream: null });
    setStreamMutedForCall(false);
  }
  setCallLevel(0);
  useCall.setState({ remoteStream: null, audioBlocked: false });
}

/** The voter's side of MUTED: the microphone track sends silence, so the hall hears nothing even if it wanted to. */
function applyMute(muted: boolean): void {
  const { role } = useCall.getState();
  if (!live) return;
  if (role === "voter") for (const t of live.local?.getAudioTracks() ?? []) t.enabled = !muted;
  if (role === "hall" && live.player) live.player.muted = muted;
}

const listener = {
  invite(p: CallInvite) {
    const next = dispatchCall({ type: "invited", invite: p });
    // This page's socket came back during its own call: the new socket rejoins (the panel rejoins a reloaded page).
    if (p.state && live?.callId === p.callId && useCall.getState().role === "voter") return void resumeCall();
    // A phone in a pocket: buzz as well as show the call.
    if (next.callId === p.callId && next.phase === "ringing") navigator.vibrate?.([400, 200, 400]);
  },
  signal(p: CallSignal) {
    if (live && live.callId === p.callId) void applyRemote(p).catch(() => dispatchCall({ type: "mediaChanged", media: "failed" }));
    else if (useCall.getState().callId === p.callId) inbox.push(p);
  },
  state(p: CallStateChange) {
    const before = useCall.getState();
    const next = dispatchCall({ type: "stateReceived", change: p });
    if (next.callId !== p.callId) return;
    if (p.state === "ENDED") return teardown();
    if (before.role === "hall" && p.rejoined) void offerAgain(p.callId);
    if (before.role === "hall" && p.state === "CONNECTED" && live?.outbox) {
      // The voter picked up: their room exists now; send the offer and candidates gathered meanwhile.
      const held = live.outbox;
      live.outbox = null;
      for (const signal of held) void sendCallSignal(signal);
    }
    applyMute(p.state === "MUTED");
  },
};

let installed = false;
/** Installs the socket listener and warms the AudioContext; views that can take a call call this when they open. */
export function prepareCalls(): void {
  if (!installed) {
    setCallListener(listener);
    installed = true;
  }
  warmUpAudio();
}

// ── hall ──────────────────────────────────────────────────────────────────────

/** "电话连线": rings the voter and prepares the hall's side while it rings. */
export async function startPhoneCall(ticketId: string): Promise<void> {
  if (isCallActive(useCall.getState())) return;
  prepareCalls();
  resumeAudio();
  dispatchCall({ type: "startRequested", ticketId });
  const mic = openMicrophone().catch((e: unknown) => (e instanceof MicError ? e : new MicError("failed")));
  const res = await startCallRequest(ticketId);
  if (!res.ok) {
    stopStream(await mic.then((m) => (m instanceof MediaStream ? m : null)));
    dispatchCall({ type: "startFailed", code: res.error.code });
    return;
  }
  const { callId, iceServers, iceTransportPolicy } = res.data;
  dispatchCall({ type: "started", callId, ticketId });
  const entry = peer(callId, iceServers, iceTransportPolicy, "hall");
  live = entry;
  const stream = await mic;
  if (live !== entry) return stopStream(stream instanceof MediaStream ? stream : null);
  if (stream instanceof MediaStream) {
    entry.local = stream;
    for (const track of stream.getAudioTracks()) entry.pc.addTrack(track, stream);
  } else {
    // No microphone at the console: the hall can still hear the voter (the PA may carry the deputy).
    dispatchCall({ type: "micFailed", problem: stream.problem });
    entry.pc.addTransceiver("audio", { direction: "recvonly" });
  }
  entry.pc.addTransceiver("video", { direction: "recvonly" });
  await entry.pc.setLocalDescription(await entry.pc.createOffer());
  const d = entry.pc.localDescription!;
  send({ callId, description: { type: d.type, sdp: d.sdp } });
}

/**
 * The voter's page came back (a reload) and rejoined: their old peer
 * connection is gone, so the hall starts over with a fresh one and a new
 * offer, keeping its microphone.
 */
async function offerAgain(callId: string): Promise<void> {
  const old = live;
  if (!old || old.callId !== callId) return;
  closePeer(old);
  const entry = peer(callId, old.ice.servers, old.ice.policy, "hall");
  entry.outbox = null;
  entry.local = old.local;
  live = entry;
  if (old.local) for (const track of old.local.getAudioTracks()) entry.pc.addTrack(track, old.local);
  else entry.pc.addTransceiver("audio", { direction: "recvonly" });
  entry.pc.addTransceiver("video", { direction: "recvonly" });
  dispatchCall({ type: "mediaChanged", media: "connecting" });
  setCallLevel(0);
  await entry.pc.setLocalDescription(await entry.pc.createOffer());
  if (live !== entry) return;
  const d = entry.pc.localDescription!;
  send({ callId, description: { type: d.type, sdp: d.sdp } });
}

export async function setVoterMuted(muted: boolean): Promise<void> {
  const { callId, role } = useCall.getState();
  if (!callId || role !== "hall") return;
  const res = await muteCallRequest(callId, muted);
  if (!res.ok) dispatchCall({ type: "requestFailed", code: res.error.code });
}

// ── voter ─────────────────────────────────────────────────────────────────────

/** The waiting-room check: opens the microphone now, so answering a call is instant. */
export async function prepareMicrophone(deviceId?: string | null): Promise<MediaStream | null> {
  prepareCalls();
  resumeAudio();
  const { micStream, micDeviceId } = useCall.getState();
  const sameDevice = !deviceId || deviceId === micDeviceId;
  if (micStream && sameDevice && micStream.getAudioTracks().some((t) => t.readyState === "live")) return micStream;
  try {
    // Without a choice, the device picked before (if any) is opened again.
    const stream = await openMicrophone(deviceId ?? micDeviceId);
    stopStream(useCall.getState().micStream);
    useCall.setState({ micStream: stream, micProblem: null, micDeviceId: deviceId ?? micDeviceId ?? null });
    return stream;
  } catch (e) {
    dispatchCall({ type: "micFailed", problem: e instanceof MicError ? e.problem : "failed" });
    return null;
  }
}

export function releaseMicrophone(): void {
  stopStream(useCall.getState().micStream);
  useCall.setState({ micStream: null });
}

export async function acceptIncomingCall(): Promise<void> {
  const state = useCall.getState();
  const invite = state.invite;
  if (!invite || state.phase !== "ringing") return;
  resumeAudio();
  dispatchCall({ type: "accepting" });
  const mic = await prepareMicrophone(state.micDeviceId);
  if (!mic) return; // the problem is shown; the voter can still decline or use text
  let camera: MediaStream | null = null;
  if (state.withCamera) camera = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user" } }).catch(() => null);
  const entry = peer(invite.callId, invite.iceServers, invite.iceTransportPolicy, "voter");
  entry.local = new MediaStream([...mic.getAudioTracks(), ...(camera?.getVideoTracks() ?? [])]);
  for (const track of entry.local.getTracks()) entry.pc.addTrack(track, entry.local);
  live = entry;
  setStreamMutedForCall(true);
  const res = await acceptCallRequest(invite.callId);
  if (!res.ok) {
    dispatchCall({ type: "requestFailed", code: res.error.code });
    teardown();
    return;
  }
  rememberOnThisPage(invite.callId);
  for (const signal of inbox.splice(0)) await applyRemote(signal).catch(() => undefined);
}

/**
 * This tab was on the call (sessionStorage: kept across a reload, not shared
 * with another tab), so a reload takes it back by itself; another tab of the
 * voter asks first, or it would pull the call away from the page in use.
 */
const ON_CALL_KEY = "tongxin.call.onThisPage";
function rememberOnThisPage(callId: string): void {
  try {
    sessionStorage.setItem(ON_CALL_KEY, callId);
  } catch {
    // private mode: the voter taps 继续通话 after a reload
  }
}
export function wasOnThisPage(callId: string): boolean {
  try {
    return sessionStorage.getItem(ON_CALL_KEY) === callId;
  } catch {
    return false;
  }
}

let rejoining = false;
/**
 * Back on a live call after the page came back: the microphone opens again
 * (permission is remembered, so no check), a fresh peer connection waits for
 * the hall's new offer, and this socket becomes the voter party.
 */
export async function resumeCall(): Promise<void> {
  const state = useCall.getState();
  const invite = state.invite;
  const { voterToken } = useVoterTicket.getState();
  if (!invite?.state || !voterToken || rejoining) return;
  rejoining = true;
  try {
    resumeAudio();
    dispatchCall({ type: "accepting" });
    const mic = await prepareMicrophone(state.micDeviceId);
    if (!mic) return; // the problem is shown, with the button to try again
    if (live) closePeer(live);
    const entry = peer(invite.callId, invite.iceServers, invite.iceTransportPolicy, "voter");
    entry.local = new MediaStream(mic.getAudioTracks());
    for (const track of entry.local.getTracks()) entry.pc.addTrack(track, entry.local);
    live = entry;
    setStreamMutedForCall(true);
    const res = await rejoinCallRequest(invite.callId, voterToken);
    if (!res.ok) {
      dispatchCall({ type: "requestFailed", code: res.error.code });
      if (res.error.code === "CONFLICT") dispatchCall({ type: "stateReceived", change: { callId: invite.callId, state: "ENDED" } });
      teardown();
      return;
    }
    rememberOnThisPage(invite.callId);
    for (const signal of inbox.splice(0)) await applyRemote(signal).catch(() => undefined);
  } finally {
    rejoining = false;
  }
}

/** "继续通话" when the browser held the call's sound back until a tap. */
export function playBlockedAudio(): void {
  resumeAudio();
  const player = live?.player;
  if (!player) return useCall.setState({ audioBlocked: false });
  void player.play().then(() => useCall.setState({ audioBlocked: false }), () => undefined);
}

export async function declineIncomingCall(): Promise<void> {
  const { invite } = useCall.getState();
  if (!invite) return;
  const res = await declineCallRequest(invite.callId);
  if (!res.ok) dispatchCall({ type: "requestFailed", code: res.error.code });
}

export function setCameraWanted(withCamera: boolean): void {
  useCall.setState({ withCamera });
}

// ── either side ───────────────────────────────────────────────────────────────

export async function hangUp(): Promise<void> {
  const { callId } = useCall.getState();
  if (!callId) return;
  const res = await endCallRequest(callId);
  // Whatever the server says, this side is done: close the media now.
  if (!res.ok && res.error.code !== "CONFLICT") dispatchCall({ type: "requestFailed", code: res.error.code });
  dispatchCall({ type: "stateReceived", change: { callId, state: "ENDED", reason: useCall.getState().role === "hall" ? "HALL_HUNG_UP" : "VOTER_HUNG_UP" } });
  teardown();
}

export function dismissCall(): void {
  if (!isCallActive(useCall.getState())) dispatchCall({ type: "dismissed" });
}
