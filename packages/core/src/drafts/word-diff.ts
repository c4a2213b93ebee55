import { sameIds, type TokenIds } from './fingerprint.ts';
import type { Token } from './model.ts';
import type { MyersDiffer } from './myers.ts';

/** A run of tokens: `[aStart, aEnd)` in the A unit and `[bStart, bEnd)` in the B unit. */
export interface Segment {
  op: 'equal' | 'insert' | 'delete';
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

export interface TokenDiff {
  segments: Segment[];
  /** True when the edit bound was hit and the unit is shown as wholly replaced instead. */
  degraded: boolean;
}

/**
 * Word-level diff of one aligned unit, over token ids, with Myers' O(ND) algorithm. Units are
 * small after alignment; `maxEditLength` caps the rare pathological pair, which then shows as a
 * replacement and is reported as degraded, never silently. `differ` is the caller's Myers scratch
 * space, reused across the units of one redline.
 */
export function diffTokenIds(
  a: TokenIds,
  b: TokenIds,
  maxEditLength: number,
  differ: MyersDiffer,
  kinds?: readonly Token['kind'][],
): TokenDiff {
  if (sameIds(a, b))
    return { segments: a.length ? [segment('equal', 0, a.length, 0, b.length)] : [], degraded: false };
  // Common prefix and suffix cost nothing to find and shrink the problem Myers has to solve.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const segments: Segment[] = [];
  if (prefix) segments.push(segment('equal', 0, prefix, 0, prefix));
  let i = prefix;
  let j = prefix;
  const endA = a.length - suffix;
  const endB = b.length - suffix;
  const runs = differ.runs(a, prefix, endA, b, prefix, endB, maxEditLength);
  for (let r = 0; r < runs; r++) {
    const op = differ.op(r);
    const count = differ.count(r);
    const di = op === 'insert' ? 0 : count;
    const dj = op === 'delete' ? 0 : count;
    segments.push(segment(op, i, i + di, j, j + dj));
    i += di;
    j += dj;
  }
  const exact = runs >= 0;
  if (!exact) {
    if (endA > i) segments.push(segment('delete', i, endA, j, j));
    if (endB > j) segments.push(segment('insert', endA, endA, j, endB));
    i = endA;
    j = endB;
  }
  if (suffix) segments.push(segment('equal', i, i + suffix, j, j + suffix));
  if (kinds) slideToBrackets(segments, a, b, kinds);
  return { segments, degraded: !exact };
}

/**
 * An insertion or deletion between two equal runs can often slide along the text without
 * changing the diff (`x[{+a] [b+}]` is `x[a]{+ [b]+}`). Slide each to where it starts with an
 * opening bracket or ends with a closing one, so a redline shows whole brackets added or removed.
 */
function slideToBrackets(
  segments: Segment[],
  a: TokenIds,
  b: TokenIds,
  kinds: readonly Token['kind'][],
): void {
  for (let k = 1; k + 1 < segments.length; k++) {
    const before = segments[k - 1] as Segment;
    const run = segments[k] as Segment;
    const after = segments[k + 1] as Segment;
    if (before.op !== 'equal' || after.op !== 'equal' || run.op === 'equal') continue;
    // The side the run's tokens are on: B for an insertion, A for a deletion.
    const inB = run.op === 'insert';
    const ids = inB ? b : a;
    const runStart = inB ? run.bStart : run.aStart;
    const runEnd = inB ? run.bEnd : run.aEnd;
    const beforeStart = inB ? before.bStart : before.aStart;
    const afterEnd = inB ? after.bEnd : after.aEnd;
    // Candidate offsets: left while the run's last token repeats before it, right while its first repeats after it.
    let left = 0;
    while (runStart - left - 1 >= beforeStart && ids[runStart - left - 1] === ids[runEnd - left - 1]) left++;
    let right = 0;
    while (runEnd + right < afterEnd && ids[runStart + right] === ids[runEnd + right]) right++;
    let best = 0;
    let bestScore = bracketScore(ids, kinds, runStart, runEnd);
    for (let offset = -left; offset <= right; offset++) {
      const candidate = bracketScore(ids, kinds, runStart + offset, runEnd + offset);
      if (candidate > bestScore) {
        best = offset;
        bestScore = candidate;
      }
    }
    if (best === 0) continue;
    before.aEnd += best;
    before.bEnd += best;
    after.aStart += best;
    after.bStart += best;
    run.aStart += best;
    run.aEnd += best;
    run.bStart += best;
    run.bEnd += best;
  }
  // A slide may empty an equal run: drop it.
  for (let k = segments.length - 1; k >= 0; k--) {
    const s = segments[k] as Segment;
    if (s.op === 'equal' && s.aEnd === s.aStart) segments.splice(k, 1);
  }
}

/** 1 for a run starting with an opening bracket, plus 1 for one ending with a closing bracket. */
function bracketScore(ids: TokenIds, kinds: readonly Token['kind'][], from: number, to: number): number {
  return (kinds[ids[from] as number] === 'open' ? 1 : 0) + (kinds[ids[to - 1] as number] === 'close' ? 1 : 0);
}

function segment(op: Segment['op'], aStart: number, aEnd: number, bStart: number, bEnd: number): Segment {
  return { op, aStart, aEnd, bStart, bEnd };
}
