// Test support: a complete case built in memory, as a server or the web workbench will hold one —
// no folder, no files. It is the River Accord talks of the minimal fixture with everything an
// engine reads: party brackets in a two-version draft, one contested point, a guarantee with an
// excluded place, and the analyst model of river-accord.test-support.ts (whose figures it explains).
//
// The draft: in v1 Northland and Southland bracket the flow figure and offer rival monitors; in v2
// the flow is agreed at 40 and only Southland's "The League" stays bracketed. The guarantee: the
// League alone guarantees Southland, decides alone, must act, and offers diplomatic support and
// sanctions; the delta is outside it. Against Northland the League is assumed certain to consult
// and give diplomatic support and never to impose sanctions; against anyone else it only consults.
// So every chance in the comparison is 0 or 1.
import type { Case } from '@parley/model/case.ts';
import { riverModel } from './deals/river-accord.test-support.ts';

const v1 = `# River Accord

## Article 1 Flow
@issues: min-flow

1. The minimum flow shall be [north: 30] [south: 50] cubic metres per second.

## Article 2 Monitoring
@issues: monitor

1. {north: A joint commission | south: The League} shall monitor the flow.
`;

const v2 = `# River Accord

## Article 1 Flow
@issues: min-flow
@status: agreed

1. The minimum flow shall be 40 cubic metres per second.

## Article 2 Monitoring
@issues: monitor

1. [south: The League] shall monitor the flow.
`;

