import { describe, expect, it } from 'vitest';
import { assignGuarantors, assignSpecs, parseAcceptance, parseTactic } from './tactic-spec.ts';

const names = new Map([
  ['profile-1', 0],
  ['england', 0],
  ['profile-2', 1],
]);

describe('tactic and acceptance specs', () => {
  it('assigns each party its tactic, by any of its names', () => {
    expect(assignSpecs('--tactic', ['england=boulware', 'profile-2=conceder:3'], names, parseTactic)).toEqual(
      [
        { kind: 'time-dependent', e: 0.2 },
        { kind: 'time-dependent', e: 3 },
      ],
    );
    expect(assignSpecs('--tactic', ['profile-2=time:0.5:0.1'], names, parseTactic)).toEqual([
      undefined,
      { kind: 'time-dependent', e: 0.5, k: 0.1 },
    ]);
    expect(
      assignSpecs(
        '--tactic',
        ['england=boulware:0.1..0.4', 'profile-2=time:0.5..3:0..0.2'],
        names,
        parseTactic,
      ),
    ).toEqual([
      { kind: 'time-dependent', e: { low: 0.1, high: 0.4 } },
      { kind: 'time-dependent', e: { low: 0.5, high: 3 }, k: { low: 0, high: 0.2 } },
    ]);
    expect(() => assignSpecs('--tactic', ['england=boulware:0.4..0.1'], names, parseTactic)).toThrow(
      '--tactic #1 "england=boulware:0.4..0.1": e range "0.4..0.1" runs backwards',
    );
    expect(() => assignSpecs('--tactic', ['england=boulware:0.1..2'], names, parseTactic)).toThrow(
      'e "2" is out of range',
    );
    expect(assignSpecs('--accept', ['profile-1=next|time:0.9&const:0.6'], names, parseAcceptance)).toEqual([
      {
        kind: 'or',
        of: [
          { kind: 'next' },
          {
            kind: 'and',
            of: [
              { kind: 'time', at: 0.9 },
              { kind: 'const', alpha: 0.6 },
            ],
          },
        ],
      },
      undefined,
    ]);
    expect(assignSpecs('--accept', ['profile-2=next|last'], names, parseAcceptance)).toEqual([
      undefined,
      { kind: 'or', of: [{ kind: 'next' }, { kind: 'last' }] },
    ]);
  });

  it('reads tit-for-tat as relative unless told absolute', () => {
    const read = (...texts: string[]) => assignSpecs('--tactic', texts, names, parseTactic);
    expect(read('england=tit-for-tat:absolute', 'profile-2=tit-for-tat:relative')).toEqual([
      { kind: 'tit-for-tat', imitation: 'absolute' },
      { kind: 'tit-for-tat' },
    ]);
    expect(read('profile-2=tit-for-tat')).toEqual([undefined, { kind: 'tit-for-tat' }]);
  });

  it('refuses bad specs with the flag, its position and the text as given', () => {
    const tactic =
      (...texts: string[]) =>
      () =>
        assignSpecs('--tactic', texts, names, parseTactic);
    expect(tactic('profile-1=linear', 'zimbabwe=linear')).toThrow(
      '--tactic #2 "zimbabwe=linear": no party "zimbabwe"; the parties are profile-1, england, profile-2',
    );
    expect(tactic('england=boulware:2')).toThrow('--tactic #1 "england=boulware:2": e "2" is out of range');
    expect(tactic('england=linear:2')).toThrow('linear takes no parameter');
    expect(tactic('england=tit-for-tat:mirror')).toThrow(
      '--tactic #1 "england=tit-for-tat:mirror": tit-for-tat imitates "relative" or "absolute", not "mirror"',
    );
    expect(tactic('england=tit-for-tat:absolute:2')).toThrow(
      'tit-for-tat takes one parameter, relative or absolute',
    );
    expect(tactic('england=linear', 'profile-1=random')).toThrow(
      '#2 "profile-1=random": this party already has one',
    );
    expect(tactic('england')).toThrow('--tactic #1 "england": expected <party>=<spec>');
    expect(() => assignSpecs('--accept', ['england=last:2'], names, parseAcceptance)).toThrow(
      'unknown acceptance condition "last:2"',
    );
    expect(() => assignSpecs('--accept', ['england=soon'], names, parseAcceptance)).toThrow(
      '--accept #1 "england=soon": unknown acceptance condition "soon"',
    );
  });

  it('assigns what each party knows of the guarantors: one mode for all, per party, default informed', () => {
    expect(assignGuarantors([], names)).toEqual(['informed', 'informed']);
    expect(assignGuarantors(['learn'], names)).toEqual(['learn', 'learn']);
    expect(assignGuarantors(['blind', 'england=informed'], names)).toEqual(['informed', 'blind']);
    expect(assignGuarantors(['profile-2=learn'], names)).toEqual(['informed', 'learn']);
    expect(() => assignGuarantors(['deaf'], names)).toThrow(
      '--guarantors #1 "deaf": unknown guarantor knowledge "deaf"; expected informed, learn, blind',
    );
    expect(() => assignGuarantors(['learn', 'blind'], names)).toThrow(
      '--guarantors #2 "blind": give one mode for every party, or party=mode',
    );
    expect(() => assignGuarantors(['wales=learn'], names)).toThrow(
      '--guarantors #1 "wales=learn": no party "wales"; the parties are profile-1, england, profile-2',
    );
  });
});
