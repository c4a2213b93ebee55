import { describe, expect, it } from 'vitest';
import { randomDomain } from '../../bargaining/random-domain.ts';
import { consecutiveDays, type Calendar } from '../calendar.ts';
import { simulateOnce, type PartyPlay } from '../run.ts';

const conceder: PartyPlay = { tactic: { kind: 'time-dependent', e: 2 }, acceptance: { kind: 'next' } };
const domain = randomDomain({ issues: 6, options: 5, parties: 3, seed: 21, reservationShare: 0.4 });

describe('single negotiating text', () => {
  it('veto: the agreement is the first text every party signs, and every party signs on its curve', () => {
    const run = simulateOnce(domain, {
      protocol: 'single-text',
      variant: 'veto',
      deadline: 200,
      plays: [conceder, conceder, conceder],
      seed: 4,
    });
    expect(run.agreement).not.toBeNull();
    const proposals = run.trace.filter((e) => e.action === 'propose');
    expect(proposals).toHaveLength(run.agreement!.step + 1);
    const last = proposals.at(-1)!;
    expect(Object.values(last.responses!)).toEqual(['accept', 'accept', 'accept']);
    expect(proposals.slice(0, -1).every((e) => Object.values(e.responses!).includes('reject'))).toBe(true);
    domain.stakeholders.forEach((s, q) =>
      expect(run.agreement!.utilities[q]).toBeGreaterThanOrEqual(s.reservationValue),
    );
  });

  it('hill-climbing: the text moves only when nobody is worse off, so utilities never fall', () => {
    const run = simulateOnce(domain, {
      protocol: 'single-text',
      variant: 'hill-climbing',
      deadline: 300,
      plays: [conceder, conceder, conceder],
      seed: 4,
    });
    let current = run.trace[0]!.utilities!;
    for (const e of run.trace.slice(1, -1)) {
      if (Object.values(e.responses!).every((a) => a === 'better')) {
        for (const id of Object.keys(current)) expect(e.utilities![id]).toBeGreaterThanOrEqual(current[id]!);
        current = e.utilities!;
      }
    }
    const final = run.trace.at(-1)!;
    expect(final.utilities).toEqual(current);
    expect(final.action).toBe(run.agreement ? 'agree' : 'end');
  });
});

describe('single negotiating text on a case calendar', () => {
  const days = consecutiveDays('2022-03-01', 120);
  /** Every limit above any package's worth on the days `closed` picks, the profiles' limits on the others. */
  const calendarClosedOn = (closed: (step: number) => boolean): Calendar => ({
    days,
    reservationValues: days.map((_, s) =>
      domain.stakeholders.map((st) => (closed(s) ? 2 : st.reservationValue)),
    ),
  });
  const mediated = (variant: 'veto' | 'hill-climbing', calendar?: Calendar) =>
    simulateOnce(domain, {
      protocol: 'single-text',
      variant,
      deadline: 120,
      plays: [conceder, conceder, conceder],
      seed: 4,
      ...(calendar ? { calendar } : {}),
    });

  it('veto: each answer is given on the day’s limits, so no text is signed before the deal opens', () => {
    expect(mediated('veto').agreement!.step).toBe(48);
    // Nothing is signable until day 61.
    const run = mediated(
      'veto',
      calendarClosedOn((s) => s < 60),
    );
    expect(run.agreement!.step).toBe(88);
    expect(run.agreement!.day).toBe('2022-05-28');
    const proposals = run.trace.filter((e) => e.action === 'propose');
    expect(proposals.map((e) => e.day)).toEqual(days.slice(0, 89));
    expect(proposals.slice(0, 60).every((e) => !Object.values(e.responses!).includes('accept'))).toBe(true);
  });

  it('hill-climbing: the final text is checked against the last day’s limits', () => {
    expect(mediated('hill-climbing').agreement).not.toBeNull();
    // Open on the first 119 days, closed on the last: the same climb, no agreement.
    const run = mediated(
      'hill-climbing',
      calendarClosedOn((s) => s >= 119),
    );
    expect(run.agreement).toBeNull();
    const last = run.trace.at(-1)!;
    expect([last.action, last.day]).toEqual(['end', '2022-06-28']);
    expect(Object.values(last.responses!)).toEqual(['reject', 'reject', 'reject']);
  });
});
