import { describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { rolesAt } from './roles-at.ts';
import { minimalCaseDir } from '@parley/case-files/test-support.ts';

describe('rolesAt', () => {
  it('keeps unbounded roles and bounded roles whose span meets the date', async () => {
    const { caseData } = await loadCase(minimalCaseDir);
    // envoy-mediator runs 2030-01-15 to 2030-05.
    expect(rolesAt(caseData!, '2030-01-10').map((r) => r.id)).toEqual([
      'north-party',
      'south-party',
      'league-guarantor',
    ]);
    expect(rolesAt(caseData!, '2030-01').map((r) => r.id)).toEqual([
      'north-party',
      'south-party',
      'envoy-mediator',
      'league-guarantor',
    ]);
    expect(rolesAt(caseData!, '2030-05-31').map((r) => r.id)).toContain('envoy-mediator');
    expect(rolesAt(caseData!, '2030-06-01').map((r) => r.id)).not.toContain('envoy-mediator');
  });
});
