import { stat } from 'node:fs/promises';
import { MAX_DRAFT_TEXT_BYTES, readTextFile } from '@parley/case-files/read-text-file.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { parseTextDraft, type ParsedDraft } from '@parley/app/drafts/parsed-draft.ts';
import { caseRedline, redlineDrafts, redlineJson, type DraftRedline } from '@parley/app/drafts/redline.ts';
import {
  caseRedlineInputSchema,
  redlineFormats,
  redlineOptionsSchema,
  textRedlineInputSchema,
  type TextRedlineInput,
} from '@parley/app/drafts/input.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { toHtml } from '@parley/core/drafts/render-html.ts';
import { toMarkdown } from '@parley/core/drafts/render-markdown.ts';
import { printWarnings } from '../drafts/warnings.ts';
import { toTerminal } from '../drafts/render-terminal.ts';
import { loadCaseForCli } from '../load-case.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import type { Output } from '../output.ts';
import { printJson } from '../output.ts';

/** The flag for each input field, for messages. */
const FLAGS = { format: '--format', mode: '--mode', maxEdits: '--max-edits' };

export const registerDiff: CommandRegistrar = (program, output) => {
  program
    .command('diff')
    .description('redline two versions of a draft: structure aligned first, then words')
    .usage('<case-dir> <doc>@<version> <doc>@<version> | <fileA> <fileB> [options]')
    .argument('<a>', 'a case folder, or the earlier text file')
    .argument('<b>', 'the earlier version (<doc>@<version>), or the later text file')
    .argument('[c]', 'the later version (<doc>@<version> or just <version>)')
    .option('-f, --format <format>', `output: ${redlineFormats.join(', ')}`, 'terminal')
    .option('--mode <mode>', 'for files: parley, plain or auto (parley when the text has @tags)', 'auto')
    .option('--all', 'terminal: also show units that did not change')
    .option('--max-edits <n>', 'word edits per unit before it is shown as replaced (reported as degraded)')
    .action(
      async (
        a: string,
        b: string,
        c: string | undefined,
        options: { format: string; mode: string; all?: boolean; maxEdits?: string },
      ) => {
        const flags = { format: options.format, maxEdits: options.maxEdits };
        const { format } = parseInput(redlineOptionsSchema, flags, FLAGS);
        let result;
        if (c === undefined) {
          if (b.includes('@') && (await isFolder(a))) {
            throw new ParleyError(
              'usage',
              'a case diff needs two versions: parley diff <case-dir> <doc>@<version> <doc>@<version>',
            );
          }
          const input = parseInput(textRedlineInputSchema, { ...flags, mode: options.mode }, FLAGS);
          const [before, after] = await Promise.all([loadFile(a, input, output), loadFile(b, input, output)]);
          result = redlineDrafts(before.draft, after.draft, {
            ...input,
            texts: { before: before.text, after: after.text },
          });
        } else {
          const input = parseInput(caseRedlineInputSchema, { ...flags, from: b, to: c }, FLAGS);
          const caseData = await loadCaseForCli(a);
          result = caseRedline(caseData, { ...input, caseFolder: a });
          printWarnings(output, [result.before, result.after]);
        }
        if (format === 'json') printJson(output, redlineJson(result));
        else if (format === 'md') output.out(toMarkdown(result.view));
        else if (format === 'html') output.out(toHtml(result.view));
        else {
          const text = toTerminal(result.view, { colour: output.isTTY, all: Boolean(options.all) });
          output.out(
            text +
              layoutNotes(result)
                .map((line) => `${line}\n`)
                .join(''),
          );
        }
      },
    );
};

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** What the word redline does not show: a changed title, and how many places changed spacing only. */
function layoutNotes(result: DraftRedline): string[] {
  const notes: string[] = [];
  // The redline counts spacing-only edits itself: building the lossless JSON just for the count cost ~50 ms on COP21.
  const { title, whitespaceEdits: whitespace = 0 } = result.redline.summary;
  if (title) notes.push(`title: "${title.before}" → "${title.after}"`);
  if (whitespace)
    notes.push(
      `whitespace: ${whitespace} place${whitespace === 1 ? '' : 's'} where only spacing changed (folded; --format json marks them)`,
    );
  return notes.length ? ['', ...notes] : [];
}

/** Reads a text file under case-files' one rule for texts and parses it through the app, warnings printed. */
async function loadFile(
  file: string,
  { mode }: TextRedlineInput,
  output: Output,
): Promise<{ draft: ParsedDraft; text: string }> {
  const read = await readTextFile(file, MAX_DRAFT_TEXT_BYTES);
  if (!read.ok) {
    const where = read.line === undefined ? file : `${file}:${read.line}:${read.column}`;
    throw new ParleyError(
      read.code === 'unreadable-file' ? 'not-found' : 'invalid-input',
      `${where}: ${read.message}`,
    );
  }
  const draft = parseTextDraft(read.text, { file, mode });
  printWarnings(output, [draft]);
  return { draft, text: read.text };
}
