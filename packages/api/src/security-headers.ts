import type { MiddlewareHandler } from 'hono';

/** No inline scripts, no framing, no sniffing, no referrer (share links carry their token in the URL). */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = (): MiddlewareHandler => async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('Content-Security-Policy', contentSecurityPolicy);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('X-Frame-Options', 'DENY');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  h.set('Cross-Origin-Resource-Policy', 'same-origin');
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (isHttps(c.req.url, c.req.header('x-forwarded-proto')))
    h.set('Strict-Transport-Security', 'max-age=31536000');
  if (new URL(c.req.url).pathname.startsWith('/api/') && !h.has('Cache-Control'))
    h.set('Cache-Control', 'no-store');
};

export const isHttps = (url: string, forwardedProto: string | undefined): boolean =>
  new URL(url).protocol === 'https:' || forwardedProto === 'https';
