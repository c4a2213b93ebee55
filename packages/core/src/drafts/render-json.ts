import type { SourcePosition, Token } from './model.ts';
import type { Redline, RedlineSummary, UnitChange, UnitRef } from './redline.ts';
import { tokensText } from './view.ts';

/** The documented JSON form of a redline (see docs/drafts-format.md, "Redline JSON"). */
export interface RedlineJson {
  a: { label: string; title: string };
  b: { label: string; title: string };
  summary: RedlineSummary;
  changes: UnitChangeJson[];
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
  issues: string[];
  statusBefore?: string;
  statusAfter?: string;
  degraded: boolean;
  /** Word-level operations; omitted for unchanged units. */
  edits?: EditJson[];
}

export interface EditJson {
  op: 'equal' | 'insert' | 'delete';
  /** The run's text in the bracket-text notation. */
  text: string;
  /** Where the run starts in A (for an insertion: the A token it goes before), and in B. */
  a?: SourcePosition;
  b?: SourcePosition;
}

export function toRedlineJson(
  result: Redline,
  a: { label: string; title: string },
  b: { label: string; title: string },
): RedlineJson {
  return { a, b, summary: result.summary, changes: result.changes.map(changeJson) };
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
