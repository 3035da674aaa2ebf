/**
 * The first row of each key seen, for duplicate detection in files of a million rows.
 * A `Map` of key strings made every garbage collection walk a million strings (it tripled
 * the time of a 1,000,000-line import); here each key is three independent 32-bit hashes
 * in typed arrays, which the collector never scans. Two different keys are taken for the
 * same only if all 96 bits collide: about 1 in 10^16 for a million keys.
 */

const EMPTY = 0; // rows are spreadsheet lines, never 0
const INITIAL_CAPACITY = 1 << 10;

/** fmix32 of MurmurHash3: spreads every input bit over the result. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class KeyIndex {
  private capacity = INITIAL_CAPACITY;
  private size = 0;
  private h1 = new Int32Array(INITIAL_CAPACITY);
  private h2 = new Int32Array(INITIAL_CAPACITY);
  private h3 = new Int32Array(INITIAL_CAPACITY);
  private rows = new Int32Array(INITIAL_CAPACITY);

  /** The row `key` was first seen on, or undefined (and `row` is remembered for it). */
  firstRow(key: string, row: number): number | undefined {
    // Three hashes in one pass: FNV-1a and two multiply-rotate variants with other constants.
    let a = 0x811c9dc5;
    let b = 0x9747b28c ^ key.length;
    let c = 0x2545f491;
    for (let i = 0; i < key.length; i++) {
      const x = key.charCodeAt(i);
      a = Math.imul(a ^ x, 0x01000193);
      b = Math.imul(b ^ x, 0x5bd1e995);
      b ^= b >>> 15;
      c = Math.imul(c + x, 0x9e3779b1);
      c = (c << 13) | (c >>> 19);
    }
    a = mix(a);
    b = mix(b);
    c = mix(c ^ key.length);
    const mask = this.capacity - 1;
    let slot = a & mask;
    while (this.rows[slot] !== EMPTY) {
      if (this.h1[slot] === a && this.h2[slot] === b && this.h3[slot] === c) return this.rows[slot];
      slot = (slot + 1) & mask;
    }
    this.h1[slot] = a;
    this.h2[slot] = b;
    this.h3[slot] = c;
    this.rows[slot] = row;
    if (++this.size * 2 > this.capacity) this.grow();
    return undefined;
  }

  private grow(): void {
    const { h1, h2, h3, rows } = this;
    this.capacity *= 2;
    const mask = this.capacity - 1;
    this.h1 = new Int32Array(this.capacity);
    this.h2 = new Int32Array(this.capacity);
    this.h3 = new Int32Array(this.capacity);
    this.rows = new Int32Array(this.capacity);
    for (let old = 0; old < rows.length; old++) {
      if (rows[old] === EMPTY) continue;
      let slot = (h1[old] as number) & mask;
      while (this.rows[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.h1[slot] = h1[old] as number;
      this.h2[slot] = h2[old] as number;
      this.h3[slot] = h3[old] as number;
      this.rows[slot] = rows[old] as number;
    }
  }
}
