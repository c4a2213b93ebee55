import type { DraftDocument, SourcePosition, Token } from './model.ts';
import type { Redline, RedlineSummary, UnitChange, UnitRef } from './redline.ts';
import { sourcePatch, textPatch, type PatchRun } from './source-patch.ts';
import { locateUnits, type DocumentSource } from './unit-source.ts';
import { tokensText } from './view.ts';

/** The documented JSON form of a redline (see docs/drafts-format.md, "Redline JSON"). */
export interface RedlineJson {
  a: { label: string; title: string };
  b: { label: string; title: string };
  summary: RedlineSummary & {
    /** With the texts: places where only spacing changed between kept words (folded in `edits`). */
    whitespaceEdits?: number;
  };
  changes: UnitChangeJson[];
  /** With the texts: the exact text before the first unit (front matter, title, document tags). */
  head?: PatchRun[];
}

export interface UnitChangeJson {
  op: UnitChange['op'];
  unit: UnitChange['unit'];
  kind: UnitChange['sectionKind'];
  a?: UnitRef;
  b?: UnitRef;
  moved: boolean;
  /** For a paragraph carried by its moved article: the article's id in B. */
  movedWith?: string;
  renumbered: boolean;
  /** Share of words kept when linked by content (0..1); absent for ids and identical text. */
  similarity?: number;
  issues: string[];
  statusBefore?: string;
  statusAfter?: string;
  degraded: boolean;
  /** Word-level operations; omitted for unchanged units. */
  edits?: EditJson[];
  /**
   * With the texts, for every unit: where its text starts (UTF-16 offset) in A and in B, and its
   * exact text in both as runs. A is the head's and the units' `equal` and `delete` runs in the
   * order of `at.a`; B their `equal` and `insert` runs in the order of `at.b` (see rebuild.ts).
   */
  at?: { a?: number; b?: number };
  patch?: PatchRun[];
  /** Places in this unit where only spacing changed (present when there are any). */
  whitespaceEdits?: number;
}

export interface EditJson {
  op: 'equal' | 'insert' | 'delete';
  /** The run's text in the bracket-text notation. */
  text: string;
  /** Where the run starts in A (for an insertion: the A token it goes before), and in B. */
  a?: SourcePosition;
  b?: SourcePosition;
}

/** A version as parsed and the text it was parsed from. */
export interface SourcedDraft {
  document: DraftDocument;
  text: string;
}

/**
 * The redline as JSON. Given the texts of both versions, the JSON is lossless: each unit carries
 * its exact text, so both texts can be rebuilt from it alone (rebuild.ts).
 */
export function toRedlineJson(
  result: Redline,
  a: { label: string; title: string },
  b: { label: string; title: string },
  texts?: { a: SourcedDraft; b: SourcedDraft },
): RedlineJson {
  const changes = result.changes.map(changeJson);
  if (!texts) return { a, b, summary: result.summary, changes };
  const sourceA = locateUnits(texts.a.document, texts.a.text);
  const sourceB = locateUnits(texts.b.document, texts.b.text);
  let whitespaceEdits = 0;
  result.changes.forEach((change, index) => {
    const json = changes[index] as UnitChangeJson;
    const sideA = side(sourceA, change.a && change.aTokens);
    const sideB = side(sourceB, change.b && change.bTokens);
    const patch = sourcePatch(change, sideA, sideB);
    json.at = {
      ...(sideA ? { a: sideA.unit.start } : {}),
      ...(sideB ? { b: sideB.unit.start } : {}),
    };
    json.patch = patch.runs;
    if (patch.whitespaceEdits) json.whitespaceEdits = patch.whitespaceEdits;
    whitespaceEdits += patch.whitespaceEdits;
  });
  return {
    a,
    b,
    summary: { ...result.summary, whitespaceEdits },
    changes,
    head: textPatch(texts.a.text.slice(0, sourceA.headEnd), texts.b.text.slice(0, sourceB.headEnd)),
  };
}

function side(source: DocumentSource, tokens: Token[] | undefined) {
  const unit = tokens && source.units.get(tokens);
  return unit && { text: source.text, unit };
}

function changeJson(change: UnitChange): UnitChangeJson {
  const json: UnitChangeJson = {
    op: change.op,
    unit: change.unit,
    kind: change.sectionKind,
    ...(change.a ? { a: change.a } : {}),
    ...(change.b ? { b: change.b } : {}),
    moved: change.moved,
    ...(change.movedWith ? { movedWith: change.movedWith } : {}),
    renumbered: change.renumbered,
    ...(change.similarity !== undefined ? { similarity: change.similarity } : {}),
    issues: change.issues,
    ...(change.statusBefore ? { statusBefore: change.statusBefore } : {}),
    ...(change.statusAfter ? { statusAfter: change.statusAfter } : {}),
    degraded: change.degraded,
  };
  if (change.op === 'unchanged') return json;
  json.edits = change.segments.map((segment) => {
    const tokens =
      segment.op === 'delete'
        ? change.aTokens.slice(segment.aStart, segment.aEnd)
        : change.bTokens.slice(segment.bStart, segment.bEnd);
    const at = (list: Token[], index: number) => {
      const token = list[index];
      return token ? { line: token.line, column: token.column } : undefined;
    };
    const a = at(change.aTokens, segment.aStart);
    const b = at(change.bTokens, segment.bStart);
    return { op: segment.op, text: tokensText(tokens), ...(a ? { a } : {}), ...(b ? { b } : {}) };
  });
  return json;
}
