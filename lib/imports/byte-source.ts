import { createHash } from 'node:crypto';

/** An upload past the configured size limit: refused before anything is written. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(readonly limit: number) {
    super(`the file is over the ${formatBytes(limit)} upload limit (CLEARBUILD_IMPORT_MAX_BYTES)`);
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

/**
 * The file's bytes on their way to the parser: hashed (sha256 of exactly what was
 * sent), counted, and cut off past `limit`, without ever being held whole.
 */
export class HashingByteSource implements AsyncIterable<Uint8Array> {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(
    private readonly source: AsyncIterable<Uint8Array | string> | Uint8Array,
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    const chunks = this.source instanceof Uint8Array ? [this.source] : this.source;
    for await (const raw of chunks) {
      const chunk = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
      this.bytes += chunk.byteLength;
      if (this.bytes > this.limit) throw new FileTooLargeError(this.limit);
      this.hash.update(chunk);
      yield chunk;
    }
  }

  /** Hex digest; call once the source has been read to its end. */
  sha256(): string {
    return this.hash.copy().digest('hex');
  }
}
