import type { Diagnostic } from '@parley/model/diagnostic.ts';

/**
 * The parsed form of a treaty draft in Parley's bracket-text format (see docs/drafts-format.md).
 * A document is a title, document tags and a flat list of sections (preamble, articles, annexes),
 * each holding paragraphs. Inline text is a token stream in which brackets appear as markers;
 * brackets may span paragraphs (as in UN practice), so their pairing lives in `brackets`.
 */

export const provisionStatuses = ['agreed', 'bracketed', 'deferred', 'dropped'] as const;
/** Where a provision stands: agreed, still in brackets, deferred to the leaders, or dropped. */
export type ProvisionStatus = (typeof provisionStatuses)[number];

/** `parley`: the full format (party attribution, `{a | b}` alternatives, tags, strict errors).
 * `plain`: foreign texts such as UNFCCC drafts: only `[` `]` are brackets, problems are warnings. */
export type ParseMode = 'parley' | 'plain';

export interface SourcePosition {
  /** 1-based line and column (column counts UTF-16 code units, as editors do for BMP text). */
  line: number;
  column: number;
}

/** A word or punctuation mark. `space` records whether whitespace preceded it in the source. */
export interface WordToken extends SourcePosition {
  kind: 'word';
  text: string;
  space: boolean;
}

/**
 * A bracket marker: `open` (`[` or `{`), `alt` (the `|` starting the next alternative of a
 * `{…}` choice) or `close`. `party` is the party the bracket or alternative is attributed to.
 */
export interface MarkerToken extends SourcePosition {
  kind: 'open' | 'alt' | 'close';
  bracket: number;
  shape: 'square' | 'choice';
  party?: string;
  space: boolean;
}

export type Token = WordToken | MarkerToken;

/**
 * Where a parsed text keeps its tokens without one object each (see token-store.ts): token `i`
 * read field by field, offsets into `source`.
 */
export interface TokenSource {
  readonly source: string;
  /** How many tokens it holds. */
  readonly count: number;
  kind(i: number): Token['kind'];
  /** A word's text. */
  text(i: number): string;
  /** Where the token starts and ends in the source (a marker with its attribution). */
  start(i: number): number;
  end(i: number): number;
  bracket(i: number): number;
  shape(i: number): MarkerToken['shape'];
  party(i: number): string | undefined;
  /** Where word `i`'s text lies: the string holding it, with its offset and length put in `range`. */
  wordRange(i: number, range: Int32Array): string;
  /** A marker's kind, shape and party as one number (equal within one source for equal markers). */
  markerCode(i: number): number;
  /** Tokens `[from, to)` as objects. */
  tokens(from: number, to: number): Token[];
}

/** The tokens of one unit (a paragraph, a heading line): `[from, to)` of a source. */
export interface TokenSpan {
  store: TokenSource;
  from: number;
  to: number;
}

/** One disputed span. `id` is its index in `DraftDocument.brackets` (document order of opening). */
export interface Bracket {
  id: number;
  shape: 'square' | 'choice';
  /** square: the party proposing the bracketed text, if attributed. */
  party?: string;
  /** choice: the party of each alternative, in order (undefined entries are unattributed). */
  alternatives?: (string | undefined)[];
  /** Nesting depth, 1 for an outermost bracket. */
  depth: number;
  parent?: number;
  /** Adjacent square brackets `[a] [b]` are alternatives to each other: the first one's id. */
  alternativeTo?: number;
  open: SourcePosition;
  /** Undefined when the bracket was never closed (reported as a diagnostic). */
  close?: SourcePosition;
  /** The section and paragraph (or heading) where the bracket opens. */
  unit: string;
}

export interface ProvisionTags {
  /** Explicit id from an `@id:` tag; otherwise ids are derived from position and number. */
  explicitId: boolean;
  issues: string[];
  status?: ProvisionStatus;
  sources: string[];
  note?: string;
}

