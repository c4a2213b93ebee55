// The whole-case rules (app/src/validate) as a case folder reports them: each at file:line:column.
import { describe, expect, it } from 'vitest';
import { loadEdited, type FixtureEdit } from './test-support.ts';

const cases: Array<[string, FixtureEdit[], string[]]> = [
  [
    'a duplicate id',
    [
      {
        file: 'events.yaml',
        content:
          'events:\n  - { id: drought, date: 2030-02, kind: military, title: A, sources: [report-b] }\n  - { id: drought, date: 2030-03, kind: military, title: B, sources: [report-b] }\n',
      },
    ],
    ['events.yaml:3:11: events[1].id: duplicate event id "drought" (first used at events[0])'],
  ],
  [
    'an unknown actor in a role',
    [{ file: 'roles.yaml', find: 'actor: south', replace: 'actor: sout' }],
    ['roles.yaml:7:12: roles[1].actor: unknown actor "sout"'],
  ],
  [
    'an unknown round in a role',
    [{ file: 'roles.yaml', find: '    to: 2030-05', replace: '    to: 2030-05\n    rounds: [round-9]' }],
    ['roles.yaml:15:14: roles[2].rounds[0]: unknown round "round-9"'],
  ],
  [
    'a role that ends before it starts',
    [{ file: 'roles.yaml', find: 'to: 2030-05', replace: 'to: 2030-01-01' }],
    ['roles.yaml:14:9: roles[2].to: ends (2030-01-01) before it starts (2030-01-15)'],
  ],
  [
    'an affiliation with a person',
    [{ file: 'actors.yaml', find: 'affiliation: league', replace: 'affiliation: envoy' }],
    ['actors.yaml:13:18: actors[2].affiliation: "envoy" is a person; affiliate with a state or organisation'],
  ],
  [
    'an affiliation on a state',
    [
      {
        file: 'actors.yaml',
        find: '    name: Northland',
        replace: '    name: Northland\n    affiliation: league',
      },
    ],
    ['actors.yaml:5:18: actors[0].affiliation: only a person has an affiliation'],
  ],
  [
    'an unknown proposition in contestedBy',
    [
      {
        file: 'roles.yaml',
        find: 'contestedBy: [league-guarantee-offered]',
        replace: 'contestedBy: [league-offer]',
      },
    ],
    ['roles.yaml:20:19: roles[3].contestedBy[0]: unknown proposition "league-offer"'],
  ],
  [
    'a claim on an unknown proposition by an unknown claimant',
    [
      {
        file: 'claims.yaml',
        find: '    proposition: drought-staged\n    stance: supports\n    claimant: south',
        replace: '    proposition: drought-faked\n    stance: supports\n    claimant: westland',
      },
    ],
    [
      'claims.yaml:41:18: claims[4].proposition: unknown proposition "drought-faked"',
      'claims.yaml:43:15: claims[4].claimant: unknown actor "westland"',
    ],
  ],
  [
    'an unknown draft version in a round',
    [{ file: 'rounds.yaml', find: 'documents: [accord@v1]', replace: 'documents: [accord@v7]' }],
    ['rounds.yaml:14:17: rounds[0].documents[0]: unknown draft version "accord@v7"'],
  ],
  [
    'unknown delegation members, hosts and mediators',
    [
      {
        file: 'rounds.yaml',
        find: '        head: envoy\n    hosts: [league]\n    mediators: [envoy]',
        replace:
          '        head: nobody\n        members: [ghost]\n    hosts: [nowhere]\n    mediators: [noone]',
      },
    ],
    [
      'rounds.yaml:10:15: rounds[0].delegations[0].head: unknown actor "nobody"',
      'rounds.yaml:11:19: rounds[0].delegations[0].members[0]: unknown actor "ghost"',
      'rounds.yaml:12:13: rounds[0].hosts[0]: unknown actor "nowhere"',
      'rounds.yaml:13:17: rounds[0].mediators[0]: unknown actor "noone"',
    ],
  ],
  [
    'an unknown source',
    [{ file: 'events.yaml', find: 'sources: [report-b]', replace: 'sources: [report-b, report-z]' }],
    ['events.yaml:7:25: events[0].sources[1]: unknown source "report-z"'],
  ],
  [
    'a source nobody cites',
    [
      {
        file: 'sources.yaml',
        find: 'sources:\n',
        replace: 'sources:\n  - { id: orphan, title: Unused, kind: opinion, reliability: low }\n',
      },
    ],
    ['sources.yaml:2:11: sources[0].id: source "orphan" is never cited'],
  ],
  [
    'an unknown issue and party in a position',
    [
      {
        file: 'positions.yaml',
        find: '    party: north\n    issue: dam-moratorium',
        replace: '    party: norht\n    issue: dams',
      },
    ],
    [
      'positions.yaml:64:12: positions[7].party: unknown actor "norht"',
      'positions.yaml:65:12: positions[7].issue: unknown issue "dams"',
    ],
  ],
  [
    'a boolean position on a number issue',
    [{ file: 'positions.yaml', find: 'value: 30', replace: 'value: true' }],
    ['positions.yaml:6:12: positions[0].value: issue "min-flow" is a number (m3/s); got boolean'],
  ],
  [
    'a number on a boolean issue',
    [{ file: 'positions.yaml', find: 'value: false', replace: 'value: 0' }],
    [
      'positions.yaml:67:12: positions[7].value: issue "dam-moratorium" is boolean; expected true or false, got number',
    ],
  ],
  [
    'an option a choice issue does not have',
    [{ file: 'positions.yaml', find: 'value: league', replace: 'value: un' }],
    ['positions.yaml:42:12: positions[4].value: "un" is not an option of issue "monitor" (league, joint)'],
  ],
  [
    'a set member the issue does not have',
    [{ file: 'positions.yaml', find: 'value: [league]', replace: 'value: [league, westland]' }],
    ['positions.yaml:59:21: positions[6].value[1]: "westland" is not a member of issue "guarantors"'],
  ],
  [
    'a scalar on a set issue',
    [{ file: 'positions.yaml', find: 'value: [league]', replace: 'value: league' }],
    ['positions.yaml:59:12: positions[6].value: issue "guarantors" is a set; expected a list, got string'],
  ],
  [
    'a unit that differs from the issue',
    [{ file: 'positions.yaml', find: 'unit: m3/s', replace: 'unit: l/s' }],
    ['positions.yaml:24:11: positions[2].unit: unit "l/s" differs from the issue\'s unit "m3/s"'],
  ],
  [
    'an inverted range',
    [{ file: 'positions.yaml', find: 'range: { min: 50, max: 70 }', replace: 'range: { min: 70, max: 50 }' }],
    ['positions.yaml:14:12: positions[1].range: min 70 is greater than max 50'],
  ],
  [
    'a range on a choice issue',
    [
      {
        file: 'positions.yaml',
        find: '    value: joint\n',
        replace: '    value: joint\n    range: { min: 1 }\n',
      },
    ],
    ['positions.yaml:51:12: positions[5].range: a range is only for number issues; "monitor" is choice'],
  ],
  [
    'a red line that does not fit the issue',
    [{ file: 'positions.yaml', find: 'redLine: joint', replace: 'redLine: solo' }],
    [
      'positions.yaml:51:14: positions[5].redLine: "solo" is not an option of issue "monitor" (league, joint)',
    ],
  ],
  [
    'a position with neither value nor range',
    [{ file: 'positions.yaml', find: '    value: 48\n', replace: '' }],
    ['positions.yaml:30:5: positions[3]: a position needs a value or a range'],
  ],
  [
    'an unknown draft version in a position',
    [{ file: 'positions.yaml', find: 'document: accord@v1', replace: 'document: accord@v3' }],
    ['positions.yaml:27:15: positions[2].document: unknown draft version "accord@v3"'],
  ],
  [
    'a choice issue with one option, a number issue without unit, options on a boolean',
    [
      { file: 'issues.yaml', find: '      - { id: joint, label: A joint commission }\n', replace: '' },
      { file: 'issues.yaml', find: '    unit: m3/s\n', replace: '' },
      {
        file: 'issues.yaml',
        find: '    kind: boolean\n',
        replace: '    kind: boolean\n    options: [{ id: yes, label: Yes }, { id: no, label: No }]\n',
      },
    ],
    [
      'issues.yaml:2:5: issues[0].unit: a number issue needs a unit',
      'issues.yaml:12:7: issues[1].options: a choice issue needs at least two options',
      'issues.yaml:23:14: issues[3].options: options are only for choice issues, not boolean',
      'positions.yaml:24:11: positions[2].unit: unit "m3/s" differs from the issue\'s unit "(none)"',
      'positions.yaml:50:12: positions[5].value: "joint" is not an option of issue "monitor" (league)',
      'positions.yaml:51:14: positions[5].redLine: "joint" is not an option of issue "monitor" (league)',
    ],
  ],
  [
    'a draft basis that is unknown or later, an unknown author, an unknown initialling claim, a missing text file',
    [
      { file: 'drafts.yaml', find: 'basis: v1', replace: 'basis: v0' },
      { file: 'drafts.yaml', find: 'author: north', replace: 'author: nowhere' },
      {
        file: 'drafts.yaml',
        find: '        reconstruction: false\n',
        replace: '        reconstruction: false\n        initialledBy: [envoy-initialled]\n',
      },
      { file: 'drafts/v2.txt', remove: true },
    ],
    [
      'drafts.yaml:8:17: documents[0].versions[0].author: unknown actor "nowhere"',
      'drafts.yaml:12:24: documents[0].versions[0].initialledBy[0]: unknown claim "envoy-initialled"',
      'drafts.yaml:17:16: documents[0].versions[1].basis: unknown version "v0" of document "accord"',
      'drafts.yaml:19:15: documents[0].versions[1].text: cannot read "drafts/v2.txt" (no such file)',
    ],
  ],
  [
    'a basis dated after its version',
    [{ file: 'drafts.yaml', find: 'date: 2030-02-01', replace: 'date: 2030-02-20' }],
    [
      'drafts.yaml:16:16: documents[0].versions[1].basis: basis "v1" (2030-02-20) is later than this version (2030-02-12)',
    ],
  ],
];

