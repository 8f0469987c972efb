/*
 * The page a refused login link shows (issue 15): plain HTML built in code with the message escaped
 * (it is ours, but escaping costs nothing), and no script.
 */

const escapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

export function loginErrorPage(message: string, hint: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Orchestra: login refused</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}@media(prefers-color-scheme:dark){body{background:#111418;color:#e6e8eb}}code{font-size:.95em}</style>
</head>
<body><main><h1>Login refused</h1><p id="login-error">${escapeHtml(message.charAt(0).toUpperCase() + message.slice(1))}.</p><p>${escapeHtml(hint).replace(/`([^`]+)`/g, '<code>$1</code>')}</p></main></body>
</html>
`;
}
