import http from 'node:http';
import { PEER_ADDRESS_HEADER } from './client-address';

const INSTALLED = Symbol.for('clearbuild.peerAddressStamp');

/**
 * Stamps every incoming request with its TCP peer's address before Next.js sees it.
 * Route handlers cannot read the socket, and Next fills X-Forwarded-For from it
 * only when the client sent none, so a client could name any address it liked
 * (and sign-in limits counted per forged address). This keeps `next start` as the
 * server: installed once per process from instrumentation.ts, it wraps the HTTP
 * server's 'request' event and overwrites whatever a client sent under the header.
 */
export function installPeerAddressStamp(): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: (event: string, ...args: unknown[]) => boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  };
}
