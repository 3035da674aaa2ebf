/** Where to go after signing in: a path on this site only (never `//host` or `https://…`). */
export function safeNextPath(value: unknown, fallback = '/dashboard'): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || v.length > 512) return fallback;
  if (!v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\') || /[\u0000-\u001f]/.test(v)) return fallback;
  return v;
}
