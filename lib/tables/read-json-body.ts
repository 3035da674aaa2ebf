import 'server-only';
import type { NextRequest } from 'next/server';
import { jsonError } from '@/lib/auth/guard';
import { readTextWithLimit } from '@/lib/auth/upload';

const MAX_BODY = 16_384;

/** A small JSON request body: 413 past the cap, 400 when it is not JSON. */
export async function readJsonBody(request: NextRequest): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await readTextWithLimit(request, MAX_BODY);
  if (text === null) return { ok: false, response: jsonError(413, 'Request too large.') };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, 'Send a JSON object.') };
  }
}
