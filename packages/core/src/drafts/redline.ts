import { alignDrafts, type AlignOptions, type Alignment } from './align.ts';
import { bracketsByParty, UNATTRIBUTED } from './brackets.ts';
import {
  effectiveStatus,
  type DraftDocument,
  type Paragraph,
  type ProvisionStatus,
  type Section,
  type SectionKind,
  type Token,
} from './model.ts';
import type { TokenIds } from './fingerprint.ts';
import { editBound, MAX_EDIT_BOUND } from './edit-bound.ts';
import { MyersDiffer } from './myers.ts';
import { optionOutcomes, type OptionOutcome } from './option-outcomes.ts';
import { whitespaceEdits } from './whitespace-edits.ts';
import { diffTokenIds, type Segment } from './word-diff.ts';

/** Where a unit stands in one version. */
export interface UnitRef {
  /** The section (article) id and the unit's own id (`art-3` for a heading, `art-3.p2` for a paragraph). */
  section: string;
  id: string;
  /** `Article 3`, `Article 3 ¶2`: how a negotiator names it. */
  label: string;
  num?: string;
  line: number;
  column: number;
}

export interface UnitChange {
  op: 'unchanged' | 'modified' | 'inserted' | 'deleted';
  /** A section's heading line, or a paragraph. */
  unit: 'heading' | 'paragraph';
  sectionKind: SectionKind;
  a?: UnitRef;
  b?: UnitRef;
  /** Out of order relative to its neighbours, or (see `movedWith`) carried by its moved article. */
  moved: boolean;
  /** For a paragraph moved only because its article moved: the article's id in B. */
  movedWith?: string;
  renumbered: boolean;
  /** Share of words kept (Dice) when the unit was linked by content, not by id or identical text. */
  similarity?: number;
  /** Issue ids the unit is tagged with (the later version's tags when both exist). */
  issues: string[];
  statusBefore?: ProvisionStatus;
  statusAfter?: ProvisionStatus;
  aTokens: Token[];
  bTokens: Token[];
  /** Token runs over `aTokens`/`bTokens`; inserted and deleted units are one run. */
  segments: Segment[];
  degraded: boolean;
}

export interface PartyBrackets {
  before: number;
  after: number;
  /** Brackets or alternatives of this party that appear in B. */
  opened: number;
  /** Brackets or alternatives of this party that are gone in B (resolved or dropped). */
  closed: number;
}

export interface RedlineSummary {
  wordsAdded: number;
  wordsRemoved: number;
  /** Units (articles and paragraphs) moved on their own; paragraphs carried by a moved article are not counted again. */
  moved: number;
  renumbered: number;
  units: { unchanged: number; modified: number; inserted: number; deleted: number };
  brackets: Record<string, PartyBrackets>;
  statusChanges: { unit: string; label: string; before?: ProvisionStatus; after?: ProvisionStatus }[];
  /** Units where a bound was hit; empty when the redline is exact everywhere. */
  degraded: { unit: string; reason: string }[];
  /** The document title, when the versions differ in it (absent when it is the same). */
  title?: { before: string; after: string };
  /**
   * Places where only spacing changed between kept words (folded out of the word edits), when
   * both versions were parsed from texts: the count the lossless JSON reports. Absent when none.
   */
  whitespaceEdits?: number;
  /** What became of each option group of A (`**Option 1:** …`); absent when A has none. */
  options?: OptionOutcome[];
}

export interface Redline {
  summary: RedlineSummary;
  changes: UnitChange[];
}

export interface RedlineOptions extends AlignOptions {
  /**
   * Edits allowed per unit before the unit is shown as wholly replaced (and reported as degraded).
   * By default each unit's bound comes from its size and a time budget (see edit-bound.ts).
   */
  maxEditLength?: number;
}

/** Aligns the structure of two versions, then diffs the words inside each aligned unit. */
export function redline(a: DraftDocument, b: DraftDocument, options: RedlineOptions = {}): Redline {
  const alignment = alignDrafts(a, b, options);
  const maxEditLength = options.maxEditLength;
  // Scratch space for every unit's word diff, owned by this call: redlines do not share state.
  const differ = new MyersDiffer();
  const changes: UnitChange[] = [];
  const ids: UnitIds[] = [];
  const add = ([change, unitIds]: [UnitChange, UnitIds]) => {
    changes.push(change);
    ids.push(unitIds);
  };
  for (const pair of alignment.sections) {
    const kind = (pair.b ?? pair.a)?.kind ?? 'section';
    add(
      compareUnits(alignment, 'heading', kind, maxEditLength, differ, {
        a: pair.a && { unit: pair.a, section: pair.a },
        b: pair.b && { unit: pair.b, section: pair.b },
        moved: pair.moved,
        renumbered: pair.renumbered,
        similarity: pair.by === 'similar' ? pair.similarity : undefined,
      }),
    );
    for (const paragraphs of pair.paragraphs) {
      add(
        compareUnits(alignment, 'paragraph', kind, maxEditLength, differ, {
          a: paragraphs.a && paragraphs.aSection && { unit: paragraphs.a, section: paragraphs.aSection },
          b: paragraphs.b && pair.b && { unit: paragraphs.b, section: pair.b },
          moved: paragraphs.moved,
          movedWith: paragraphs.movedWithSection ? pair.b?.id : undefined,
          renumbered: paragraphs.renumbered,
          similarity:
            paragraphs.by === 'similar' || paragraphs.by === 'moved-between-sections'
              ? paragraphs.similarity
              : undefined,
        }),
      );
    }
  }
  const summary = summarise(a, b, changes, ids, alignment, maxEditLength);
  const outcomes = a.options?.length ? outcomesOf(a, b, changes, ids, alignment.vocabulary.isWord) : [];
  if (outcomes.length) summary.options = outcomes;
  return { summary, changes };
}

