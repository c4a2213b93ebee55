/**
 * Benchmark: scenario evaluations per second for a guarantee instrument with 12 guarantors, the
 * compiled bitmask evaluator against the readable object-per-scenario evaluation, measured side
 * by side in one process on the same pre-generated scenarios (one core: Node runs this on one
 * thread). Both must give the same providers; the run stops if they do not.
 *
 * A scenario is an attacker (a guarantor or an outsider), a place (core territory, excluded or
 * not) and a willingness draw (who would give which level of help). Generating the scenarios is
 * not timed. The Monte Carlo rate (drawing willingness and evaluating) is printed as well.
 *
 *   npm run bench:guarantees
 */
import type { AssistanceLevel, DecisionRule, Place } from '@parley/model/schema/guarantee.ts';
import type { Scenario } from '@parley/core/guarantees/analyse.ts';
import { compileInstrument, type CompiledInstrument } from '@parley/core/guarantees/compile.ts';
import { participantsOf, thirdState, type InstrumentSetting } from '@parley/core/guarantees/context.ts';
import { evaluateScenario, type WillingDraw } from '@parley/core/guarantees/evaluate.ts';
import { simulate } from '@parley/core/guarantees/monte-carlo.ts';
import { SeededRandom } from '@parley/core/random/seeded-random.ts';

const SCENARIOS = 100_000;
const TARGET = 10_000_000;

const places: Place[] = [
  { id: 'core-territory', name: 'core territory', of: 'ua' },
  { id: 'crimea', name: 'Crimea', of: 'ua' },
  { id: 'sevastopol', name: 'Sevastopol', of: 'ua', partOf: 'crimea' },
  { id: 'donetsk-luhansk-areas', name: 'Donbas areas', of: 'ua' },
];

/** The communiqué's eleven guarantors plus Belarus, Russia's proposal: twelve. */
function instrumentWith(decisionRule: DecisionRule): InstrumentSetting {
  return {
    instrument: {
      id: `bench-${decisionRule}`,
      title: 'benchmark instrument',
      date: '2022-03-29',
      guaranteedState: 'ua',
      guarantors: ['us', 'uk', 'fr', 'cn', 'ru', 'ca', 'de', 'il', 'it', 'pl', 'tr', 'by'],
      triggers: ['armed-attack'],
      requiresRequest: true,
      excludes: ['crimea', 'donetsk-luhansk-areas'],
      consultation: { triggers: ['armed-attack'], days: 3, withGuaranteedState: true },
      decisionRule,
      obligation: 'must-act',
      ...(decisionRule === 'unsc' ? { council: 'un-security-council' } : {}),
      assistance: ['diplomatic', 'sanctions', 'weapons', 'no-fly-zone', 'armed-force'],
      provisions: [{ id: 'p', label: 'Art. 1', summary: 'benchmark', covers: ['guarantors'] }],
      sources: ['s2'],
    },
    places: new Map(places.map((p) => [p.id, p])),
    council: {
      id: 'un-security-council',
      name: 'UN Security Council',
      vetoHolders: ['cn', 'fr', 'ru', 'uk', 'us'],
      sources: ['s'],
    },
  };
}

interface Prepared {
  objects: { scenario: Scenario; draw: WillingDraw }[];
  attacker: Int32Array;
  place: Int32Array;
  willing: Int32Array; // SCENARIOS × slots
}

function prepare(setting: InstrumentSetting, compiled: CompiledInstrument): Prepared {
  const random = new SeededRandom(2022);
  const participants = participantsOf(setting);
  const slots = compiled.levels.length;
  const prepared: Prepared = {
    objects: [],
    attacker: new Int32Array(SCENARIOS),
    place: new Int32Array(SCENARIOS),
    willing: new Int32Array(SCENARIOS * slots),
  };
  const attackers = [...participants, thirdState];
  const placeIds = [undefined, ...places.map((p) => p.id)];
  for (let s = 0; s < SCENARIOS; s++) {
    const attacker = attackers[random.int(0, attackers.length - 1)]!;
    const place = placeIds[random.int(0, placeIds.length - 1)];
    const draw = new Map<string, Set<AssistanceLevel>>();
    for (const p of participants) draw.set(p, new Set());
    for (let j = 0; j < slots; j++) {
      const level = compiled.levels[j]!;
      let mask = 0;
      participants.forEach((p, i) => {
        // Willingness falls as help escalates, as the case's assumptions do.
        if (random.float() < 0.95 - 0.13 * j) {
          mask |= 1 << i;
          draw.get(p)!.add(level);
        }
      });
      prepared.willing[s * slots + j] = mask;
    }
    prepared.attacker[s] = compiled.attackerIndex(attacker);
    prepared.place[s] = compiled.placeIndex(place);
    prepared.objects.push({
      scenario:
        place === undefined
          ? { attacker, trigger: 'armed-attack' }
          : { attacker, place, trigger: 'armed-attack' },
      draw,
    });
  }
  return prepared;
}

