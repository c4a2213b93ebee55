import { Vocabulary, type Fingerprint, type TokenIds } from './fingerprint.ts';
import { matchUnits, orderPairs, type MatchCandidate, type MatchReason } from './match.ts';
import { wordWeights } from './similarity.ts';
import type { DraftDocument, Paragraph, Section } from './model.ts';

/** A paragraph of A, of B, or of both. `aSection` differs from its row's section when it moved there. */
export interface ParagraphPair {
  a?: Paragraph;
  b?: Paragraph;
  aSection?: Section;
  by?: MatchReason | 'moved-between-sections';
  /** Share of words in common (Dice): "rewritten 60%" is a similarity of 0.4. */
  similarity?: number;
  /** The weighted content similarity it was linked by, when linked across articles by content. */
  content?: number;
  moved: boolean;
  /** Set when the paragraph moved only because its whole article moved (it stayed in place within it). */
  movedWithSection?: boolean;
  renumbered: boolean;
}

export interface SectionPair {
  a?: Section;
  b?: Section;
  by?: MatchReason;
  /** Share of words in common (Dice), heading and paragraphs together. */
  similarity?: number;
  /** The weighted content similarity it was linked by, when linked by content. */
  content?: number;
  moved: boolean;
  renumbered: boolean;
  paragraphs: ParagraphPair[];
}

export interface Alignment {
  /** In B's order, with A-only sections placed where they stood relative to kept ones. */
  sections: SectionPair[];
  /** Token ids of every heading and paragraph, for the word diff that follows. */
  vocabulary: Vocabulary;
  fingerprints: Map<Paragraph | Section, Fingerprint>;
}

export interface AlignOptions {
  /** Least word similarity (Dice) for two paragraphs of one article to count as the same one. */
  threshold?: number;
  /** Least weighted content similarity (see `wordWeights`) for two articles to count as the same one. */
  articleThreshold?: number;
  /** Least weighted content similarity for a paragraph to count as moved to another article. */
  moveThreshold?: number;
}

// Thresholds measured on the COP21 drafts (2015-10-23 → 2015-12-04), weighted similarity:
// - articles: the 28 articles paired by heading score 0.41 (Article 11) to 1 with their namesake,
//   while the best other article of each scores at most 0.36: 0.38 sits in that gap.
// - paragraphs across articles: the two that moved to another article and changed score 0.67
//   and 0.51; the best non-moves 0.40 (a fragment merged into a longer paragraph) and 0.34.
const ARTICLE_THRESHOLD = 0.38;
const MOVE_THRESHOLD = 0.45;

/**
 * Aligns the structure of two versions: articles by explicit id, heading, then content (weighted
 * by rarity, across the whole document, so a renumbered and retitled article is still found);
 * within each pair of articles, paragraphs by id, exact text, then similarity; finally
 * paragraphs left over on both sides are paired across articles by weighted content, so a
 * paragraph moved elsewhere (and changed) shows as moved.
 */
