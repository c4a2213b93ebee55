import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

const minimal = fileURLToPath(new URL('../../../case-files/fixtures/minimal', import.meta.url));

describe('validate words YAML and schema mistakes for the person who made them', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'parley-messages-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A copy of the minimal case with one file edited (`from` must occur in it). */
  const caseWith = (name: string, file: string, from: string | RegExp, to: string) => {
    const dir = path.join(root, name);
    cpSync(minimal, dir, { recursive: true });
    const text = readFileSync(path.join(dir, file), 'utf8');
    const edited = text.replace(from, to);
    expect(edited).not.toBe(text);
    writeFileSync(path.join(dir, file), edited);
    return dir;
  };

  it('an unquoted year where a date goes: quote it', async () => {
    const dir = caseWith('year', 'case.yaml', /^period: .*$/m, 'period: 2031');
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      `${path.join(dir, 'case.yaml')}:6:9: period: a date must be quoted text: write '2031'`,
      `1 problem in case ${dir}`,
    ]);
  });

  it('a number or a boolean where text goes: write it in quotes', async () => {
    const dir = caseWith('title', 'case.yaml', /^title: .*$/m, 'title: true');
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(
      `${path.join(dir, 'case.yaml')}:4:8: title: expected text, got the boolean true: write it in quotes ('true')`,
    );
  });

  it('two YAML documents in one file: says where the second starts, not which library call to use', async () => {
    const dir = caseWith('two-docs', 'case.yaml', /$/, '---\nid: other\n');
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('parseAllDocuments');
    expect(r.err.split('\n')).toEqual([
      `${path.join(dir, 'case.yaml')}:8:1: YAML: the file holds more than one YAML document (a second one starts with '---' at line 8); a case file holds one: remove that '---' or move what follows into its own file`,
      `1 problem in case ${dir}`,
    ]);
  });

  it('a value that fits no shape of a union: lists the accepted shapes instead of "Invalid input"', async () => {
    const dir = caseWith('union', 'positions.yaml', 'value: 30', 'value: { a: 1 }');
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('Invalid input');
    expect(r.err.split('\n')[0]).toBe(
      `${path.join(dir, 'positions.yaml')}:6:12: positions[0].value: expected one of: true or false, a number, text, a list of texts; got a map of fields`,
    );
  });

  it('a comma in an unquoted { } map: names the text that became a field and the quoting that fixes it', async () => {
    const dir = caseWith('flow-comma', 'positions.yaml', 'value: 30', 'value: { a: 1, but a bearable one }');
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('unknown field');
    expect(r.err.split('\n')).toEqual([
      `${path.join(dir, 'positions.yaml')}:6:20: YAML: a comma inside { } ends an entry, so "but a bearable one" reads as a field name: if it continues the text before it, quote that text (a: "1, but a bearable one")`,
      `1 problem in case ${dir}`,
    ]);
  });
});
