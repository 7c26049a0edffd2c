/*
 * Init script the call lab adds to the hall's and the voter's pages (plain JS:
 * it runs in the browser; netns-child.ts reads it as text). It only observes:
 * it wraps RTCPeerConnection to read getStats(), notes click times, and
 * (voter) notes when every microphone/camera track has stopped. The voter's
 * copy also answers a ringing call at once, like a voter waiting for it, so
 * setup times measure the system rather than a thumb. Times are epoch ms with
 * sub-ms precision, comparable across pages. The role placeholder at the bottom is replaced.
 */
(function probe(role) {
  const now = () => performance.timeOrigin + performance.now();
  const pcs = [];
  const tracks = [];
  let zeroAt = 0;
  let endedAt = 0;
  const lab = {
    clicks: {},
    firstAudioAt: null,
    /** the "typ" of every ICE candidate the other side signaled to this page */
    signaledCandidateTypes: [],
    reset() {
      lab.clicks = {};
      lab.firstAudioAt = null;
      zeroAt = 0;
      endedAt = 0;
      tracks.length = 0;
      lab.signaledCandidateTypes = [];
    },
    async summary() {
      const pc = pcs[pcs.length - 1];
      const out = { inboundAudioPackets: 0, audioLevel: null, localCandidateType: null, remoteCandidateType: null };
      if (!pc) return out;
      const stats = await pc.getStats();
      let pairId = null;
      stats.forEach((r) => {
        if (r.type === "inbound-rtp" && r.kind === "audio") {
          out.inboundAudioPackets = Number(r.packetsReceived || 0);
          out.audioLevel = typeof r.audioLevel === "number" ? r.audioLevel : null;
        }
        if (r.type === "transport" && typeof r.selectedCandidatePairId === "string") pairId = r.selectedCandidatePairId;
      });
      if (!pairId) {
        stats.forEach((r) => {
          if (r.type === "candidate-pair" && r.nominated && r.state === "succeeded") pairId = r.id;
        });
      }
      const pair = pairId ? stats.get(pairId) : undefined;
      const local = pair ? stats.get(pair.localCandidateId) : undefined;
      const remote = pair ? stats.get(pair.remoteCandidateId) : undefined;
      out.localCandidateType = local ? String(local.candidateType) : null;
      out.remoteCandidateType = remote ? String(remote.candidateType) : null;
      return out;
    },
    inboundAudioPackets: () => lab.summary().then((s) => s.inboundAudioPackets),
    levelZeroAt: () => zeroAt,
    tracksEndedAt: () => endedAt,
    allTracksEnded: () => tracks.length > 0 && tracks.every((t) => t.readyState === "ended"),
  };
  window.__lab = lab;

  document.addEventListener(
    "click",
    (e) => {
      const el = e.target instanceof Element ? e.target.closest("[data-testid]") : null;
      if (el) lab.clicks[el.getAttribute("data-testid")] = now();
    },
    true,
  );

  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original {
    constructor(config) {
      super(config);
      pcs.push(this);
      const addIceCandidate = this.addIceCandidate.bind(this);
      this.addIceCandidate = (candidate) => {
        const m = candidate && /\btyp (\w+)/.exec(candidate.candidate || "");
        if (m) lab.signaledCandidateTypes.push(m[1]);
        return addIceCandidate(candidate);
      };
      const poll = async () => {
        if (this.signalingState === "closed") return;
        try {
          const stats = await this.getStats();
          let got = false;
          stats.forEach((r) => {
            if (r.type === "inbound-rtp" && r.kind === "audio" && Number(r.packetsReceived || 0) > 0) got = true;
          });
          if (got) {
            if (lab.firstAudioAt === null) lab.firstAudioAt = now();
            return;
          }
        } catch {
          return;
        }
        setTimeout(poll, 5);
      };
      setTimeout(poll, 5);
    }
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (role === "hall" && r.type === "attributes" && r.target instanceof Element && r.target.getAttribute("data-testid") === "call-level") {
        if (lab.clicks["call-mute"] && !zeroAt && r.target.getAttribute("data-level") === "0.00") zeroAt = now();
      }
    }
    if (role === "voter") {
      const accept = document.querySelector("[data-testid=call-accept]");
      if (accept && !accept.dataset.labClicked) {
        accept.dataset.labClicked = "1";
        accept.click();
      }
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-level"] });

  if (role === "voter" && navigator.mediaDevices) {
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      tracks.push(...stream.getTracks());
      return stream;
    };
    const stop = MediaStreamTrack.prototype.stop;
    MediaStreamTrack.prototype.stop = function () {
      stop.call(this);
      if (!endedAt && tracks.length > 0 && tracks.every((t) => t.readyState === "ended")) endedAt = now();
    };
  }
})("__LAB_ROLE__");
