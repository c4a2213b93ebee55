import { ParleyError } from '@parley/model/errors.ts';
import { readFile, stat } from 'node:fs/promises';
import type { Case } from '@parley/model/case.ts';
import { caseParseOptions, resolveDraftRef } from '@parley/core/drafts/case-drafts.ts';
import { formatDraftDiagnostic, type DraftDocument } from '@parley/core/drafts/model.ts';
import { parseDraft, type ParseOptions } from '@parley/core/drafts/parse.ts';
import { redline } from '@parley/core/drafts/redline.ts';
import { toHtml } from '@parley/core/drafts/render-html.ts';
import { toRedlineJson } from '@parley/core/drafts/render-json.ts';
import { toMarkdown } from '@parley/core/drafts/render-markdown.ts';
import { toTerminal } from '@parley/core/drafts/render-terminal.ts';
import { redlineView } from '@parley/core/drafts/view.ts';
import { loadCaseForCli } from '../load-case.ts';
import type { CommandRegistrar } from '../main.ts';
import type { Output } from '../output.ts';
import { printJson } from '../output.ts';

const FORMATS = ['terminal', 'json', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** A parsed version and how to name it in output. */
export interface LoadedDraft {
  label: string;
  document: DraftDocument;
  /** From the case's version record or the text's own `@reconstruction` tag. */
  reconstruction: boolean;
}

export const registerDiff: CommandRegistrar = (program, output) => {
  program
    .command('diff')
    .description('redline two versions of a draft: structure aligned first, then words')
    .usage('<case-dir> <doc>@<version> <doc>@<version> | <fileA> <fileB> [options]')
    .argument('<a>', 'a case folder, or the earlier text file')
    .argument('<b>', 'the earlier version (<doc>@<version>), or the later text file')
    .argument('[c]', 'the later version (<doc>@<version> or just <version>)')
    .option('-f, --format <format>', `output: ${FORMATS.join(', ')}`, 'terminal')
    .option('--mode <mode>', 'for files: parley, plain or auto (parley when the text has @tags)', 'auto')
    .option('--all', 'terminal: also show units that did not change')
    .option('--max-edits <n>', 'word edits per unit before it is shown as replaced (reported as degraded)')
    .action(
      async (
        a: string,
        b: string,
        c: string | undefined,
        options: Record<string, string | boolean | undefined>,
      ) => {
        const format = checkFormat(options.format);
        const maxEditLength =
          options.maxEdits === undefined ? undefined : positiveInteger(String(options.maxEdits));
        let before: LoadedDraft;
        let after: LoadedDraft;
        if (c === undefined) {
          if (b.includes('@') && (await isFolder(a))) {
            throw new ParleyError(
              'usage',
              'a case diff needs two versions: parley diff <case-dir> <doc>@<version> <doc>@<version>',
            );
          }
          const mode = checkMode(options.mode);
          [before, after] = await Promise.all([loadFile(a, mode, output), loadFile(b, mode, output)]);
        } else {
          const caseData = await loadCaseForCli(a);
          before = loadCaseDraft(caseData, b, undefined, output);
          after = loadCaseDraft(caseData, c, b.split('@')[0], output);
        }
        const result = redline(before.document, after.document, maxEditLength ? { maxEditLength } : {});
        const view = {
          ...redlineView(before.document, after.document, result),
          titleBefore: before.label,
          title: after.label,
          reconstruction: before.reconstruction || after.reconstruction,
        };
        if (format === 'json') {
          printJson(
            output,
            toRedlineJson(
              result,
              { label: before.label, title: before.document.title },
              { label: after.label, title: after.document.title },
            ),
          );
        } else if (format === 'md') output.out(toMarkdown(view));
        else if (format === 'html') output.out(toHtml(view));
        else output.out(toTerminal(view, { colour: output.isTTY, all: Boolean(options.all) }));
      },
    );
};

function checkFormat(value: unknown): Format {
  if (!FORMATS.includes(value as Format)) {
    throw new ParleyError('usage', `--format must be one of ${FORMATS.join(', ')}, got "${String(value)}"`);
  }
  return value as Format;
}

function checkMode(value: unknown): ParseOptions['mode'] {
  if (value !== 'auto' && value !== 'parley' && value !== 'plain') {
    throw new ParleyError('usage', `--mode must be parley, plain or auto, got "${String(value)}"`);
  }
  return value;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new ParleyError('usage', `--max-edits must be a positive whole number, got "${value}"`);
  return n;
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

async function loadFile(file: string, mode: ParseOptions['mode'], output: Output): Promise<LoadedDraft> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ParleyError(
      'invalid-input',
      `${file}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (code ?? 'unknown error')})`,
    );
  }
  // A NUL byte means a binary file (an executable, an image, a .docx): refuse it plainly.
  if (text.includes('\u0000'))
    throw new ParleyError('invalid-input', `${file}: not a text file (it holds binary data)`);
  const document = parsed(text, { file, ...(mode ? { mode } : {}) }, output);
  return { label: file, document, reconstruction: document.tags.reconstruction };
}

/** Resolves `doc@version` in a loaded case and parses its text, checking ids against the case. */
export function loadCaseDraft(
  caseData: Case,
  ref: string,
  defaultDocument: string | undefined,
  output: Output,
): LoadedDraft {
  if (!ref.includes('@') && !defaultDocument) {
    throw new ParleyError(
      'usage',
      `"${ref}" is not a draft version: write <document>@<version>, e.g. security-treaty@2022-04-15`,
    );
  }
  const resolved = resolveDraftRef(caseData, ref, defaultDocument);
  if ('error' in resolved) throw new ParleyError('invalid-input', `parley: ${resolved.error}`);
  const { draft } = resolved;
  const document = parsed(draft.text, caseParseOptions(caseData, draft.file), output);
  return {
    label: `${draft.record.id}@${draft.version.id}`,
    document,
    reconstruction: draft.version.reconstruction || document.tags.reconstruction,
  };
}

const MAX_WARNINGS_SHOWN = 20;

/** Parses a draft; errors stop the command (all listed), warnings are printed and the work goes on. */
export function parsed(text: string, options: ParseOptions, output: Output): DraftDocument {
  const { document, diagnostics } = parseDraft(text, options);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    throw new ParleyError(
      'invalid-input',
      `${errors.map(formatDraftDiagnostic).join('\n')}\n${errors.length} error${errors.length === 1 ? '' : 's'} in ${options.file ?? 'the draft'}`,
    );
  }
  // Warnings are advice, not a stop: show the first few and count the rest, so a foreign text
  // with hundreds of stray brackets does not bury the redline.
  const shown = diagnostics.slice(0, MAX_WARNINGS_SHOWN);
  for (const warning of shown) output.err(formatDraftDiagnostic(warning));
  const hidden = diagnostics.length - shown.length;
  if (hidden > 0)
    output.err(`… and ${hidden} more warning${hidden === 1 ? '' : 's'} in ${options.file ?? 'the draft'}`);
  return document;
}
