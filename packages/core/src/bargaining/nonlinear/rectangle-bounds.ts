import type { InteractingDomain } from './interacting-utility.ts';

/**
 * Upper bounds on each profile's raw utility over the packages that extend a partial package,
 * kept up to date while the search fixes issues in a fixed order and releases them in reverse.
 *
 * Every term is filed under the constrained issue the search fixes last (its "home"). A profile's
 * table row for an issue holds, per option, the option's score plus every term filed there whose
 * box contains the option and that is still compatible with the fixed issues (positive terms from
 * the start; a negative term only once all its other issues are fixed inside its box, since until
 * then the package may still avoid it). The bound of a node is
 *
 *   constant + Σ fixed issues (their row entry when fixed) + Σ free issues (their row's maximum)
 *
 * which is at least the raw utility of every completion: a term that pays in the completion is
 * counted in its home row at the completion's option. It is the sum of the best value each still
 * compatible term can add, tightened by counting terms that share a home issue only when one
 * option of that issue can satisfy them together. At a complete package it is the raw utility.
 */
export class RectangleBounds {
  /** Per profile: the current bound on raw utility. */
  readonly bound: Float64Array;
  private readonly profiles: number;
  private readonly width: number;
  private readonly sizes: Int32Array;
  /** Per profile: rows × width table. */
  private readonly table: Float64Array[];
  private readonly rowMax: Float64Array[];
  private readonly fixedSum: Float64Array;
  private readonly freeSum: Float64Array;
  /** Per issue: [profile, term, lo, hi] of the terms it constrains but is not the home of. */
  private readonly touching: Int32Array[];
  private readonly value: Float64Array[];
  private readonly home: Int32Array[];
  private readonly homeLo: Int32Array[];
  private readonly homeHi: Int32Array[];
  private readonly alive: Uint8Array[];
  /** Negative terms: other issues not yet fixed inside the box. */
  private readonly waiting: Int32Array[];
  private readonly trail: number[] = [];
  private readonly saved: number[] = [];
  private readonly marks: number[] = [];

  constructor(
    domain: InteractingDomain,
    private readonly order: number[],
  ) {
    const position = new Int32Array(domain.issues.length);
    order.forEach((issue, k) => (position[issue] = k));
    this.profiles = domain.profiles.length;
    this.sizes = Int32Array.from(domain.issues, (i) => i.options.length);
    this.width = Math.max(...this.sizes);
    const n = domain.issues.length;
    this.table = domain.profiles.map((p) => {
      const t = new Float64Array(n * this.width).fill(-Infinity);
      p.scores.forEach((row, i) => row.forEach((s, o) => (t[i * this.width + o] = s)));
      return t;
    });
    this.value = domain.profiles.map((p) => Float64Array.from(p.terms, (t) => t.value));
    this.alive = domain.profiles.map((p) => new Uint8Array(p.terms.length).fill(1));
    this.waiting = domain.profiles.map((p) =>
      Int32Array.from(p.terms, (t) => Math.max(0, t.bounds.length - 1)),
    );
    this.home = domain.profiles.map((p) => new Int32Array(p.terms.length).fill(-1));
    this.homeLo = domain.profiles.map((p) => new Int32Array(p.terms.length));
    this.homeHi = domain.profiles.map((p) => new Int32Array(p.terms.length));
    this.fixedSum = Float64Array.from(domain.profiles, (p) => p.constant);
    const touching: number[][] = domain.issues.map(() => []);
    domain.profiles.forEach((p, q) => {
      p.terms.forEach((t, k) => {
        if (t.bounds.length === 0) {
          this.fixedSum[q] = this.fixedSum[q]! + t.value;
          return;
        }
        let last = t.bounds[0]!;
        for (const b of t.bounds) if (position[b.issue]! > position[last.issue]!) last = b;
        this.home[q]![k] = last.issue;
        this.homeLo[q]![k] = last.lo;
        this.homeHi[q]![k] = last.hi;
        for (const b of t.bounds) if (b !== last) touching[b.issue]!.push(q, k, b.lo, b.hi);
        if (t.value > 0 || t.bounds.length === 1) this.addToRow(q, k, t.value, false);
      });
    });
    this.touching = touching.map((list) => Int32Array.from(list));
    this.rowMax = this.table.map((t) => {
      const max = new Float64Array(n);
      for (let i = 0; i < n; i++) max[i] = rowMaximum(t, i * this.width, this.sizes[i]!);
      return max;
    });
    this.freeSum = Float64Array.from(this.rowMax, (max) => max.reduce((s, x) => s + x, 0));
    this.bound = new Float64Array(this.profiles);
    for (let q = 0; q < this.profiles; q++) this.bound[q] = this.fixedSum[q]! + this.freeSum[q]!;
  }

