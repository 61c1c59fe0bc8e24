// Links from data are followed only when they are plain http(s) addresses.

/** The URL normalised when it is `http:` or `https:`, else undefined (`javascript:`, `data:`, relative…). */
export function safeHttpUrl(text: string): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text.includes('://') ? text : `https://${text}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