describe('reference rules', () => {
  it.each(cases)('reports %s', async (_name, edits, expected) => {
    const { messages } = await loadEdited(edits);
    expect(messages).toEqual(expected);
  });

  it('still finds an uncited source when another file failed its schema check, but not after a YAML syntax error', async () => {
    const orphan = {
      file: 'sources.yaml',
      find: 'sources:\n',
      replace: 'sources:\n  - { id: orphan, title: Unused, kind: opinion, reliability: low }\n',
    };
    const schemaBroken = await loadEdited([
      orphan,
      { file: 'rounds.yaml', find: 'format: video', replace: 'format: telepathy' },
    ]);
    expect(schemaBroken.messages).toEqual([
      'rounds.yaml:20:13: rounds[1].format: must be one of "in-person", "video", "shuttle", "phone", "mixed"',
      'sources.yaml:2:11: sources[0].id: source "orphan" is never cited',
    ]);
    const syntaxBroken = await loadEdited([orphan, { file: 'events.yaml', content: 'events: [\n' }]);
    expect(syntaxBroken.messages.some((m) => m.includes('never cited'))).toBe(false);
  });

  it('does not echo references into a file that failed its schema check', async () => {
    const { messages } = await loadEdited([
      { file: 'actors.yaml', find: 'kind: state', replace: 'kind: nation' },
    ]);
    expect(messages).toEqual([
      'actors.yaml:3:11: actors[0].kind: must be one of "state", "organisation", "person"',
    ]);
  });
});

