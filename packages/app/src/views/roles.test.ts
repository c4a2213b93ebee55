import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { rolesView } from './roles.ts';

describe('rolesView', () => {
  it('lists every role with its contested marks, and with `at` only those held then', async () => {
    const c = await minimalCase();
    const all = rolesView(c);
    expect(all.at).toBeUndefined();
    expect(all.roles).toHaveLength(4);
    const guarantor = all.roles.find((r) => r.id === 'league-guarantor');
    expect(guarantor?.contested.map((n) => n.proposition)).toEqual(['league-guarantee-offered']);
    const early = rolesView(c, { at: '2030-01-10' });
    expect(early.at).toBe('2030-01-10');
    expect(early.roles.map((r) => r.id)).toEqual(['north-party', 'south-party', 'league-guarantor']);
  });
});