/** Evaluations per second of `pass`, repeated until at least `seconds` have passed. */
function rate(
  pass: () => number,
  evaluationsPerPass: number,
  seconds: number,
): { perSecond: number; checksum: number } {
  const checksum = pass(); // warm-up: let the JIT compile the hot loop first
  let passes = 0;
  const start = performance.now();
  for (;;) {
    if (pass() !== checksum) throw new Error('a pass gave a different result');
    passes++;
    const elapsed = (performance.now() - start) / 1000;
    if (elapsed >= seconds) return { perSecond: (passes * evaluationsPerPass) / elapsed, checksum };
  }
}

const format = (n: number) => `${(n / 1e6).toFixed(2)} M/s`;

console.log(`guarantee scenario evaluation, 12 guarantors, ${SCENARIOS} pre-generated scenarios per pass\n`);
let failed = false;
for (const rule of [
  'individual',
  'unanimity-all',
  'unanimity-excluding-attacker',
  'majority',
  'unsc',
] as const) {
  const setting = instrumentWith(rule);
  const compiled = compileInstrument(setting);
  const prepared = prepare(setting, compiled);
  const slots = compiled.levels.length;
  const willing = new Int32Array(slots);
  const out = new Int32Array(slots);
  const trigger = compiled.triggerIndex('armed-attack');

  const fastPass = () => {
    let providers = 0;
    for (let s = 0; s < SCENARIOS; s++) {
      for (let j = 0; j < slots; j++) willing[j] = prepared.willing[s * slots + j]!;
      compiled.evaluate(prepared.attacker[s]!, prepared.place[s]!, trigger, willing, out);
      for (let j = 0; j < slots; j++) providers += popcount(out[j]!);
    }
    return providers;
  };
  const readablePass = () => {
    let providers = 0;
    for (const { scenario, draw } of prepared.objects) {
      for (const level of evaluateScenario(setting, scenario, draw).assistance)
        providers += level.providers.length;
    }
    return providers;
  };

  const readable = rate(readablePass, SCENARIOS, 1);
  const fast = rate(fastPass, SCENARIOS, 1);
  if (readable.checksum !== fast.checksum) {
    console.log(
      `${rule}: MISMATCH — readable counted ${readable.checksum} providers, compiled ${fast.checksum}`,
    );
    process.exitCode = 1;
    continue;
  }
  const ok = fast.perSecond >= TARGET;
  if (!ok) failed = true;
  console.log(
    `${rule.padEnd(30)} readable ${format(readable.perSecond).padStart(10)}   compiled ${format(fast.perSecond).padStart(10)}   ` +
      `ratio ${(fast.perSecond / readable.perSecond).toFixed(0).padStart(4)}×   ${ok ? 'meets' : 'BELOW'} the ${TARGET / 1e6} M/s target`,
  );
}

{
  const setting = instrumentWith('individual');
  const compiled = compileInstrument(setting);
  const probabilities = compiled.participants.map(() => compiled.levels.map((_, j) => 0.95 - 0.13 * j));
  const runs = 1_000_000;
  const mc = rate(
    () =>
      simulate(compiled, {
        attacker: compiled.attackerIndex('ru'),
        place: 0,
        trigger: compiled.triggerIndex('armed-attack'),
        probabilities,
        runs,
        seed: 1,
      }).levels[0]!.probability,
    runs,
    1,
  );
  console.log(`\nMonte Carlo (draw 12 willingness values, then evaluate): ${format(mc.perSecond)} runs`);
}
if (failed) console.log('\nat least one rule is below the target');

function popcount(x: number): number {
  let count = 0;
  for (let v = x; v !== 0; v &= v - 1) count++;
  return count;
}
