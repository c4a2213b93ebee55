/**
 * Parley's drafts engine: bracket-text parsing, structural alignment, word redline, bracket
 * series, and exports (Akoma Ntoso, Markdown, HTML). Pure functions over plain data.
 */
export { parseDraft, detectMode, type ParseOptions, type ParseResult } from './parse.ts';
export {
  effectiveStatus,
  formatDraftDiagnostic,
  provisionStatuses,
  type Bracket,
  type DraftDiagnostic,
  type DraftDocument,
  type Paragraph,
  type ProvisionStatus,
  type Section,
  type Token,
} from './model.ts';
export {
  alignDrafts,
  type Alignment,
  type AlignOptions,
  type ParagraphPair,
  type SectionPair,
} from './align.ts';
export {
  redline,
  type Redline,
  type RedlineOptions,
  type RedlineSummary,
  type UnitChange,
} from './redline.ts';
export { bracketSeries, bracketsByParty, type BracketSeries, type BracketSeriesEntry } from './brackets.ts';
export { toAkn, type AknMeta } from './akn.ts';
export { toMarkdown } from './render-markdown.ts';
export { toHtml } from './render-html.ts';
export { toRedlineJson, type RedlineJson } from './render-json.ts';
export { documentView, redlineView, type DraftView } from './view.ts';
export { caseParseOptions, resolveDraftRef, versionParseOptions } from './case-drafts.ts';
