import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

const root = mkdtempSync(path.join(tmpdir(), 'parley-init-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parley init', () => {
  const dir = path.join(root, 'tessel');

  it('writes a new case that validates, briefs and has a deal window', async () => {
    const init = await runCli(['init', dir]);
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    expect(init.out.split('\n').slice(0, 2)).toEqual([
      `${dir}: wrote a new case of 14 files (an invented example; replace it with yours)`,
      '  case.yaml',
    ]);

    const validate = await runCli(['validate', dir]);
    expect(validate).toEqual({
      code: 0,
      err: '',
      out: `${dir}: valid — 5 actors, 2 rounds, 2 events, 4 issues, 7 positions, 2 claims, 3 sources, 2 draft versions`,
    });

    const brief = await runCli(['brief', dir]);
    expect(brief.err).toBe('');
    expect(brief.code).toBe(0);
    const lines = brief.out.split('\n');
    expect(lines[0]).toBe('Tessel Valley talks (an invented example)  [tessel-valley-talks]');
    expect(lines).toContain('parties:               aldria, borvia');
    expect(lines).toContain('prospective guarantors: castria');
    expect(lines).toContain('contested points (1): castria-offered-guarantee');
    // One finding per engine: drafts, guarantees, deals.
    expect(lines).toContain('Drafts — valley-accord: open brackets per version 0 → 4 (diverging).');
    expect(lines).toContain(
      '  accord-guarantee-v2, attacker aldria: 1 obliged, no veto; any help 80%, weapons 39%',
    );
    // The deals paragraph names the window (its layout around the line is the brief's to choose).
    expect(lines.map((l) => l.trim())).toContainEqual(
      expect.stringContaining(
        'every required signatory 2031-02-10 → 2031-04-25; the parties alone 2031-02-10 → 2031-04-25',
      ),
    );
    expect(lines.at(-1)).toBe(`Contested points: parley show ${dir} claims --contested`);
  });

  it('gives a model on which deals window finds an open window, closed by the border incident', async () => {
    const r = await runCli(['deals', 'window', dir]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 3)).toEqual([
      'Deal window of tessel-valley-talks — analyst model; scenario: baseline',
      'Open (every required signatory): 2031-02-10 → 2031-04-25',
      'Open (parties only):             2031-02-10 → 2031-04-25',
    ]);
    const deals = await runCli(['deals', dir, '--json']);
    expect(JSON.parse(deals.out).agreement.withGuarantors.open).toBe(true);
  });

  it('refuses a folder that is not empty (misuse: exit 2) and overwrites nothing', async () => {
    const again = await runCli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.out).toBe('');
    expect(again.err.split('\n')[0]).toBe(
      `parley: ${dir} is not empty; parley init writes a new case only into a new or empty folder and never overwrites`,
    );
    const other = path.join(root, 'other');
    await runCli(['init', other]);
    rmSync(path.join(other, 'model.yaml'));
    writeFileSync(path.join(other, 'notes.txt'), 'mine');
    expect((await runCli(['init', other])).code).toBe(2);
    expect(readdirSync(other)).not.toContain('model.yaml');
  });

  it('needs a folder argument', async () => {
    const r = await runCli(['init']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe("parley: missing required argument 'dir'");
  });
});
