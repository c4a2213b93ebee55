import path from 'node:path';
import { formatDiagnostics } from '@parley/model/diagnostic.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { loadCase } from '@parley/case-files/load.ts';
import type { Database } from '@parley/store/database.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { loadLibraryForCli } from '../load-library.ts';
import {
  describeLocation,
  databaseLocationFrom,
  openDatabaseFrom,
  withDataOption,
} from '../database-location.ts';
import type { Output } from '../output.ts';

interface ServeOptions {
  port: string;
  host: string;
  data?: string;
}

/**
 * `parley serve`: the API on the database (embedded by default), with the embedded case stored
 * on first start. Runs until interrupted. On a database with no account it prints a one-time
 * setup link for the first administrator: there is no default password.
 */
export const registerServe: CommandRegistrar = (program, output, environment) => {
  withDataOption(
    program
      .command('serve')
      .description(
        'serve the Parley API (and docs at /docs) on the database; stores the embedded case on first start',
      )
      .option('--port <port>', 'the port to listen on (0: any free port)', '4000')
      .option('--host <host>', 'the address to listen on', '127.0.0.1'),
  ).action(async (options: ServeOptions) => {
    // Loaded when the command runs, so commands without a database start faster.
    const { firstStartSetup } = await import('@parley/server/auth/first-start.ts');
    const { startServer } = await import('@parley/server/start-server.ts');
    const port = Number(options.port);
    if (!/^\d{1,5}$/.test(options.port) || port > 65535)
      throw new ParleyError('usage', `--port must be a port number from 0 to 65535, not "${options.port}"`);
    const location = databaseLocationFrom(options, process.env);
    const database = await openDatabaseFrom(options);
    try {
      await storeEmbeddedCase(database, environment.embeddedCaseDir, output);
      const setupToken = await firstStartSetup(database);
      const library = await loadLibraryForCli(environment.libraryDir);
      const web = { dir: webBuildDir(environment.embeddedCaseDir) };
      const server = await startServer({ database, library }, { port, host: options.host, web });
      output.out(
        `Parley serves ${server.url} (API docs: ${server.url}/docs) on ${describeLocation(location)}`,
      );
      if (setupToken) {
        output.out(
          [
            'No account exists yet. Open this one-time link within 24 hours to create the first administrator:',
            `  Open ${server.url}/setup?token=${setupToken}`,
            'or:',
            `  curl -X POST ${server.url}/api/auth/setup -H 'content-type: application/json' \\`,
            `    -d '{"token":"${setupToken}","email":"you@example.org","displayName":"Your Name","password":"<12 or more characters>"}'`,
          ].join('\n'),
        );
      } else output.out(`Open ${server.url} in a browser and sign in: the workbench.`);
      await untilInterrupted();
      await server.close();
    } finally {
      await database.close();
    }
  });
};

/**
 * The web workbench's build (packages/web/dist, made by `npm run build`), found from the embedded
 * case's place in the repository (cases/<id>), the one folder the composition root gives serve.
 */
const webBuildDir = (embeddedCaseDir: string) =>
  path.join(embeddedCaseDir, '..', '..', 'packages', 'web', 'dist');

/** On a database with no case, stores the embedded one, so a first start has something to show. */
async function storeEmbeddedCase(database: Database, dir: string, output: Output) {
  const { importCase, listCaseIds } = await import('@parley/store/cases.ts');
  if ((await listCaseIds(database)).length > 0) return;
  const { caseData, diagnostics } = await loadCase(dir);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!caseData || errors.length > 0)
    throw new ParleyError(
      'invalid-case',
      `${formatDiagnostics(errors).join('\n')}\nthe embedded case is invalid`,
      errors,
    );
  // Its model is the analyst's reading of 2022, not either party's confidential preferences.
  const id = await importCase(database, caseData, { shareModels: true });
  output.out(`stored the embedded case "${id}" (first start; every record visible to all its members)`);
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
