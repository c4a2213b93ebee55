import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseFieldsMarkdown, caseFieldsPath } from './case-fields.ts';

describe('the field reference', () => {
  it('is the committed docs/case-fields.md (regenerate with npm run docs:fields)', () => {
    expect(readFileSync(caseFieldsPath, 'utf8')).toBe(caseFieldsMarkdown());
  });

  it('lists every file, nested records by path, and the descriptions of the schemas', () => {
    const md = caseFieldsMarkdown();
    expect(md).toContain('## model.yaml');
    expect(md).toContain('### `stakeholders[].issues.<id>`');
    expect(md).toContain('### `grids.<id> (form 2)`');
    expect(md).toContain(
      '| `requiresRequest` | `true` or `false` | yes |  | True when help is due only once the guaranteed state asks for it. |',
    );
    expect(md).toContain(
      '| `kind` | one of the values allowed | yes | `state`, `organisation`, `person` | A person may name the state or organisation it acts for (`affiliation`) and its `office`. |',
    );
    expect(md).toContain('| `grids` | map from id to one of 2 forms');
    expect(md).toContain('| `step` | number | yes | > 0 |');
  });
});
