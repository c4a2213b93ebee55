import { ParleyError } from '@parley/model/errors.ts';
import { parseCheckpoint, verifyChain } from '@parley/store/audit/audit-chain.ts';
import { auditedCaseIds, readAudit } from '@parley/store/audit/read-audit.ts';
import { everything } from '@parley/store/visibility.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { withDataOption, withDatabase, type DatabaseOptions } from '../database-location.ts';

/**
 * `parley audit verify [case-id]`: checks the hash chain of each case's audit log, directly in
 * the database: OK with the head hash, or the first broken link (exit 1).
 */
export const registerAudit: CommandRegistrar = (program, output) => {
  const audit = program.command('audit').description("the cases' tamper-evident record of changes");
  withDataOption(
    audit
      .command('verify')
      .description("check each case's audit log chain in the database; report the first broken link")
      .argument('[case-id]', 'one case (default: every case with a log, deleted ones included)')
      .option(
        '--checkpoint <entries:hash>',
        'a head you kept from an earlier check (as it prints it): the log must still reach it, so a cut tail shows',
      ),
  ).action(async (caseId: string | undefined, options: DatabaseOptions & { checkpoint?: string }) => {
    const checkpoint = options.checkpoint === undefined ? undefined : parseCheckpoint(options.checkpoint);
    if (options.checkpoint !== undefined && !checkpoint)
      throw new ParleyError(
        'usage',
        `--checkpoint must be <entries>:<64 hex digits>, as audit verify prints it, not "${options.checkpoint.slice(0, 80)}"`,
      );
    if (checkpoint && caseId === undefined)
      throw new ParleyError('usage', '--checkpoint belongs to one case: name the case id');
    const broken = await withDatabase(options, async (database) => {
      const ids = caseId === undefined ? await auditedCaseIds(database) : [caseId];
      let failures = 0;
      for (const id of ids) {
        const entries = await readAudit(database, id, everything);
        if (entries.length === 0) throw new ParleyError('not-found', `no audit log for a case "${id}"`);
        const check = verifyChain(entries, checkpoint);
        if (check.ok)
          output.out(`${id}: OK, ${check.entries} entries, head ${check.entries}:${check.headHash}`);
        else {
          failures++;
          output.out(`${id}: BROKEN at entry ${check.seq}: ${check.problem}`);
        }
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
