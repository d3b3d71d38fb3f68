// The chat room: WebRTC between the two parties, signaling and media reports over the hub, the live meter panel,
// and the banner over the video that explains a dropped link (ours, or the other party's with the grace countdown).
// The server meters; this page only reports what it sees (every 2 s, also the heartbeat) and shows the pushes.
const root = document.getElementById("chat-room");
const sessionId = root.dataset.session;
const role = root.dataset.role;
const $ = (id) => document.getElementById(id);
const localVideo = $("local-video");
const remoteVideo = $("remote-video");

let localStream = null;
let pc = null;
let iceServers = [];
let iceTransportPolicy = "all"; // "relay" when the server bills on the TURN relay's evidence
let pendingIce = [];
// Each offer has an id that its answer and ICE candidates carry: a second offer (a rejoin, or two joins racing)
// supersedes the first, and late messages for an older peer connection are dropped.
let offerId = 0;
let lastFrames = 0;
let ended = false;
let shown = null; // { liveSeconds, running, at (performance.now()) }

const hub = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/chat")
  .withAutomaticReconnect([0, 1000, 2000, 2000, 5000, 5000, 10000])
  .build();

function showError(message) {
  const box = $("media-error");
  box.textContent = message;
  box.hidden = !message;
}

function mediaMessage(error) {
  switch (error?.name) {
    case "NotAllowedError": return "The browser was not allowed to use your camera and microphone. Allow them in the address bar, then reload.";
    case "NotFoundError": return "No camera or microphone was found. Connect one and reload.";
    case "NotReadableError": return "Your camera or microphone is in use by another application. Close it and reload.";
    case "OverconstrainedError": return "Your camera cannot deliver 640×480 video.";
    default: return `The camera or microphone could not start (${error?.message ?? error}).`;
  }
}

function format(seconds) {
  const s = Math.max(0, seconds);
  const m = Math.floor(s / 60);
  return `${m}:${(s - m * 60).toFixed(1).padStart(4, "0")}`;
}

const other = role === "Buyer" ? "seller" : "buyer";
let grace = null; // { until (performance.now() ms) } while the other party's dropped link has a reconnect grace running
let selfDown = false; // our own hub connection is reconnecting

// .NET writes 7 fractional digits; Date.parse is only specified for 3.
function serverTime(iso) { return Date.parse(iso.replace(/(\.\d{3})\d+/, "$1")); }

