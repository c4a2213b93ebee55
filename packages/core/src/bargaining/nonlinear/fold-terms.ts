import { ParleyError } from '@parley/model/errors.ts';
import {
  countText,
  MAX_ISSUE_OPTIONS,
  type NegotiationDomain,
  type Outcome,
  type Stakeholder,
} from '../outcome-space.ts';
import type { RectangleTerm } from './interacting-utility.ts';

/**
 * Hyper-rectangle terms made additive, exactly, so every additive engine (agreement set with
 * guarantors' consent, Nash, Kalai–Smorodinsky, welfare, egalitarian, frontier, ZOPA) accounts for
 * them unchanged: the issues that some term joins are merged into one compound issue whose options
 * are their combinations, and each combination scores the sum of its members' scores plus every
 * term whose box contains it. The folded domain has exactly the packages of the original (one
 * compound option per combination), each with exactly its utilities; its cost is the size of the
 * largest compound issue, which must stay within MAX_ISSUE_OPTIONS.
 *
 * A term that bounds one issue folds into that issue's scores; a term with no bound, into the
 * first issue's. A domain without terms is returned as it is.
 */

export interface FoldedDomain {
  domain: NegotiationDomain;
  /** The domain before folding (its issues name the packages that reports show). */
  original: NegotiationDomain;
  /** Original issue → the folded issue that holds it. */
  position: number[];
  /** Folded issue → the original issues it holds, ascending (the first varies slowest). */
  groups: number[][];
  /** The original package of a folded one. */
  unfold(outcome: Outcome): Outcome;
  /** The folded package of an original one. */
  fold(outcome: Outcome): Outcome;
}

/** Joins the names or labels of a compound issue's members. */
const JOIN = ' + ';

/**
 * `joining`: the terms whose issues are merged (default `terms`); pass every stakeholder's terms
 * when folding for a subset of them, so both folds have the same issues.
 */
export function foldTerms(
  domain: NegotiationDomain,
  terms: readonly (readonly RectangleTerm[])[],
  joining: readonly (readonly RectangleTerm[])[] = terms,
): FoldedDomain {
  const n = domain.issues.length;
  if (terms.every((t) => t.length === 0) && joining.every((t) => t.length === 0)) {
    const identity = domain.issues.map((_, i) => i);
    return {
      domain,
      original: domain,
      position: identity,
      groups: identity.map((i) => [i]),
      unfold: (o) => [...o],
      fold: (o) => [...o],
    };
  }
  const parent = domain.issues.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  // Each group's root is its smallest issue, so groups come out in the order of their first issue.
  const join = (a: number, b: number) => {
    const [x, y] = [root(a), root(b)];
    parent[Math.max(x, y)] = Math.min(x, y);
  };
  for (const list of joining)
    for (const t of list) for (const b of t.bounds) join(b.issue, t.bounds[0]!.issue);
  const groups: number[][] = [];
  const position: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const r = root(i);
    if (r === i) {
      position[i] = groups.length;
      groups.push([i]);
    } else {
      position[i] = position[r]!;
      groups[position[r]!]!.push(i);
    }
  }
  const sizes = domain.issues.map((issue) => issue.options.length);
  for (const g of groups) {
    const size = g.reduce((p, i) => p * sizes[i]!, 1);
    if (size > MAX_ISSUE_OPTIONS)
      throw new ParleyError(
        'invalid-model',
        `the interactions join issues ${g.map((i) => domain.issues[i]!.name).join(', ')}, which make ${countText(size)} combinations, above the limit of ${countText(MAX_ISSUE_OPTIONS)}; join fewer issues or options`,
      );
  }
  /** Digits (one option per member, first member slowest) of each compound option. */
  const digits = groups.map((g) => {
    const count = g.reduce((p, i) => p * sizes[i]!, 1);
    return Array.from({ length: count }, (_, c) => {
      const d = new Array<number>(g.length);
      for (let k = g.length - 1; k >= 0; k--) {
        d[k] = c % sizes[g[k]!]!;
        c = Math.floor(c / sizes[g[k]!]!);
      }
      return d;
    });
  });
  const issues = groups.map((g, f) =>
    g.length === 1
      ? domain.issues[g[0]!]!
      : {
          name: g.map((i) => domain.issues[i]!.name).join(JOIN),
          options: digits[f]!.map((d) => d.map((o, k) => domain.issues[g[k]!]!.options[o]!).join(JOIN)),
        },
  );
  const inBox = (t: RectangleTerm, f: number, d: number[]) =>
    t.bounds.every((b) => {
      const o = d[groups[f]!.indexOf(b.issue)]!;
      return o >= b.lo && o <= b.hi;
    });
  const stakeholders = domain.stakeholders.map((s, q): Stakeholder => {
    const own = terms[q] ?? [];
    const scores = groups.map((g, f) =>
      digits[f]!.map((d) => {
        let score = 0;
        g.forEach((i, k) => (score += s.scores[i]![d[k]!]!));
        for (const t of own) {
          const home = t.bounds.length === 0 ? 0 : position[t.bounds[0]!.issue];
          if (home === f && inBox(t, f, d)) score += t.value;
        }
        return score;
      }),
    );
    const folded: Stakeholder = { ...s, scores };
    if (s.obligedWhen) {
      const { issue, options } = s.obligedWhen;
      const f = position[issue]!;
      const k = groups[f]!.indexOf(issue);
      folded.obligedWhen = {
        issue: f,
        options: digits[f]!.flatMap((d, c) => (options.includes(d[k]!) ? [c] : [])),
      };
    }
    return folded;
  });
  return {
    domain: { issues, stakeholders },
    original: domain,
    position,
    groups,
    unfold: (outcome) => {
      const out = new Array<number>(n);
      groups.forEach((g, f) => digits[f]![outcome[f]!]!.forEach((o, k) => (out[g[k]!] = o)));
      return out;
    },
    fold: (outcome) => groups.map((g) => g.reduce((c, i) => c * sizes[i]! + outcome[i]!, 0)),
  };
}