/** What became of A's option groups, telling words from the ids: the tokens themselves are not built. */
function outcomesOf(
  a: DraftDocument,
  b: DraftDocument,
  changes: UnitChange[],
  ids: UnitIds[],
  isWordId: readonly boolean[],
): OptionOutcome[] {
  return optionOutcomes(a, b, changes, (_, index) => {
    const unitIds = (ids[index] as UnitIds).a;
    // A loop, not `map`: over a typed array that makes numbers, and `Array.from` made an object per token.
    const words = new Array<boolean>(unitIds.length);
    for (let i = 0; i < unitIds.length; i++) words[i] = isWordId[unitIds[i] as number] as boolean;
    return words;
  });
}

/** Token ids of both sides of a change, kept beside it for counting words. */
type UnitIds = { a: TokenIds; b: TokenIds; whitespaceEdits: number };

interface Located {
  unit: Section | Paragraph;
  section: Section;
}

function compareUnits(
  alignment: Alignment,
  unit: UnitChange['unit'],
  sectionKind: SectionKind,
  maxEditLength: number | undefined,
  differ: MyersDiffer,
  pair: {
    a?: Located;
    b?: Located;
    moved: boolean;
    movedWith?: string;
    renumbered: boolean;
    similarity?: number;
  },
): [UnitChange, UnitIds] {
  const statusBefore = statusOf(pair.a);
  const statusAfter = statusOf(pair.b);
  const unitIds = { a: idsOf(alignment, pair.a), b: idsOf(alignment, pair.b), whitespaceEdits: 0 };
  let op: UnitChange['op'];
  let segments: Segment[];
  let degraded = false;
  if (!pair.a) {
    op = 'inserted';
    segments = [run('insert', 0, 0, 0, unitIds.b.length)];
  } else if (!pair.b) {
    op = 'deleted';
    segments = [run('delete', 0, unitIds.a.length, 0, 0)];
  } else {
    ({ segments, degraded } = diffTokenIds(
      unitIds.a,
      unitIds.b,
      maxEditLength ?? editBound(unitIds.a.length, unitIds.b.length),
      differ,
      alignment.vocabulary.kind,
    ));
    op = segments.some((s) => s.op !== 'equal') || statusBefore !== statusAfter ? 'modified' : 'unchanged';
    unitIds.whitespaceEdits = whitespaceEdits(pair.a.unit, pair.b.unit, segments);
  }
  const change = new ComparedUnit(
    op,
    unit,
    sectionKind,
    pair.a ? unitRef(pair.a) : undefined,
    pair.b ? unitRef(pair.b) : undefined,
    pair.moved,
    pair.movedWith,
    pair.renumbered,
    pair.similarity,
    (pair.b ?? pair.a)?.unit.issues ?? [],
    statusBefore,
    statusAfter,
    segments,
    degraded,
    pair.a?.unit,
    pair.b?.unit,
  );
  return [change, unitIds];
}

/**
 * A unit change as the redline makes it: every field set (absent ones undefined, which JSON
 * omits), and the token lists read from the units only when a renderer asks for them. The
 * redline itself works on token ids, so a diff builds token objects only for what it shows.
 */
class ComparedUnit implements UnitChange {
  constructor(
    public op: UnitChange['op'],
    public unit: UnitChange['unit'],
    public sectionKind: SectionKind,
    public a: UnitRef | undefined,
    public b: UnitRef | undefined,
    public moved: boolean,
    public movedWith: string | undefined,
    public renumbered: boolean,
    public similarity: number | undefined,
    public issues: string[],
    public statusBefore: ProvisionStatus | undefined,
    public statusAfter: ProvisionStatus | undefined,
    public segments: Segment[],
    public degraded: boolean,
    private readonly unitA: Section | Paragraph | undefined,
    private readonly unitB: Section | Paragraph | undefined,
  ) {}

  get aTokens(): Token[] {
    return tokensOf(this.unitA);
  }

  get bTokens(): Token[] {
    return tokensOf(this.unitB);
  }
}

// Module-level helpers rather than closures: compareUnits runs for every unit of both versions.
function tokensOf(unit: Section | Paragraph | undefined): Token[] {
  return !unit ? [] : 'tokens' in unit ? unit.tokens : unit.headingTokens;
}

