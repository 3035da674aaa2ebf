/**
 * Finds keys seen twice in a million-row file without holding the keys: a 53-bit
 * hash per key (cyrb53) in an open-addressing table of doubles (8 bytes a key, no
 * per-entry objects). A repeated hash makes the key a suspect; the caller confirms
 * suspects against the staged rows, so a hash collision costs one query, never a
 * false error.
 */
export class DuplicateKeyFilter {
  // Room for a million keys without rehashing (16 MB of address space; a small file touches a few pages of it).
  private slots = new Float64Array(1 << 21);
  private size = 0;
  readonly suspects = new Set<string>();

  add(key: string): void {
    if (!this.insert(cyrb53(key))) this.suspects.add(key);
  }

  /** False when the hash was already there. */
  private insert(hash: number): boolean {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    // 0 marks an empty slot; cyrb53 is never 0 in practice, and if it were, 1 stands in.
    const h = hash || 1;
    for (let i = h % this.slots.length; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) {
        this.slots[i] = h;
        this.size++;
        return true;
      }
      if (slot === h) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.size = 0;
    for (const h of old) if (h !== 0) this.insert(h);
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
