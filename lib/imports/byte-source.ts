import { createHash } from 'node:crypto';

const encoder = new TextEncoder();

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
 * sent), counted, and cut off past `limit`, without ever being held whole. A parser
 * that stops early (a bad header) does not cancel the source: `drain()` reads the
 * rest, because an HTTP client still sending its body would otherwise never see
 * the answer.
 */
export class HashingByteSource implements AsyncIterable<Uint8Array> {
  private readonly hash = createHash('sha256');
  private readonly upstream: AsyncIterator<Uint8Array | string>;
  private ended = false;
  bytes = 0;

  constructor(
    source: AsyncIterable<Uint8Array | string> | Uint8Array,
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {
    this.upstream =
      source instanceof Uint8Array
        ? (async function* () {
            yield source;
          })()
        : source[Symbol.asyncIterator]();
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return {
      next: async () => {
        const chunk = await this.pull();
        return chunk === null ? { done: true, value: undefined } : { done: false, value: chunk };
      },
      // Stopping early leaves the upstream open for drain().
      return: async () => ({ done: true, value: undefined }),
    };
  }

  /** Reads what the parser left unread, discarding it (still within the limit). */
  async drain(): Promise<void> {
    while ((await this.pull()) !== null);
  }

  /** Stops reading and releases the source (a file stream is closed), whatever is left unread. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.upstream.return?.();
  }

  /** Hex digest; call once the source has been read to its end. */
  sha256(): string {
    return this.hash.copy().digest('hex');
  }

  private async pull(): Promise<Uint8Array | null> {
    if (this.ended) return null;
    const next = await this.upstream.next();
    if (next.done) {
      this.ended = true;
      return null;
    }
    const chunk = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
    this.bytes += chunk.byteLength;
    if (this.bytes > this.limit) {
      this.ended = true;
      await this.upstream.return?.();
      throw new FileTooLargeError(this.limit);
    }
    this.hash.update(chunk);
    return chunk;
  }
}
