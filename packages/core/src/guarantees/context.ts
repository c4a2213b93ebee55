import type {
  Council,
  GuaranteeInstrument,
  GuaranteesFile,
  Place,
  Willingness,
  WillingnessLevels,
} from '@parley/model/schema/guarantee.ts';

/** The attacker id for "a state not named anywhere": never a guarantor, never the victim. */
export const thirdState = 'third-state';

/** The place id for the guaranteed state's territory outside any named place (scenario without `place`). */
export const corePlace = 'core';

/** One file of guarantee records and where it came from ('case' or a library path). */
export interface GuaranteeSource {
  origin: string;
  file: GuaranteesFile;
  /** Display names of the actors the file cites. */
  actorNames?: ReadonlyMap<string, string>;
}

export interface InstrumentEntry {
  instrument: GuaranteeInstrument;
  origin: string;
}

export interface WillingnessEntry {
  entry: Willingness;
  origin: string;
  /** Case assumptions win ties against library assumptions. */
  fromCase: boolean;
}

/** Everything an evaluation needs: the case's and the library's records merged. */
export interface GuaranteeContext {
  instruments: InstrumentEntry[];
  places: Map<string, Place>;
  councils: Map<string, Council>;
  willingness: WillingnessEntry[];
  actorNames: Map<string, string>;
}

/** What one instrument needs to be evaluated, resolved from the context. */
export interface InstrumentSetting {
  instrument: GuaranteeInstrument;
  places: ReadonlyMap<string, Place>;
  council?: Council;
}

/**
 * Merges guarantee files (the case first, then library files). Returns the problems that only
 * show across files: the same instrument, place or council id defined twice.
 */
export function buildContext(sources: readonly GuaranteeSource[]): {
  context: GuaranteeContext;
  problems: string[];
} {
  const problems: string[] = [];
  const context: GuaranteeContext = {
    instruments: [],
    places: new Map(),
    councils: new Map(),
    willingness: [],
    actorNames: new Map([[thirdState, 'a third state']]),
  };
  const instrumentOrigin = new Map<string, string>();
  const placeOrigin = new Map<string, string>();
  const councilOrigin = new Map<string, string>();
  for (const { origin, file, actorNames } of sources) {
    for (const instrument of file.instruments) {
      const first = instrumentOrigin.get(instrument.id);
      if (first !== undefined) {
        problems.push(`${origin}: instrument "${instrument.id}" is already defined in ${first}`);
        continue;
      }
      instrumentOrigin.set(instrument.id, origin);
      context.instruments.push({ instrument, origin });
    }
    for (const place of file.places ?? []) {
      const first = placeOrigin.get(place.id);
      const known = context.places.get(place.id);
      if (first !== undefined && known && (known.of !== place.of || known.partOf !== place.partOf)) {
        problems.push(`${origin}: place "${place.id}" is already defined differently in ${first}`);
      }
      if (first !== undefined) continue;
      placeOrigin.set(place.id, origin);
      context.places.set(place.id, place);
    }
    for (const council of file.councils ?? []) {
      const first = councilOrigin.get(council.id);
      if (first !== undefined) {
        problems.push(`${origin}: council "${council.id}" is already defined in ${first}`);
        continue;
      }
      councilOrigin.set(council.id, origin);
      context.councils.set(council.id, council);
    }
    for (const entry of file.willingness ?? []) {
      context.willingness.push({ entry, origin, fromCase: origin === 'case' });
    }
    for (const [id, name] of actorNames ?? [])
      if (!context.actorNames.has(id)) context.actorNames.set(id, name);
  }
  return { context, problems };
}

export function findInstrument(context: GuaranteeContext, id: string): InstrumentEntry | undefined {
  return context.instruments.find((e) => e.instrument.id === id);
}

/** Binds an instrument to the places and council it names; throws on ids the checks let through. */
export function settingFor(context: GuaranteeContext, instrument: GuaranteeInstrument): InstrumentSetting {
  const council = instrument.council === undefined ? undefined : context.councils.get(instrument.council);
  if (instrument.council !== undefined && !council) {
    throw new Error(`instrument "${instrument.id}" names unknown council "${instrument.council}"`);
  }
  return council ? { instrument, places: context.places, council } : { instrument, places: context.places };
}

export const actorName = (context: GuaranteeContext, id: string): string => context.actorNames.get(id) ?? id;

/** The place and every place it lies in, innermost first (stops on a cycle). */
export function placeChain(places: ReadonlyMap<string, Place>, id: string): Place[] {
  const chain: Place[] = [];
  let current = places.get(id);
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = current.partOf === undefined ? undefined : places.get(current.partOf);
  }
  return chain;
}

/** Everyone whose willingness matters: the guarantors, then veto holders who are not guarantors. */
export function participantsOf(setting: InstrumentSetting): string[] {
  const { instrument, council } = setting;
  const extra = instrument.decisionRule === 'unsc' && council ? council.vetoHolders : [];
  return [...instrument.guarantors, ...extra.filter((v) => !instrument.guarantors.includes(v))];
}

export type WillingnessChoice =
  | { kind: 'assumed'; levels: WillingnessLevels; entry: Willingness; origin: string }
  /** The attacker does not help its own victim: zero by construction, not an assumption. */
  | { kind: 'attacker-itself'; levels: WillingnessLevels };

const never: WillingnessLevels = {
  consultation: 0,
  'unsc-request': 0,
  diplomatic: 0,
  sanctions: 0,
  weapons: 0,
  'no-fly-zone': 0,
  'armed-force': 0,
};

const specificity = (w: Willingness): number => (w.instruments ? 2 : 0) + (w.attackers ? 1 : 0);

/** The willingness entry that governs one guarantor in one scenario, or undefined if none does. */
export function resolveWillingness(
  context: GuaranteeContext,
  instrument: GuaranteeInstrument,
  participant: string,
  attacker: string,
): WillingnessChoice | undefined {
  if (participant === attacker) return { kind: 'attacker-itself', levels: never };
  let best: WillingnessEntry | undefined;
  for (const candidate of context.willingness) {
    const w = candidate.entry;
    if (w.guaranteedState !== instrument.guaranteedState || !w.guarantors.includes(participant)) continue;
    if (w.attackers && !w.attackers.includes(attacker)) continue;
    if (w.instruments && !w.instruments.includes(instrument.id)) continue;
    if (
      !best ||
      specificity(w) > specificity(best.entry) ||
      (specificity(w) === specificity(best.entry) && candidate.fromCase && !best.fromCase)
    ) {
      best = candidate;
    }
  }
  return best && { kind: 'assumed', levels: best.entry.levels, entry: best.entry, origin: best.origin };
}
