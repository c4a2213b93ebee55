import type { Paragraph, Section, TokenSpan } from './model.ts';
import type { Segment } from './word-diff.ts';

/**
 * Places in a unit where only spacing changed between kept words: the count the lossless JSON
 * (source-patch.ts) folds and reports, read from the parser's stores without building the JSON.
 * A gap right after inserted or deleted words changes with them and is not counted; nor are the
 * blank lines and indentation around the unit. Zero when either side was not parsed from a text.
 */
export function whitespaceEdits(
  unitA: Section | Paragraph | undefined,
  unitB: Section | Paragraph | undefined,
  segments: readonly Segment[],
): number {
  const a = unitA && spanOf(unitA);
  const b = unitB && spanOf(unitB);
  if (!a || !b) return 0;
  // A unit kept token for token with the same text from its first token to its last has no
  // spacing edit: one native comparison instead of a look between every two tokens (about half
  // the units a COP21 redline counts).
  if (segments.length === 1 && segments[0]!.op === 'equal' && sameText(a, b)) return 0;
  let count = 0;
  let afterEdit = false;
  for (const segment of segments) {
    if (segment.op === 'equal') {
      const length = segment.aEnd - segment.aStart;
      for (let k = afterEdit ? 1 : 0; k < length; k++)
        if (spacingOnlyChange(a, segment.aStart + k, b, segment.bStart + k)) count++;
    }
    afterEdit = segment.op !== 'equal';
  }
  return count;
}

/** Whether the two units' source, from the first token's start to the last token's end, is the same text. */
function sameText(a: TokenSpan, b: TokenSpan): boolean {
  if (a.to - a.from !== b.to - b.from) return false;
  if (a.to === a.from) return true;
  const startA = a.store.start(a.from);
  const startB = b.store.start(b.from);
  const endB = b.store.end(b.to - 1);
  if (a.store.end(a.to - 1) - startA !== endB - startB) return false;
  return a.store.source.startsWith(b.store.source.slice(startB, endB), startA);
}

function spanOf(unit: Section | Paragraph): TokenSpan | undefined {
  return 'tokens' in unit ? unit.span : unit.headingSpan;
}

/** Whether the spacing before token `i` of `a` and token `j` of `b` differs, both being spacing only. */
function spacingOnlyChange(a: TokenSpan, i: number, b: TokenSpan, j: number): boolean {
  // The source range before each token, read in place (no pair per token: this runs for every
  // kept token). Before a unit's first token it is empty: that is the unit's lead.
  const fromA = i === 0 ? 0 : a.store.end(a.from + i - 1);
  const toA = i === 0 ? 0 : a.store.start(a.from + i);
  const fromB = j === 0 ? 0 : b.store.end(b.from + j - 1);
  const toB = j === 0 ? 0 : b.store.start(b.from + j);
  const sourceA = a.store.source;
  const sourceB = b.store.source;
  if (toA - fromA === toB - fromB) {
    let same = true;
    for (let k = 0; same && k < toA - fromA; k++)
      same = sourceA.charCodeAt(fromA + k) === sourceB.charCodeAt(fromB + k);
    if (same) return false;
  }
  return spacingOnly(sourceA, fromA, toA) && spacingOnly(sourceB, fromB, toB);
}

const SPACING = /^\s*$/;

function spacingOnly(source: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = source.charCodeAt(k);
    // Spaces, tabs and line breaks decided at once; anything else as a regex's `\s` reads it.
    if (code === 32 || code === 9 || code === 10 || code === 13) continue;
    if (code < 128 || !SPACING.test(source[k] as string)) return false;
  }
  return true;
}
