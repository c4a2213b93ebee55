import { readFile } from 'node:fs/promises';
import { ParleyError } from '@parley/model/errors.ts';
import { verifyBundle, type InitialsBundle } from '@parley/store/signing/bundle.ts';
import type { CommandRegistrar } from '../command-registrar.ts';

/**
 * `parley verify <bundle.json>`: checks a version's initials offline, from the bundle alone
 * (GET …/versions/{v}/bundle): who initialled exactly this text; exit 1 if any signature fails.
 */
export const registerVerify: CommandRegistrar = (program, output) => {
  program
    .command('verify')
    .description('check the initials in a bundle offline: who initialled exactly this text')
    .argument('<bundle>', 'the bundle JSON file (GET …/versions/{version}/bundle)')
    .action(async (file: string) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        throw new ParleyError('not-found', `${file}: no such file`);
      }
      const bundle = parseBundle(file, text);
      const { digest, checks } = verifyBundle(bundle);
      const { payload } = bundle;
      output.out(`${String(payload.document.id)}@${String(payload.version.id)}, digest ${digest}`);
      for (const check of checks) {
        const who = `${check.displayName} (${check.party ?? 'no party'}), key ${check.fingerprint}`;
        output.out(check.ok ? `OK      ${who}` : `FAILED  ${who}: ${check.problem}`);
      }
      const failed = checks.filter((c) => !c.ok);
      if (checks.length === 0)
        throw new ParleyError('invalid-input', `${file}: the bundle holds no initials`);
      if (failed.length > 0)
        throw new ParleyError(
          'invalid-input',
          `${failed.length} of ${checks.length} signature(s) failed: ${failed.map((c) => `${c.displayName} (${c.fingerprint})`).join(', ')}`,
        );
    });
};

function parseBundle(file: string, text: string): InitialsBundle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ParleyError('invalid-input', `${file}: not JSON (${(error as Error).message})`);
  }
  const b = value as Partial<InitialsBundle> | null;
  if (
    !b ||
    b.format !== 'parley-initials-bundle/1' ||
    typeof b.akn !== 'string' ||
    typeof b.payload !== 'object' ||
    b.payload === null ||
    !Array.isArray(b.initials)
  )
    throw new ParleyError(
      'invalid-input',
      `${file}: not a parley-initials-bundle/1 (GET …/bundle makes one)`,
    );
  return b as InitialsBundle;
}
