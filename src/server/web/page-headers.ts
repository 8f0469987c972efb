/*
 * Headers of every page the dashboard serves (issue 15). The CSP lets a page load only this
 * server's own scripts, styles, images and API (no CDN, no font service, no inline script) and be
 * framed by nobody; images may be data: URLs (React Flow's and xterm's small icons). Inline styles
 * are allowed (never inline scripts): xterm.js sizes and colours its terminal with <style> elements it
 * writes at run time, and a style cannot run code. `connect-src 'self'` covers the terminal's ws://.
 */
export const contentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

export function pageHeaders(): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}
