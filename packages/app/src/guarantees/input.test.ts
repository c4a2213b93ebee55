import { describe, expect, it } from 'vitest';
import { comparisonInput, guaranteesFlags } from './input.ts';

describe('the guarantee comparison input', () => {
  it('fills in the defaults: an armed attack, 10000 runs, seed 1', () => {
    expect(comparisonInput.parse({})).toEqual({ trigger: 'armed-attack', runs: 10_000, seed: 1 });
  });

  it('takes flags as typed and a body as numbers', () => {
    const flags = { attacker: 'ru', place: 'core', trigger: 'nuclear-attack', runs: '500', seed: '7' };
    expect(comparisonInput.parse(flags)).toEqual({ ...flags, runs: 500, seed: 7 });
    expect(comparisonInput.parse({ runs: 500, seed: 4294967295 })).toMatchObject({
      runs: 500,
      seed: 4294967295,
    });
  });

  it('names the field and the rule that a value breaks', () => {
    const issues = (input: unknown) =>
      comparisonInput.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ runs: '0', seed: '4294967296' })).toEqual([
      ['runs', '`runs` "0" must be a whole number from 1 to 10000000'],
      ['seed', '`seed` "4294967296" must be a whole number from 0 to 4294967295'],
    ]);
    expect(issues({ trigger: 'cyber-attack' })?.[0]?.[0]).toBe('trigger');
  });

  it('lets the command print one of JSON and Markdown, not both', () => {
    expect(guaranteesFlags.parse({ json: true })).toMatchObject({
      json: true,
      markdown: false,
      library: true,
    });
    expect(guaranteesFlags.safeParse({ json: true, markdown: true }).error?.issues).toMatchObject([
      { path: [], message: 'choose one of `json` and `markdown`' },
    ]);
  });
});
