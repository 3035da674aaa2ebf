/**
 * Finds keys seen twice in a million-row file without holding the keys: a 53-bit
 * hash per key (cyrb53) in a Set. A repeated hash makes the key a suspect; the
 * caller confirms suspects against the staged rows, so a hash collision costs
 * one query, never a false error.
 */
export class DuplicateKeyFilter {
  private readonly seen = new Set<number>();
  readonly suspects = new Set<string>();

  add(key: string): void {
    const h = cyrb53(key);
    if (this.seen.has(h)) this.suspects.add(key);
    else this.seen.add(h);
  }
}

function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
