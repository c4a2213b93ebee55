import { ParleyError } from '@parley/model/errors.ts';
import { describe, expect, it } from 'vitest';
import { riverCase } from '@parley/app/river-case.test-support.ts';
import { agreementSet } from './agreement.ts';
import { applyScenario, listAssumptions, withAssumption } from './assumptions.ts';
import { buildCaseBargaining, domainOn, interpolate, reservationOn } from './case-model.ts';
import { dealWindow } from './deal-window.ts';
import { utilitiesOf } from './outcome-space.ts';
import { checkModelReferences, modelIdsOf } from './references.ts';
import { sensitivity } from './sensitivity.ts';

/**
 * The River Accord case and its small model (packages/app/src/deals/river-accord.test-support.ts):
 * two parties, two modelled issues. Northland weighs monitor and moratorium 1 and 1, Southland 1
 * and 3, so the packages give (Northland, Southland): League+yes (0, 1), League+no (0.5, 0.25),
 * joint+yes (0.5, 0.75), joint+no (1, 0). No deal is worth 0.4 and 0.5 from the drought
 * (2030-02-05); Southland's rises to 0.8 with the flood (2030-04-01).
 */
const caseData = riverCase();
const model = caseData.model!;

describe('the case model', () => {
  it('builds the additive domain from the modelled issues, in agenda order, with their options', () => {
    const b = buildCaseBargaining(caseData.issues, model);
    // min-flow is on the agenda but in no stakeholder's model.
    expect(b.issues.map((i) => [i.id, i.options])).toEqual([
      ['monitor', ['league', 'joint']],
      ['dam-moratorium', ['yes', 'no']],
    ]);
    expect(b.stakeholders.map((s) => [s.id, s.obligedWhen])).toEqual([
      ['north', undefined],
      ['south', undefined],
    ]);
  });

  it('scores packages as the weighted mean of option scores', () => {
    const domain = domainOn(buildCaseBargaining(caseData.issues, model), '2030-03-01');
    // Each option score divided by the stakeholder's total weight (2 for Northland, 4 for Southland).
    expect(domain.stakeholders.map((s) => [s.id, s.scores, s.reservationValue])).toEqual([
      [
        'north',
        [
          [0, 0.5],
          [0, 0.5],
        ],
        0.4,
      ],
      [
        'south',
        [
          [0.25, 0],
          [0.75, 0],
        ],
        0.5,
      ],
    ]);
    // joint (option 1) and the moratorium (option 0).
    expect(utilitiesOf(domain, [1, 0])).toEqual([0.5, 0.75]);
  });

  it('reads reservation values as step functions of time', () => {
    const south = model.stakeholders.find((s) => s.actor === 'south')!;
    expect(reservationOn(south, '2030-03-31')).toBe(0.5);
    expect(reservationOn(south, '2030-04-01')).toBe(0.8);
    expect(reservationOn(south, '2030-01-01')).toBeUndefined();
    expect(() => domainOn(buildCaseBargaining(caseData.issues, model), '2030-01-01')).toThrow(ParleyError);
    expect(
      interpolate(
        [
          [0, 1],
          [10, 0],
        ],
        2.5,
      ),
    ).toBe(0.75);
    expect(
      interpolate(
        [
          [0, 1],
          [10, 0],
        ],
        20,
      ),
    ).toBe(0);
  });

  it('opens the deal window with the drought and closes it with the flood', () => {
    const w = dealWindow(buildCaseBargaining(caseData.issues, model));
    expect(w.intervals.map((i) => [i.from, i.withGuarantors.binding])).toEqual([
      ['2030-02-05', ['north']],
      ['2030-04-01', ['south']],
    ]);
    // joint+yes clears Northland's 0.4 by 0.1; after the flood it misses Southland's 0.8 by 0.05.
    expect(w.intervals[0]!.withGuarantors.margin).toBeCloseTo(0.1, 12);
    expect(w.intervals[1]!.withGuarantors.margin).toBeCloseTo(-0.05, 12);
    expect(w.open).toEqual([{ from: '2030-02-05', until: '2030-04-01' }]);
    expect(w.openForPartiesOnly).toEqual(w.open);
    expect(w.intervals.every((i) => i.withGuarantors.certificate.proven)).toBe(true);
  });

  it('keeps the window open past the flood when Southland waits it out', () => {
    const w = dealWindow(buildCaseBargaining(caseData.issues, applyScenario(model, 'patient-south')));
    expect(w.open).toEqual([{ from: '2030-02-05' }]);
    expect(() => applyScenario(model, 'nope')).toThrow(
      'unknown scenario "nope" (the model defines: patient-south)',
    );
  });

  it('finds the smallest change of a reservation value that opens the window, and it is a real threshold', () => {
    const result = sensitivity(caseData.issues, model, 'south.reservation.flood', '2030-04-01');
    expect([result.open, result.flipsTo, result.up.threshold]).toEqual([false, 'open', undefined]);
    // joint+yes gives Southland 0.75: the window opens once no deal is worth no more.
    const threshold = result.nearest!.threshold!;
    expect(threshold).toBe(0.75);
    const marginAt = (v: number) =>
      agreementSet(
        domainOn(
          buildCaseBargaining(caseData.issues, withAssumption(model, 'south.reservation.flood', v)),
          '2030-04-01',
        ),
      ).margin;
    expect(marginAt(threshold)).toBeGreaterThanOrEqual(-1e-12);
    expect(marginAt(threshold + 1e-6)).toBeLessThan(0);
  });

  it('names every number of the model as an assumption with its rationale', () => {
    const all = listAssumptions(model);
    expect(all).toHaveLength(15);
    expect(all.every((a) => a.rationale === 'an invented judgement for the tests')).toBe(true);
    expect(all.find((a) => a.path === 'south.dam-moratorium.weight')).toMatchObject({ value: 3, min: 0 });
    expect(
      withAssumption(model, 'north.monitor.scores.league', 0.5).stakeholders[0]!.issues.monitor!.scores!.value
        .league,
    ).toBe(0.5);
    expect(model.stakeholders[0]!.issues.monitor!.scores!.value.league).toBe(0);
    expect(() => withAssumption(model, 'north.monitor.weight', -1)).toThrow(
      'north.monitor.weight must lie in [0, Infinity], got -1',
    );
  });
});

describe('checkModelReferences', () => {
  it('reports unknown ids, incomplete scores, unordered reservation points and bad overrides by path', () => {
    const broken = structuredClone(model);
    broken.stakeholders[0]!.actor = 'atlantis';
    delete broken.stakeholders[1]!.issues['dam-moratorium']!.scores!.value.no;
    broken.stakeholders[1]!.reservation[1]!.date = '2030-01-01';
    broken.stakeholders[1]!.reservation[1]!.event = 'no-such-event';
    broken.scenarios[0]!.overrides[0]!.assumption = 'north.nothing.weight';
    const problems: string[] = [];
    checkModelReferences(broken, modelIdsOf(caseData), (p, m) => problems.push(`${p.join('.')}: ${m}`));
    expect(problems).toEqual([
      'stakeholders.0.actor: unknown actor "atlantis"',
      'stakeholders.1.issues.dam-moratorium.scores: no score for "no"',
      'stakeholders.1.reservation.1.event: unknown event "no-such-event"',
      'stakeholders.1.reservation.1.date: reservation points must be in date order',
      'scenarios.0.overrides.0.assumption: no assumption "north.nothing.weight" in the model',
    ]);
  });
});
