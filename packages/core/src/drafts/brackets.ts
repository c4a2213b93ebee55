import {
  effectiveStatus,
  type Bracket,
  type DraftDocument,
  type ProvisionStatus,
  type Token,
} from './model.ts';
import { countWords } from './word-count.ts';

/** The key under which brackets nobody is named for are counted. */
export const UNATTRIBUTED = 'unattributed';

/** The party a bracket marker speaks for: a `[ru: …]` bracket, or one alternative of a `{…}` choice. */
export function markerParty(token: Token): string | undefined {
  if (token.kind === 'open' || token.kind === 'alt') return token.party ?? UNATTRIBUTED;
  return undefined;
}

/**
 * The parties a bracket is attributed to: a square bracket's party, or the party of each
 * alternative of a choice (once per alternative); `unattributed` where none is named.
 */
export function partiesOfBracket(bracket: Bracket): string[] {
  return (bracket.alternatives ?? [bracket.party]).map((party) => party ?? UNATTRIBUTED);
}

/**
 * Brackets per party in one version: each square bracket counts for its party, each alternative
 * of a choice counts for the party that proposed it. Nested brackets count too.
 */
export function bracketsByParty(document: DraftDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  const count = (party: string | undefined) => {
    const key = party ?? UNATTRIBUTED;
    counts[key] = (counts[key] ?? 0) + 1;
  };
  // Index loops, no list of parties per bracket: a long text has a hundred thousand brackets.
  const brackets = document.brackets;
  for (let b = 0; b < brackets.length; b++) {
    const { alternatives, party } = brackets[b] as Bracket;
    if (!alternatives) count(party);
    else for (let k = 0; k < alternatives.length; k++) count(alternatives[k]);
  }
  return counts;
}

export interface BracketSeriesEntry {
  version: string;
  date?: string;
  /** Bracketed spans (a choice counts once). */
  brackets: number;
  /** Alternatives and attributed brackets per party. */
  byParty: Record<string, number>;
  maxDepth: number;
  /** Words standing inside at least one bracket: the disputed share of the text. */
  wordsInBrackets: number;
  words: number;
  /** Provisions (articles and paragraphs) by status; `unmarked` when the text says nothing. */
  provisions: Record<ProvisionStatus | 'unmarked', number>;
  /** Change in `brackets` since the previous version. */
  delta?: number;
  /**
   * UNFCCC option groups (`**Option 1:** …`): groups still open and the options in them. A group
   * is one more undecided choice beside the brackets; absent when the text has none.
   */
  options?: { groups: number; options: number };
}

export interface BracketSeries {
  entries: BracketSeriesEntry[];
  /** `converging` when the last version has fewer brackets than the first, `diverging` when more. */
  trend: 'converging' | 'diverging' | 'flat' | 'single-version';
}

/** The series negotiators read to see whether a text is converging: brackets per version and party. */
export function bracketSeries(
  versions: { version: string; date?: string; document: DraftDocument }[],
): BracketSeries {
  const entries = versions.map(({ version, date, document }, index): BracketSeriesEntry => {
    const { words, wordsInBrackets } = countWords(document);
    const provisions: BracketSeriesEntry['provisions'] = {
      agreed: 0,
      bracketed: 0,
      deferred: 0,
      dropped: 0,
      unmarked: 0,
    };
    for (const section of document.sections) {
      // The preamble states no provisions.
      if (section.kind === 'preamble') continue;
      if (section.kind === 'article' || section.kind === 'annex') {
        provisions[effectiveStatus(section) ?? 'unmarked']++;
      }
      for (const paragraph of section.paragraphs)
        provisions[effectiveStatus(paragraph, section) ?? 'unmarked']++;
    }
    const previous = index > 0 ? versions[index - 1]?.document.brackets.length : undefined;
    return {
      version,
      ...(date ? { date } : {}),
      brackets: document.brackets.length,
      byParty: bracketsByParty(document),
      maxDepth: document.brackets.reduce((max, b) => Math.max(max, b.depth), 0),
      wordsInBrackets,
      words,
      provisions,
      ...(previous !== undefined ? { delta: document.brackets.length - previous } : {}),
      ...optionCount(document),
    };
  });
  const first = entries[0]?.brackets ?? 0;
  const last = entries.at(-1)?.brackets ?? 0;
  const trend =
    entries.length < 2 ? 'single-version' : last < first ? 'converging' : last > first ? 'diverging' : 'flat';
  return { entries, trend };
}

function optionCount(document: DraftDocument): Pick<BracketSeriesEntry, 'options'> {
  const groups = document.options ?? [];
  if (groups.length === 0) return {};
  return { options: { groups: groups.length, options: groups.reduce((n, g) => n + g.options.length, 0) } };
}
