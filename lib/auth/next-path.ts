/**
 * Where to go after signing in: a path on this site only (never `//host` or `https://…`),
 * returned percent-encoded wherever it is not plain printable ASCII, so it is always a
 * valid `Location` header (a decoded `?next=/%E3%80%80` once made the redirect throw).
 */
export function safeNextPath(value: unknown, fallback = '/dashboard'): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || v.length > 512) return fallback;
  if (!v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\') || /[\u0000-\u001f\u007f]/.test(v)) return fallback;
  try {
    return v.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  } catch {
    return fallback; // a lone surrogate cannot be encoded
  }
}
