import { describe, expect, it } from 'vitest';
import { pie } from './pie.test-support.ts';
import { traceCsv } from './trace.ts';

describe('traceCsv', () => {
  it('writes one row per entry, issues and utilities as columns, quoting where needed', () => {
    const domain = pie(2);
    domain.issues[0]!.name = 'share, of a';
    const csv = traceCsv(domain, [
      {
        seed: 7,
        trace: [
          {
            step: 0,
            round: 1,
            time: 0,
            party: 'a',
            action: 'offer',
            offer: { 'share, of a': '2' },
            utilities: { a: 1, b: 0 },
          },
          {
            step: 1,
            round: 1,
            time: 0.25,
            party: 'b',
            action: 'accept',
            responses: { a: 'accept', b: 'accept' },
          },
        ],
      },
    ]);
    expect(csv).toBe(
      [
        'run,step,round,time,day,party,action,"share, of a",responses,u:a,u:b',
        '7,0,1,0,,a,offer,2,,1,0',
        '7,1,1,0.25,,b,accept,,a:accept;b:accept,,',
        '',
      ].join('\n'),
    );
  });
});
