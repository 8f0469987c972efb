import { spawn } from 'node:child_process';

/** The program that opens a URL in the desktop's browser, by platform; undefined where none is known. */
export function browserOpener(platform: NodeJS.Platform): string | undefined {
  if (platform === 'darwin') return 'open';
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') return 'xdg-open';
  return undefined;
}

/**
 * Opens `url` with the desktop's opener (an argument array, never a shell line). Resolves true
 * when the opener ran and exited 0; false when there is none, it cannot start, or it fails (no
 * desktop session), so the caller can print the link instead.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const opener = browserOpener(platform);
  if (opener === undefined) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
    child.unref();
  });
}
