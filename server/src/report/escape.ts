/**
 * Text from drafts and fact files is untrusted: printed raw, it could carry terminal control
 * sequences (ESC [ ...) or CI workflow commands (a line starting with `::`). Control characters
 * are shown as visible escapes and a leading `::` is broken, so output is only ever text.
 */

export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.replace(/\r?\n/g, ' ').replace(/^::/, ': :');
}