export function alignDrafts(a: DraftDocument, b: DraftDocument, options: AlignOptions = {}): Alignment {
  const threshold = options.threshold ?? 0.5;
  const articleThreshold = options.articleThreshold ?? ARTICLE_THRESHOLD;
  const moveThreshold = options.moveThreshold ?? MOVE_THRESHOLD;
  const vocabulary = new Vocabulary();
  const fingerprints = new Map<Paragraph | Section, Fingerprint>();
  const fingerprint = (unit: Paragraph | Section): Fingerprint => {
    let found = fingerprints.get(unit);
    if (!found) {
      found = vocabulary.unit(unit);
      fingerprints.set(unit, found);
    }
    return found;
  };
  // Each section's fingerprints (its heading's, then its paragraphs'), by position: the steps
  // below read them by index, as a lookup by unit in the map costs a hash probe each time.
  const printsOf = (section: Section): Fingerprint[] => {
    const prints = new Array<Fingerprint>(section.paragraphs.length + 1);
    prints[0] = fingerprint(section);
    for (let p = 0; p < section.paragraphs.length; p++)
      prints[p + 1] = fingerprint(section.paragraphs[p] as Paragraph);
    return prints;
  };
  const printsA = a.sections.map(printsOf);
  const printsB = b.sections.map(printsOf);

  // Every heading and paragraph of both versions weighs its words (see `wordWeights`). The
  // weights serve content similarity only, so they are computed only once a unit is left
  // unpaired by id, number and heading (a redline of a text against itself never needs them).
  // Read from the units' token ids (words only), so that no unit's bag is built for them.
  const units: TokenIds[] = [];
  for (const prints of [...printsA, ...printsB]) for (const print of prints) units.push(print.ids);
  let computed: Float64Array | undefined;
  const weights = () => (computed ??= wordWeights(units, vocabulary.kind.length, vocabulary.isWord));

  const sectionMatches = matchUnits(
    a.sections.map((section, s) => new SectionCandidate(section, printsA[s] as Fingerprint[])),
    b.sections.map((section, s) => new SectionCandidate(section, printsB[s] as Fingerprint[])),
    articleThreshold,
    { weights },
  );
  const sections: SectionPair[] = orderPairs(sectionMatches, b.sections.length).map((row) => {
    const sectionA = row.a === undefined ? undefined : a.sections[row.a];
    const sectionB = row.b === undefined ? undefined : b.sections[row.b];
    return {
      a: sectionA,
      b: sectionB,
      by: row.match?.by,
      similarity: row.match?.similarity,
      content: row.match?.content,
      moved: row.moved,
      renumbered: Boolean(sectionA && sectionB && sectionA.num !== sectionB.num),
      paragraphs: alignParagraphs(
        sectionA,
        sectionB,
        row.a === undefined ? undefined : printsA[row.a],
        row.b === undefined ? undefined : printsB[row.b],
      ),
    };
  });

  function alignParagraphs(
    sectionA?: Section,
    sectionB?: Section,
    printsOfA?: Fingerprint[],
    printsOfB?: Fingerprint[],
  ): ParagraphPair[] {
    const paragraphsA = sectionA?.paragraphs ?? [];
    const paragraphsB = sectionB?.paragraphs ?? [];
    const candidates = (paragraphs: Paragraph[], prints: Fingerprint[]) =>
      paragraphs.map((paragraph, p) => new ParagraphCandidate(paragraph, prints[p + 1] as Fingerprint));
    const matches =
      paragraphsA.length && paragraphsB.length
        ? matchUnits(
            candidates(paragraphsA, printsOfA as Fingerprint[]),
            candidates(paragraphsB, printsOfB as Fingerprint[]),
            threshold,
            { contentFirst: true },
          )
        : paragraphsA.map(() => undefined);
    return orderPairs(matches, paragraphsB.length).map((row) => {
      const pa = row.a === undefined ? undefined : paragraphsA[row.a];
      const pb = row.b === undefined ? undefined : paragraphsB[row.b];
      return {
        a: pa,
        aSection: pa && sectionA,
        b: pb,
        by: row.match?.by,
        similarity: row.match?.similarity,
        moved: row.moved,
        renumbered: Boolean(pa && pb && pa.num !== pb.num),
      };
    });
  }

  pairMovedParagraphs(sections, fingerprint, moveThreshold, weights);
  markCarriedParagraphs(sections);
  return { sections, vocabulary, fingerprints };
}

/**
 * A moved article carries its paragraphs along: those that came from it (and are in order within
 * it) are moved too, with it, so every renderer can mark them. Runs after cross-article pairing,
 * so a paragraph moved in from another article keeps its own move.
 */
function markCarriedParagraphs(sections: SectionPair[]): void {
  for (const section of sections) {
    if (!section.moved || !section.a || !section.b) continue;
    for (const pair of section.paragraphs) {
      if (pair.a && pair.b && !pair.moved && pair.aSection === section.a) {
        pair.moved = true;
        pair.movedWithSection = true;
      }
    }
  }
}

