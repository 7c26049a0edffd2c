/**
 * The response headers that guard every page (docs/ARCHITECTURE.md §8,
 * "Security headers"): a CSP that lets the page talk only to itself and to
 * the stream's origins, HSTS only on a request that arrived over HTTPS, and a
 * Permissions-Policy that keeps the microphone and camera (calls) to this
 * origin and turns off what the app never uses.
 */
import type { Request, RequestHandler, Response } from "express";
import helmet from "helmet";

/** Features the app uses (calls) stay with the page's own origin; the rest are off. */
export const PERMISSIONS_POLICY = "camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), display-capture=()";

/** One year, as browsers' preload lists expect; sent only over HTTPS (RFC 6797 §7.2). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The page's own host for its WebSocket: CSP's 'self' covers ws(s): only in
 * CSP Level 3 browsers (iOS before 15.4 is not one). Only a plain host[:port]
 * is echoed; anything else adds nothing.
 */
function ownSockets(req: Request): string {
  const host = req.headers.host ?? "";
  return /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? `ws://${host} wss://${host}` : "";
}

export function securityHeaders(streamOrigins: readonly string[]): RequestHandler[] {
  const media = streamOrigins.join(" ");
  const csp = helmet({
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:", ...streamOrigins],
        "connect-src": ["'self'", (req) => ownSockets(req as Request), ...(media ? [media] : [])],
        "style-src": ["'self'", "'unsafe-inline'"],
        "upgrade-insecure-requests": null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
  const extra: RequestHandler = (req, res: Response, next) => {
    // req.secure: TLS on this socket, or X-Forwarded-Proto https from a proxy in TRUST_PROXY.
    if (req.secure) res.setHeader("Strict-Transport-Security", HSTS);
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    next();
  };
  return [csp, extra];
}
