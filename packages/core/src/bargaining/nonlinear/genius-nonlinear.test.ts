import { isParleyError } from '@parley/model/errors.ts';
import { describe, expect, it } from 'vitest';
import { importInteractingGenius, interactingToGeniusXml } from './genius-nonlinear.ts';
import { allPackages } from './interacting-brute-force.test-support.ts';
import { interactingGeniusReport } from './interacting-report.ts';
import { utilitiesOfPackage } from './interacting-utility.ts';
import { randomInteractingDomain } from './random-interacting.ts';

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (isParleyError(error, 'invalid-genius')) return error.message;
    throw error;
  }
  throw new Error('expected an invalid-genius ParleyError');
};

const issues = `<issue index="1" name="x" type="integer" lowerbound="1" upperbound="4"/>
<issue index="2" name="y" type="integer" lowerbound="1" upperbound="3"/>`;
const domain = {
  file: 'd.xml',
  text: `<utility_space type="nonlinear"><objective index="0" name="D">${issues}</objective></utility_space>`,
};
const profile = (rects: string, extra = '') => ({
  file: 'p.xml',
  text: `<utility_space type="nonlinear">
<objective index="0" name="D">${issues}
<utility maxutility="20">
<ufun type="PlainUfun" weight="1" aggregation="sum">
${rects}
</ufun>
</utility>
</objective>${extra}
</utility_space>`,
});

describe('GENIUS non-linear profiles', () => {
  it('read INCLUDES, EXCLUDES and unbounded rectangles as GENIUS evaluates them', () => {
    const imported = importInteractingGenius(domain, [
      profile(
        `<hyperRectangle utility="10"><INCLUDES index="1" min="2" max="3"/><INCLUDES index="2" min="1" max="1"/></hyperRectangle>
<hyperRectangle utility="6"><EXCLUDES index="1" min="1" max="2"/></hyperRectangle>
<hyperRectangle utility="2"/>`,
        '<reservation value="0.25"/><discount_factor value="0.5"/>',
      ),
    ]);
    const u = (x: number, y: number) => utilitiesOfPackage(imported.interacting, [x - 1, y - 1])[0];
    // x=2,y=1: inside the INCLUDES box (10), inside the EXCLUDES box (0), always 2 → 12/20.
    expect(u(2, 1)).toBeCloseTo(0.6, 15);
    // x=3,y=1: 10 + 6 (x outside 1..2) + 2 = 18/20.
    expect(u(3, 1)).toBeCloseTo(0.9, 15);
    // x=4,y=2: 0 + 6 + 2 = 8/20.
    expect(u(4, 2)).toBeCloseTo(0.4, 15);
    expect(imported.profiles[0]).toMatchObject({
      maxUtility: 20,
      reservationValue: 0.25,
      discountFactor: 0.5,
    });
  });

  it('refuse what GENIUS would misread, located', () => {
    expect(
      errorOf(() =>
        importInteractingGenius(domain, [
          profile('<hyperRectangle utility="1"><INCLUDES index="7" min="1" max="2"/></hyperRectangle>'),
        ]),
      ),
    ).toBe('p.xml:6:29: <INCLUDES> bounds issue 7, which is not in the domain');
    expect(
      errorOf(() =>
        importInteractingGenius(domain, [
          profile(
            '<hyperRectangle utility="1"><INCLUDES index="1" min="1" max="2"/><EXCLUDES index="2" min="1" max="2"/></hyperRectangle>',
          ),
        ]),
      ),
    ).toBe(
      'p.xml:6:1: <hyperRectangle> mixes INCLUDES and EXCLUDES bounds; GENIUS reads one kind per rectangle',
    );
    expect(errorOf(() => importInteractingGenius(domain, [profile('<hyperRectangle/>')]))).toBe(
      'p.xml:6:1: <hyperRectangle> lacks the attribute utility',
    );
    const noUtility = {
      file: 'p.xml',
      text: `<utility_space type="nonlinear"><objective index="0" name="D">${issues}</objective></utility_space>`,
    };
    expect(errorOf(() => importInteractingGenius(domain, [noUtility]))).toBe(
      'p.xml:1:1: a non-linear profile needs a <utility maxutility=…> element holding its <ufun>',
    );
  });

  it('round-trips a generated domain through GENIUS XML with the same utilities', () => {
    const generated = randomInteractingDomain({ issues: 4, values: 5, parties: 2, rectangles: 8, seed: 3 });
    const xml = interactingToGeniusXml(generated);
    const imported = importInteractingGenius(
      { file: 'domain.xml', text: xml.domain },
      xml.profiles.map((text, k) => ({ file: `profile-${k + 1}.xml`, text })),
    );
    for (const { outcome, utilities } of allPackages(generated)) {
      const read = utilitiesOfPackage(imported.interacting, outcome);
      read.forEach((u, q) => expect(u).toBeCloseTo(utilities[q]!, 12));
    }
  });

  it('report a two-party non-linear domain with proven points', () => {
    const generated = randomInteractingDomain({ issues: 5, values: 4, parties: 2, rectangles: 10, seed: 5 });
    const xml = interactingToGeniusXml(generated);
    const report = interactingGeniusReport(
      importInteractingGenius(
        { file: 'domain.xml', text: xml.domain },
        xml.profiles.map((text, k) => ({ file: `profile-${k + 1}.xml`, text })),
      ),
    );
    expect(report.outcomes).toBe(1024);
    expect(report.pareto.size).toBeGreaterThan(0);
    expect(report.nash.method).toBe('branch-and-bound');
    expect(report.nash.certificate?.proven).toBe(true);
    expect(report.maxWelfare.certificate?.proven).toBe(true);
    expect(report.kalaiSmorodinsky.method).toBe('frontier');
    expect(report.kalaiSmorodinsky.utilities).not.toBeNull();
  });
});
