import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import type { GuaranteesFile } from '@parley/model/schema/guarantee.ts';
import { buildContext, resolveWillingness } from '@parley/core/guarantees/context.ts';
import { checkLibrary } from './instrument-library.ts';
import { librarySources } from './guarantee-test-context.ts';

const council = `councils:
  - id: un-security-council
    name: UN Security Council
    vetoHolders: [cn, ru]
    sources: [charter]
actors:
  - { id: cn, name: China }
  - { id: ru, name: Russia }
sources:
  - { id: charter, title: UN Charter }
`;

const memorandum = `instruments:
  - id: memo
    title: Memo
    date: 1994-12-05
    guaranteedState: ua
    guarantors: [ru]
    triggers: [nuclear-attack]
    requiresRequest: false
    decisionRule: individual
    obligation: seek-unsc-action
    council: un-security-council
    assistance: []
    provisions:
      - { id: p4, label: para. 4, summary: Seek action., covers: [guarantors, triggers, scope, decision-rule, obligation, assistance] }
    sources: [memo-text]
actors:
  - { id: ua, name: Ukraine }
  - { id: ru, name: Russia }
sources:
  - { id: memo-text, title: Memorandum }
`;

const problems = (files: Record<string, string>) =>
  checkLibrary(Object.entries(files).map(([display, text]) => ({ display, text }))).diagnostics.map(
    formatDiagnostic,
  );

describe('the instrument library', () => {
  it('ships valid files: Budapest, NATO Art. 5, London 1839, Cyprus 1960 and the UN Security Council', () => {
    const instruments = librarySources().flatMap((s) => s.file.instruments.map((i) => i.id));
    expect(instruments).toEqual([
      'budapest-memorandum-1994',
      'cyprus-guarantee-1960',
      'nato-article-5',
      'treaty-of-london-1839',
    ]);
  });

  it('lets an instrument use a council defined in another library file', () => {
    expect(problems({ 'council.yaml': council, 'memo.yaml': memorandum })).toEqual([]);
    expect(problems({ 'memo.yaml': memorandum })).toEqual([
      'memo.yaml:11:14: instruments[0].council: unknown council "un-security-council"',
    ]);
  });

  it('requires every cited source and actor to be defined in the same file', () => {
    expect(
      problems({
        'council.yaml': council,
        'memo.yaml': memorandum
          .replace('sources: [memo-text]', 'sources: [memo-txt]')
          .replace('[ru]', '[ru, uk]'),
      }),
    ).toEqual([
      'memo.yaml:6:22: instruments[0].guarantors[1]: unknown actor "uk"',
      'memo.yaml:15:15: instruments[0].sources[0]: unknown source "memo-txt"',
    ]);
  });

  it('rejects a library file without sources', () => {
    expect(problems({ 'empty.yaml': 'instruments: []\nsources: []\n' })).toEqual([
      'empty.yaml:2:10: sources: a library file must define the sources it cites',
    ]);
  });
});

describe('buildContext', () => {
  it('refuses an instrument id defined in the case and in the library', () => {
    const library = librarySources();
    const clash: GuaranteesFile = { instruments: [library[0]!.file.instruments[0]!] };
    expect(buildContext([{ origin: 'case', file: clash }, ...library]).problems).toEqual([
      'library/instruments/budapest-memorandum-1994.yaml: instrument "budapest-memorandum-1994" is already defined in case',
    ]);
  });

  it("prefers the case's willingness to the library's for the same guarantor", () => {
    const library = librarySources();
    const levels = {
      consultation: 1,
      'unsc-request': 1,
      diplomatic: 1,
      sanctions: 0,
      weapons: 0,
      'no-fly-zone': 0,
      'armed-force': 0,
    };
    const mark = { assumption: true as const, rationale: 'Invented for the test.' };
    const ours: GuaranteesFile = {
      instruments: [],
      willingness: [
        {
          id: 'uk-against-belarus',
          guarantors: ['uk'],
          guaranteedState: 'ua',
          attackers: ['by'],
          levels,
          ...mark,
        },
        { id: 'uk-general', guarantors: ['uk'], guaranteedState: 'ua', levels, ...mark },
      ],
    };
    const { context, problems } = buildContext([{ origin: 'case', file: ours }, ...library]);
    expect(problems).toEqual([]);
    const budapest = context.instruments.find(
      (e) => e.instrument.id === 'budapest-memorandum-1994',
    )!.instrument;
    const chosen = resolveWillingness(context, budapest, 'uk', 'by');
    expect(chosen?.kind === 'assumed' && [chosen.entry.id, chosen.origin]).toEqual([
      'uk-against-belarus',
      'case',
    ]);
    const general = resolveWillingness(context, budapest, 'uk', 'third-state');
    expect(general?.kind === 'assumed' && [general.entry.id, general.origin]).toEqual(['uk-general', 'case']);
    // A guarantor the case says nothing about keeps the library's assumption.
    const us = resolveWillingness(context, budapest, 'us', 'by');
    expect(us?.kind === 'assumed' && [us.entry.id, us.origin]).toEqual([
      'budapest-signatories-for-ukraine',
      'library/instruments/budapest-memorandum-1994.yaml',
    ]);
  });
});
