import { describe, expect, it } from 'vitest';
import { describePrecision, timelineMarks, type TimelineEntryIn } from './timeline-marks.ts';

const entry = (id: string, date: string, kind: 'round' | 'event' = 'event'): TimelineEntryIn => ({
  id,
  date,
  kind,
  type: kind === 'round' ? 'talks' : 'military',
  title: id,
});

describe('timelineMarks', () => {
  const marks = timelineMarks(
    [
      entry('a', '2022-02-24'),
      entry('b', '2022-03~'),
      entry('c', '2022-03-29/2022-04-03', 'round'),
      entry('d', '2022-03-29/..'),
    ],
    (e) => (e.id === 'c' ? ['ru', 'ua'] : []),
  );
  const byId = Object.fromEntries(marks.map((m) => [m.id, m]));

  it('draws a known day as a point of one day', () => {
    expect(byId.a).toMatchObject({ point: true, hedged: false, lane: 'military', precision: 'day' });
    expect(byId.a!.start.toISOString()).toBe('2022-02-24T00:00:00.000Z');
    expect(byId.a!.end.toISOString()).toBe('2022-02-25T00:00:00.000Z');
  });

  it('draws an approximate month as a hedged span over the whole month', () => {
    expect(byId.b).toMatchObject({ point: false, hedged: true, precision: 'month' });
    expect(byId.b!.start.toISOString()).toBe('2022-03-01T00:00:00.000Z');
    expect(byId.b!.end.toISOString()).toBe('2022-04-01T00:00:00.000Z');
    expect(describePrecision(byId.b!)).toBe('approximate, month');
  });

  it('draws an interval as a span in the round lane with its actors', () => {
    expect(byId.c).toMatchObject({ lane: 'round', precision: 'interval', actors: ['ru', 'ua'] });
    expect(byId.c!.end.toISOString()).toBe('2022-04-04T00:00:00.000Z');
  });

  it('runs an open end to the last known day, marked open', () => {
    expect(byId.d).toMatchObject({ openEnd: true, openStart: false });
    expect(byId.d!.end.toISOString()).toBe('2022-04-04T00:00:00.000Z');
    expect(describePrecision(byId.d!)).toBe('interval, open end');
  });
});
