import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { guaranteesFileSchema } from '@parley/model/schema/guarantee.ts';
import { parseYamlFile } from '@parley/case-files/yaml-file.ts';
import { checkGuaranteeReferences, type GuaranteeIds } from './references.ts';

// A small valid guarantees.yaml; each test breaks one thing in it.
const valid = `instruments:
  - id: pact
    title: Pact
    date: 2030-01-01
    guaranteedState: v
    guarantors: [a, b]
    triggers: [armed-attack]
    requiresRequest: true
    excludes: [island]
    decisionRule: individual
    obligation: must-act
    assistance: [weapons]
    issues: [guarantors]
    provisions:
      - id: art-1
        draft: treaty@v1
        label: Art. 1
        summary: Each guarantor helps.
        covers: [guarantors, triggers, scope, decision-rule, obligation, assistance]
    sources: [s1]
places:
  - { id: island, name: Island, of: v }
willingness:
  - id: a-and-b
    guarantors: [a, b]
    guaranteedState: v
    levels: { consultation: 1, unsc-request: 0.5, diplomatic: 0.5, sanctions: 0.5, weapons: 0.5, no-fly-zone: 0.1, armed-force: 0.1 }
    assumption: true
    rationale: A test judgement.
`;

const ids: GuaranteeIds = {
  actors: new Set(['v', 'a', 'b', 'c']),
  sources: new Set(['s1']),
  drafts: new Set(['treaty@v1']),
  issues: new Set(['guarantors']),
};

/** Every problem in a guarantees.yaml text, formatted as the CLI prints them. */
function problems(text: string): string[] {
  const parsed = parseYamlFile(text, 'guarantees.yaml', guaranteesFileSchema);
  if (parsed.value) checkGuaranteeReferences(parsed.value, ids, parsed.report);
  return parsed.diagnostics.map(formatDiagnostic);
}

const edit = (find: string, replace: string) => {
  if (!valid.includes(find)) throw new Error(`fixture lacks ${find}`);
  return valid.replace(find, replace);
};

