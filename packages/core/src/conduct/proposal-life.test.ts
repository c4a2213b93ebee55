import { describe, expect, it } from 'vitest';
import { proposalStates, type ProposalState } from '@parley/model/schema/conduct.ts';
import { judgeMove, moveTo, type Mover, type ProposalMove, type ProposalStanding } from './proposal-life.ts';

const moves: ProposalMove[] = ['consider', 'accept', 'reject', 'withdraw', 'supersede'];
const movers: Record<string, Mover> = {
  team: { mediation: true, delegations: [] },
  a: { mediation: false, delegations: ['a'] },
  b: { mediation: false, delegations: ['b'] },
  nobody: { mediation: false, delegations: [] },
};
const where: Record<string, Omit<ProposalStanding, 'state'>> = {
  "a's own in its caucus": { tabledBy: 'a', channel: 'a' },
  "the team's suggestion in b's caucus": { tabledBy: 'mediation', channel: 'b' },
  "a's in the plenary": { tabledBy: 'a', channel: 'plenary' },
};

// Who may make each move, whatever the state: one letter per mover (team, a, b, nobody).
//                                        consider accept reject withdraw supersede
const mayMove: Record<string, string> = {
  "a's own in its caucus": /*        */ 'ynnn     ynnn   ynnn   nynn     nynn',
  "the team's suggestion in b's caucus": 'ynnn     ynyn   ynyn   ynnn     ynnn',
  "a's in the plenary": /*           */ 'ynnn     ynyn   ynyn   nynn     nynn',
};
/** The states each move starts from. */
const from: Record<ProposalMove, ProposalState[]> = {
  consider: ['tabled'],
  accept: ['tabled', 'under-consideration'],
  reject: ['tabled', 'under-consideration'],
  withdraw: ['tabled', 'under-consideration'],
  supersede: ['tabled', 'under-consideration'],
};
const to: Record<ProposalMove, ProposalState> = {
  consider: 'under-consideration',
  accept: 'accepted',
  reject: 'rejected',
  withdraw: 'withdrawn',
  supersede: 'superseded',
};

describe('the life of a proposal', () => {
  const cases = Object.keys(where).flatMap((place) =>
    proposalStates.flatMap((state) =>
      moves.flatMap((move) => Object.keys(movers).map((mover) => ({ place, state, move, mover }))),
    ),
  );

  it('judges every move from every state by every mover, in three places', () => {
    expect(cases.length).toBe(3 * 6 * 5 * 4);
    for (const { place, state, move, mover } of cases) {
      const letters = mayMove[place]!.replace(/\s+/g, '');
      const permitted = letters[moves.indexOf(move) * 4 + Object.keys(movers).indexOf(mover)] === 'y';
      const verdict = judgeMove({ ...where[place]!, state }, move, movers[mover]!);
      const label = `${mover} ${move}s ${place} when ${state}`;
      if (!permitted)
        expect([label, verdict.allowed && 'allowed', !verdict.allowed && verdict.refusal]).toEqual([
          label,
          false,
          'forbidden',
        ]);
      else if (!from[move].includes(state))
        expect([label, !verdict.allowed && verdict.refusal]).toEqual([label, 'conflict']);
      else expect([label, verdict.allowed && verdict.to]).toEqual([label, to[move]]);
    }
  });

  it('says who acts: the team as mediation, a delegation as its party', () => {
    const plenary = { tabledBy: 'a', channel: 'plenary', state: 'tabled' } as const;
    expect(judgeMove(plenary, 'accept', movers.team!)).toEqual({
      allowed: true,
      to: 'accepted',
      as: 'mediation',
    });
    expect(judgeMove(plenary, 'accept', movers.b!)).toEqual({ allowed: true, to: 'accepted', as: 'b' });
    expect(judgeMove(plenary, 'withdraw', movers.a!)).toEqual({ allowed: true, to: 'withdrawn', as: 'a' });
  });

  it('explains a refusal', () => {
    expect(judgeMove({ tabledBy: 'a', channel: 'a', state: 'tabled' }, 'withdraw', movers.b!)).toEqual({
      allowed: false,
      refusal: 'forbidden',
      message: 'only the a delegation, which tabled it, may withdraw this proposal',
    });
    expect(judgeMove({ tabledBy: 'a', channel: 'a', state: 'accepted' }, 'withdraw', movers.a!)).toEqual({
      allowed: false,
      refusal: 'conflict',
      message: 'the proposal is accepted; it can be withdrawn only when tabled or under-consideration',
    });
  });

  it('names the move that leads to each state', () => {
    expect(proposalStates.map(moveTo)).toEqual([
      undefined,
      'consider',
      'accept',
      'reject',
      'withdraw',
      'supersede',
    ]);
  });
});
