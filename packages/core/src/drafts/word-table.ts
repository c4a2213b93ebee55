/**
 * Words by their characters, each with a number (a vocabulary's id): a word is looked up where
 * it lies — in a parsed text's source, or in a string of its own — without cutting a string out
 * for it. A Map keyed by strings needed one string per token looked up, then hashed it again.
 *
 * Open addressing (linear probing) over a table kept at most half full, of entry + 1 (0: empty);
 * an entry's characters are copied once into a compact pool, where a hit is confirmed (comparing
 * with the word's first occurrence in its source instead read all over a long text, and measured
 * slower).
 */
export class WordTable {
  private slots = new Int32Array(1024);
  /** Per entry: its hash, where its characters start in `pool` and how many, and its value. */
  private hashes = new Int32Array(512);
  private starts = new Int32Array(512);
  private lengths = new Int32Array(512);
  private values = new Int32Array(512);
  private pool = new Uint16Array(4096);
  private pooled = 0;
  private count = 0;

  /** How many words it holds. */
  get size(): number {
    return this.count;
  }
  /**
   * The value of the word `text[from, from + length)`; when the table does not hold it yet, it is
   * added with value `next`, which is returned (so a caller passing an unused value knows).
   */
  intern(text: string, from: number, length: number, next: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let c = 0; c < length; c++) hash = Math.imul(hash ^ text.charCodeAt(from + c), 0x01000193);
    const { slots, hashes, lengths, starts, pool } = this;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (let held = slots[slot] as number; held !== 0; held = slots[slot] as number) {
      const entry = held - 1;
      if (hashes[entry] === hash && lengths[entry] === length) {
        const start = starts[entry] as number;
        let c = 0;
        while (c < length && pool[start + c] === text.charCodeAt(from + c)) c++;
        if (c === length) return this.values[entry] as number;
      }
      slot = (slot + 1) & mask;
    }
    this.add(text, from, length, hash, slot, next);
    return next;
  }

  private add(text: string, from: number, length: number, hash: number, slot: number, value: number): void {
    const entry = this.count++;
    if (entry >= this.lengths.length) {
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.values = grow(this.values);
    }
    if (this.pooled + length > this.pool.length) {
      const grown = new Uint16Array(Math.max(this.pool.length * 2, this.pooled + length));
      grown.set(this.pool);
      this.pool = grown;
    }
    for (let c = 0; c < length; c++) this.pool[this.pooled + c] = text.charCodeAt(from + c);
    this.hashes[entry] = hash;
    this.starts[entry] = this.pooled;
    this.lengths[entry] = length;
    this.values[entry] = value;
    this.pooled += length;
    this.slots[slot] = entry + 1;
    // Kept at most half full, so that probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let free = (this.hashes[entry] as number) & mask;
      while (slots[free] !== 0) free = (free + 1) & mask;
      slots[free] = entry + 1;
    }
    this.slots = slots;
  }
}

function grow(values: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(values.length * 2);
  grown.set(values);
  return grown;
}
