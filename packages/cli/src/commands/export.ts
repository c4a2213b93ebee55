import { ParleyError } from '@parley/model/errors.ts';
import { writeFile } from 'node:fs/promises';
import { parseEdtf } from '@parley/model/edtf.ts';
import { toAkn } from '@parley/core/drafts/akn.ts';
import { redline } from '@parley/core/drafts/redline.ts';
import { toHtml } from '@parley/core/drafts/render-html.ts';
import { toMarkdown } from '@parley/core/drafts/render-markdown.ts';
import { documentView, redlineView } from '@parley/core/drafts/view.ts';
import { resolveDraftRef } from '@parley/core/drafts/case-drafts.ts';
import { loadCaseForCli } from '../load-case.ts';
import type { CommandRegistrar } from '../main.ts';
import { loadCaseDraft } from './diff.ts';

const FORMATS = ['akn', 'md', 'html'] as const;

export const registerExport: CommandRegistrar = (program, output) => {
  program
    .command('export')
    .description('write a draft version as Akoma Ntoso XML, Markdown or HTML (a redline with --against)')
    .argument('<format>', `one of ${FORMATS.join(', ')}`)
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .argument('<ref>', 'the version, <doc>@<version>')
    .option('--against <version>', 'redline from this earlier version of the same document')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (format: string, dir: string, ref: string, options: { against?: string; out?: string }) => {
      if (!(FORMATS as readonly string[]).includes(format)) {
        throw new ParleyError('usage', `unknown export format "${format}" (expected ${FORMATS.join(', ')})`);
      }
      const caseData = await loadCaseForCli(dir);
      const resolved = resolveDraftRef(caseData, ref);
      if ('error' in resolved) throw new ParleyError('invalid-input', `parley: ${resolved.error}`);
      const { record, version } = resolved.draft;
      const current = loadCaseDraft(caseData, ref, undefined, output);
      const earlier = options.against
        ? loadCaseDraft(caseData, options.against, record.id, output)
        : undefined;

      let text: string;
      if (format === 'akn') {
        const againstVersion =
          earlier && record.versions.find((v) => `${record.id}@${v.id}` === earlier.label);
        text = toAkn(
          current.document,
          {
            documentId: record.id,
            versionId: version.id,
            date: parseEdtf(version.date).earliest,
            author: version.author,
            reconstruction: current.reconstruction || Boolean(earlier?.reconstruction),
            parties: caseData.actors
              .filter((a) => a.kind !== 'person')
              .map((a) => ({ id: a.id, name: a.name })),
            issues: caseData.issues.map((i) => ({ id: i.id, title: i.title })),
            ...(againstVersion
              ? { against: { versionId: againstVersion.id, date: parseEdtf(againstVersion.date).earliest } }
              : {}),
          },
          earlier?.document,
        );
      } else {
        const base = earlier
          ? {
              ...redlineView(earlier.document, current.document, redline(earlier.document, current.document)),
              titleBefore: earlier.label,
              title: current.label,
            }
          : documentView(current.document);
        const view = { ...base, reconstruction: current.reconstruction || Boolean(earlier?.reconstruction) };
        text = format === 'md' ? toMarkdown(view) : toHtml(view);
      }
      if (!options.out) return output.out(text);
      try {
        await writeFile(options.out, text);
      } catch (error) {
        throw new ParleyError(
          'invalid-input',
          `${options.out}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
        );
      }
      output.out(
        `wrote ${options.out} (${format}, ${current.label}${earlier ? ` against ${earlier.label}` : ''})`,
      );
    });
};