function minutes(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function stateText(status) {
  switch (status.state) {
    case "Live": return role === "Buyer" ? "Live – billing" : "Live – earning";
    case "Paused": return status.peerDropped ? `Paused – ${other} offline` : "Paused – waiting for video";
    case "Accepted":
    case "Connecting": return "Connecting…";
    default: return status.state;
  }
}

function onStatus(status) {
  shown = { liveSeconds: status.liveSeconds, running: status.running, at: performance.now() };
  $("m-state").textContent = stateText(status);
  if ($("m-charged")) $("m-charged").textContent = `${status.tokensCharged} tokens`;
  if ($("m-earned") && status.earnedTokens != null) $("m-earned").textContent = `${status.earnedTokens} tokens`;
  if ($("m-rate")) $("m-rate").textContent = `${status.rateTokensPerMinute} tokens/min`;
  if ($("m-balance") && status.balanceTokens != null) $("m-balance").textContent = `${status.balanceTokens} tokens`;
  // The header follows the meter: the buyer's wallet comes with each push; the seller's earnings are read on a new unit.
  if (status.balanceTokens != null) window.meterchat?.showWallet?.(status.balanceTokens);
  if (role === "Seller" && status.units !== Number(root.dataset.units)) window.meterchat?.refreshBalance?.();
  if ($("m-left")) {
    $("m-left").textContent = status.secondsLeft == null ? "–" : `${(status.secondsLeft / 60).toFixed(1)} min`;
    $("m-left-label").textContent = status.limitedBy === "SpendingLimit" ? "Minutes left (spending limit)"
      : status.limitedBy === "Balance" ? "Minutes left (balance)" : "Minutes left";
  }
  const warning = $("meter-warning");
  warning.textContent = status.warning ?? "";
  warning.hidden = !status.warning;
  // The grace countdown runs from the server's clock: the deadline less the server's now, from the moment of this push.
  grace = status.peerDropped && status.reconnectDeadline
    ? { until: performance.now() + (serverTime(status.reconnectDeadline) - serverTime(status.serverNow)) }
    : null;
  root.dataset.state = status.state;
  root.dataset.units = status.units;
  paint();
}

// The banner over the video: our own link first (nothing else is current while it is down), then the other party's.
function paintBanner() {
  const banner = $("room-banner");
  if (!banner) return;
  let text = "";
  if (ended) text = "";
  else if (selfDown) text = "Your connection dropped — reconnecting…";
  else if (grace) {
    const left = (grace.until - performance.now()) / 1000;
    text = `The ${other}'s connection dropped — billing is paused — waiting ${minutes(left)} for them to come back`;
  }
  if (banner.textContent !== text) banner.textContent = text;
  banner.hidden = !text;
  root.dataset.banner = selfDown ? "self" : grace ? "peer" : "";
}

// The timer moves between pushes from the server's figure; the server pushes only on changes and units.
function paint() {
  paintBanner();
  if (!shown) return;
  const extra = shown.running ? (performance.now() - shown.at) / 1000 : 0;
  $("m-time").textContent = format(shown.liveSeconds + extra);
}
setInterval(paint, 100);

// The chat is over: stop the media and the hub, then load the page again, which the server now renders as the
// "after the chat" page (receipt in the viewer's words, tip, rating, dispute, report): no dead video is left.
function showReceipt(r) {
  ended = true;
  root.dataset.ended = "true";
  root.dataset.units = r.units;
  grace = null;
  pc?.close();
  localStream?.getTracks().forEach((t) => t.stop());
  hub.stop().finally(() => location.replace(location.pathname));
}

function newPeer() {
  pc?.close();
  pendingIce = [];
  lastFrames = 0;
  const peer = new RTCPeerConnection({ iceServers, iceTransportPolicy });
  localStream?.getTracks().forEach((track) => peer.addTrack(track, localStream));
  peer.ontrack = (event) => { remoteVideo.srcObject = event.streams[0]; };
  const id = offerId;
  peer.onicecandidate = (event) => {
    if (event.candidate) send("ice", id, event.candidate);
  };
  peer.onconnectionstatechange = () => {
    if (role === "Buyer" && peer === pc && peer.connectionState === "failed" && !ended) offer();
  };
  pc = peer;
  return peer;
}

function send(kind, id, data) {
  return hub.invoke("Signal", kind, JSON.stringify({ id, data })).catch(() => {});
}

async function offer() {
  offerId = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  const id = offerId;
  const peer = newPeer();
  await peer.setLocalDescription(await peer.createOffer());
  if (id === offerId) await send("offer", id, peer.localDescription);
}

hub.on("PeerJoined", () => { if (role === "Buyer" && !ended) offer(); });
// The hub tells the other party we joined before our Join call returns, so their offer can arrive before we know the
// ICE servers and policy: signaling waits for the first join (else an answer under "all" skips the relay).
let markJoined;
const joinedOnce = new Promise((resolve) => { markJoined = resolve; });
hub.on("Signal", async (kind, payload) => {
  const { id, data } = JSON.parse(payload);
  await joinedOnce;
  try {
    if (kind === "offer") {
      offerId = id;
      const peer = newPeer();
      await peer.setRemoteDescription(data);
      await peer.setLocalDescription(await peer.createAnswer());
      if (id !== offerId) return;
      await send("answer", id, peer.localDescription);
      for (const c of pendingIce.splice(0)) await peer.addIceCandidate(c).catch(() => {});
    } else if (id !== offerId) {
      // An answer or candidate for a peer connection that was already replaced.
    } else if (kind === "answer" && pc) {
      await pc.setRemoteDescription(data);
      for (const c of pendingIce.splice(0)) await pc.addIceCandidate(c).catch(() => {});
    } else if (kind === "ice") {
      if (pc?.remoteDescription) await pc.addIceCandidate(data).catch(() => {});
      else pendingIce.push(data);
    }
  } catch (error) {
    console.warn("Signaling step failed", kind, error);
  }
});
hub.on("Status", onStatus);
hub.on("Ended", showReceipt);
// The trust panel (trust.js) shows tips as they land and offers rating and dispute once the chat ended.
hub.on("Tipped", (tip) => document.dispatchEvent(new CustomEvent("meterchat:tipped", { detail: tip })));

async function join() {
  const joined = await hub.invoke("Join", sessionId);
  iceServers = joined.iceServers;
  iceTransportPolicy = joined.iceTransportPolicy ?? "all";
  selfDown = false;
  markJoined();
  onStatus(joined.status);
  if (role === "Buyer" && joined.peerPresent) await offer();
}
// For tests and debugging: the hub, the current peer connection, and a manual rejoin after hub.stop().
window.meterchatRoom = { hub, get pc() { return pc; }, rejoin: async () => { await hub.start(); await join(); } };
hub.onreconnecting(() => { selfDown = true; paint(); });
hub.onreconnected(() => join().catch((e) => showError(`Could not rejoin the chat: ${e.message}`)));
hub.onclose(() => { if (!ended) { selfDown = true; paint(); } });
window.addEventListener("offline", () => { selfDown = true; paint(); });
window.addEventListener("online", () => { selfDown = hub.state !== signalR.HubConnectionState.Connected; paint(); });

// Every 2 s: is the peer connection up, and are the other side's video frames still being decoded?
async function report() {
  if (ended || hub.state !== signalR.HubConnectionState.Connected) return;
  let receiving = false;
  const connected = pc?.connectionState === "connected";
  if (pc) {
    const stats = await pc.getStats();
    stats.forEach((s) => {
      if (s.type === "inbound-rtp" && s.kind === "video") {
        receiving = s.framesDecoded > lastFrames;
        lastFrames = s.framesDecoded;
      }
    });
  }
  await hub.invoke("Report", connected, receiving).catch(() => {});
}
setInterval(report, 2000);

$("mute").addEventListener("click", (e) => {
  const track = localStream?.getAudioTracks()[0];
  if (!track) return;
  track.enabled = !track.enabled;
  e.target.setAttribute("aria-pressed", String(!track.enabled));
  e.target.textContent = track.enabled ? "Mute" : "Unmute";
});
$("camera").addEventListener("click", (e) => {
  const track = localStream?.getVideoTracks()[0];
  if (!track) return;
  track.enabled = !track.enabled;
  e.target.setAttribute("aria-pressed", String(!track.enabled));
  e.target.textContent = track.enabled ? "Camera off" : "Camera on";
});
$("end").addEventListener("click", async () => {
  $("end").disabled = true;
  await hub.invoke("Leave").catch(() => leaveBeacon());
});

// A beacon cannot set headers: the antiforgery token goes as a form field.
function leaveBeacon() {
  const form = new FormData();
  form.append("__RequestVerificationToken", document.querySelector('meta[name="request-verification-token"]')?.content || "");
  navigator.sendBeacon(`/api/chats/${sessionId}/leave`, form);
}

// Closing the tab is a clean leave: the server ends the session at once instead of waiting out the grace.
window.addEventListener("pagehide", () => {
  if (!ended) leaveBeacon();
});

try {
  localStream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
  localVideo.srcObject = localStream;
} catch (error) {
  showError(mediaMessage(error));
}
try {
  await hub.start();
  await join();
} catch (error) {
  showError(`Could not join the chat: ${error.message ?? error}`);
}
