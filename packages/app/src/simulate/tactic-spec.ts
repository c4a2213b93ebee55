import { ParleyError } from '@parley/model/errors.ts';
import type { Acceptance } from '@parley/core/simulate/acceptance.ts';
import type { Drawn, TacticDraw } from '@parley/core/simulate/monte-carlo.ts';
import { GUARANTOR_KNOWLEDGE, type GuarantorKnowledge } from '@parley/core/simulate/guarantors.ts';

/**
 * `--tactic party=spec` and `--accept party=spec`. Messages quote the argument as given, name the
 * flag and its position, and list what is allowed.
 *
 * Tactics: boulware[:e] (e < 1, default 0.2), linear, conceder[:e] (e > 1, default 2),
 * hardliner, time:e[:k] (any e ≥ 0, k ∈ [0, 1)), tit-for-tat[:relative|absolute] (default
 * relative), random, subgame-perfect, scripted
 * (case folders: the party's recorded positions). A parameter may be a range `low..high`, drawn
 * uniformly per run; both ends must be in range.
 * Acceptance: next, const:α, time:T, and combinations joined by & (all) or | (any).
 */

export const TACTICS =
  'boulware[:e], linear, conceder[:e], hardliner, time:e[:k], tit-for-tat[:absolute], random, subgame-perfect, scripted';
export const ACCEPTANCES = 'next, const:<utility>, time:<relative time>, last, joined by & (all) or | (any)';

/** A party name as the user may write it → its index among the bargaining parties. */
export type PartyNames = ReadonlyMap<string, number>;

interface Located {
  flag: string;
  position: number;
  text: string;
}

const fail = (at: Located, detail: string) =>
  new ParleyError('usage', `${at.flag} #${at.position} "${at.text}": ${detail}`);

/** Splits `party=spec` and resolves the party. */
function assignment(at: Located, names: PartyNames): { party: number; spec: string } {
  const eq = at.text.indexOf('=');
  if (eq <= 0 || eq === at.text.length - 1) throw fail(at, 'expected <party>=<spec>');
  const name = at.text.slice(0, eq);
  const party = names.get(name);
  if (party === undefined)
    throw fail(at, `no party "${name}"; the parties are ${[...names.keys()].join(', ')}`);
  return { party, spec: at.text.slice(eq + 1) };
}

function numberIn(at: Located, text: string | undefined, what: string, ok: (x: number) => boolean): number {
  const x = text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!ok(x)) throw fail(at, `${what} "${text ?? ''}" is out of range`);
  return x;
}

/** A number or a range `low..high` (low ≤ high), each end checked like a number. */
function drawnIn(at: Located, text: string | undefined, what: string, ok: (x: number) => boolean): Drawn {
  const ends = text?.split('..');
  if (!ends || ends.length !== 2) return numberIn(at, text, what, ok);
  const low = numberIn(at, ends[0], what, ok);
  const high = numberIn(at, ends[1], what, ok);
  if (low > high) throw fail(at, `${what} range "${text}" runs backwards`);
  return low === high ? low : { low, high };
}

/** `--noise`: opponent-model noise, a number or a range in [0, 1]. */
export function parseNoise(text: string): Drawn {
  return drawnIn({ flag: '--noise', position: 1, text }, text, 'noise', (x) => x >= 0 && x <= 1);
}