function statusOf(located: Located | undefined): ProvisionStatus | undefined {
  return !located
    ? undefined
    : 'tokens' in located.unit
      ? effectiveStatus(located.unit, located.section)
      : effectiveStatus(located.section);
}

const NO_IDS = new Int32Array(0);

function idsOf(alignment: Alignment, located: Located | undefined): TokenIds {
  return !located
    ? NO_IDS
    : (alignment.fingerprints.get(located.unit)?.ids ?? alignment.vocabulary.unit(located.unit).ids);
}

function run(op: Segment['op'], aStart: number, aEnd: number, bStart: number, bEnd: number): Segment {
  return { op, aStart, aEnd, bStart, bEnd };
}

export function sectionLabel(section: Section): string {
  switch (section.kind) {
    case 'preamble':
      return 'Preamble';
    case 'article':
      return `Article ${section.num ?? ''}`.trim();
    case 'annex':
      return `Annex ${section.num ?? ''}`.trim();
    default:
      return section.heading.length > 48 ? `${section.heading.slice(0, 47)}…` : section.heading || section.id;
  }
}

function unitRef({ unit, section }: Located): UnitRef {
  const isParagraph = 'tokens' in unit;
  const label = isParagraph
    ? // The text's own numbering where the parser found it (`¶14`, `¶8.1 Option 2`), else the position.
      `${sectionLabel(section)} ${unit.label ?? `¶${section.paragraphs.indexOf(unit) + 1}`}`
    : sectionLabel(section);
  return {
    section: section.id,
    id: isParagraph ? unit.id : section.id,
    label,
    num: unit.num,
    line: unit.position.line,
    column: unit.position.column,
  };
}

function summarise(
  a: DraftDocument,
  b: DraftDocument,
  changes: UnitChange[],
  ids: UnitIds[],
  alignment: Alignment,
  maxEditLength: number | undefined,
): RedlineSummary {
  const summary: RedlineSummary = {
    wordsAdded: 0,
    wordsRemoved: 0,
    moved: 0,
    renumbered: 0,
    units: { unchanged: 0, modified: 0, inserted: 0, deleted: 0 },
    brackets: {},
    statusChanges: [],
    degraded: [],
  };
  if (a.title !== b.title) summary.title = { before: a.title, after: b.title };
  const before = bracketsByParty(a);
  const after = bracketsByParty(b);
  const party = (id: string): PartyBrackets =>
    (summary.brackets[id] ??= { before: before[id] ?? 0, after: after[id] ?? 0, opened: 0, closed: 0 });
  for (const id of [...Object.keys(before), ...Object.keys(after)].sort()) party(id);

  const isWordId = alignment.vocabulary.isWord;
  const kinds = alignment.vocabulary.kind;
  const parties = alignment.vocabulary.party;
  let spacing = 0;
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index] as UnitChange;
    const unitIds = ids[index] as UnitIds;
    spacing += unitIds.whitespaceEdits;
    summary.units[change.op]++;
    if (change.moved && !change.movedWith) summary.moved++;
    if (change.renumbered) summary.renumbered++;
    const label = (change.b ?? change.a)?.label ?? '';
    if (change.degraded) {
      summary.degraded.push({
        unit: label,
        reason:
          maxEditLength === undefined
            ? `more than ${MAX_EDIT_BOUND} word edits, beyond the time budget of an exact diff: shown as wholly replaced`
            : `more than ${maxEditLength} word edits: shown as wholly replaced`,
      });
    }
    if (change.a && change.b && change.statusBefore !== change.statusAfter) {
      summary.statusChanges.push({
        unit: change.b.id,
        label,
        ...(change.statusBefore ? { before: change.statusBefore } : {}),
        ...(change.statusAfter ? { after: change.statusAfter } : {}),
      });
    }
    for (const segment of change.segments) {
      if (segment.op === 'equal') continue;
      // Words counted; each bracket or alternative marker opened (in B) or closed (gone from A) for its party.
      const inserted = segment.op === 'insert';
      const tokenIds = inserted ? unitIds.b : unitIds.a;
      const end = inserted ? segment.bEnd : segment.aEnd;
      let words = 0;
      for (let i = inserted ? segment.bStart : segment.aStart; i < end; i++) {
        // The ids say what each token is, and a marker's party.
        const id = tokenIds[i] as number;
        if (isWordId[id]) words++;
        else if (kinds[id] === 'open' || kinds[id] === 'alt') {
          const markerOf = parties[id] ?? UNATTRIBUTED;
          if (inserted) party(markerOf).opened++;
          else party(markerOf).closed++;
        }
      }
      if (inserted) summary.wordsAdded += words;
      else summary.wordsRemoved += words;
    }
  }
  if (spacing > 0 && parsedFromText(a) && parsedFromText(b)) summary.whitespaceEdits = spacing;
  return summary;
}

/** Whether every unit of the document lies in a parser's store (and so its spacing is known). */
function parsedFromText(document: DraftDocument): boolean {
  return document.sections.every(
    (section) =>
      section.headingSpan !== undefined &&
      section.paragraphs.every((paragraph) => paragraph.span !== undefined),
  );
}
