import type { ClaimJson, ClaimsJson } from '@parley/app/views/claims.ts';

type Proposition = ClaimsJson['propositions'][number];

/** One side of a contested point: the claims for one value, or for or against the proposition. */
export interface ClaimSide {
  heading: string;
  claims: ClaimJson[];
}

/**
 * The sides of a contested point, to set side by side: one per competing value when the claims
 * give values (which day, which figure), otherwise those who support it and those who dispute it.
 */
export function claimSides(p: Proposition): ClaimSide[] {
  const claims = [...p.supporting, ...p.disputing];
  if (p.values.length > 1)
    return [
      ...p.values.map((v) => ({
        heading: `Says ${String(v)}`,
        claims: p.supporting.filter((c) => c.value !== undefined && String(c.value) === String(v)),
      })),
      ...(p.disputing.length > 0 ? [{ heading: 'Disputes it', claims: p.disputing }] : []),
      ...unvalued(p),
    ].filter((s) => s.claims.length > 0);
  return [
    { heading: 'Supports it', claims: p.supporting },
    { heading: 'Disputes it', claims: p.disputing },
  ].filter((s) => s.claims.length > 0 || claims.length === 0);
}

const unvalued = (p: Proposition): ClaimSide[] => {
  const claims = p.supporting.filter((c) => c.value === undefined);
  return claims.length > 0 ? [{ heading: 'Supports it (no value given)', claims }] : [];
};

/** How a claim's basis reads: the author's own claim, or the analyst's inference from it. */
export const basisLabel = (c: Pick<ClaimJson, 'basis'>) =>
  c.basis === 'inferred' ? 'Analyst’s inference' : 'Author’s claim';

/** The claimants of the who-says-what grid and the propositions they speak to, in the view's order. */
export function gridAxes(view: Pick<ClaimsJson, 'matrix' | 'propositions'>): {
  claimants: string[];
  propositions: Proposition[];
} {
  const claimants = Object.keys(view.matrix);
  const spoken = new Set(claimants.flatMap((c) => Object.keys(view.matrix[c]!)));
  return { claimants, propositions: view.propositions.filter((p) => spoken.has(p.id)) };
}
