import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { actorsView } from './actors.ts';

describe('actorsView', () => {
  it('gives each actor the kinds of role it holds', async () => {
    expect(actorsView(await minimalCase()).actors.map((a) => [a.id, a.roles])).toEqual([
      ['north', ['party']],
      ['south', ['party']],
      ['envoy', ['mediator']],
      ['league', ['prospective-guarantor']],
    ]);
  });
});
