import type { UnitChange } from './redline.ts';
import type { UnitSource } from './unit-source.ts';

/**
 * One run of a unit's exact source text: kept (`equal`), only in the earlier text (`delete`) or
 * only in the later one (`insert`). The `equal` and `delete` runs of a unit, in order, are its
 * earlier text exactly; the `equal` and `insert` runs, its later text.
 */
export interface PatchRun {
  op: 'equal' | 'delete' | 'insert';
  text: string;
  /** Only spacing changed here, between kept words or around the unit (folded in a redline). */
  whitespace?: true;
}

export interface SourcePatch {
  runs: PatchRun[];
  /** Places between kept words where only spacing (spaces, tabs, line breaks) changed; blank
   * lines and indentation around the unit are marked `whitespace` too but not counted. */
  whitespaceEdits: number;
}

interface Side {
  text: string;
  unit: UnitSource;
}

const WHITESPACE_ONLY = /^\s*$/;

/**
 * The exact source of a unit in both versions, as runs that follow the unit's word diff: the
 * words it inserts and deletes carry the spacing before them; between kept words, a change of
 * spacing only is a whitespace edit; anything else the parse set aside (a list number, tag
 * lines after the unit, an escape) is a plain edit of the text.
 */
export function sourcePatch(change: UnitChange, a: Side | undefined, b: Side | undefined): SourcePatch {
  const patch = new PatchBuilder();
  if (!a || !b) {
    if (a) patch.push('delete', a.text.slice(a.unit.start, a.unit.end));
    if (b) patch.push('insert', b.text.slice(b.unit.start, b.unit.end));
    return patch.result();
  }
  patch.layout(lead(a), lead(b), false);
  let afterEdit = false;
  for (const segment of change.segments) {
    if (segment.op === 'delete') patch.push('delete', pieces(a, segment.aStart, segment.aEnd));
    else if (segment.op === 'insert') patch.push('insert', pieces(b, segment.bStart, segment.bEnd));
    else {
      const gapA = gap(a, segment.aStart);
      const gapB = gap(b, segment.bStart);
      // Right after inserted or deleted words, their spacing changes with them: part of that edit.
      if (afterEdit && gapA !== gapB) {
        patch.push('delete', gapA);
        patch.push('insert', gapB);
      } else patch.layout(gapA, gapB);
      // Kept words are nearly always kept letter for letter: compare the whole run first.
      const keptA = span(a, segment.aStart, segment.aEnd);
      if (keptA === span(b, segment.bStart, segment.bEnd)) patch.push('equal', keptA);
      else {
        for (let k = 0; k < segment.aEnd - segment.aStart; k++) {
          const i = segment.aStart + k;
          const j = segment.bStart + k;
          if (k > 0) patch.layout(gap(a, i), gap(b, j));
          patch.layout(token(a, i), token(b, j));
        }
      }
    }
    afterEdit = segment.op !== 'equal';
  }
  patch.layout(trail(a), trail(b), false);
  return patch.result();
}

/** A text outside the units (the document's head): its common start and end kept, the rest replaced. */
export function textPatch(a: string, b: string): PatchRun[] {
  const patch = new PatchBuilder();
  patch.replace(a, b);
  return patch.runs;
}

const lead = ({ text, unit }: Side) => text.slice(unit.start, unit.tokenStarts[0] ?? unit.end);
const trail = ({ text, unit }: Side) => text.slice(unit.tokenEnds.at(-1) ?? unit.end, unit.end);
/** The spacing before token `i` (none before the first: that is the unit's lead). */
const gap = ({ text, unit }: Side, i: number) =>
  i === 0 ? '' : text.slice(unit.tokenEnds[i - 1] as number, unit.tokenStarts[i] as number);
const token = ({ text, unit }: Side, i: number) =>
  text.slice(unit.tokenStarts[i] as number, unit.tokenEnds[i] as number);
/** Tokens `[from, to)` with the spacing between them. */
const span = ({ text, unit }: Side, from: number, to: number) =>
  text.slice(unit.tokenStarts[from] as number, unit.tokenEnds[to - 1] as number);
/** Tokens `[from, to)` with the spacing before each. */
const pieces = ({ text, unit }: Side, from: number, to: number) =>
  from >= to
    ? ''
    : text.slice(from === 0 ? unit.tokenStarts[0] : unit.tokenEnds[from - 1], unit.tokenEnds[to - 1]);

class PatchBuilder {
  readonly runs: PatchRun[] = [];
  private whitespaceEdits = 0;

  /** Appends a run, merged into the run of the same kind it follows (a deletion also across the
   * insertion right after it: the order of the two sides of one edit does not matter). */
  push(op: PatchRun['op'], text: string, whitespace = false): void {
    if (!text) return;
    const last = this.runs.at(-1);
    const mergeable = (run: PatchRun | undefined) => run?.op === op && !run.whitespace && !whitespace;
    if (last && (mergeable(last) || (whitespace && last.op === op && last.whitespace))) {
      last.text += text;
      return;
    }
    const beforeLast = this.runs.at(-2);
    if (op === 'delete' && last?.op === 'insert' && !last.whitespace && mergeable(beforeLast)) {
      (beforeLast as PatchRun).text += text;
      return;
    }
    this.runs.push(whitespace ? { op, text, whitespace: true } : { op, text });
  }

  /** Text the word diff does not see, on both sides: kept, a whitespace edit, or replaced. */
  layout(a: string, b: string, counted = true): void {
    if (a === b) this.push('equal', a);
    else if (WHITESPACE_ONLY.test(a) && WHITESPACE_ONLY.test(b)) {
      if (counted) this.whitespaceEdits++;
      this.push('delete', a, true);
      this.push('insert', b, true);
    } else this.replace(a, b);
  }

  /** `a` replaced by `b`, keeping what they start and end with alike. */
  replace(a: string, b: string): void {
    let prefix = 0;
    while (prefix < a.length && prefix < b.length && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (
      suffix < a.length - prefix &&
      suffix < b.length - prefix &&
      a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)
    )
      suffix++;
    // Cut between words, not inside one (`bracket|ed` → `agre|ed` reads badly), and never
    // between the two halves of a surrogate pair.
    while (prefix > 0 && isWordChar(a, prefix - 1) && (isWordChar(a, prefix) || isWordChar(b, prefix)))
      prefix--;
    while (
      suffix > 0 &&
      isWordChar(a, a.length - suffix) &&
      (isWordChar(a, a.length - suffix - 1) || isWordChar(b, b.length - suffix - 1))
    )
      suffix--;
    if (prefix > 0 && (isLowSurrogate(a.charCodeAt(prefix)) || isLowSurrogate(b.charCodeAt(prefix))))
      prefix--;
    if (
      suffix > 0 &&
      (isLowSurrogate(a.charCodeAt(a.length - suffix)) || isLowSurrogate(b.charCodeAt(b.length - suffix)))
    )
      suffix--;
    this.push('equal', a.slice(0, prefix));
    this.push('delete', a.slice(prefix, a.length - suffix));
    this.push('insert', b.slice(prefix, b.length - suffix));
    this.push('equal', a.slice(a.length - suffix));
  }

  result(): SourcePatch {
    return { runs: this.runs, whitespaceEdits: this.whitespaceEdits };
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text[index] as string);
}
