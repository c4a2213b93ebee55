import { partiesOfBracket } from '../drafts/brackets.ts';
import type { DraftDocument } from '../drafts/model.ts';

/**
 * Where each party stands on a single negotiating text, version by version: the provisions it
 * still holds open (brackets the text attributes to it, and the provisions it criticised) and its
 * answer when the version was put to a yes/no round; and the bracket convergence series, the
 * open brackets per party per version, that tells the pen-holder whether the text is closing.
 */

export interface TextVersion {
  version: string;
  date?: string;
  document: DraftDocument;
}

/** A criticism as the derivation needs it: which party objects to which provision of which version. */
export interface CriticismMark {
  version: string;
  provision: string;
  party: string;
}

/** A party's answer on a version; when a version has several, the last one given counts. */
export interface AnswerMark {
  version: string;
  party: string;
  answer: 'yes' | 'no';
}

export interface PartyStanding {
  party: string;
  /** Brackets (or alternatives of a choice) the text attributes to the party. */
  brackets: number;
  criticisms: number;
  /** Provisions with a bracket of the party's or a criticism of it, in document order. */
  openProvisions: string[];
  answer: 'yes' | 'no' | null;
  /** Whether the party still holds the version open: a provision open, or a "no". */
  holdsOpen: boolean;
}

export interface VersionStanding {
  version: string;
  date?: string;
  parties: PartyStanding[];
}

export interface ConvergenceEntry {
  version: string;
  date?: string;
  /** Open brackets per party (`unattributed` for brackets nobody is named for). */
  openBrackets: Record<string, number>;
  openProvisions: Record<string, number>;
  /** Change in each party's open brackets since the previous version. */
  delta?: Record<string, number>;
}

export type Trend = 'converging' | 'diverging' | 'flat' | 'single-version';

export interface SingleTextStanding {
  /** The parties reported, the required signatories first. */
  parties: string[];
  versions: VersionStanding[];
  series: { entries: ConvergenceEntry[]; trend: Record<string, Trend> };
}

/** The provisions of a version in document order: each section, then each of its paragraphs. */
export function provisionsOf(document: DraftDocument): string[] {
  return document.sections.flatMap((section) => [section.id, ...section.paragraphs.map((p) => p.id)]);
}

/** A bracket in a heading (`art-2.heading`) stands in its section (`art-2`). */
function provisionOfUnit(unit: string): string {
  return unit.endsWith('.heading') ? unit.slice(0, -'.heading'.length) : unit;
}

/**
 * The standing of every party on every version, and the convergence series. `versions` in the
 * order they were issued; `parties` the required signatories (reported even when they hold
 * nothing open); parties that appear only in brackets, criticisms or answers follow, sorted.
 */
export function singleTextStanding(
  versions: readonly TextVersion[],
  marks: {
    parties: readonly string[];
    criticisms: readonly CriticismMark[];
    answers: readonly AnswerMark[];
  },
): SingleTextStanding {
  const others = new Set<string>();
  for (const { document } of versions)
    for (const bracket of document.brackets) for (const p of partiesOfBracket(bracket)) others.add(p);
  for (const m of [...marks.criticisms, ...marks.answers]) others.add(m.party);
  for (const p of marks.parties) others.delete(p);
  const parties = [...marks.parties, ...[...others].sort()];

  const standings = versions.map(({ version, date, document }): VersionStanding => {
    const order = provisionsOf(document);
    const place = (provision: string) => {
      const i = order.indexOf(provision);
      return i < 0 ? order.length : i;
    };
    const open = new Map(parties.map((p) => [p, new Set<string>()]));
    const brackets = new Map(parties.map((p) => [p, 0]));
    const criticisms = new Map(parties.map((p) => [p, 0]));
    const answers = new Map<string, 'yes' | 'no'>();
    for (const bracket of document.brackets)
      for (const party of partiesOfBracket(bracket)) {
        brackets.set(party, brackets.get(party)! + 1);
        open.get(party)!.add(provisionOfUnit(bracket.unit));
      }
    for (const c of marks.criticisms)
      if (c.version === version) {
        criticisms.set(c.party, criticisms.get(c.party)! + 1);
        open.get(c.party)!.add(c.provision);
      }
    for (const a of marks.answers) if (a.version === version) answers.set(a.party, a.answer);
    return {
      version,
      ...(date ? { date } : {}),
      parties: parties.map((party) => {
        const openProvisions = [...open.get(party)!].sort(
          (x, y) => place(x) - place(y) || (x < y ? -1 : x > y ? 1 : 0),
        );
        const answer = answers.get(party) ?? null;
        return {
          party,
          brackets: brackets.get(party)!,
          criticisms: criticisms.get(party)!,
          openProvisions,
          answer,
          holdsOpen: openProvisions.length > 0 || answer === 'no',
        };
      }),
    };
  });

  const entries = standings.map(({ version, date, parties: standing }, i): ConvergenceEntry => {
    const openBrackets = Object.fromEntries(standing.map((s) => [s.party, s.brackets]));
    const openProvisions = Object.fromEntries(standing.map((s) => [s.party, s.openProvisions.length]));
    const before = standings[i - 1]?.parties;
    return {
      version,
      ...(date ? { date } : {}),
      openBrackets,
      openProvisions,
      ...(before
        ? { delta: Object.fromEntries(standing.map((s, k) => [s.party, s.brackets - before[k]!.brackets])) }
        : {}),
    };
  });
  const trend = Object.fromEntries(
    parties.map((party): [string, Trend] => {
      if (entries.length < 2) return [party, 'single-version'];
      const first = entries[0]!.openBrackets[party]!;
      const last = entries.at(-1)!.openBrackets[party]!;
      return [party, last < first ? 'converging' : last > first ? 'diverging' : 'flat'];
    }),
  );
  return { parties, versions: standings, series: { entries, trend } };
}
