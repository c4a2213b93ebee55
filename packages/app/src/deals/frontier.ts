import { ParleyError } from '@parley/model/errors.ts';
import {
  frontierSample,
  nearestFrontierPoint,
  type ProvenFrontierPoint,
  type Scalarisation,
} from '@parley/core/bargaining/frontier-sample.ts';
import { importGenius } from '@parley/core/bargaining/genius/genius-xml.ts';
import { importGeniusWeb } from '@parley/core/bargaining/genius/geniusweb-import.ts';
import { deadlineOf } from '@parley/core/bargaining/incumbent.ts';
import {
  describeOutcome,
  outcomeCount,
  partyIndices,
  utilitiesOf,
  type NegotiationDomain,
  type Outcome,
} from '@parley/core/bargaining/outcome-space.ts';
import { paretoFrontier, projectedFrontier } from '@parley/core/bargaining/pareto.ts';
import type { GeniusText } from './genius.ts';
import type { FrontierInput } from './input.ts';
import { searchBudget } from './search-budget.ts';

/** The JSON of `parley deals frontier` (docs/deals.md, "Many parties"). */
export interface FrontierPointReport {
  /** One utility per party, in profile order. */
  utilities: number[];
  outcome: Record<string, string>;
  proven: boolean;
}

export interface FrontierReport {
  domain: string;
  outcomes: number;
  parties: string[];
  /** The full frontier: its size when it could be computed within the limits, else why not. */
  frontier: { size: number; listed: boolean } | { size: null; reason: string };
  sample: {
    method: Scalarisation;
    guarantee: string;
    /** Directions the budget left unanswered. */
    unanswered: number;
    points: (FrontierPointReport & { direction: number[]; upperBound: number; nodes: number })[];
  };
  projection?:
    | { parties: [string, string]; size: number; points: FrontierPointReport[] }
    | { parties: [string, string]; size: null; reason: string };
  nearest?: {
    proposal: { utilities: number[]; outcome: Record<string, string> };
    /** The least gain of any party over the proposal, as a share of its utility range. */
    share: number;
    shareProven: boolean;
    point: FrontierPointReport;
  };
  budget: { timeLimitSeconds: number; nodeLimit: number | null };
}

/** Above this many points the full frontier is counted but not printed. */
const LISTED = 200;

