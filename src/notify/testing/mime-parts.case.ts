/* Just enough MIME for tests: the headers and the decoded text parts of a multipart message. */

export interface MimePart {
  contentType: string;
  body: string;
}

export function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((entry) => entry.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** The leaf parts of a multipart message, decoded (base64, quoted-printable or as is). */
export function textParts(raw: string): MimePart[] {
  const type = headerOf(raw, 'content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) {
    const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
    return [{ contentType: type, body: decode(body, headerOf(raw, 'content-transfer-encoding')) }];
  }
  const sections = raw.split(`--${boundary}`).slice(1, -1);
  return sections.flatMap((section) => textParts(section.replace(/^\r?\n/, '')));
}

function decode(body: string, encoding = '7bit'): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    default:
      return body;
  }
}
