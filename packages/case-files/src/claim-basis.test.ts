// An inferred claim (basis: inferred) must say why, and a stated claim has no reasoning: both
// problems are reported at the claim's own line in claims.yaml, never as a stack trace.
import { describe, expect, it } from 'vitest';
import { loadEdited } from './test-support.ts';

const southClaim = '    summary: Southland says no guarantee was ever offered.\n';

describe('the basis of a claim', () => {
  it('loads an inferred claim with its reasoning, and carries both', async () => {
    const r = await loadEdited([
      {
        file: 'claims.yaml',
        find: southClaim,
        replace: `${southClaim}    basis: inferred\n    reasoning: Southland never mentions the League; the analyst infers the denial.\n`,
      },
    ]);
    expect(r.messages).toEqual([]);
    expect(r.caseData?.claims.find((c) => c.id === 'south-says-not-offered')).toMatchObject({
      basis: 'inferred',
      reasoning: 'Southland never mentions the League; the analyst infers the denial.',
    });
  });

  it('reports an inferred claim without reasoning at the claim', async () => {
    const r = await loadEdited([
      { file: 'claims.yaml', find: southClaim, replace: `${southClaim}    basis: inferred\n` },
    ]);
    expect(r.messages).toEqual([
      'claims.yaml:16:5: claims[1].reasoning: an inferred claim (basis: inferred) must give the reasoning behind the inference',
    ]);
  });

  it('reports reasoning on a stated claim, and an unknown basis', async () => {
    const r = await loadEdited([
      {
        file: 'claims.yaml',
        find: southClaim,
        replace: `${southClaim}    reasoning: Because.\n`,
      },
    ]);
    expect(r.messages).toEqual([
      'claims.yaml:22:16: claims[1].reasoning: reasoning is given only for an inferred claim: add basis: inferred, or remove it',
    ]);
    const unknown = await loadEdited([
      { file: 'claims.yaml', find: southClaim, replace: `${southClaim}    basis: guessed\n` },
    ]);
    expect(unknown.messages).toEqual([
      'claims.yaml:22:12: claims[1].basis: must be one of "stated", "inferred"',
    ]);
  });
});
