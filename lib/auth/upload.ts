/** Import uploads above this many bytes get 413 (CLEARBUILD_IMPORT_MAX_BYTES, default 100 MB). */
export function importByteLimit(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CLEARBUILD_IMPORT_MAX_BYTES);
  return Number.isInteger(n) && n > 0 ? n : 100 * 1024 * 1024;
}

export class BodyTooLargeError extends Error {}

/** Reads a request body, stopping (and throwing) as soon as it passes `limit` bytes. */
export async function readBodyWithLimit(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A small request body (JSON) as text, read through the capped reader: null when the
 * declared or the actual size passes `limit` (answer 413), never reading past it.
 */
export async function readTextWithLimit(request: { headers: Headers; body: ReadableStream<Uint8Array> | null }, limit: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  try {
    return new TextDecoder().decode(await readBodyWithLimit(request.body, limit));
  } catch (err) {
    if (err instanceof BodyTooLargeError) return null;
    throw err;
  }
}

/**
 * The name an upload is recorded under. It is only ever text (never a path we
 * open), but names with directories, "..", control characters or over 200
 * characters are refused so that what people see is what was sent.
 */
export function checkUploadFilename(name: string): string | null {
  if (name.length === 0 || name.length > 200) return null;
  if (/[\u0000-\u001f\u007f/\\]/.test(name) || name.includes('..') || name.trim() !== name) return null;
  return name;
}
