/**
 * Safe Markdown for hover and completion text. Names, descriptions, titles and URLs come from
 * fact files, which anyone can write: rendered as they are, they could become links, images,
 * HTML or `command:` links that run editor commands when clicked. Everything from a fact file
 * goes through `escapeMarkdown`, and links through `markdownLink`, which only links http(s).
 */

/**
 * The characters that can start Markdown syntax inside a line: emphasis, code, links and images
 * (which need "["), HTML and autolinks ("<"), tables, strikethrough, character references. Other
 * punctuation ("-", ".", "'", "(") only means something at the start of a line, so it is escaped
 * there only, and stays readable in clients that show hovers as plain text.
 */
const SYNTAX = /[\\`*_[\]<>|~&]/g;
/** Bare addresses that GFM would turn into links on its own ("https://x", "www.x"). */
const AUTOLINK = /\b([a-z][a-z0-9+.-]{1,20}):(?=\/\/)|\b(www)\.(?=\S)/gi;
/** Control characters, and the invisible ones that reorder or hide text (joiners stay: some scripts need them). */
const INVISIBLE = /[\p{Cc}\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * Text that renders as itself: no emphasis, link, image, autolink, HTML, heading, list or code.
 * Line breaks become spaces, so a value cannot start a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(INVISIBLE, '')
    .replace(SYNTAX, '\\$&')
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(AUTOLINK, (_, scheme: string | undefined, www: string | undefined) => (scheme ? `${scheme}\\:` : `${www}\\.`));
}

/** Characters a URL may keep inside a Markdown link destination; all else is percent-encoded. */
const URL_UNSAFE = /[^A-Za-z0-9\-._~:/?#@!$&+,;=%]/gu;

/** The URL as an absolute http(s) address safe inside `(...)`, or undefined for any other scheme. */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(URL_UNSAFE, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`));
}

/**
 * `[text](url)` when the URL is http(s), with the text escaped and the URL percent-encoded;
 * otherwise only the escaped text. Never a `command:`, `javascript:` or `file:` link.
 */
export function markdownLink(text: string, url: string | undefined): string {
  const label = escapeMarkdown(text);
  const href = safeUrl(url);
  return href === undefined || label.length === 0 ? label : `[${label}](${href})`;
}
