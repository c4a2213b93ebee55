import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ParleyError } from '@parley/model/errors.ts';
import { parseCheckpoint, type AuditEntry, type SealedEntry } from '@parley/store/audit/audit-chain.ts';
import { listCheckpoints } from '@parley/store/signing/checkpoints.ts';
import { auditedCaseIds, readAudit } from '@parley/store/audit/read-audit.ts';
import {
  verifyAudit,
  type AuditCheck,
  type SignedCheckpoint,
} from '@parley/store/signing/signed-checkpoint.ts';
import { serverPublicKey } from '@parley/store/signing/server-key.ts';
import { fingerprintOf } from '@parley/store/signing/version-digest.ts';
import { everything } from '@parley/store/visibility.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { withDataOption, withDatabase, type DatabaseOptions } from '../database-location.ts';
import type { Output } from '../output.ts';
import { serverApi } from './server-api.ts';

interface VerifyOptions extends DatabaseOptions {
  checkpoint?: string;
  serverKey: string[];
  server?: string;
  token?: string;
}

/**
 * `parley audit verify [case-id]`: checks the hash chain of each case's audit log and the
 * server's signed checkpoints of it, directly in the database or, with --server and --token,
 * as the API gives it to the caller: OK with the head hash, or the first broken link (exit 1).
 */
export const registerAudit: CommandRegistrar = (program, output) => {
  const audit = program.command('audit').description("the cases' tamper-evident record of changes");
  withDataOption(
    audit
      .command('verify')
      .description(
        "check each case's audit log chain and its signed checkpoints; report the first broken link",
      )
      .argument('[case-id]', 'one case (default: every case with a log, deleted ones included)')
      .option(
        '--checkpoint <entries:hash>',
        'a head you kept from an earlier check (as it prints it): the log must still reach it, so a cut tail shows',
      )
      .option(
        '--server-key <file>',
        "a PEM of the server's key to trust for checkpoints (repeatable; default: PARLEY_SERVER_KEY's, else the database's)",
        (file: string, files: string[]) => [...files, file],
        [] as string[],
      )
      .option('--server <url>', 'check the log as this Parley server gives it to you, not the database')
      .option('--token <token>', 'your API token on --server (parley_…)'),
  ).action(async (caseId: string | undefined, options: VerifyOptions) => {
    const kept = options.checkpoint === undefined ? undefined : parseCheckpoint(options.checkpoint);
    if (options.checkpoint !== undefined && !kept)
      throw new ParleyError(
        'usage',
        `--checkpoint must be <entries>:<64 hex digits>, as audit verify prints it, not "${options.checkpoint.slice(0, 80)}"`,
      );
    if (kept && caseId === undefined)
      throw new ParleyError('usage', '--checkpoint belongs to one case: name the case id');
    const pinned = await Promise.all(options.serverKey.map(keyFingerprint));
    const report = (id: string, check: AuditCheck, note = '') => reportCheck(output, id, check, note);

    if (options.server !== undefined || options.token !== undefined) {
      if (!options.server || !options.token || caseId === undefined)
        throw new ParleyError(
          'usage',
          '--server needs --token and a case id: the case is checked as you see it',
        );
      const call = serverApi(options.server, options.token);
      const base = `/api/cases/${encodeURIComponent(caseId)}/audit`;
      const { entries } = (await call('GET', base)) as { entries: (AuditEntry | SealedEntry)[] };
      const { checkpoints } = (await call('GET', `${base}/checkpoints`)) as {
        checkpoints: SignedCheckpoint[];
      };
      // Without a pinned key, the one the server publishes: a check of the server against itself.
      const trusted =
        pinned.length > 0
          ? pinned
          : [((await call('GET', '/api/server-key')) as { fingerprint: string }).fingerprint];
      const check = verifyAudit(caseId, entries, checkpoints, {
        trusted: new Set(trusted),
        ...(kept && { kept }),
      });
      report(
        caseId,
        check,
        pinned.length > 0 ? '' : ' (key as the server publishes it; pin one with --server-key)',
      );
      if (!check.ok) throw new ParleyError('invalid-input', '1 audit log(s) failed the check; see above');
      return;
    }

    const broken = await withDatabase(options, async (database) => {
      const ids = caseId === undefined ? await auditedCaseIds(database) : [caseId];
      const own = await serverPublicKey(database);
      const trusted = new Set([...pinned, ...(own ? [fingerprintOf(own)] : [])]);
      let failures = 0;
      for (const id of ids) {
        const entries = await readAudit(database, id, everything);
        if (entries.length === 0) throw new ParleyError('not-found', `no audit log for a case "${id}"`);
        const checkpoints = await listCheckpoints(database, id);
        // With no server key at hand, each checkpoint is checked against the key it names only.
        const check = verifyAudit(id, entries, checkpoints, {
          ...(trusted.size > 0 && { trusted }),
          ...(kept && { kept }),
        });
        if (
          !report(
            id,
            check,
            trusted.size > 0 || checkpoints.length === 0 ? '' : ' (no server key to check their key against)',
          )
        )
          failures++;
      }
      if (ids.length === 0) output.out('no case has an audit log yet');
      return failures;
    });
    if (broken > 0)
      throw new ParleyError('invalid-input', `${broken} audit log(s) failed the check; see above`);
  });
  for (const cmd of audit.commands)
    cmd.exitOverride().configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
      outputError: () => {},
    });
};

/** Prints one case's verdict; true when it holds. */
function reportCheck(output: Output, id: string, check: AuditCheck, note: string): boolean {
  if (check.ok) {
    const signed =
      check.checkpoints === 1 ? '1 signed checkpoint holds' : `${check.checkpoints} signed checkpoints hold`;
    output.out(
      `${id}: OK, ${check.entries} entries, head ${check.entries}:${check.headHash}; ${signed}${check.checkpoints > 0 ? note : ''}`,
    );
    return true;
  }
  const by = check.checkpoint
    ? ` (against the signed checkpoint ${check.checkpoint.entries}:${check.checkpoint.headHash})`
    : '';
  output.out(`${id}: BROKEN at entry ${check.seq}: ${check.problem}${by}`);
  return false;
}

/** The fingerprint of the key in a PEM file, public or private. */
async function keyFingerprint(file: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch {
    throw new ParleyError('not-found', `${file}: no such key file`);
  }
  try {
    return fingerprintOf(createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString());
  } catch {
    throw new ParleyError('invalid-input', `${file}: not a PEM Ed25519 key`);
  }
}