describe('guarantees.yaml checks', () => {
  it('accept the valid file', () => {
    expect(problems(valid)).toEqual([]);
  });

  it('reject an instrument without guarantors', () => {
    expect(problems(edit('guarantors: [a, b]\n    triggers', 'guarantors: []\n    triggers'))).toEqual([
      'guarantees.yaml:6:17: instruments[0].guarantors: an instrument needs at least one guarantor',
    ]);
  });

  it('reject a probability outside [0, 1]', () => {
    expect(problems(edit('weapons: 0.5', 'weapons: 1.5'))).toEqual([
      'guarantees.yaml:27:93: willingness[0].levels.weapons: a probability must lie within [0, 1]',
    ]);
    expect(problems(edit('no-fly-zone: 0.1', 'no-fly-zone: -0.1'))).toEqual([
      'guarantees.yaml:27:111: willingness[0].levels.no-fly-zone: a probability must lie within [0, 1]',
    ]);
  });

  it('reject unknown ids, each at its own field', () => {
    const text = valid
      .replace('guarantors: [a, b]\n    triggers', 'guarantors: [a, zz]\n    triggers')
      .replace('excludes: [island]', 'excludes: [atlantis]')
      .replace('draft: treaty@v1', 'draft: treaty@v9')
      .replace('issues: [guarantors]', 'issues: [neutrality]')
      .replace('guaranteedState: v\n    levels', 'guaranteedState: nowhere\n    levels');
    expect(problems(text)).toEqual([
      'guarantees.yaml:6:21: instruments[0].guarantors[1]: unknown actor "zz"',
      'guarantees.yaml:9:16: instruments[0].excludes[0]: unknown place "atlantis"',
      'guarantees.yaml:13:14: instruments[0].issues[0]: unknown issue "neutrality"',
      'guarantees.yaml:16:16: instruments[0].provisions[0].draft: unknown draft version "treaty@v9"',
      'guarantees.yaml:26:22: willingness[0].guaranteedState: unknown actor "nowhere"',
    ]);
  });

  it('reject a guarantor that is the guaranteed state, or listed twice', () => {
    expect(problems(edit('guarantors: [a, b]\n    triggers', 'guarantors: [a, v, a]\n    triggers'))).toEqual(
      [
        'guarantees.yaml:6:21: instruments[0].guarantors[1]: "v" is the guaranteed state; a state cannot guarantee itself',
        'guarantees.yaml:6:24: instruments[0].guarantors[2]: guarantor "a" is listed twice',
      ],
    );
  });

  it('reject a willingness entry that has a guarantor help against itself', () => {
    expect(
      problems(
        edit('guaranteedState: v\n    levels', 'guaranteedState: v\n    attackers: [c, a]\n    levels'),
      ),
    ).toEqual([
      'guarantees.yaml:27:20: willingness[0].attackers[1]: "a" is also a guarantor here: a guarantor never acts ' +
        'against itself (its willingness against its own attack is 0 by construction)',
    ]);
  });

  it('reject two equally specific willingness entries for the same guarantor', () => {
    const second = `  - id: b-again
    guarantors: [b]
    guaranteedState: v
    levels: { consultation: 1, unsc-request: 0, diplomatic: 0, sanctions: 0, weapons: 0, no-fly-zone: 0, armed-force: 0 }
    assumption: true
    rationale: Another judgement.
`;
    expect(problems(valid + second)).toEqual([
      'guarantees.yaml:30:9: willingness[1].id: ties with willingness[0] ("a-and-b") for "b" protecting "v": make one more specific or merge them',
    ]);
    expect(
      problems(valid + second.replace('guaranteedState: v', 'guaranteedState: v\n    attackers: [c]')),
    ).toEqual([]);
  });

  it('reject a judgement not marked as an assumption, or without rationale', () => {
    expect(
      problems(
        edit(
          '    assumption: true\n    rationale: A test judgement.\n',
          '    assumption: false\n    rationale: ""\n',
        ),
      ),
    ).toEqual([
      'guarantees.yaml:28:17: willingness[0].assumption: an analyst judgement must be marked "assumption: true"',
      'guarantees.yaml:29:16: willingness[0].rationale: an assumption needs a rationale',
    ]);
  });

  it('reject incoherent instruments', () => {
    expect(problems(edit('assistance: [weapons]', 'assistance: []'))).toEqual([
      'guarantees.yaml:12:17: instruments[0].assistance: an instrument that says "must-act" must name at least one assistance form',
    ]);
    expect(problems(edit('obligation: must-act', 'obligation: seek-unsc-action'))).toEqual([
      'guarantees.yaml:2:5: instruments[0].council: required with decisionRule "unsc" or obligation "seek-unsc-action": name the council whose vetoes matter',
      'guarantees.yaml:12:17: instruments[0].assistance: must be empty: an instrument that says "seek-unsc-action" owes no assistance forms',
    ]);
    expect(problems(edit('covers: [guarantors, triggers, scope,', 'covers: [guarantors,'))).toEqual([
      'guarantees.yaml:15:7: instruments[0].provisions: no provision covers "triggers", "scope": every step of an explanation must cite a clause',
    ]);
  });

  it('check the default comparison: attackers are actors or third-state, places are places or core', () => {
    const comparison = (attackers: string, places: string) =>
      `${valid}comparison:\n  attackers: ${attackers}\n  places: ${places}\n`;
    expect(problems(comparison('[c, third-state]', '[core, island]'))).toEqual([]);
    expect(problems(comparison('[c, pirates, c]', '[core, moon, core]'))).toEqual([
      'guarantees.yaml:31:18: comparison.attackers[1]: unknown actor "pirates"',
      'guarantees.yaml:31:27: comparison.attackers[2]: attacker "c" is listed twice',
      'guarantees.yaml:32:18: comparison.places[1]: unknown place "moon"',
      'guarantees.yaml:32:24: comparison.places[2]: place "core" is listed twice',
    ]);
    expect(problems(comparison('[]', '[core]'))).toEqual([
      'guarantees.yaml:31:14: comparison.attackers: name at least one attacker',
    ]);
  });

  it('reserve the place id "core" for core territory', () => {
    expect(
      problems(edit('{ id: island,', '{ id: core,').replace('excludes: [island]', 'excludes: [core]')),
    ).toEqual([
      'guarantees.yaml:22:11: places[0].id: "core" is reserved for the core territory outside any named place',
    ]);
  });

  it('reject unknown fields and values with their allowed set', () => {
    expect(problems(edit('decisionRule: individual', 'decisionRule: consensus\n    veto: true'))).toEqual([
      'guarantees.yaml:10:19: instruments[0].decisionRule: must be one of "individual", "unanimity-all", ' +
        '"unanimity-excluding-attacker", "majority", "unsc"',
      'guarantees.yaml:11:5: instruments[0].veto: unknown field',
    ]);
  });
});
