import type { Case } from '@parley/model/case.ts';

/** A small case built in memory, as a server or the web workbench would hold one: no folder, no files. */
export function lakeTalks(): Case {
  return {
    meta: {
      id: 'lake-talks',
      title: 'Lake talks',
      summary: 'Two states share a lake.',
      period: '2031-01/2031-03',
    },
    actors: [
      { id: 'east', kind: 'state', name: 'Eastland', sources: ['memo'] },
      { id: 'west', kind: 'state', name: 'Westland', sources: ['memo'] },
    ],
    roles: [{ id: 'east-party', actor: 'east', role: 'party', sources: ['memo'] }],
    rounds: [],
    events: [],
    sources: [{ id: 'memo', title: 'Memo of the talks', kind: 'primary-text', reliability: 'high' }],
    propositions: [],
    claims: [],
    issues: [
      {
        id: 'access',
        title: 'Access to the lake',
        kind: 'boolean',
        category: 'territory',
        sources: ['memo'],
      },
    ],
    positions: [
      {
        id: 'east-access',
        party: 'east',
        issue: 'access',
        date: '2031-01',
        value: true,
        status: 'proposed',
        confidence: 'high',
        sources: ['memo'],
      },
    ],
    drafts: [
      {
        id: 'pact',
        title: 'Lake Pact',
        kind: 'treaty',
        versions: [
          {
            id: 'v1',
            date: '2031-02',
            author: 'east',
            status: 'tabled',
            text: 'drafts/pact-v1.txt',
            reconstruction: false,
            sources: ['memo'],
          },
        ],
      },
    ],
    draftTexts: {
      'pact@v1':
        '# Lake Pact\n\n## Article 1 Access\n@issues: access\n\n1. Each party may fish [east: freely] in the lake.\n',
    },
  };
}
