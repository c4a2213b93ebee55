import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { timelineView } from './timeline.ts';

describe('timelineView', () => {
  it('interleaves rounds and events in EDTF order, keeping the uncertainty in the date', async () => {
    expect(timelineView(await minimalCase()).entries).toEqual([
      {
        date: '2030-02-01',
        kind: 'round',
        type: 'in-person',
        id: 'round-1',
        title: 'First round',
        description: 'Agenda agreed.',
        sources: ['report-a'],
        contested: [],
      },
      {
        date: '2030-02-05?',
        kind: 'event',
        type: 'humanitarian',
        id: 'drought',
        title: 'Drought declared upstream',
        description: null,
        sources: ['report-b'],
        contested: [],
      },
      {
        date: '2030-02-10/2030-02-12',
        kind: 'round',
        type: 'video',
        id: 'round-2',
        title: 'Video round',
        description: 'Flow figures exchanged.',
        sources: ['report-b'],
        contested: [],
      },
    ]);
  });
});
