import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema } from '@parley/model/json-schema.ts';
import { caseFileSchemas } from '@parley/model/schema/case-files.ts';
import { minimalCaseDir } from './test-support.ts';

const repoRoot = path.resolve(minimalCaseDir, '../../../..');

describe('the generated JSON Schema', () => {
  it('is the committed schema/case.schema.json (regenerate with npm run schema)', () => {
    const committed = JSON.parse(readFileSync(path.join(repoRoot, 'schema/case.schema.json'), 'utf8'));
    expect(committed).toEqual(caseJsonSchema());
  });

  it('accepts every file of a valid case and rejects an unknown field and a bad date', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(caseJsonSchema());
    const whole = Object.fromEntries(
      Object.keys(caseFileSchemas)
        .filter((file) => existsSync(path.join(minimalCaseDir, file)))
        .map((file) => [file, parse(readFileSync(path.join(minimalCaseDir, file), 'utf8'))]),
    );
    expect(validate(whole)).toBe(true);
    whole['actors.yaml'].actors[0].nickname = 'N';
    whole['events.yaml'].events[0].date = 'spring';
    expect(validate(whole)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([
      '/actors.yaml/actors/0 must NOT have additional properties',
      '/events.yaml/events/0/date must match pattern "^(\\.\\.|\\d{4}(-\\d{2}(-\\d{2})?)?[?~%]?)(/(\\.\\.|\\d{4}(-\\d{2}(-\\d{2})?)?[?~%]?))?$"',
    ]);
  });
});