/** Pairs A-only and B-only paragraphs of different articles: a paragraph moved to another article. */
function pairMovedParagraphs(
  sections: SectionPair[],
  fingerprint: (paragraph: Paragraph) => Fingerprint,
  threshold: number,
  weights: () => Float64Array,
): void {
  const removed: ParagraphPair[] = [];
  const added: { pair: ParagraphPair; section: SectionPair }[] = [];
  for (const section of sections) {
    for (const pair of section.paragraphs) {
      if (pair.a && !pair.b) removed.push(pair);
      if (pair.b && !pair.a) added.push({ pair, section });
    }
  }
  if (removed.length === 0 || added.length === 0) return;
  // Pairs within one article were weighed by the paragraph matcher already: group them out.
  // Explicit ids were matched there too, so they play no part here.
  const group = new Map<Section | undefined, number>();
  const groupOf = (section: Section | undefined) => {
    if (!group.has(section)) group.set(section, group.size);
    return group.get(section) as number;
  };
  const candidate = (paragraph: Paragraph, inGroup: number) =>
    new ParagraphCandidate(paragraph, fingerprint(paragraph), inGroup);
  const matches = matchUnits(
    removed.map((pair) => candidate(pair.a as Paragraph, groupOf(pair.aSection))),
    added.map(({ pair, section }) => candidate(pair.b as Paragraph, section.a ? groupOf(section.a) : -1)),
    threshold,
    { weights },
  );
  const consumed = new Set<ParagraphPair>();
  matches.forEach((match, i) => {
    const from = removed[i] as ParagraphPair;
    const to = match && added[match.b];
    if (!to) return;
    to.pair.a = from.a;
    to.pair.aSection = from.aSection;
    to.pair.by = 'moved-between-sections';
    to.pair.similarity = match.similarity;
    to.pair.content = match.content;
    to.pair.moved = true;
    to.pair.renumbered = from.a?.num !== to.pair.b?.num;
    consumed.add(from);
  });
  if (consumed.size === 0) return;
  for (const section of sections)
    section.paragraphs = section.paragraphs.filter((pair) => !consumed.has(pair));
}

// Candidates are classes rather than literals holding a `bag` closure: one is made per unit per
// comparison, and closures cost an allocation each (and more under tsx, which names them).

/** A paragraph as the matcher sees it; `group` set (and explicit ids ignored) for moves across articles. */
class ParagraphCandidate implements MatchCandidate {
  readonly explicitId: string | undefined;
  readonly exactKey: number;
  readonly exactIds: TokenIds;
  readonly num: string | undefined;
  readonly bagSize: number;

  constructor(
    paragraph: Paragraph,
    private readonly print: Fingerprint,
    readonly group?: number,
  ) {
    this.explicitId = paragraph.explicitId && group === undefined ? paragraph.id : undefined;
    this.exactKey = print.hash;
    this.exactIds = print.ids;
    this.num = paragraph.num;
    this.bagSize = print.bagSize;
  }

  bag(): TokenIds {
    return this.print.bag();
  }
}

/** An article (or other section) as the matcher sees it: its heading and all its paragraphs' words. */
class SectionCandidate implements MatchCandidate {
  readonly explicitId: string | undefined;
  readonly exactKey: string | undefined;
  readonly num: string | undefined;
  readonly bagSize: number;
  private merged: TokenIds | undefined;

  constructor(
    section: Section,
    private readonly prints: Fingerprint[],
  ) {
    this.explicitId = section.explicitId ? section.id : undefined;
    this.exactKey =
      section.heading || section.kind === 'preamble'
        ? `${section.kind}|${section.heading.toLowerCase().replace(/\s+/g, ' ')}`
        : undefined;
    this.num = section.num;
    this.bagSize = prints.reduce((n, p) => n + p.bagSize, 0);
  }

  bag(): TokenIds {
    return (this.merged ??= ([] as number[]).concat(...this.prints.map((p) => p.bag())));
  }
}
