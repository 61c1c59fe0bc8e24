// Links from data are followed only when they are plain http(s) addresses.

/** A scheme of its own (`mailto:`, `javascript:`), not a `host:port` such as `example.org:8080`. */
const OWN_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i;

/** The URL normalised when it is `http:` or `https:`, else undefined (`javascript:`, `data:`, relative…). */
export function safeHttpUrl(text: string): string | undefined {
  if (!text) return undefined;
  // Only a bare host (`www.example.org`) gets `https://`: prefixed, a path (`/x`, `//host`, `./x`) would turn into a
  // host and `mailto:a@b` or `javascript:x@host` into user info.
  const absolute = text.includes('://');
  const bare = text.trim();
  if (!absolute && (!/^[\p{L}\p{N}]/u.test(bare) || OWN_SCHEME.test(bare))) return undefined;
  try {
    const url = new URL(absolute ? text : `https://${bare}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
