import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isSeq, parseDocument, type Node } from 'yaml';
import { formatDiagnostics } from '@parley/model/diagnostic.ts';
import { ParleyError } from '@parley/model/errors.ts';
import type { DraftDocument, DraftVersion } from '@parley/model/schema/drafts.ts';
import { recordId } from '@parley/model/schema/common.ts';
import { draftVersionSchema } from '@parley/model/schema/drafts.ts';
import { parseDraft } from '@parley/core/drafts/parse.ts';
import { formatDraftDiagnostic } from '@parley/core/drafts/model.ts';
import { loadCase } from './load.ts';
import { MAX_DRAFT_TEXT_BYTES, readTextFile } from './read-text-file.ts';

/** What `parley drafts import` adds: a foreign text as a new version of a case's document. */
export interface DraftImport {
  /** The foreign draft (Markdown or plain text), anywhere: the user names it. */
  from: string;
  document: string;
  /** The version record, without `text` and `format` (the import sets both). */
  version: Omit<DraftVersion, 'text' | 'format'>;
  /** For a document the case does not have yet. */
  newDocument?: Pick<DraftDocument, 'title' | 'kind'>;
}

export interface DraftImported {
  /** The text file written, relative to the case folder. */
  text: string;
  /** How many brackets the text holds, read as Markdown. */
  brackets: number;
}

/**
 * Adds a foreign draft to a case without changing a word: the text is written as it stands
 * (`drafts/<document>-<version>.md`) and the version declares `format: markdown`, so every command
 * reads it as Markdown (links, images and task boxes are not brackets). drafts.yaml is edited in
 * place, its comments kept. The case must load cleanly before and after; if it does not after,
 * both files are put back as they were and the problems are reported.
 */
export async function importDraftVersion(caseDir: string, request: DraftImport): Promise<DraftImported> {
  // Both ids name the new file: checked before anything else, so no path can leave the folder.
  for (const [what, id] of [
    ['document', request.document],
    ['version', request.version.id],
  ] as const) {
    const checked = recordId.safeParse(id);
    if (!checked.success)
      throw new ParleyError('usage', `the ${what} id "${id}" ${checked.error.issues[0]!.message}`);
  }
  const before = await loadCase(caseDir);
  if (!before.caseData || before.diagnostics.length > 0)
    throw new ParleyError(
      'invalid-case',
      `${formatDiagnostics(before.diagnostics).join('\n')}\nthe case ${caseDir} has problems; mend them before importing a draft`,
      before.diagnostics,
    );
  const read = await readTextFile(request.from, MAX_DRAFT_TEXT_BYTES);
  if (!read.ok)
    throw new ParleyError(
      'invalid-input',
      `${request.from}${read.line !== undefined ? `:${read.line}:${read.column ?? 1}` : ''}: ${read.message}`,
    );
  const errors = parseDraft(read.text, { mode: 'plain', file: request.from }).diagnostics.filter(
    (d) => d.severity === 'error',
  );
  if (errors.length > 0)
    throw new ParleyError(
      'invalid-input',
      `${errors.map(formatDraftDiagnostic).join('\n')}\n${errors.length} problem(s) in ${request.from}; nothing was imported`,
    );

  const existing = before.caseData.drafts.find((d) => d.id === request.document);
  if (!existing && !request.newDocument)
    throw new ParleyError(
      'unknown-id',
      `the case has no draft document "${request.document}" (documents: ${before.caseData.drafts.map((d) => d.id).join(', ') || 'none'}); give --document-title to start one`,
    );
  if (existing?.versions.some((v) => v.id === request.version.id))
    throw new ParleyError(
      'usage',
      `${request.document}@${request.version.id} already exists; a version is never overwritten`,
    );
  const text = `drafts/${request.document}-${request.version.id}.md`;
  const version = draftVersionSchema.safeParse({ ...request.version, text, format: 'markdown' });
  if (!version.success)
    throw new ParleyError(
      'usage',
      version.error.issues.map((i) => `version ${i.path.join('.')}: ${i.message}`).join('\n'),
    );

  const yamlFile = path.join(caseDir, 'drafts.yaml');
  const yamlBefore = await readFile(yamlFile, 'utf8').catch(() => undefined);
  const at = before.caseData.drafts.findIndex((d) => d.id === request.document);
  const [where, item] =
    at >= 0
      ? [['documents', at, 'versions'], version.data]
      : [['documents'], { id: request.document, ...request.newDocument, versions: [version.data] }];
  const yamlAfter = withItemAppended(yamlBefore ?? 'documents: []\n', where, item);

  const textFile = path.join(caseDir, text);
  try {
    await mkdir(path.dirname(textFile), { recursive: true });
    // 'wx': a file already there is never overwritten.
    await writeFile(textFile, read.text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ParleyError(
      'cannot-write',
      `cannot write ${textFile} (${code === 'EEXIST' ? 'a file is already there' : (code ?? 'unknown error')})`,
    );
  }
  const restore = async () => {
    await rm(textFile, { force: true });
    if (yamlBefore === undefined) await rm(yamlFile, { force: true });
    else await replaceFile(yamlFile, yamlBefore);
  };
  try {
    await replaceFile(yamlFile, yamlAfter);
    const after = await loadCase(caseDir);
    if (after.diagnostics.length > 0 || !after.caseData) {
      await restore();
      throw new ParleyError(
        'invalid-input',
        `${formatDiagnostics(after.diagnostics).join('\n')}\nthe case would not load with the new version; nothing was changed`,
        after.diagnostics,
      );
    }
  } catch (error) {
    if (error instanceof ParleyError) throw error;
    await restore();
    throw error;
  }
  const brackets = parseDraft(read.text, { mode: 'plain' }).document.brackets.length;
  return { text, brackets };
}

/** Writes a whole file through a temporary one: a crash never leaves it half written. */
async function replaceFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.parley-${process.pid}.tmp`;
  await writeFile(temporary, text, { flag: 'w' });
  await rename(temporary, file);
}

/**
 * The YAML text with `item` appended to the sequence at `where`. A block sequence gets the new
 * item's lines inserted after its last item, at its indentation, so every other byte (comments,
 * line breaks, quoting) stays as the analyst wrote it; anything else is re-written whole.
 */
function withItemAppended(text: string, where: (string | number)[], item: unknown): string {
  const doc = parseDocument(text);
  const seq = doc.getIn(where, true);
  const first = isSeq(seq) && !seq.flow ? (seq.items[0] as Node | undefined) : undefined;
  const last = isSeq(seq) ? (seq.items.at(-1) as Node | undefined) : undefined;
  if (first?.range && last?.range) {
    const dash = text.lastIndexOf('-', first.range[0] - 1);
    const indent = dash - (text.lastIndexOf('\n', dash) + 1);
    const lines = new Document([item])
      .toString({ lineWidth: 0 })
      .split('\n')
      .filter((l) => l !== '');
    const end = last.range[1];
    const inserted = `${text.slice(0, end)}${text[end - 1] === '\n' ? '' : '\n'}${lines.map((l) => ' '.repeat(indent) + l).join('\n')}\n${text.slice(end)}`;
    // Kept only when it reads back as the same sequence with the item at its end.
    const check = parseDocument(inserted).getIn(where, true);
    if (indent >= 0 && isSeq(check) && check.items.length === (seq as typeof check).items.length + 1)
      return inserted;
  }
  doc.addIn(where, doc.createNode(item));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
