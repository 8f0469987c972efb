import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../../store/run-dir/write-file-atomic.js';
import type { ContextItem } from './context-item.js';

/** Limits of one `context.urls` fetch; documented in docs/pipelines.md ("Node context"). */
export interface UrlLimits {
  maxBytes: number;
  timeoutMs: number;
}

export const defaultUrlLimits: UrlLimits = { maxBytes: 1024 * 1024, timeoutMs: 10_000 };

/** What was fetched, kept in `<dir>/<key>.json` beside the body in `<key>.txt`. */
interface FetchRecord {
  url: string;
  status: number;
  contentType: string;
  bytes: number;
  truncated: boolean;
  error?: string;
}

export interface ContextUrls {
  items: ContextItem[];
  warnings: string[];
}

/**
 * Each URL's text, fetched at most once per run: the body goes to `<dir>/<key>.txt` and then its
 * record to `<dir>/<key>.json` (the record last, so a crash mid-write fetches again), and a retry,
 * a loop's next visit, a resumed run or another node naming the URL reads that copy.
 */
export async function readContextUrls(dir: string, urls: readonly string[], limits: UrlLimits, signal?: AbortSignal): Promise<ContextUrls> {
  const warnings: string[] = [];
  const items: ContextItem[] = [];
  for (const url of urls) {
    const key = createHash('sha256').update(url).digest('hex').slice(0, 16);
    const record = (await readRecord(dir, key)) ?? (await fetchOnce(dir, key, url, limits, signal));
    const body = record.error === undefined ? await readFile(join(dir, `${key}.txt`), 'utf8') : undefined;
    const item = toItem(record, body);
    if (record.error !== undefined || record.status >= 400) warnings.push(`context.urls: ${url} ${item.note ?? ''}`.trimEnd());
    else if (record.truncated) warnings.push(`context.urls: ${url} is larger than ${limits.maxBytes} bytes; its first ${record.bytes} bytes are used`);
    items.push(item);
  }
  return { items, warnings };
}

async function readRecord(dir: string, key: string): Promise<FetchRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as FetchRecord;
  } catch {
    return undefined;
  }
}

async function fetchOnce(dir: string, key: string, url: string, limits: UrlLimits, signal?: AbortSignal): Promise<FetchRecord> {
  const record = await fetchLimited(url, limits, signal);
  await writeFileAtomic(join(dir, `${key}.txt`), record.body);
  const { body: _body, ...stored } = record;
  // A node cancelled mid-fetch (Ctrl-C, timeout) must not leave "failed" as the run's copy.
  if (!signal?.aborted) await writeJsonAtomic(join(dir, `${key}.json`), stored);
  return stored;
}

async function fetchLimited(url: string, limits: UrlLimits, signal?: AbortSignal): Promise<FetchRecord & { body: Uint8Array }> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const empty = { url, status: 0, contentType: '', bytes: 0, truncated: false, body: new Uint8Array() };
  try {
    const response = await fetch(url, { signal: combined, redirect: 'follow' });
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    let truncated = false;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = limits.maxBytes - bytes;
      chunks.push(value.subarray(0, room));
      bytes += Math.min(value.length, room);
      if (value.length > room) {
        truncated = true;
        await reader.cancel();
        break;
      }
    }
    return { url, status: response.status, contentType: response.headers.get('content-type') ?? '', bytes, truncated, body: Buffer.concat(chunks) };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const reason = timeout.aborted ? `took longer than ${limits.timeoutMs / 1000} s` : ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
    return { ...empty, error: reason };
  }
}

function toItem(record: FetchRecord, body: string | undefined): ContextItem {
  if (record.error !== undefined) return { label: record.url, text: undefined, note: `could not be fetched: ${record.error}` };
  const status = `HTTP ${record.status}${record.contentType === '' ? '' : `, ${record.contentType}`}`;
  if (record.status >= 400) return { label: record.url, text: undefined, note: status };
  if (body !== undefined && body.slice(0, 8000).includes('\u0000')) return { label: record.url, text: undefined, note: `${status}, binary, not included` };
  return { label: record.url, text: body, note: record.truncated ? `${status}, first ${record.bytes} bytes` : status };
}
