import { execFileSync } from 'node:child_process';
import {
  cpSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { loadCase } from './load.ts';
import { MAX_DRAFT_TEXT_BYTES, MAX_YAML_BYTES } from './read-text-file.ts';
import { minimalCaseDir } from './test-support.ts';

/**
 * Hostile case folders: files outside the folder, pipes, wrong encodings, huge files. Each must
 * end as a located diagnostic, never a read outside the case, a hang or a crash.
 */

let root: string;
let caseDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'parley-hostile-'));
  caseDir = path.join(root, 'case');
  cpSync(minimalCaseDir, caseDir, { recursive: true });
  writeFileSync(path.join(root, 'secret.txt'), '# Secret\n\n## Article 1 Keys\n\n1. The key is 42.\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const setText = (text: string) => edit('drafts.yaml', 'text: drafts/v2.txt', `text: ${text}`);

function edit(file: string, find: string, replace: string): void {
  const full = path.join(caseDir, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(find)) throw new Error(`"${find}" not in ${file}`);
  writeFileSync(full, text.replace(find, replace));
}

async function messages(): Promise<string[]> {
  const result = await loadCase(caseDir);
  return result.diagnostics.map((d) =>
    formatDiagnostic(d.file === undefined ? d : { ...d, file: path.relative(caseDir, d.file) }),
  );
}

const AT_TEXT = 'drafts.yaml:18:15: documents[0].versions[1].text:';

describe('a draft text is read only from inside the case folder', () => {
  it('refuses a path that climbs out with ..', async () => {
    setText('../secret.txt');
    expect(await messages()).toEqual([
      `${AT_TEXT} "../secret.txt" is outside the case folder (a case reads only its own files)`,
    ]);
  });

  it('accepts a .. path that resolves inside the folder again: only where it ends counts', async () => {
    setText('drafts/../../case/drafts/v2.txt');
    expect(await messages()).toEqual([]);
  });

  it('refuses a symbolic link whose real path leaves the folder', async () => {
    rmSync(path.join(caseDir, 'drafts/v2.txt'));
    symlinkSync(path.join(root, 'secret.txt'), path.join(caseDir, 'drafts/v2.txt'));
    expect(await messages()).toEqual([
      `${AT_TEXT} "drafts/v2.txt" is a symbolic link that leads outside the case folder (a case reads only its own files)`,
    ]);
  });

  it('refuses a hard link, which could share a file outside the folder', async () => {
    rmSync(path.join(caseDir, 'drafts/v2.txt'));
    writeFileSync(path.join(root, 'secret.txt'), 'a file outside the case\n');
    linkSync(path.join(root, 'secret.txt'), path.join(caseDir, 'drafts/v2.txt'));
    expect(await messages()).toEqual([
      `${AT_TEXT} "drafts/v2.txt": has 2 names (hard links): a hard link may share a file outside the case folder, so a case reads only files with one name (copy the file instead of linking it)`,
    ]);
  });

  it('refuses a folder of drafts that is a symbolic link to outside', async () => {
    const outside = path.join(root, 'elsewhere');
    cpSync(path.join(caseDir, 'drafts'), outside, { recursive: true });
    rmSync(path.join(caseDir, 'drafts'), { recursive: true });
    symlinkSync(outside, path.join(caseDir, 'drafts'));
    const found = await messages();
    expect(found).toHaveLength(2);
    expect(found[1]).toBe(
      `${AT_TEXT} "drafts/v2.txt" is a symbolic link that leads outside the case folder (a case reads only its own files)`,
    );
  });

  it('accepts a symbolic link that stays inside the folder', async () => {
    rmSync(path.join(caseDir, 'drafts/v2.txt'));
    writeFileSync(
      path.join(caseDir, 'drafts/real.txt'),
      readFileSync(path.join(minimalCaseDir, 'drafts/v2.txt')),
    );
    symlinkSync('real.txt', path.join(caseDir, 'drafts/v2.txt'));
    expect(await messages()).toEqual([]);
  });

  it('refuses a named pipe without opening it (no hang)', async () => {
    rmSync(path.join(caseDir, 'drafts/v2.txt'));
    execFileSync('mkfifo', [path.join(caseDir, 'drafts/v2.txt')]);
    expect(await messages()).toEqual([
      `${AT_TEXT} "drafts/v2.txt": not a regular file (a named pipe): Parley reads only regular files`,
    ]);
  });

  it('refuses a folder as draft text', async () => {
    mkdirSync(path.join(caseDir, 'drafts/dir.txt'));
    setText('drafts/dir.txt');
    expect(await messages()).toEqual([`${AT_TEXT} "drafts/dir.txt": a folder, not a file`]);
  });

  it('reports a missing draft text at its field', async () => {
    setText('drafts/none.txt');
    expect(await messages()).toEqual([`${AT_TEXT} cannot read "drafts/none.txt" (no such file)`]);
  });
});

describe('case YAML files are read only from inside the folder', () => {
  it('refuses a case.yaml that is a symbolic link to a file outside', async () => {
    rmSync(path.join(caseDir, 'case.yaml'));
    symlinkSync('/etc/passwd', path.join(caseDir, 'case.yaml'));
    const result = await loadCase(caseDir);
    expect(result.caseData).toBeUndefined();
    expect(result.diagnostics.map((d) => [path.relative(caseDir, d.file!), d.code, d.message])).toEqual([
      [
        'case.yaml',
        'outside-case-folder',
        '"case.yaml" is a symbolic link that leads outside the case folder (a case reads only its own files)',
      ],
    ]);
  });

  it('refuses a YAML file that is a named pipe', async () => {
    rmSync(path.join(caseDir, 'events.yaml'));
    execFileSync('mkfifo', [path.join(caseDir, 'events.yaml')]);
    const found = await messages();
    expect(found[0]).toBe(
      'events.yaml: "events.yaml": not a regular file (a named pipe): Parley reads only regular files',
    );
  });
});

describe('encodings: UTF-8 only, one rule for YAML files and draft texts', () => {
  it('refuses a Latin-1 draft text at the byte that is not UTF-8', async () => {
    writeFileSync(
      path.join(caseDir, 'drafts/v2.txt'),
      Buffer.from('# River Accord\n\n## Article 1 F\xe9d\xe9ration\n', 'latin1'),
    );
    expect(await messages()).toEqual([
      'drafts/v2.txt:3:15: not UTF-8 (byte 0xE9 is not UTF-8; Latin-1 or Windows-1252?): save it as UTF-8',
    ]);
  });

  it('refuses a UTF-16 YAML file plainly', async () => {
    const text = readFileSync(path.join(caseDir, 'events.yaml'), 'utf8');
    writeFileSync(
      path.join(caseDir, 'events.yaml'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const found = await messages();
    expect(found[0]).toBe('events.yaml:1:1: not UTF-8 (it is UTF-16): save it as UTF-8');
  });

  it('refuses a UTF-16 draft text without a byte-order mark', async () => {
    writeFileSync(path.join(caseDir, 'drafts/v2.txt'), Buffer.from('# River Accord\n', 'utf16le'));
    expect(await messages()).toEqual(['drafts/v2.txt:1:1: not UTF-8 (it is UTF-16): save it as UTF-8']);
  });

  it('drops a UTF-8 byte-order mark silently, in YAML and draft texts', async () => {
    for (const file of ['case.yaml', 'drafts/v2.txt']) {
      const full = path.join(caseDir, file);
      writeFileSync(full, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(full)]));
    }
    const result = await loadCase(caseDir);
    expect(result.diagnostics).toEqual([]);
    expect(result.caseData?.draftTexts['accord@v2']?.startsWith('# River Accord')).toBe(true);
  });

  it('refuses a binary draft text (a NUL byte) at its position', async () => {
    writeFileSync(path.join(caseDir, 'drafts/v2.txt'), Buffer.from('# River Accord\nab\u0000cd\n'));
    expect(await messages()).toEqual([
      'drafts/v2.txt:2:3: not a text file (it holds binary data: a NUL byte)',
    ]);
  });
});

describe('size limits, checked before reading', () => {
  it('refuses a draft text over the limit', async () => {
    writeFileSync(
      path.join(caseDir, 'drafts/v2.txt'),
      `# River Accord\n${'x'.repeat(MAX_DRAFT_TEXT_BYTES)}\n`,
    );
    expect(await messages()).toEqual([
      `${AT_TEXT} "drafts/v2.txt": too large (2,097,168 bytes; the limit is 2 MB)`,
    ]);
  });

  it('refuses a YAML file over the limit', async () => {
    writeFileSync(path.join(caseDir, 'events.yaml'), `# ${'x'.repeat(MAX_YAML_BYTES + 2 * 1024 * 1024)}\n`);
    const found = await messages();
    expect(found[0]).toBe('events.yaml: "events.yaml": too large (4,194,307 bytes; the limit is 2 MB)');
  });
});

describe('a YAML alias bomb', () => {
  it('is a located error in its file, not an internal error', async () => {
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [from, to] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
    ] as const)
      laughs.push(`${to}: &${to} [${Array(9).fill(`*${from}`).join(', ')}]`);
    writeFileSync(path.join(caseDir, 'events.yaml'), `${laughs.join('\n')}\n`);
    const found = await messages();
    expect(found[0]).toBe(
      'events.yaml:2:8: YAML: aliases (*name) expand too far: write the values out instead of nesting aliases',
    );
  });
});
