import 'server-only';
import { jsonError } from '@/lib/auth/guard';
import { readTextWithLimit } from '@/lib/auth/upload';

export interface JsonBodyLimits {
  /** Nothing past this many bytes is read: 413. */
  maxBytes: number;
  /** The 413 message (default: "Request too large."). */
  tooLarge?: string;
  /** The 400 message when the body is not JSON: say what to send. */
  notJson?: string;
}

/** Every route's JSON request body, read through the one capped reader: 413 past the cap, 400 when it is not JSON. */
export async function readJsonBody(
  request: { headers: Headers; body: ReadableStream<Uint8Array> | null },
  { maxBytes, tooLarge = 'Request too large.', notJson = 'Send a JSON object.' }: JsonBodyLimits,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await readTextWithLimit(request, maxBytes);
  if (text === null) return { ok: false, response: jsonError(413, tooLarge) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, notJson) };
  }
}
