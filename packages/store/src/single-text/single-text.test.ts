import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { readAudit } from '../audit/read-audit.ts';
import { caseRevision, importCase } from '../cases.ts';
import { releaseRecord } from '../records.ts';
import { errorOf } from '../parley-error.test-support.ts';
import { engines, useTestDatabase } from '../test-databases.test-support.ts';
import { visibleCase } from '../visible-case.ts';
import { everything, type Audience } from '../visibility.ts';
import { submitCriticism } from './criticisms.ts';
import { answerRound, closeRound, openRound } from './rounds.ts';

const riverDir = fileURLToPath(new URL('../../../case-files/fixtures/river-deals', import.meta.url));
const keeper = { audience: everything, userId: null, roles: 'keeper' };
const north: Audience = { mediation: false, parties: ['north'] };
const south: Audience = { mediation: false, parties: ['south'] };

describe.each(engines)('the single text in the store on $name', (engine) => {
  const database = useTestDatabase(engine);

  it('keeps criticisms and open answers in their caucus, logs each step, and closes a round once', async () => {
    const db = database();
    const caseData = (await loadCase(riverDir)).caseData!;
    await importCase(db, { ...caseData, meta: { ...caseData.meta, id: 'st-store' } });
    const before = await caseRevision(db, 'st-store');
    const criticism = {
      document: 'accord',
      version: 'v1',
      provision: 'art-1.p1',
      text: 'Too low.',
      by: 'u1',
    };
    const first = await submitCriticism(db, 'st-store', keeper, { ...criticism, party: 'north' });
    const second = await submitCriticism(db, 'st-store', keeper, { ...criticism, party: 'north' });
    const theirs = await submitCriticism(db, 'st-store', keeper, { ...criticism, party: 'south' });
    // Each party's criticisms are numbered apart: an id tells nothing of the other side's.
    expect([first.id, second.id, theirs.id]).toEqual([
      'accord@v1/north/1',
      'accord@v1/north/2',
      'accord@v1/south/1',
    ]);
    expect(first.visibility).toBe('channel:north');

    const round = await openRound(db, 'st-store', keeper, {
      document: 'accord',
      version: 'v1',
      signatories: ['north', 'south'],
      openedBy: 'u0',
    });
    await answerRound(db, 'st-store', keeper, { round: round.id, party: 'north', answer: 'yes', by: 'u1' });
    const changed = await answerRound(db, 'st-store', keeper, {
      round: round.id,
      party: 'north',
      answer: 'no',
      by: 'u1',
    });
    expect([changed.version, changed.body]).toEqual([
      2,
      { id: 'accord@v1#1/north', round: 'accord@v1#1', party: 'north', answer: 'no', by: 'u1' },
    ]);
    const seenBySouth = (await visibleCase(db, 'st-store', south))!.records.filter((r) =>
      ['criticism', 'round-answer'].includes(r.kind),
    );
    expect(seenBySouth.map((r) => r.id)).toEqual(['accord@v1/south/1']);
    // Nor may the team make an answer known while the round is open, by the generic release.
    const early = await errorOf(
      releaseRecord(db, 'st-store', keeper, 'round-answer', 'accord@v1#1/north', 'case', 2),
    );
    expect([early.code, early.message]).toEqual([
      'conflict',
      'round-answer accord@v1#1/north belongs to round accord@v1#1, which is still open: the answers are released when the round closes',
    ]);

    const closed = await closeRound(db, 'st-store', keeper, round.id);
    expect([closed.visibility, closed.body]).toEqual([
      'case',
      {
        id: 'accord@v1#1',
        document: 'accord',
        version: 'v1',
        signatories: ['north', 'south'],
        status: 'closed',
        openedBy: 'u0',
        result: { yes: [], no: ['north'], none: ['south'] },
      },
    ]);
    // A refused step writes nothing: no record, no entry, no new revision.
    const revision = await caseRevision(db, 'st-store');
    const late = await errorOf(
      answerRound(db, 'st-store', keeper, { round: round.id, party: 'south', answer: 'yes', by: 'u2' }),
    );
    expect([late.code, late.message]).toEqual(['conflict', 'round accord@v1#1 is closed']);
    expect(await caseRevision(db, 'st-store')).toBe(revision);
    expect(revision).toBe(before! + 7);

    const log = await readAudit(db, 'st-store', north);
    const steps = log.flatMap((e) => ('action' in e ? [`${e.action} ${e.target}`] : ['sealed']));
    expect(steps).toEqual([
      'case.import case',
      'single-text.criticise criticism/accord@v1/north/1',
      'single-text.criticise criticism/accord@v1/north/2',
      'sealed',
      'single-text.round-open text-round/accord@v1#1',
      'single-text.answer round-answer/accord@v1#1/north',
      'single-text.answer round-answer/accord@v1#1/north',
      'single-text.round-close text-round/accord@v1#1',
    ]);
    // Once the round is closed, an answer may be released like any record.
    const released = await releaseRecord(
      db,
      'st-store',
      keeper,
      'round-answer',
      'accord@v1#1/north',
      'case',
      2,
    );
    expect([released.visibility, released.version]).toEqual(['case', 3]);
  });
});
