import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '@parley/core/drafts/parse.ts';
import { redline } from '@parley/core/drafts/redline.ts';
import { redlineView } from '@parley/core/drafts/view.ts';
import { toTerminal } from './render-terminal.ts';

const parse = (text: string) => parseDraft(text, { mode: 'parley' }).document;
// The drafts engine's own fixtures: an article moved and renumbered, a bracket resolved.
const fixture = (name: string) =>
  parse(readFileSync(createRequire(import.meta.url).resolve(`@parley/core/drafts/fixtures/${name}`), 'utf8'));

// A bracket lifted (text kept), a clause added, a status changed.
const liftedA = parse(
  '# Accord\n\n## Article 1. Guarantees\n\n1. Guarantors [ru: shall consult and] may act {ua: alone | ru: together}.\n@status: bracketed\n',
);
const liftedB = parse(
  '# Accord\n\n## Article 1. Guarantees\n\n1. Guarantors shall consult and may act {ua: alone | ru: together} within three days.\n@status: agreed\n',
);

describe('the redline in a terminal', () => {
  const view = redlineView(liftedA, liftedB, redline(liftedA, liftedB));

  it('prints git-style marks without colour', () => {
    expect(toTerminal(view, { colour: false })).toBe(
      [
        'Accord → Accord',
        'words +3 −0 · moved 0 · renumbered 0 · units: 1 modified, 0 inserted, 0 deleted, 1 unchanged',
        'brackets (before → after, +opened/−closed): ru 2 → 1 (+0/−1) · ua 1 → 1 (+0/−0)',
        'status: Article 1 ¶1 bracketed → agreed',
        'degraded: none (every unit diffed word by word)',
        '',
        '~ Article 1 ¶1 (A 5:1 → B 5:1) status bracketed → agreed',
        '  Guarantors [-[ru: -]shall consult and[-]-] may act {ua: alone | ru: together} {+within three days+}.',
        '',
      ].join('\n'),
    );
  });

  it('colours insertions and deletions on a terminal', () => {
    const coloured = toTerminal(view, { colour: true });
    expect(coloured).toContain('\u001b[32m\u001b[4mwithin three days\u001b[24m\u001b[39m');
    expect(coloured).toContain('\u001b[31m\u001b[9m[ru: \u001b[29m\u001b[39m');
  });
});

describe('the moved-article fixture in a terminal', () => {
  it('shows the move, the renumbering, the resolved bracket and the new article', () => {
    const a = fixture('guarantees-v1.txt');
    const b = fixture('guarantees-v2.txt');
    const view = redlineView(a, b, redline(a, b));
    expect(toTerminal({ ...view, titleBefore: 'v1', title: 'v2' }, { colour: false })).toBe(
      [
        'v1 → v2',
        '(reconstruction: rebuilt from reports, not an original text)',
        'words +18 −3 · moved 1 · renumbered 2 · units: 5 modified, 2 inserted, 0 deleted, 4 unchanged',
        'brackets (before → after, +opened/−closed): ru 2 → 1 (+0/−1) · ua 1 → 1 (+0/−0)',
        'status: Article 2 ¶1 bracketed → deferred · Article 3 ¶1 bracketed → agreed',
        'degraded: none (every unit diffed word by word)',
        '',
        '~ Article 1 ¶2 (A 16:1 → B 16:1)',
        '  Ukraine shall not join military alliances {+or host foreign bases+}.',
        '',
        '> Article 2 (A 24:4 → B 18:4) moved from Article 3; renumbered 3 → 2',
        '  Article [-3-] {+2+}. Assistance',
        '',
        // Carried along by its moved article (fix: it used to show as modified in place only).
        '> Article 2 ¶1 (A 27:1 → B 21:1) moved with its article, from Article 3 ¶1; status bracketed → deferred',
        '  After consultations, assistance is decided {ua: by each guarantor individually | ru: by all guarantor states together}.',
        '',
        '~ Article 3 (A 18:4 → B 24:4) renumbered 2 → 3',
        '  Article [-2-] {+3+}. Guarantors',
        '',
        '~ Article 3 ¶1 (A 21:1 → B 27:1) status bracketed → agreed',
        '  The guarantor states are [-[ru: Belarus,]-] the United Kingdom and the United States.',
        '',
        '+ Article 4 (B 30:4)',
        '  {+Article 4. Signature+}',
        '',
        '+ Article 4 ¶1 (B 32:1)',
        '  {+The leaders shall sign this Treaty at a summit.+}',
        '',
      ].join('\n'),
    );
  });

  it('slides an added bracket so that it shows whole', () => {
    const a = parse('1. The guarantors are France[ru: , Belarus].\n');
    const b = parse('1. The guarantors are France[ru: , Belarus][ua: , Turkey].\n');
    const view = redlineView(a, b, redline(a, b));
    expect(toTerminal(view, { colour: false }).split('\n').at(-2)).toBe(
      '  The guarantors are France[ru: , Belarus]{+[ua: , Turkey]+}.',
    );
  });
});

describe('bounds are reported, never silent', () => {
  it('lists a unit over the edit bound as degraded', () => {
    const a = parse('## Article 1\n\n1. one two three four five six\n');
    const b = parse('## Article 1\n\n1. one 2 three 4 five 6\n');
    const result = redline(a, b, { maxEditLength: 2 });
    expect(toTerminal(redlineView(a, b, result), { colour: false })).toContain(
      'DEGRADED: Article 1 ¶1: more than 2 word edits: shown as wholly replaced',
    );
  });
});
