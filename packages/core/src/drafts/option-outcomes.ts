import { isWord, type DraftDocument, type Paragraph, type Token } from './model.ts';
import type { Segment } from './word-diff.ts';

/** What is read of a redline's unit changes (a `UnitChange` of redline.ts, which calls this). */
interface UnitChange {
  unit: 'heading' | 'paragraph';
  a?: { id: string; label: string };
  b?: { id: string };
  aTokens: Token[];
  segments: Segment[];
}

/**
 * What became of each option group of the earlier version in the later one: still open, one
 * option chosen, several combined, or every option replaced by other text.
 */
export interface OptionOutcome {
  /** The group's index in the earlier version's `options`. */
  group: number;
  /** Where the group stands in the earlier version: `Article 3 ¶10`. */
  label: string;
  options: string[];
  outcome: 'open' | 'chosen' | 'combined' | 'replaced';
  /** The options whose wording survives in the later version (at least half of their words). */
  survivors: string[];
}

/** An option survives when at least this share of its words is kept, unchanged, in the later version. */
const SURVIVAL_SHARE = 0.5;

/**
 * `wordsOf`: per token of a change's A side, whether it is a word (by default read from the
 * tokens); given the change and its index in `changes`.
 */
export function optionOutcomes(
  a: DraftDocument,
  b: DraftDocument,
  changes: UnitChange[],
  wordsOf: (change: UnitChange, index: number) => readonly boolean[] = (change) => change.aTokens.map(isWord),
): OptionOutcome[] {
  const groups = a.options ?? [];
  if (groups.length === 0) return [];
  // Indexes into `changes`, which a caller may keep more about a change by.
  const byA = new Map<string, number>();
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index] as UnitChange;
    if (change.unit === 'paragraph' && change.a) byA.set(change.a.id, index);
  }
  const bParagraphs = new Map<string, Paragraph>();
  for (const section of b.sections) for (const p of section.paragraphs) bParagraphs.set(p.id, p);

  return groups.map((group) => {
    const survivors: string[] = [];
    let stillOptions = false;
    for (const option of group.options) {
      let words = 0;
      let kept = 0;
      const keptIn: string[] = [];
      for (const id of option.paragraphs) {
        const index = byA.get(id);
        if (index === undefined) continue;
        const change = changes[index] as UnitChange;
        const isWordAt = wordsOf(change, index);
        // Index loops: iterating with `for … of` allocated an iterator per paragraph of every option.
        for (let i = 0; i < isWordAt.length; i++) if (isWordAt[i]) words++;
        let equal = 0;
        const segments = change.segments;
        for (let s = 0; s < segments.length; s++) {
          const segment = segments[s] as Segment;
          if (segment.op !== 'equal') continue;
          for (let i = segment.aStart; i < segment.aEnd; i++) if (isWordAt[i]) equal++;
        }
        kept += equal;
        if (equal > 0 && change.b) keptIn.push(change.b.id);
      }
      if (words === 0 || kept / words < SURVIVAL_SHARE) continue;
      survivors.push(option.label);
      if (keptIn.some((id) => bParagraphs.get(id)?.option !== undefined)) stillOptions = true;
    }
    const firstIndex = byA.get(group.unit);
    const first = (firstIndex === undefined ? undefined : changes[firstIndex]?.a?.label) ?? group.section;
    const outcome: OptionOutcome['outcome'] =
      survivors.length === 0
        ? 'replaced'
        : stillOptions
          ? 'open'
          : survivors.length === 1
            ? 'chosen'
            : 'combined';
    return {
      group: group.id,
      label: first.replace(/ Option \S+$/, ''),
      options: group.options.map((o) => o.label),
      outcome,
      survivors,
    };
  });
}

/**
 * The options part of a redline summary, in words: a tally, then each group that was settled
 * (`Article 4 ¶1: Option 1 of 2 chosen`); groups still open are only counted.
 */
export function describeOptionOutcomes(outcomes: readonly OptionOutcome[]): {
  tally: string;
  settled: string[];
} {
  const count = (outcome: OptionOutcome['outcome']) => outcomes.filter((o) => o.outcome === outcome).length;
  const tally =
    `${outcomes.length} option groups: ${count('chosen')} with one option chosen, ` +
    `${count('combined')} combined, ${count('replaced')} replaced by other text, ${count('open')} still open`;
  const settled = outcomes.flatMap((o) => {
    const of = `of ${o.options.length}`;
    switch (o.outcome) {
      case 'chosen':
        return [`${o.label}: ${o.survivors[0]} ${of} chosen`];
      case 'combined':
        return [`${o.label}: ${o.survivors.join(' and ')} ${of} combined`];
      case 'replaced':
        return [`${o.label}: all ${o.options.length} options replaced`];
      default:
        return [];
    }
  });
  return { tally, settled };
}