export function frontierFromFiles(files: readonly GeniusText[], input: FrontierInput): FrontierReport {
  const { name, domain } = load(files, input.normalizeWeights);
  const parties = partyIndices(domain);
  const ids = parties.map((p) => domain.stakeholders[p]!.id);
  // One budget for the whole report: the full frontier is bounded by its own work limits.
  const budget = searchBudget(input);
  const search = { ...budget, deadline: deadlineOf(budget) };
  const pick = (utilities: number[]) => parties.map((p) => utilities[p]!);
  const pointOf = (p: { outcome: Outcome; utilities: number[] }, proven: boolean): FrontierPointReport => ({
    utilities: pick(p.utilities),
    outcome: describeOutcome(domain, p.outcome),
    proven,
  });
  const projection = input.project === undefined ? undefined : project(domain, ids, input.project);
  const nearest = input.nearest === undefined ? undefined : proposalOf(domain, input.nearest);
  const full = paretoFrontier(domain);
  // The point asked for first, then the sample in what is left of the budget.
  const close = nearest && nearestFrontierPoint(domain, nearest, search);
  const sample = frontierSample(domain, input.sample, input.method, search);
  const sampled = (p: ProvenFrontierPoint) => ({
    ...pointOf(p, p.proven),
    direction: pick(p.direction),
    upperBound: p.certificate.upperBound,
    nodes: p.certificate.nodes,
  });
  return {
    domain: name,
    outcomes: outcomeCount(domain),
    parties: ids,
    frontier:
      full.size === null
        ? { size: null, reason: full.reason }
        : { size: full.size, listed: full.size <= LISTED },
    sample: {
      method: sample.method,
      guarantee: sample.guarantee,
      unanswered: sample.unanswered,
      points: sample.points.map(sampled),
    },
    ...(projection ? { projection } : {}),
    ...(nearest && close
      ? {
          nearest: {
            proposal: {
              utilities: pick(utilitiesOf(domain, nearest)),
              outcome: describeOutcome(domain, nearest),
            },
            share: close.share,
            shareProven: close.shareProven,
            point: pointOf(close, close.proven),
          },
        }
      : {}),
    budget: { timeLimitSeconds: input.timeLimit, nodeLimit: input.nodeLimit ?? null },
  };

  function project(d: NegotiationDomain, names: string[], spec: string): FrontierReport['projection'] {
    const picked = spec.split(',').map((s) => s.trim());
    const at = picked.map((s) => {
      const byNumber = /^\d+$/.test(s) ? Number(s) - 1 : -1;
      const k = byNumber >= 0 && byNumber < names.length ? byNumber : names.indexOf(s);
      if (k < 0)
        throw new ParleyError(
          'usage',
          `\`project\` names "${s}", which is not a profile: give two profile numbers (1–${names.length}) or ids (${names.join(', ')})`,
        );
      return k;
    });
    if (at.length !== 2 || at[0] === at[1])
      throw new ParleyError('usage', `\`project\` takes two different profiles, e.g. 1,2 (got "${spec}")`);
    const pair: [string, string] = [names[at[0]!]!, names[at[1]!]!];
    const result = projectedFrontier(d, parties[at[0]!]!, parties[at[1]!]!);
    if (result.size === null) return { parties: pair, size: null, reason: result.reason };
    return {
      parties: pair,
      size: result.size,
      points: result.points.map((p) => ({
        utilities: p.utilities,
        outcome: describeOutcome(d, p.outcome),
        proven: true,
      })),
    };
  }
}

/** "issue=value,issue=value": every issue once, by name, with one of its options. */
function proposalOf(domain: NegotiationDomain, spec: string): Outcome {
  const outcome: (number | undefined)[] = domain.issues.map(() => undefined);
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const issueName = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    const i = domain.issues.findIndex((issue) => issue.name === issueName);
    if (eq < 0 || i < 0)
      throw new ParleyError(
        'usage',
        `\`nearest\`: "${part.trim()}" is not issue=value for an issue of the domain (${domain.issues.map((x) => x.name).join(', ')})`,
      );
    const j = domain.issues[i]!.options.indexOf(value);
    if (j < 0)
      throw new ParleyError(
        'usage',
        `\`nearest\`: issue ${issueName} has no value "${value}" (it has ${domain.issues[i]!.options.join(', ')})`,
      );
    outcome[i] = j;
  }
  const missing = domain.issues.filter((_, i) => outcome[i] === undefined).map((x) => x.name);
  if (missing.length > 0)
    throw new ParleyError('usage', `\`nearest\`: the package gives no value for ${missing.join(', ')}`);
  return outcome as Outcome;
}

/** The domain of GENIUS XML files (domain, then profiles) or GeniusWeb JSON profiles. */
function load(
  files: readonly GeniusText[],
  normalizeWeights: boolean,
): { name: string; domain: NegotiationDomain } {
  if (files.length > 0 && files.every(({ file }) => file.toLowerCase().endsWith('.json')))
    return { name: 'geniusweb', domain: importGeniusWeb([...files]) };
  if (files.length < 2)
    throw new ParleyError('usage', 'give a GENIUS domain file and at least one profile file');
  const imported = importGenius(files[0]!, files.slice(1), { normalizeWeights });
  if (imported.caps.some(Boolean))
    throw new ParleyError(
      'usage',
      `${imported.profiles
        .filter((_, k) => imported.caps[k])
        .map((p) => p.file)
        .join(
          ', ',
        )}: weights let some package score above 1, and utilities capped at 1 are not additive; give --normalize-weights to divide them by their sum`,
    );
  return { name: imported.domain.name, domain: imported.negotiation };
}
