import { useSyncExternalStore } from 'react';

/*
 * A hash router (`/#/runs/ID?state=failed`): the daemon's API owns the paths (`GET /runs` is the API,
 * not a page), so pages live after the `#` and the server serves one shell at `/`. A page's filters
 * are its query, so a filtered view is a link that can be shared or bookmarked.
 */

export interface Route {
  /** The path's segments: `#/runs/abc` → ['runs', 'abc']. */
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const [path = '', search = ''] = text.split('?', 2);
  const segments = path.split('/').filter((part) => part !== '').map(decodeURIComponent);
  return { segments: segments.length === 0 ? ['runs'] : segments, query: new URLSearchParams(search) };
}

/** `#/a/b?x=1`, the segments encoded; empty query values left out. */
export function hrefOf(segments: readonly string[], query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  const search = params.toString();
  return `#/${segments.map(encodeURIComponent).join('/')}${search === '' ? '' : `?${search}`}`;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

/** Changes the current page's query (a filter), replacing the history entry rather than adding one. */
export function replaceQuery(route: Route, patch: Record<string, string | undefined>): void {
  const query: Record<string, string | undefined> = Object.fromEntries(route.query.entries());
  window.location.replace(hrefOf(route.segments, { ...query, ...patch }));
}
