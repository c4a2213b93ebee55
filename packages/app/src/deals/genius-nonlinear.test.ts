import { describe, expect, it } from 'vitest';
import { interactingToGeniusXml } from '@parley/core/bargaining/nonlinear/genius-nonlinear.ts';
import type { InteractingDomain } from '@parley/core/bargaining/nonlinear/interacting-utility.ts';
import { geniusFromFiles } from './genius.ts';

/** Two integer issues 1..2; each party pays for one corner, and one rectangle bonus crosses issues. */
const domain: InteractingDomain = {
  issues: [
    { name: 'x', options: ['1', '2'] },
    { name: 'y', options: ['1', '2'] },
  ],
  profiles: [
    {
      id: 'a',
      role: 'party',
      constant: 0,
      scores: [
        [0, 0],
        [0, 0],
      ],
      terms: [
        { value: 6, bounds: [{ issue: 0, lo: 0, hi: 0 }] },
        {
          value: 4,
          bounds: [
            { issue: 0, lo: 0, hi: 0 },
            { issue: 1, lo: 1, hi: 1 },
          ],
        },
      ],
      scale: 1 / 10,
      cap: 1,
      reservationValue: 0,
    },
    {
      id: 'b',
      role: 'party',
      constant: 0,
      scores: [
        [0, 0],
        [0, 0],
      ],
      terms: [
        { value: 5, bounds: [{ issue: 1, lo: 1, hi: 1 }] },
        { value: 5, bounds: [{ issue: 0, lo: 1, hi: 1 }] },
      ],
      scale: 1 / 10,
      cap: 1,
      reservationValue: 0,
    },
  ],
};

describe('geniusFromFiles on non-linear profiles', () => {
  it('reads hyper-rectangles, finds the hand-computed points, and discounts them at the deadline', () => {
    const xml = interactingToGeniusXml(domain, 'corner');
    const profiles = xml.profiles.map((text, k) =>
      k === 0 ? text.replace('<discount_factor value="1"/>', '<discount_factor value="0.5"/>') : text,
    );
    const report = geniusFromFiles(
      [
        { file: 'domain.xml', text: xml.domain },
        ...profiles.map((text, k) => ({ file: `p${k + 1}.xml`, text })),
      ],
      { normalizeWeights: false },
    );
    // (x=1,y=1): a 0.6, b 0; (x=1,y=2): a 1.0, b 0.5; (x=2,y=1): a 0, b 0.5; (x=2,y=2): a 0, b 1.0.
    // Frontier: (1.0, 0.5) and (0, 1.0). Nash needs positive gains: (x=1, y=2).
    expect(report.pareto).toEqual({ size: 2 });
    expect([report.nash.utilities, report.nash.outcome]).toEqual([[1, 0.5], { x: '1', y: '2' }]);
    expect(report.nash.certificate?.proven).toBe(true);
    expect(report.maxWelfare.utilities).toEqual([1, 0.5]);
    expect(report.time?.factors).toEqual([0.5, 1]);
    expect(report.time?.deadline.points.nash).toEqual([0.5, 0.5]);
  });
});
