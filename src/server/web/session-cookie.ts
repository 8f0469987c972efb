import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/*
 * The dashboard's session cookie (issue 15): HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page or link sends it), scoped to the whole server and lasting as long as the session.
 * Not `Secure`: the daemon serves plain HTTP on loopback; behind TLS the browser still sends it.
 */

export const sessionCookieName = 'orchestra_session';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, sessionCookieName);
}

export function writeSessionCookie(c: Context, session: string, maxAgeMs: number): void {
  setCookie(c, sessionCookieName, session, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: Math.floor(maxAgeMs / 1000) });
}
