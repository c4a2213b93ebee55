import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The real entry point, as `npx parley` runs it (from dist/ when built and fresh, else via tsx).
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['bin/parley.mjs', ...args], { encoding: 'utf8', input });

describe('bin/parley.mjs', () => {
  it('runs a command and exits 0', () => {
    const r = run(['validate', 'packages/case-files/fixtures/minimal']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'packages/case-files/fixtures/minimal: valid — 4 actors, 2 rounds, 1 event, 4 issues, 8 positions, 5 claims, 2 sources, 2 draft versions\n',
    );
    expect(r.status).toBe(0);
  });

  it('exits 2 on misuse and on a missing case folder, without a stack trace', () => {
    const misuse = run(['show', 'packages/case-files/fixtures/minimal', '--nope']);
    expect(misuse.status).toBe(2);
    expect(misuse.stderr.split('\n')[0]).toBe("parley: unknown option '--nope'");
    const bad = run(['validate', 'no/such/case']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('ends quietly when its output is closed early', () => {
    // Output far larger than a pipe's buffer, so writes go on after `head` has exited: a text
    // redlined against an identical copy with --all prints every paragraph (some 330 KB) at the
    // cost of a trivial diff. The exit status of parley itself, not of `head`, goes to a file.
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-bin-'));
    const paragraphs = Array.from(
      { length: 4000 },
      (_, i) => `${i + 1}. The parties shall respect clause ${i}.`,
    );
    const text = `# A\n\n${paragraphs.join('\n\n')}\n`;
    writeFileSync(path.join(dir, 'a.md'), text);
    writeFileSync(path.join(dir, 'b.md'), text);
    const r = spawnSync(
      'sh',
      [
        '-c',
        `{ "${process.execPath}" bin/parley.mjs diff --all "${dir}/a.md" "${dir}/b.md"; echo $? > "${dir}/status"; } | head -1`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout).toBe(`${dir}/a.md → ${dir}/b.md\n`);
    expect(r.stderr).toBe('');
    expect(readFileSync(path.join(dir, 'status'), 'utf8')).toBe('0\n');
  });

  it.runIf(existsSync('/dev/full'))('says in one line that its output could not be written (exit 74)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/parley.mjs schema > /dev/full`], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('parley: cannot write the output (no space left on the device)\n');
    expect(r.status).toBe(74);
  });

  it('says in one line that an --out folder could not be written (exit 74)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-bin-'));
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    const r = run(['deals', 'export-genius', 'cases/istanbul-2022', '--out', file]);
    expect(r.stderr).toBe(`${file}: cannot write (it exists and is not a folder)\n`);
    expect(r.status).toBe(74);
    const nested = run([
      'export',
      'md',
      'packages/case-files/fixtures/minimal',
      'accord@v1',
      '--out',
      `${file}/x.md`,
    ]);
    expect(nested.stderr).toBe(`${file}/x.md: cannot write (a part of the path is a file, not a folder)\n`);
    expect(nested.status).toBe(74);
  });

  it('init writes a case that validates and briefs, through the real bin', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'parley-bin-'));
    const dir = path.join(root, 'new-case');
    try {
      const init = run(['init', dir]);
      expect(init.stderr).toBe('');
      expect(init.stdout.split('\n')[0]).toBe(
        `${dir}: wrote a new case of 14 files (an invented example; replace it with yours)`,
      );
      expect(init.status).toBe(0);

      const validate = run(['validate', dir]);
      expect(validate.stderr).toBe('');
      expect(validate.stdout).toBe(
        `${dir}: valid — 5 actors, 2 rounds, 2 events, 4 issues, 7 positions, 2 claims, 3 sources, 2 draft versions\n`,
      );
      expect(validate.status).toBe(0);

      const brief = run(['brief', dir]);
      expect(brief.stderr).toBe('');
      expect(brief.status).toBe(0);
      const lines = brief.stdout.split('\n');
      expect(lines[0]).toBe('Tessel Valley talks (an invented example)  [tessel-valley-talks]');
      expect(lines).toContain('parties:               aldria, borvia');
      expect(lines.some((l) => l.startsWith('Drafts — valley-accord: '))).toBe(true);
      expect(lines.some((l) => l.startsWith('Guarantees — '))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