export function riverCase(): Case {
  return {
    meta: {
      id: 'river-accord',
      title: 'River Accord talks',
      summary: 'An invented two-party negotiation over a shared river.',
      period: '2030-01/2030-06',
      asOf: '2030-03-01',
    },
    actors: [
      { id: 'north', kind: 'state', name: 'Northland', sources: ['report-a'] },
      { id: 'south', kind: 'state', name: 'Southland', sources: ['report-a'] },
      {
        id: 'envoy',
        kind: 'person',
        name: 'Ada Envoy',
        affiliation: 'league',
        office: 'special envoy',
        sources: ['report-b'],
      },
      { id: 'league', kind: 'organisation', name: 'League of Rivers', sources: ['report-b'] },
    ],
    roles: [
      { id: 'north-party', actor: 'north', role: 'party', sources: ['report-a'] },
      { id: 'south-party', actor: 'south', role: 'party', sources: ['report-a'] },
      {
        id: 'envoy-mediator',
        actor: 'envoy',
        role: 'mediator',
        from: '2030-01-15',
        to: '2030-05',
        sources: ['report-b'],
      },
      {
        id: 'league-guarantor',
        actor: 'league',
        role: 'prospective-guarantor',
        for: 'south',
        contestedBy: ['league-guarantee-offered'],
        sources: ['report-b'],
      },
    ],
    rounds: [
      {
        id: 'round-1',
        number: 1,
        name: 'First round',
        date: '2030-02-01',
        venue: 'Lakeside',
        format: 'in-person',
        delegations: [{ party: 'north', head: 'envoy', members: [] }],
        hosts: ['league'],
        mediators: ['envoy'],
        outcome: 'Agenda agreed.',
        documents: ['accord@v1'],
        sources: ['report-a'],
      },
      {
        id: 'round-2',
        name: 'Video round',
        date: '2030-02-10/2030-02-12',
        venue: 'video link',
        format: 'video',
        delegations: [],
        hosts: [],
        mediators: [],
        outcome: 'Flow figures exchanged.',
        documents: [],
        sources: ['report-b'],
      },
    ],
    events: [
      {
        id: 'drought',
        date: '2030-02-05',
        kind: 'humanitarian',
        title: 'Drought declared upstream',
        actors: ['north'],
        sources: ['report-b'],
      },
      {
        id: 'flood',
        date: '2030-04-01',
        kind: 'humanitarian',
        title: 'Flood downstream',
        actors: ['south'],
        sources: ['report-b'],
      },
    ],
    sources: [
      {
        id: 'report-a',
        title: 'Talks open at Lakeside',
        outlet: 'River Times',
        date: '2030-02-02',
        kind: 'news-report',
        reliability: 'medium',
      },
      {
        id: 'report-b',
        title: "Envoy's briefing",
        author: 'Ada Envoy',
        date: '2030-03',
        url: 'https://example.org/briefing',
        kind: 'official-document',
        reliability: 'high',
      },
    ],
    propositions: [
      { id: 'league-guarantee-offered', statement: 'The League offered to guarantee the accord.' },
      { id: 'drought-staged', statement: 'The drought declaration was staged to gain leverage.' },
    ],
    claims: [
      {
        id: 'envoy-says-offered',
        proposition: 'league-guarantee-offered',
        stance: 'supports',
        claimant: 'envoy',
        asserted: '2030-03',
        summary: 'The envoy says the League put a guarantee on the table.',
        sources: ['report-b'],
      },
      {
        id: 'south-says-not-offered',
        proposition: 'league-guarantee-offered',
        stance: 'disputes',
        claimant: 'south',
        asserted: '2030-02-02',
        summary: 'Southland says no guarantee was ever offered.',
        quote: 'nobody offered us anything',
        sources: ['report-a'],
      },
      {
        id: 'south-drought-claim',
        proposition: 'drought-staged',
        stance: 'supports',
        claimant: 'south',
        asserted: '2030-02-06',
        summary: 'Southland calls the drought a pretext.',
        sources: ['report-a'],
      },
    ],
    issues: [
      {
        id: 'min-flow',
        title: 'Minimum flow at the border',
        kind: 'number',
        unit: 'm3/s',
        category: 'economic',
        sources: ['report-a'],
      },
      {
        id: 'monitor',
        title: 'Who monitors the flow',
        kind: 'choice',
        category: 'procedure',
        options: [
          { id: 'league', label: 'The League' },
          { id: 'joint', label: 'A joint commission' },
        ],
        sources: ['report-a'],
      },
      {
        id: 'dam-moratorium',
        title: 'Moratorium on new dams',
        kind: 'boolean',
        category: 'economic',
        sources: ['report-b'],
      },
    ],
    positions: [
      {
        id: 'north-flow-1',
        party: 'north',
        issue: 'min-flow',
        date: '2030-02-01',
        value: 30,
        status: 'proposed',
        confidence: 'high',
        sources: ['report-a'],
      },
      {
        id: 'south-flow-1',
        party: 'south',
        issue: 'min-flow',
        date: '2030-02-01',
        range: { min: 50, max: 70 },
        redLine: { min: 50 },
        status: 'proposed',
        confidence: 'medium',
        sources: ['report-a'],
      },
      {
        id: 'north-flow-2',
        party: 'north',
        issue: 'min-flow',
        date: '2030-02-12',
        value: 40,
        status: 'proposed',
        confidence: 'low',
        document: 'accord@v2',
        sources: ['report-b'],
      },
      {
        id: 'south-monitor',
        party: 'south',
        issue: 'monitor',
        date: '2030-02-01',
        value: 'league',
        status: 'proposed',
        confidence: 'high',
        sources: ['report-a'],
      },
      {
        id: 'north-monitor',
        party: 'north',
        issue: 'monitor',
        date: '2030-02-01',
        value: 'joint',
        redLine: 'joint',
        status: 'proposed',
        confidence: 'high',
        sources: ['report-a'],
      },
      {
        id: 'north-moratorium',
        party: 'north',
        issue: 'dam-moratorium',
        date: '2030-02-01',
        value: false,
        status: 'rejected',
        confidence: 'high',
        sources: ['report-a'],
      },
    ],
    drafts: [
      {
        id: 'accord',
        title: 'River Accord',
        kind: 'treaty',
        versions: [
          {
            id: 'v1',
            date: '2030-02-01',
            author: 'north',
            status: 'tabled',
            text: 'drafts/v1.txt',
            reconstruction: false,
            sources: ['report-a'],
          },
          {
            id: 'v2',
            date: '2030-02-12',
            author: 'joint',
            basis: 'v1',
            status: 'working-draft',
            text: 'drafts/v2.txt',
            reconstruction: true,
            note: "Rebuilt from the envoy's briefing.",
            sources: ['report-b'],
          },
        ],
      },
    ],
    draftTexts: { 'accord@v1': v1, 'accord@v2': v2 },
    guarantees: {
      instruments: [
        {
          id: 'league-guarantee',
          title: 'League guarantee of Southland',
          date: '2030-03',
          guaranteedState: 'south',
          guarantors: ['league'],
          triggers: ['armed-attack'],
          requiresRequest: false,
          excludes: ['delta'],
          decisionRule: 'individual',
          obligation: 'must-act',
          assistance: ['diplomatic', 'sanctions'],
          provisions: [
            {
              id: 'art-1',
              label: 'Art. 1',
              summary: 'The League helps Southland against an armed attack with diplomacy or sanctions.',
              covers: ['guarantors', 'triggers', 'decision-rule', 'obligation', 'assistance'],
            },
            {
              id: 'art-2',
              label: 'Art. 2',
              summary: 'The delta is outside the guarantee.',
              covers: ['scope'],
            },
          ],
          sources: ['report-b'],
        },
      ],
      places: [{ id: 'delta', name: 'the delta', of: 'south' }],
      willingness: [
        {
          id: 'league-for-south',
          guarantors: ['league'],
          guaranteedState: 'south',
          attackers: ['north'],
          levels: {
            consultation: 1,
            'unsc-request': 0,
            diplomatic: 1,
            sanctions: 0,
            weapons: 0,
            'no-fly-zone': 0,
            'armed-force': 0,
          },
          assumption: true,
          rationale: 'Invented for the tests: the League speaks up but never sanctions.',
        },
        {
          id: 'league-general',
          guarantors: ['league'],
          guaranteedState: 'south',
          levels: {
            consultation: 1,
            'unsc-request': 0,
            diplomatic: 0,
            sanctions: 0,
            weapons: 0,
            'no-fly-zone': 0,
            'armed-force': 0,
          },
          assumption: true,
          rationale: 'Invented for the tests: against anyone else the League only consults.',
        },
      ],
    },
    model: riverModel,
  };
}
