import { importDraftVersion } from '@parley/case-files/import-draft.ts';
import type { CommandRegistrar } from '../command-registrar.ts';

interface ImportOptions {
  document: string;
  version: string;
  date: string;
  author: string;
  status: string;
  title?: string;
  documentTitle?: string;
  kind: string;
  reconstruction?: boolean;
  source: string[];
}

export const registerDrafts: CommandRegistrar = (program, output) => {
  const drafts = program.command('drafts').description("a case's draft texts");
  drafts
    .command('import')
    .description(
      'add a foreign draft (Markdown or plain text) to a case as a new version, without changing a word; it is read as Markdown from then on',
    )
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .argument('<file>', 'the draft to import, e.g. ~/Downloads/paris-draft-2015-10-23.md')
    .requiredOption('--document <id>', 'the draft document it is a version of, e.g. security-treaty')
    .requiredOption('--version <id>', 'the new version id, e.g. 2022-04-20')
    .requiredOption('--date <edtf>', 'the date of the version, e.g. 2022-04-20')
    .requiredOption('--author <actor>', 'the party that wrote it (an actor id), or joint')
    .requiredOption('--source <ids...>', 'the sources (ids in sources.yaml) the text comes from')
    .option('--status <status>', 'working-draft, tabled, agreed-framework, initialled, …', 'tabled')
    .option('--title <title>', 'the title of this version')
    .option(
      '--document-title <title>',
      'starts a new document with this title when the case has none by that id',
    )
    .option(
      '--kind <kind>',
      'the kind of a new document: treaty, communique, memorandum, annex, other',
      'treaty',
    )
    .option('--reconstruction', "the text is the analyst's reconstruction from reports, not the original")
    .action(async (dir: string, file: string, options: ImportOptions) => {
      const imported = await importDraftVersion(dir, {
        from: file,
        document: options.document,
        version: {
          id: options.version,
          date: options.date,
          author: options.author,
          status: options.status as never,
          reconstruction: options.reconstruction ?? false,
          sources: options.source,
          ...(options.title !== undefined ? { title: options.title } : {}),
        },
        ...(options.documentTitle !== undefined
          ? { newDocument: { title: options.documentTitle, kind: options.kind as never } }
          : {}),
      });
      output.out(
        `${dir}: added ${options.document}@${options.version} as ${imported.text} (format: markdown; ${imported.brackets} bracket(s))`,
      );
      output.out(`next: parley brackets ${dir} ${options.document}`);
    });
};