  /** How many terms constrain the issue without being filed under it, over all profiles. */
  static termsOn(domain: InteractingDomain, issue: number): number {
    let count = 0;
    for (const p of domain.profiles)
      for (const t of p.terms) if (t.bounds.some((b) => b.issue === issue)) count++;
    return count;
  }

  /**
   * A bound on Σ_q weight_q × raw_q (weights ≥ 0) over the completions of the node, tighter than
   * Σ_q weight_q × bound_q: each free issue contributes the best option for the weighted sum,
   * not each profile's own best option.
   */
  weighted(weights: ArrayLike<number>): number {
    let sum = 0;
    for (let q = 0; q < this.profiles; q++) if (weights[q] !== 0) sum += weights[q]! * this.fixedSum[q]!;
    for (let d = this.marks.length / 2; d < this.order.length; d++) {
      const base = this.order[d]! * this.width;
      const size = this.sizes[this.order[d]!]!;
      let best = -Infinity;
      for (let o = 0; o < size; o++) {
        let v = 0;
        for (let q = 0; q < this.profiles; q++)
          if (weights[q] !== 0) v += weights[q]! * this.table[q]![base + o]!;
        if (v > best) best = v;
      }
      sum += best;
    }
    return sum;
  }

  /** Adds `delta` to the home row of term k over its box; with `log`, remembers the old entries. */
  private addToRow(q: number, k: number, delta: number, log: boolean): void {
    const table = this.table[q]!;
    const base = this.home[q]![k]! * this.width;
    for (let o = this.homeLo[q]![k]!; o <= this.homeHi[q]![k]!; o++) {
      if (log) this.saved.push(table[base + o]!);
      table[base + o] = table[base + o]! + delta;
    }
    if (log) {
      const issue = this.home[q]![k]!;
      const max = this.rowMax[q]!;
      this.saved.push(max[issue]!, this.freeSum[q]!);
      const next = rowMaximum(table, base, this.sizes[issue]!);
      this.freeSum[q] = this.freeSum[q]! + next - max[issue]!;
      max[issue] = next;
    }
  }

  fix(issue: number, option: number): void {
    this.marks.push(this.trail.length, this.saved.length);
    for (let q = 0; q < this.profiles; q++) {
      this.saved.push(this.fixedSum[q]!, this.freeSum[q]!);
      this.fixedSum[q] = this.fixedSum[q]! + this.table[q]![issue * this.width + option]!;
      this.freeSum[q] = this.freeSum[q]! - this.rowMax[q]![issue]!;
    }
    const list = this.touching[issue]!;
    for (let at = 0; at < list.length; at += 4) {
      const q = list[at]!;
      const k = list[at + 1]!;
      if (!this.alive[q]![k]) continue;
      const value = this.value[q]![k]!;
      if (option < list[at + 2]! || option > list[at + 3]!) {
        this.alive[q]![k] = 0;
        // A positive term leaves its home row; a negative one was not in it yet.
        if (value > 0) this.addToRow(q, k, -value, true);
        this.trail.push(q, k, value > 0 ? 1 : 0);
      } else if (value <= 0) {
        const left = --this.waiting[q]![k]!;
        if (left === 0) this.addToRow(q, k, value, true);
        this.trail.push(q, k, left === 0 ? 3 : 2);
      }
    }
    for (let q = 0; q < this.profiles; q++) this.bound[q] = this.fixedSum[q]! + this.freeSum[q]!;
  }

  release(): void {
    const savedMark = this.marks.pop()!;
    const trailMark = this.marks.pop()!;
    while (this.trail.length > trailMark) {
      const kind = this.trail.pop()!;
      const k = this.trail.pop()!;
      const q = this.trail.pop()!;
      if (kind === 0 || kind === 1) this.alive[q]![k] = 1;
      if (kind === 2 || kind === 3) this.waiting[q]![k]!++;
      if (kind === 1 || kind === 3) this.restoreRow(q, k);
    }
    for (let q = this.profiles - 1; q >= 0; q--) {
      this.freeSum[q] = this.saved.pop()!;
      this.fixedSum[q] = this.saved.pop()!;
    }
    this.saved.length = savedMark;
    for (let q = 0; q < this.profiles; q++) this.bound[q] = this.fixedSum[q]! + this.freeSum[q]!;
  }

  /** Undoes the last logged addToRow of term k (entries restored exactly, not subtracted). */
  private restoreRow(q: number, k: number): void {
    const issue = this.home[q]![k]!;
    this.freeSum[q] = this.saved.pop()!;
    this.rowMax[q]![issue] = this.saved.pop()!;
    const table = this.table[q]!;
    const base = issue * this.width;
    for (let o = this.homeHi[q]![k]!; o >= this.homeLo[q]![k]!; o--) table[base + o] = this.saved.pop()!;
  }
}

function rowMaximum(table: Float64Array, base: number, size: number): number {
  let max = -Infinity;
  for (let o = 0; o < size; o++) if (table[base + o]! > max) max = table[base + o]!;
  return max;
}
