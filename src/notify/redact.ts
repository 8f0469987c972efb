/**
 * `text` with every secret replaced by `[redacted]`. A URL secret is also matched without its
 * origin, since an error may quote only its path (a Slack webhook's token is in the path).
 */
export function redact(text: string, secrets: readonly string[]): string {
  const needles = secrets.flatMap(variantsOf).filter((needle) => needle.length >= 6);
  // Longest first, so a whole URL is replaced before its path.
  needles.sort((a, b) => b.length - a.length);
  let result = text;
  for (const needle of needles) result = result.split(needle).join('[redacted]');
  return result;
}

function variantsOf(secret: string): string[] {
  try {
    const url = new URL(secret);
    const rest = `${url.pathname}${url.search}`;
    return rest.length > 1 ? [secret, rest] : [secret];
  } catch {
    return [secret];
  }
}
