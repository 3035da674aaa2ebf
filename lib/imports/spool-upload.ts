import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileTooLargeError } from './byte-source';

/** The client stopped sending its upload for longer than the idle limit. */
export class UploadIdleError extends Error {
  override readonly name = 'UploadIdleError';
  constructor(readonly idleMs: number) {
    super(`the upload stalled: nothing arrived for ${Math.round(idleMs / 1000)} s`);
  }
}

export interface SpooledUpload {
  path: string;
  bytes: number;
  /** The file's bytes, streamed from disk. */
  open(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

/** CLEARBUILD_UPLOAD_IDLE_SECONDS: how long an upload may send nothing before it is cut off (default 30 s). */
export function uploadIdleMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CLEARBUILD_UPLOAD_IDLE_SECONDS);
  return (Number.isFinite(n) && n > 0 ? n : 30) * 1000;
}

/**
 * Receives a whole request body into a temporary file before anything touches the
 * database, so a client that trickles its upload holds no transaction and no lock
 * (the embedded database runs one transaction at a time). Cut off past `limit`
 * bytes (FileTooLargeError) or after `idleMs` without a byte (UploadIdleError);
 * either way the partial file is removed.
 */
export async function spoolUpload(body: ReadableStream<Uint8Array>, opts: { limit: number; idleMs: number; dir?: string }): Promise<SpooledUpload> {
  const file = path.join(opts.dir ?? os.tmpdir(), `clearbuild-upload-${randomUUID()}.csv`);
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  // The file is opened in the background: a body refused at once may be refused before it exists, and
  // removed too early the open would create it after. Removal waits until the stream has closed.
  const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
  const remove = () => fs.promises.rm(file, { force: true });
  const reader = body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new UploadIdleError(opts.idleMs)), opts.idleMs);
      });
      const next = await Promise.race([reader.read(), idle]).finally(() => clearTimeout(timer));
      if (next.done) break;
      bytes += next.value.byteLength;
      if (bytes > opts.limit) throw new FileTooLargeError(opts.limit);
      if (!out.write(next.value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    out.destroy();
    if (!out.closed) await closed;
    await remove();
    throw err;
  }
  return {
    path: file,
    bytes,
    open: () => fs.createReadStream(file),
    remove,
  };
}
