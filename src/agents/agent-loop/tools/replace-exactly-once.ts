import { toolError } from './tool-error.js';

/**
 * `text` with the one occurrence of `oldString` replaced. Zero or several occurrences are errors
 * (the model must quote the text exactly, with enough context to be unique), as in the native
 * coding agents' edit tools.
 */
export function replaceExactlyOnce(text: string, oldString: string, newString: string, path: string): string {
  if (oldString === '') throw toolError(`edit of "${path}" has an empty old_string`, 'Quote the exact text to replace; use write_file to create a file.');
  const first = text.indexOf(oldString);
  if (first < 0) throw toolError(`old_string was not found in "${path}"`, 'Quote the text exactly as it is in the file, whitespace included; read_file shows it.');
  const count = text.split(oldString).length - 1;
  if (count > 1) throw toolError(`old_string appears ${count} times in "${path}"`, 'Include more of the surrounding text so that it appears exactly once.');
  return text.slice(0, first) + newString + text.slice(first + oldString.length);
}
