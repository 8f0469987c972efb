import type { Context, Hono } from 'hono';
import { ErrorCode, isOrchestraError } from '../../core/errors.js';
import { redeemLoginCode, webSessionLifetimeMs } from '../../services/auth/index.js';
import type { ApiDeps } from '../../services/api/index.js';
import type { ApiEnv } from '../http/api-env.js';
import { chooseEncoding, createDashboardFiles, isAssetName, type DashboardFile } from './dashboard-files.js';
import { loginErrorPage } from './login-page.js';
import { pageHeaders } from './page-headers.js';
import { writeSessionCookie } from './session-cookie.js';

export interface DashboardOptions {
  deps: Pick<ApiDeps, 'store' | 'clock'>;
  /** The folder `vite build` wrote (dist/web). */
  root: string;
}

const immutable = 'public, max-age=31536000, immutable';

/**
 * The web dashboard's routes (issue 15), served before authentication: the shell (`/`), its hashed
 * assets (`/assets/NAME`) and `/login?code=…`, which trades a one-time login code for a session
 * cookie. The shell holds no data: everything it shows comes from the API, with the cookie. Its
 * pages are hash routes (`/#/runs`), so no app path can shadow an API route such as `GET /runs`.
 */
export function mountDashboard(options: DashboardOptions): (app: Hono<ApiEnv>) => void {
  const files = createDashboardFiles(options.root);
  const send = (c: Context, file: DashboardFile, cacheControl: string, headers: Record<string, string> = {}) => {
    const encoding: Record<string, string> = file.encoding === 'identity' ? {} : { 'content-encoding': file.encoding };
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': file.contentType, 'cache-control': cacheControl, vary: 'Accept-Encoding', ...encoding, ...headers });
  };
  return function dashboardRoutes(app) {
    const shell = async (c: Context) => {
      const file = await files.read('index.html', chooseEncoding(c.req.header('accept-encoding')));
      if (file === undefined) return c.text('The dashboard is not built: run `npm run build` in the Orchestra package.\n', 503);
      return send(c, file, 'no-cache', pageHeaders());
    };
    app.get('/', shell);
    app.get('/index.html', shell);
    app.get('/assets/:name', async (c) => {
      const name = c.req.param('name');
      const file = isAssetName(name) ? await files.read(`assets/${name}`, chooseEncoding(c.req.header('accept-encoding'))) : undefined;
      if (file === undefined) return c.text('no such asset\n', 404);
      return send(c, file, immutable, { 'x-content-type-options': 'nosniff' });
    });
    app.get('/login', async (c) => {
      try {
        const { session } = await redeemLoginCode(options.deps.store, c.req.query('code') ?? '', options.deps.clock.now());
        writeSessionCookie(c, session, webSessionLifetimeMs);
        c.header('cache-control', 'no-store');
        c.header('referrer-policy', 'no-referrer');
        return c.redirect('/#/runs', 303);
      } catch (error) {
        if (!isOrchestraError(error) || error.code !== ErrorCode.UNAUTHORIZED) throw error;
        const headers = { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
        return c.html(loginErrorPage(error.message, error.hint ?? ''), 401, headers);
      }
    });
  };
}
