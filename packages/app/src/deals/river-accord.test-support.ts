// Test support: the minimal fixture case (the River Accord talks) with a small analyst model, made
// in memory so that every figure of the deals use cases can be worked out by hand.
//
// Two parties value two issues. Northland wants a joint commission and no dam moratorium (weights
// 1 and 1); Southland wants the League to monitor and the moratorium (weights 1 and 3). The four
// packages give (Northland, Southland): League+yes (0, 1), League+no (0.5, 0.25), joint+yes
// (0.5, 0.75), joint+no (1, 0). From the drought (2030-02-05) no deal is worth 0.4 to Northland
// and 0.5 to Southland, so joint+yes is the one package both prefer; from the flood (2030-04-01)
// Southland's rises to 0.8 and no package is left.
import type { Case } from '@parley/model/case.ts';
import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';

const why = 'an invented judgement for the tests';

export const riverModel: AnalystModel = {
  status: 'assumption',
  summary: 'Two parties, two issues, reservation values that move with the weather.',
  grids: {},
  packages: {},
  stakeholders: [
    {
      actor: 'north',
      role: 'party',
      summary: 'Wants a joint commission and freedom to build dams.',
      issues: {
        monitor: {
          weight: { value: 1, rationale: why },
          scores: { value: { joint: 1, league: 0 }, rationale: why },
        },
        'dam-moratorium': {
          weight: { value: 1, rationale: why },
          scores: { value: { no: 1, yes: 0 }, rationale: why },
        },
      },
      reservation: [{ event: 'drought', date: '2030-02-05', value: 0.4, rationale: why }],
    },
    {
      actor: 'south',
      role: 'party',
      summary: 'Wants the League to monitor and, above all, no new dams.',
      issues: {
        monitor: {
          weight: { value: 1, rationale: why },
          scores: { value: { league: 1, joint: 0 }, rationale: why },
        },
        'dam-moratorium': {
          weight: { value: 3, rationale: why },
          scores: { value: { yes: 1, no: 0 }, rationale: why },
        },
      },
      reservation: [
        { event: 'drought', date: '2030-02-05', value: 0.5, rationale: why },
        { event: 'flood', date: '2030-04-01', value: 0.8, rationale: why },
      ],
    },
  ],
  scenarios: [
    {
      id: 'patient-south',
      title: 'Southland waits out the flood',
      rationale: why,
      overrides: [{ assumption: 'south.reservation.flood', value: 0.5 }],
    },
  ],
};

/** The minimal case with the model above and the flood its reservation values refer to. */
export function withRiverModel(minimal: Case): Case {
  return {
    ...minimal,
    events: [
      ...minimal.events,
      {
        id: 'flood',
        date: '2030-04-01',
        kind: 'humanitarian',
        title: 'Flood downstream',
        actors: ['south'],
        sources: ['report-b'],
      },
    ],
    model: riverModel,
  };
}
