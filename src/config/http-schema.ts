import { z } from 'zod';
import { text } from './schema-parts.js';

/**
 * The `http:` section as written (issue 12): where the daemon's HTTP API listens and which browser
 * origins may call it cross-site. Read from `$ORCHESTRA_HOME/config.yaml`, the daemon's own file.
 */

/** `scheme://host[:port]` and nothing after it: what a browser sends as Origin, so what CORS compares. */
function isOrigin(value: string): boolean {
  if (!/^https?:\/\/[^/?#\s]+\/?$/.test(value)) return false;
  try {
    return new URL(value).origin !== 'null';
  } catch {
    return false;
  }
}

const origin = text.refine(isOrigin, 'must be an origin: http:// or https://, a host and an optional port, with no path (https://app.example.com, http://localhost:5173)');

export const httpSchema = z.strictObject({
  host: text.optional(),
  /** 0 picks any free port. */
  port: z.int().min(0).max(65_535).optional(),
  cors_origins: z.array(origin).optional(),
});

export type RawHttp = z.infer<typeof httpSchema>;
