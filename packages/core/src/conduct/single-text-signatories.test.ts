import { describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import { textSignatories } from './single-text-signatories.ts';

const stakeholder = (actor: string, role: 'party' | 'guarantor') => ({ actor, role });
const caseWith = (parts: Partial<Case>) => ({ roles: [], ...parts }) as unknown as Case;

describe('textSignatories', () => {
  it('takes the parties of the model, and its guarantors when no guarantor issue makes them optional', () => {
    const stakeholders = [
      stakeholder('ru', 'party'),
      stakeholder('tr', 'guarantor'),
      stakeholder('ua', 'party'),
    ];
    expect(textSignatories(caseWith({ model: { stakeholders } as unknown as Case['model'] }))).toEqual([
      'ru',
      'tr',
      'ua',
    ]);
    expect(
      textSignatories(
        caseWith({ model: { stakeholders, guarantorIssue: 'guarantors' } as unknown as Case['model'] }),
      ),
    ).toEqual(['ru', 'ua']);
  });

  it('falls back to the actors in a party role when the case has no model', () => {
    const roles = [
      { id: 'a', actor: 'east', role: 'party' },
      { id: 'b', actor: 'envoy', role: 'mediator' },
      { id: 'c', actor: 'west', role: 'party' },
    ];
    expect(textSignatories(caseWith({ roles } as unknown as Partial<Case>))).toEqual(['east', 'west']);
  });
});