export interface Paragraph extends ProvisionTags {
  id: string;
  /** The number as written: `1.`, `(a)`, `2.1`; undefined for an unnumbered paragraph. */
  num?: string;
  /** Leading spaces of the first line: sub-paragraphs are indented. */
  indent: number;
  tokens: Token[];
  /** Where a parsed paragraph's tokens lie in its text's compact store (`tokens` is built from it on demand). */
  span?: TokenSpan;
  position: SourcePosition;
  /** Nesting by indentation (see structure.ts): 1 for a paragraph of the article, 2 for its sub-paragraph… */
  depth?: number;
  /** The id of the paragraph this one is nested in, if any. */
  parent?: string;
  /** How a negotiator names it within its article, in the text's own numbering: `¶14`, `¶8.1 Option 2`. */
  label?: string;
  /** The innermost option this paragraph belongs to (see `OptionGroup`). */
  option?: { group: number; option: number };
}

/**
 * UNFCCC-style alternatives written as `**Option 1:** …`, `**Option 2:** …`: each option is one
 * or more paragraphs; the group is the set of options of which one is to survive.
 */
export interface OptionGroup {
  /** Index in `DraftDocument.options`, in document order. */
  id: number;
  section: string;
  /** Its first option's paragraph. */
  unit: string;
  options: DraftOption[];
}

export interface DraftOption {
  /** `Option 1`, `Option II`, `Option (a)`. */
  label: string;
  /** The paragraph holding the `Option` mark, then the paragraphs it covers (nested ones too). */
  paragraphs: string[];
  /** Only the mark: the option's text is in the paragraphs below it. */
  header: boolean;
  position: SourcePosition;
}

export type SectionKind = 'preamble' | 'article' | 'annex' | 'section';

export interface Section extends ProvisionTags {
  id: string;
  kind: SectionKind;
  /** `3`, `2bis`, `8 bis`, `I` … for articles and annexes. */
  num?: string;
  /** The heading words after the number (plain text, brackets removed). */
  heading: string;
  /** The whole heading line as tokens (brackets in headings are real brackets too). */
  headingTokens: Token[];
  /** Where a parsed heading's tokens lie in its text's compact store (`headingTokens` is built from it on demand). */
  headingSpan?: TokenSpan;
  paragraphs: Paragraph[];
  position: SourcePosition;
}

export interface DocumentTags {
  reconstruction: boolean;
  sources: string[];
  note?: string;
}

export interface DraftDocument {
  mode: ParseMode;
  title: string;
  tags: DocumentTags;
  sections: Section[];
  brackets: Bracket[];
  /** Option groups (`**Option 1:**` …); absent on documents built before they were read. */
  options?: OptionGroup[];
}

export type DiagnosticCode =
  | 'unmatched-close'
  | 'unclosed-bracket'
  | 'bracket-too-deep'
  | 'mismatched-close'
  | 'unknown-party'
  | 'unknown-issue'
  | 'unknown-source'
  | 'unknown-tag'
  | 'bad-tag-value'
  | 'misplaced-tag'
  | 'duplicate-id'
  | 'empty-alternative';

/** A problem in a draft text: the one diagnostic shape, always at a line and column of the text. */
export interface DraftDiagnostic extends Diagnostic {
  code: DiagnosticCode;
  line: number;
  column: number;
}

export function formatDraftDiagnostic(d: DraftDiagnostic): string {
  const where = `${d.file ?? '<text>'}:${d.line}:${d.column}`;
  return `${where}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

/** A provision's status as the text states it: its own `@status`, else its article's. */
export function effectiveStatus(
  unit: { status?: ProvisionStatus },
  section?: Section,
): ProvisionStatus | undefined {
  return unit.status ?? section?.status;
}

/** Words only: punctuation and bracket markers are not words. */
export function isWord(token: Token): boolean {
  return token.kind === 'word' && isWordText(token.text);
}

/** Whether a word token's text is a word (holds a letter or a digit). */
export function isWordText(text: string): boolean {
  return LETTER_OR_DIGIT.test(text);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
