import { describe, expect, it } from 'vitest';
import { columnLabel, percent, resultAt } from './guarantee-cells.ts';

describe('guarantee cells', () => {
  it('names a scenario column, the trigger only when not an armed attack', () => {
    expect(columnLabel({ attacker: 'ru', place: null, trigger: 'armed-attack' })).toBe('ru, core territory');
    expect(
      columnLabel({ attacker: 'by', place: 'crimea', trigger: 'nuclear-threat' }, (id) => id.toUpperCase()),
    ).toBe('BY, crimea, nuclear-threat');
  });

  it('finds the result of an instrument under a column', () => {
    const results = [
      {
        instrument: 'a',
        scenario: { attacker: 'ru', place: null, trigger: 'armed-attack' },
        status: 'covered',
      },
      {
        instrument: 'a',
        scenario: { attacker: 'ru', place: 'crimea', trigger: 'armed-attack' },
        status: 'excluded',
      },
    ];
    expect(
      resultAt({ results } as never, 'a', { attacker: 'ru', place: 'crimea', trigger: 'armed-attack' })
        ?.status,
    ).toBe('excluded');
    expect(
      resultAt({ results } as never, 'b', { attacker: 'ru', place: null, trigger: 'armed-attack' }),
    ).toBeUndefined();
  });

  it('says probabilities as percentages', () => {
    expect(percent(0.9999)).toBe('100.0%');
    expect(percent(0.4567)).toBe('45.7%');
  });
});
