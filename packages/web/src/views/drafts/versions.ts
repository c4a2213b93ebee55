import type { BracketsJson } from '@parley/app/drafts/brackets.ts';

/** A version as the drafts view gives it: its id and the version it was drafted from. */
export interface VersionIn {
  id: string;
  basis?: string | undefined;
}

/** A version placed in the tree of basis links: how deep it sits, and its basis. */
export interface VersionNode<V extends VersionIn> {
  version: V;
  depth: number;
}

/**
 * The versions as a tree of basis links, in reading order (each version under the one it was
 * drafted from, siblings in the document's order). A version whose basis is not among the
 * versions (or none) starts a tree of its own.
 */
export function versionTree<V extends VersionIn>(versions: readonly V[]): VersionNode<V>[] {
  const ids = new Set(versions.map((v) => v.id));
  const children = new Map<string | undefined, V[]>();
  for (const v of versions) {
    const parent = v.basis && ids.has(v.basis) && v.basis !== v.id ? v.basis : undefined;
    children.set(parent, [...(children.get(parent) ?? []), v]);
  }
  const out: VersionNode<V>[] = [];
  const seen = new Set<string>();
  const visit = (v: V, depth: number) => {
    if (seen.has(v.id)) return; // a basis cycle is drawn once
    seen.add(v.id);
    out.push({ version: v, depth });
    for (const child of children.get(v.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(undefined) ?? []) visit(root, 0);
  for (const v of versions) visit(v, 0);
  return out;
}

/** One version's open brackets for one party: a row of the convergence chart and table. */
export interface BracketRow {
  version: string;
  /** The version's place in the order, for the chart's axis. */
  index: number;
  date: string;
  party: string;
  brackets: number;
}

/** The parties that hold brackets in any version, in order of first appearance. */
export function bracketParties(series: Pick<BracketsJson, 'entries'>): string[] {
  return [...new Set(series.entries.flatMap((e) => Object.keys(e.byParty)))];
}

/** Brackets per party per version; a party without brackets in a version counts 0 there (converged, not missing). */
export function bracketRows(series: Pick<BracketsJson, 'entries'>): BracketRow[] {
  const parties = bracketParties(series);
  return series.entries.flatMap((e, index) =>
    parties.map((party) => ({
      version: e.version,
      index,
      date: e.date ?? '',
      party,
      brackets: e.byParty[party] ?? 0,
    })),
  );
}

/** A colour per party, the same in the redline and the chart (with the party's name always beside it). */
const PALETTE = ['#b3261e', '#0b5cad', '#6a3d9a', '#1b7f3b', '#9a5b00', '#00727a', '#8a2c6b', '#4d4d4d'];

export function partyColours(parties: readonly string[]): Map<string, string> {
  return new Map(parties.map((p, i) => [p, PALETTE[i % PALETTE.length]!]));
}
