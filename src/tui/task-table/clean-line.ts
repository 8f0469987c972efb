// Escape sequences an agent may leave in a screen line: CSI (colors, cursor), OSC (titles, links), lone ESC pairs.
// eslint-disable-next-line no-control-regex -- escape sequences are exactly what is being removed
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * One printable line from an agent's output: the table draws it verbatim, so an escape or a control
 * character left in it would move the cursor or recolor the rest of the screen.
 */
export function cleanLine(text: string | undefined): string {
  if (text === undefined) return '';
  const lines = text
    .replace(ESCAPES, '')
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/\t/g, ' ').replace(CONTROLS, '').trim());
  // Of several lines, the last one that says something.
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index];
    if (line) return line.replace(/ {2,}/g, ' ');
  }
  return '';
}
