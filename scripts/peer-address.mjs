// Preloaded into the server process (`node --import ./scripts/peer-address.mjs …`, see
// deploy/Containerfile): stamps every HTTP request with the address of the TCP peer that sent it,
// in a header the app trusts only when this module has run (it overwrites whatever a client sent).
//
// Next.js does not expose the socket to route handlers or proxy.ts, and the X-Forwarded-For it
// fills in keeps a value the client supplied, so it cannot say who is really connected. The
// trusted-proxy check (KUBE_POSTURE_TRUSTED_PROXIES) and the per-address rate limits need the
// real peer. Without this preload the app treats the peer as unknown: proxy headers are ignored
// (unless the shared secret is configured) and every client shares one rate-limit bucket.
import http from 'node:http';
import https from 'node:https';

const HEADER = 'x-kube-posture-peer';

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithPeer(event, ...args) {
    if (event === 'request' && args[0] && args[0].headers) {
      args[0].headers[HEADER] = args[0].socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  };
}

globalThis[Symbol.for('kube-posture.peer-address')] = true;
