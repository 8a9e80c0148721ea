// Preloaded into the apps' `next start` (`node --import …/peer-address.mjs`; the launcher does it).
// `next start` fills X-Forwarded-For from the socket only when the header is absent, so a client
// can make its own header look like the socket's. Before Next sees a request, this writes the
// socket's address into a header of our own, replacing any copy the client sent, and marks the
// process so that the apps trust that header (client-address.ts: peerAddress).
import { subscribe } from "node:diagnostics_channel";

const HEADER = "x-purposeful-peer";
globalThis[Symbol.for("purposeful.peer-header")] = true;

subscribe("http.server.request.start", ({ request, socket }) => {
  const peer = socket.remoteAddress ?? "";
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === HEADER) raw.splice(i, 2);
  raw.push(HEADER, peer);
  request.headers[HEADER] = peer;
});
