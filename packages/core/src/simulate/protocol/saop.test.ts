import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomDomain } from '../../bargaining/random-domain.ts';
import type { NegotiationDomain } from '../../bargaining/outcome-space.ts';
import { finePie, pie } from '../pie.test-support.ts';
import { simulateOnce, type PartyPlay, type SimulationSpec } from '../run.ts';
import { targetAt } from '../tactics/time-dependent.ts';
import { consecutiveDays } from '../calendar.ts';
import type { GuarantorKnowledge } from '../guarantors.ts';

const linear: PartyPlay = { tactic: { kind: 'time-dependent', e: 1 }, acceptance: { kind: 'next' } };
const spec = (plays: PartyPlay[], deadline: number, extra: Partial<SimulationSpec> = {}): SimulationSpec => ({
  protocol: 'saop',
  deadline,
  plays,
  seed: 1,
  ...extra,
});

describe('stacked alternating offers', () => {
  it('two linear agents on a 100-slice pie agree where the formula says', () => {
    // 100 rounds, 2 parties: turn s is at t = s/200; a moves on even turns, b on odd ones.
    // Linear target u(t) = 1 − t; each offers the smallest share ≥ its target (the frequency
    // model never rates a share the other side has not offered). b accepts a's offer of turn s at
    // turn s+1 when 1 − ⌈100(1 − s/200)⌉/100 ≥ ⌈100(1 − (s+1)/200)⌉/100, first true at s = 100:
    // a offers 50 slices (target 0.5) and b, whose own next offer would give it 0.50, accepts.
    // The turn before, a declined b's 49 slices since its own next offer gives it 0.50.
    const run = simulateOnce(pie(100), spec([linear, linear], 100));
    expect(run.agreement).toMatchObject({ step: 101, round: 51, package: { share: '50' } });
    expect(run.agreement!.utilities).toEqual([0.5, 0.5]);
    expect(run.trace.slice(-3).map((e) => [e.step, e.party, e.action, e.offer?.share])).toEqual([
      [99, 'b', 'offer', '49'],
      [100, 'a', 'offer', '50'],
      [101, 'b', 'accept', '50'],
    ]);
  });

  it("offers follow the concession curve f(t) within the pie's granularity", () => {
    for (const e of [0.2, 1, 2]) {
      const play: PartyPlay = {
        tactic: { kind: 'time-dependent', e },
        acceptance: { kind: 'const', alpha: 2 },
      };
      const hardliner: PartyPlay = {
        tactic: { kind: 'time-dependent', e: 0 },
        acceptance: { kind: 'const', alpha: 2 },
      };
      const run = simulateOnce(pie(1000), spec([play, hardliner], 50));
      const offers = run.trace.filter((t) => t.party === 'a' && t.action === 'offer');
      expect(offers).toHaveLength(50);
      for (const offer of offers) {
        const target = targetAt({ time: offer.time, reservationValue: 0, best: 1 }, e);
        expect(offer.utilities!.a).toBeGreaterThanOrEqual(target - 1e-12);
        expect(offer.utilities!.a).toBeLessThan(target + 1 / 1000 + 1e-12);
      }
      // The hardliner never moves from the whole pie.
      expect(new Set(run.trace.filter((t) => t.party === 'b').map((t) => t.offer?.share))).toEqual(
        new Set(['0']),
      );
      expect(run.ending).toBe('deadline');
    }
  });

  it("converges to Rubinstein's split 1/(1+δ) for the first mover under subgame-perfect play", () => {
    const spe: PartyPlay = { tactic: { kind: 'subgame-perfect' }, acceptance: { kind: 'next' } };
    const deadline = 100;
    for (const delta of [0.5, 0.9]) {
      // Discount d^t per party with t = turn/200: δ per turn means d = δ^200.
      const d = Math.pow(delta, 2 * deadline);
      const run = simulateOnce(finePie(), spec([spe, spe], deadline, { discounts: [d, d] }));
      expect(run.agreement!.step).toBe(1);
      const share = run.agreement!.utilities[0]!;
      // Rounding to the 9999-slice grid costs at most one slice per turn, discounted geometrically.
      const granularity = 1 / 9999 / (1 - delta);
      expect(Math.abs(share - 1 / (1 + delta))).toBeLessThanOrEqual(granularity);
    }
  });

  it('the same seed gives the same trace; another seed another one', () => {
    const random: PartyPlay = { tactic: { kind: 'random' }, acceptance: { kind: 'next' } };
    const domain = randomDomain({ issues: 5, options: 5, parties: 3, seed: 3, reservationShare: 0.3 });
    const a = simulateOnce(domain, spec([random, random, linear], 30, { seed: 11 }));
    const b = simulateOnce(domain, spec([random, random, linear], 30, { seed: 11 }));
    const c = simulateOnce(domain, spec([random, random, linear], 30, { seed: 12 }));
    expect(a.trace.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
    expect(c.trace).not.toEqual(a.trace);
  });

  it('every agreement is individually rational when it is made (on a case calendar: that day)', () => {
    const tactic = fc.oneof(
      fc.double({ min: 0, max: 5, noNaN: true }).map((e) => ({ kind: 'time-dependent' as const, e })),
      fc.constant({ kind: 'tit-for-tat' as const }),
      fc.constant({ kind: 'tit-for-tat' as const, imitation: 'absolute' as const }),
      fc.constant({ kind: 'random' as const }),
    );
    const acceptance = fc.oneof(
      fc.constant({ kind: 'next' as const }),
      fc.double({ min: 0, max: 1, noNaN: true }).map((alpha) => ({ kind: 'const' as const, alpha })),
      fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'time' as const, at })),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.array(fc.record({ tactic, acceptance }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.option(
          fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), { minLength: 40 * 3, maxLength: 40 * 3 }),
        ),
        (parties, seed, plays, deadline, shares) => {
          const domain: NegotiationDomain = randomDomain({
            issues: 4,
            options: 4,
            parties,
            seed,
            reservationShare: 0.5,
          });
          // Sometimes a case calendar whose reservation values jump from day to day.
          const calendar = shares && {
            days: consecutiveDays('2030-01-01', deadline),
            reservationValues: Array.from({ length: deadline }, (_, r) =>
              domain.stakeholders.map((_, q) => shares[r * 3 + q]!),
            ),
          };
          const run = simulateOnce(
            domain,
            spec(plays.slice(0, parties), deadline, { seed, ...(calendar ? { calendar } : {}) }),
          );
          if (!run.agreement) return;
          const limits = calendar
            ? calendar.reservationValues[run.agreement.round - 1]!
            : domain.stakeholders.map((s) => s.reservationValue);
          limits.forEach((rv, q) => expect(run.agreement!.utilities[q]).toBeGreaterThanOrEqual(rv));
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });

  it('multilateral: an offer is agreed only when every other party has accepted it', () => {
    const domain = randomDomain({ issues: 3, options: 4, parties: 3, seed: 9, reservationShare: 0.2 });
    const run = simulateOnce(domain, spec([linear, linear, linear], 40));
    expect(run.agreement).not.toBeNull();
    const last = run.trace.slice(-3);
    expect(last.map((e) => e.action)).toEqual(['offer', 'accept', 'accept']);
    expect(new Set(last.map((e) => e.party)).size).toBe(3);
    expect(last[2]!.responses).toEqual(Object.fromEntries(last.map((e) => [e.party, 'accept'])));
  });

  // g loses when a takes more than half; it must sign when a takes 6 slices or more.
  const guarded = () => {
    const domain = pie(10);
    domain.stakeholders.push({
      id: 'g',
      role: 'guarantor',
      scores: [domain.issues[0]!.options.map((_, j) => (j <= 5 ? 1 : 0))],
      reservationValue: 0.5,
      obligedWhen: { issue: 0, options: [6, 7, 8, 9, 10] },
    });
    return domain;
  };
  const guardedPlays = (guarantors: GuarantorKnowledge): PartyPlay[] => [
    { tactic: { kind: 'time-dependent', e: 0.2 }, acceptance: { kind: 'next' }, guarantors },
    { tactic: { kind: 'time-dependent', e: 5 }, acceptance: { kind: 'const', alpha: 0.3 }, guarantors },
  ];

  it('a guarantor obliged by the package vetoes it below its reservation value (blind parties)', () => {
    // Without g, b concedes 9 slices to a, and a accepts at turn 26.
    const alone = simulateOnce(pie(10), spec(guardedPlays('blind'), 20));
    expect(alone.agreement).toMatchObject({ step: 26, package: { share: '9' } });
    // With g, the same acceptance is vetoed; blind parties do not learn from vetoes, so b keeps
    // offering 9 slices until the deadline.
    const run = simulateOnce(guarded(), spec(guardedPlays('blind'), 20));
    const vetoes = run.trace.filter((e) => e.action === 'veto');
    expect(vetoes.map((e) => [e.step, e.party, e.offer!.share])[0]).toEqual([26, 'g', '9']);
    expect(vetoes).toHaveLength(7);
    expect(run.agreement).toBeNull();
  });

  it('informed parties offer and accept only what the obliged guarantor signs', () => {
    // a's best package g would sign is 5 slices (g signs anything up to 5, obliged from 6): its
    // Boulware curve is capped there, so it opens with 5 and b (accepting anything worth 0.3) takes it.
    const run = simulateOnce(guarded(), spec(guardedPlays('informed'), 20));
    expect(run.trace.map((e) => `${e.step}${e.party}:${e.offer?.share}:${e.action}`)).toEqual([
      '0a:5:offer',
      '1b:5:accept',
    ]);
    expect(run.agreement).toMatchObject({ step: 1, package: { share: '5' }, utilities: [0.5, 0.5, 1] });
    // The default is informed.
    const plays = guardedPlays('informed').map(({ guarantors: _, ...play }) => play);
    expect(simulateOnce(guarded(), spec(plays, 20)).agreement).toEqual(run.agreement);
  });

  it('learning parties exclude what a veto taught them and bargain on', () => {
    // As blind until the first veto (turn 26, 9 slices); then every package obliging g and worth
    // no more to it than the vetoed one (0) is out: b offers 5 slices, and a, whose curve the
    // learnt floor caps at 5, accepts.
    const run = simulateOnce(guarded(), spec(guardedPlays('learn'), 20));
    expect(run.trace.slice(-5).map((e) => `${e.step}${e.party}:${e.offer?.share}:${e.action}`)).toEqual([
      '25b:9:offer',
      '26a:9:accept',
      '26g:9:veto',
      '27b:5:offer',
      '28a:5:accept',
    ]);
    expect(run.agreement).toMatchObject({ step: 28, package: { share: '5' }, utilities: [0.5, 0.5, 1] });
    // The same seed gives the same trace.
    expect(simulateOnce(guarded(), spec(guardedPlays('learn'), 20)).trace).toEqual(run.trace);
  });

  it("on a case calendar, a party's reservation value is the day's, and the deal moves with it", () => {
    const linearPie = () => simulateOnce(pie(10), spec([linear, linear], 10, { calendar }));
    const days = consecutiveDays('2030-12-28', 10);
    expect(days.slice(3, 6)).toEqual(['2030-12-31', '2031-01-01', '2031-01-02']);
    // Without events the two linear parties split 5/5 at turn 11 (as on the 100-slice pie).
    let calendar = { days, reservationValues: days.map(() => [0, 0]) };
    expect(linearPie().agreement).toMatchObject({
      step: 11,
      round: 6,
      day: '2031-01-02',
      package: { share: '5' },
    });
    // From round 6 (turn 10) b's no-deal option is worth 0.7, so its curve runs from 1 down to 0.7:
    // u(t) = 0.7 + 0.3·(1 − t). Turn 11: 0.835 → it asks 9 slices of 10 (a gets 1); turn 13: 0.805 →
    // still 1; turn 15: 0.775 → 2. a's linear target at turn 16 is 0.2, which 2 slices meet: a
    // accepts (round 9).
    calendar = { days, reservationValues: days.map((_, r) => [0, r >= 5 ? 0.7 : 0]) };
    const run = linearPie();
    expect(
      run.trace
        .filter((e) => e.step >= 10)
        .map((e) => `${e.step}${e.party}:${e.offer?.share ?? ''}:${e.action}`),
    ).toEqual([
      '10a:5:offer',
      '11b:1:offer',
      '12a:4:offer',
      '13b:1:offer',
      '14a:3:offer',
      '15b:2:offer',
      '16a:2:accept',
    ]);
    expect(run.agreement).toMatchObject({ step: 16, round: 9, day: '2031-01-05', package: { share: '2' } });
    expect(run.agreement!.utilities[1]).toBeGreaterThanOrEqual(0.7);
    expect(run.trace[15]!.day).toBe('2031-01-04');
  });
});
