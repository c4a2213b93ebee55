import { effectiveStatus, type DraftDocument, type Token } from './model.ts';
import { sectionLabel, type Redline, type UnitChange } from './redline.ts';
import { rewrittenPercent } from './similarity.ts';

/**
 * What every output format renders: a list of units (headings and paragraphs), each a run of
 * token pieces marked equal, inserted or deleted. A single version is a view with no changes,
 * so one renderer per format serves both `export` and `diff`.
 */
export interface DraftView {
  title: string;
  /** Set for a redline: the title of the earlier version. */
  titleBefore?: string;
  reconstruction: boolean;
  changes: UnitChange[];
  redline?: Redline;
}

export interface Piece {
  op: 'equal' | 'insert' | 'delete';
  tokens: Token[];
}

export function documentView(document: DraftDocument): DraftView {
  const changes: UnitChange[] = [];
  for (const section of document.sections) {
    const units = [section, ...section.paragraphs];
    units.forEach((unit, index) => {
      const isParagraph = 'tokens' in unit;
      const tokens = isParagraph ? unit.tokens : section.headingTokens;
      const status = isParagraph ? effectiveStatus(unit, section) : effectiveStatus(section);
      const ref = {
        section: section.id,
        id: unit.id,
        label: isParagraph ? `${sectionLabel(section)} ${unit.label ?? `¶${index}`}` : sectionLabel(section),
        ...(unit.num !== undefined ? { num: unit.num } : {}),
        line: unit.position.line,
        column: unit.position.column,
      };
      changes.push({
        op: 'unchanged',
        unit: isParagraph ? 'paragraph' : 'heading',
        sectionKind: section.kind,
        a: ref,
        b: ref,
        moved: false,
        renumbered: false,
        issues: unit.issues,
        ...(status ? { statusBefore: status, statusAfter: status } : {}),
        aTokens: tokens,
        bTokens: tokens,
        segments: tokens.length
          ? [{ op: 'equal', aStart: 0, aEnd: tokens.length, bStart: 0, bEnd: tokens.length }]
          : [],
        degraded: false,
      });
    });
  }
  return { title: document.title, reconstruction: document.tags.reconstruction, changes };
}

/** Renderers take a document (shown as it stands) or a view (a redline). */
export function asView(input: DraftDocument | DraftView): DraftView {
  return 'sections' in input ? documentView(input) : input;
}

export function redlineView(before: DraftDocument, after: DraftDocument, result: Redline): DraftView {
  return {
    title: after.title,
    titleBefore: before.title,
    reconstruction: before.tags.reconstruction || after.tags.reconstruction,
    changes: result.changes,
    redline: result,
  };
}

/** The runs of a unit with their tokens: equal text is taken from the later version. */
export function pieces(change: UnitChange): Piece[] {
  return change.segments.map((segment) => ({
    op: segment.op,
    tokens:
      segment.op === 'delete'
        ? change.aTokens.slice(segment.aStart, segment.aEnd)
        : segment.op === 'insert' || change.b
          ? change.bTokens.slice(segment.bStart, segment.bEnd)
          : change.aTokens.slice(segment.aStart, segment.aEnd),
  }));
}

const NEEDS_ESCAPE = /[[\]{}|\\]/;
const ESCAPED = /[[\]{}|\\]/g;

/** A token as written in the bracket-text format (markers with their party). */
function tokenSource(token: Token): string {
  switch (token.kind) {
    case 'word':
      // Testing first: replacing in every word (almost none has a bracket) was most of a render.
      return NEEDS_ESCAPE.test(token.text) ? token.text.replace(ESCAPED, '\\$&') : token.text;
    case 'open':
      return (token.shape === 'square' ? '[' : '{') + (token.party ? `${token.party}: ` : '');
    case 'alt':
      return token.party ? `| ${token.party}: ` : '| ';
    case 'close':
      return token.shape === 'square' ? ']' : '}';
  }
}

/** Whether a space goes before this token, given the token written just before it. */
export function spaceBefore(token: Token, previous: Token | undefined): boolean {
  if (!previous) return false;
  // `[ru: ` and `| ru: ` already end in a space.
  if ((previous.kind === 'open' && previous.party) || previous.kind === 'alt') return false;
  return token.space;
}

/** Tokens as bracket text; `previous` is the token written just before them, for the first space. */
export function tokensText(tokens: readonly Token[], previous?: Token): string {
  let text = '';
  let before = previous;
  for (const token of tokens) {
    text += (spaceBefore(token, before) ? ' ' : '') + tokenSource(token);
    before = token;
  }
  return text;
}

/** `1 → 2`-style note for the reader of a redline, or undefined when nothing moved. */
export function movementNote(change: UnitChange): string | undefined {
  const notes: string[] = [];
  if (change.movedWith && change.a) notes.push(`moved with its article, from ${change.a.label}`);
  else if (change.moved && change.a) notes.push(`moved from ${change.a.label}`);
  if (change.renumbered && change.a && change.b)
    notes.push(`renumbered ${change.a.num ?? '–'} → ${change.b.num ?? '–'}`);
  // How much was rewritten matters where the unit's identity is in doubt: moved on its own, or
  // renumbered (a paragraph carried by its article is plainly the same one).
  const rewritten = rewrittenPercent(change.similarity);
  if (rewritten !== undefined && ((change.moved && !change.movedWith) || change.renumbered))
    notes.push(`rewritten ${rewritten}%`);
  if (change.statusBefore !== change.statusAfter && change.a && change.b) {
    notes.push(`status ${change.statusBefore ?? 'unmarked'} → ${change.statusAfter ?? 'unmarked'}`);
  }
  return notes.length ? notes.join('; ') : undefined;
}