export function parseTactic(at: Located, spec: string): TacticDraw {
  const [name, p, q, extra] = spec.split(':');
  const none = (s: TacticDraw) => {
    if (p !== undefined) throw fail(at, `${name} takes no parameter`);
    return s;
  };
  if (extra !== undefined) throw fail(at, 'too many parameters');
  switch (name) {
    case 'boulware':
      if (q !== undefined) throw fail(at, 'boulware takes one parameter, e');
      return {
        kind: 'time-dependent',
        e: p === undefined ? 0.2 : drawnIn(at, p, 'e', (e) => e > 0 && e < 1),
      };
    case 'conceder':
      if (q !== undefined) throw fail(at, 'conceder takes one parameter, e');
      return {
        kind: 'time-dependent',
        e: p === undefined ? 2 : drawnIn(at, p, 'e', (e) => e > 1 && e <= 1000),
      };
    case 'linear':
      return none({ kind: 'time-dependent', e: 1 });
    case 'hardliner':
      return none({ kind: 'time-dependent', e: 0 });
    case 'time':
      return {
        kind: 'time-dependent',
        e: drawnIn(at, p, 'e', (e) => e >= 0 && e <= 1000),
        k: q === undefined ? 0 : drawnIn(at, q, 'k', (k) => k >= 0 && k < 1),
      };
    case 'tit-for-tat':
      if (q !== undefined) throw fail(at, 'tit-for-tat takes one parameter, relative or absolute');
      if (p === undefined || p === 'relative') return { kind: 'tit-for-tat' };
      if (p === 'absolute') return { kind: 'tit-for-tat', imitation: 'absolute' };
      throw fail(at, `tit-for-tat imitates "relative" or "absolute", not "${p}"`);
    case 'random':
      return none({ kind: 'random' });
    case 'subgame-perfect':
      return none({ kind: 'subgame-perfect' });
    case 'scripted':
      // The positions come from the case (simulate.ts fills them in).
      return none({ kind: 'scripted', positions: [] });
    default:
      throw fail(at, `unknown tactic "${name}"; expected one of ${TACTICS}`);
  }
}

export function parseAcceptance(at: Located, spec: string): Acceptance {
  if (spec.includes('|')) return { kind: 'or', of: spec.split('|').map((s) => parseAcceptance(at, s)) };
  if (spec.includes('&')) return { kind: 'and', of: spec.split('&').map((s) => parseAcceptance(at, s)) };
  const [name, p, extra] = spec.split(':');
  if (extra !== undefined) throw fail(at, 'too many parameters');
  if (name === 'next' && p === undefined) return { kind: 'next' };
  if (name === 'last' && p === undefined) return { kind: 'last' };
  if (name === 'const') return { kind: 'const', alpha: numberIn(at, p, 'α', (a) => a >= 0 && a <= 1) };
  if (name === 'time') return { kind: 'time', at: numberIn(at, p, 'T', (t) => t >= 0 && t <= 1) };
  throw fail(at, `unknown acceptance condition "${spec}"; expected ${ACCEPTANCES}`);
}

/** Per party (index among the bargaining parties): its spec, or undefined when none was given. */
export function assignSpecs<T>(
  flag: string,
  texts: readonly string[],
  names: PartyNames,
  parse: (at: Located, spec: string) => T,
): (T | undefined)[] {
  const specs: (T | undefined)[] = new Array(new Set(names.values()).size).fill(undefined);
  texts.forEach((text, k) => {
    const at = { flag, position: k + 1, text };
    const { party, spec } = assignment(at, names);
    if (specs[party] !== undefined) throw fail(at, 'this party already has one');
    specs[party] = parse(at, spec);
  });
  return specs;
}

/**
 * `--guarantors mode` (every party) or `--guarantors party=mode` (repeatable): what each party
 * knows of the guarantors (core simulate/guarantors.ts). A party given none is informed.
 */
export function assignGuarantors(texts: readonly string[], names: PartyNames): GuarantorKnowledge[] {
  const modes: (GuarantorKnowledge | undefined)[] = new Array(new Set(names.values()).size).fill(undefined);
  let everyone: GuarantorKnowledge | undefined;
  texts.forEach((text, k) => {
    const at = { flag: '--guarantors', position: k + 1, text };
    const mode = (spec: string): GuarantorKnowledge => {
      if ((GUARANTOR_KNOWLEDGE as readonly string[]).includes(spec)) return spec as GuarantorKnowledge;
      throw fail(at, `unknown guarantor knowledge "${spec}"; expected ${GUARANTOR_KNOWLEDGE.join(', ')}`);
    };
    if (!text.includes('=')) {
      if (everyone !== undefined) throw fail(at, 'give one mode for every party, or party=mode');
      everyone = mode(text);
      return;
    }
    const { party, spec } = assignment(at, names);
    if (modes[party] !== undefined) throw fail(at, 'this party already has one');
    modes[party] = mode(spec);
  });
  return modes.map((m) => m ?? everyone ?? 'informed');
}