describe('a folder with many mistakes', () => {
  it('reports every one of 50 mistakes, each precisely, in one run', async () => {
    const events = Array.from(
      { length: 25 },
      (_, i) =>
        `  - id: e${i}\n    date: 2030-13-${String(i + 1).padStart(2, '0')}\n    kind: humanitarian\n    title: Event ${i}\n    actors: [ghost-${i}]\n    sources: [report-b]\n`,
    ).join('');
    const { messages } = await loadEdited([
      { file: 'events.yaml', content: `events:\n${events}` },
      {
        file: 'claims.yaml',
        find: 'claims:\n',
        replace: `claims:\n${Array.from({ length: 25 }, (_, i) => `  - { id: c${i}, proposition: p${i}, stance: supports, claimant: envoy, asserted: 2030-03, summary: S, sources: [report-b] }\n`).join('')}`,
      },
    ]);
    expect(messages).toHaveLength(50);
    expect(messages[0]).toBe('claims.yaml:9:28: claims[0].proposition: unknown proposition "p0"');
    expect(messages[49]).toBe(
      'events.yaml:147:11: events[24].date: "2030-13-25" is not a valid EDTF date (e.g. 2022-03-05, 2022-05, 2022-03-13/2022-03-17, 2022-03-05?)',
    );
    expect(messages.filter((m) => m.includes('is not a valid EDTF date'))).toHaveLength(25);
  });
});
