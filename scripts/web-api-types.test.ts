import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypes, schemaFile } from './web-api-types.ts';

describe('the web workbench’s API types', () => {
  it('are the ones the server’s OpenAPI document gives now (else: npm run web:api-types)', async () => {
    const committed = readFileSync(schemaFile, 'utf8');
    const fresh = await apiTypes();
    expect(fresh).toContain("'/api/cases/{caseId}/views/{view}'");
    expect(committed === fresh, 'packages/web/src/api/schema.d.ts is stale: run npm run web:api-types').toBe(
      true,
    );
  });
});
