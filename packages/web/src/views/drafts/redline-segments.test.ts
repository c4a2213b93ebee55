import { describe, expect, it } from 'vitest';
import { redlineRuns, sideRuns } from './redline-segments.ts';

// Article 2 ¶1 of the treaty, 12 → 15 April 2022 (as the diff route gives it).
const edits = [
  { op: 'equal', text: 'States and', a: { line: 41, column: 96 }, b: { line: 41, column: 96 } },
  { op: 'delete', text: 'Turkey', a: { line: 41, column: 107 }, b: { line: 41, column: 107 } },
  { op: 'insert', text: 'France', a: { line: 41, column: 113 }, b: { line: 41, column: 107 } },
  {
    op: 'equal',
    text: '[ru: , together with Belarus]',
    a: { line: 41, column: 113 },
    b: { line: 41, column: 113 },
  },
  {
    op: 'insert',
    text: '[ua: , together with Turkey]',
    a: { line: 41, column: 142 },
    b: { line: 41, column: 142 },
  },
  { op: 'equal', text: '.', a: { line: 41, column: 142 }, b: { line: 41, column: 170 } },
] as const;

const say = (runs: ReturnType<typeof redlineRuns>) =>
  runs
    .map((r) => {
      const s = r.space ? ' ' : '';
      if (r.kind === 'text') return `${s}${r.op[0]}:${r.text}${r.party ? `@${r.party}` : ''}`;
      if (r.kind === 'close') return `${s}${r.op[0]}:${r.choice ? '}' : ']'}`;
      return `${s}${r.op[0]}:${r.kind === 'open' ? (r.choice ? '{' : '[') : '|'}${r.party}`;
    })
    .join('');

describe('redlineRuns', () => {
  it('attributes each bracket to its party and draws touching edits touching', () => {
    expect(say(redlineRuns(edits as never))).toBe(
      'e:States and d:Turkey i:France' +
        'e:[rue:, together with Belarus@rue:]' +
        'i:[uai:, together with Turkey@uai:]' +
        'e:.',
    );
  });

  it('follows a choice between alternatives, and a bracket opened in kept text and closed in added text', () => {
    const runs = redlineRuns([
      { op: 'equal', text: 'assistance {ua: as each decides | ru: as all', b: { line: 1, column: 1 } },
      { op: 'insert', text: 'agree}', b: { line: 1, column: 50 } },
      { op: 'equal', text: '[unbracketed \\[literal]', b: { line: 1, column: 57 } },
    ] as never);
    expect(say(runs)).toBe(
      'e:assistance e:{uae:as each decides@ua e:|rue:as all@ru i:agree@rui:}' +
        ' e:[unattributede:unbracketed [literal@unattributede:]',
    );
  });

  it('gives each side of a side-by-side redline its own words', () => {
    const runs = redlineRuns(edits as never);
    expect(say(sideRuns(runs, 'before'))).toBe(
      'e:States and d:Turkeye:[rue:, together with Belarus@rue:]e:.',
    );
    expect(say(sideRuns(runs, 'after'))).toBe(
      'e:States and i:Francee:[rue:, together with Belarus@rue:]i:[uai:, together with Turkey@uai:]e:.',
    );
  });
});
