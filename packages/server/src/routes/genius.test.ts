import { describe, expect, it } from 'vitest';
import { geniusExport } from '@parley/app/deals/export-genius.ts';
import { geniusFromFiles } from '@parley/app/deals/genius.ts';
import { CASE_ID, useAnalysisServer } from './analysis-server.test-support.ts';
import { MAX_GENIUS_PROFILES } from './genius.ts';

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('GENIUS import over the API', () => {
  const server = useAnalysisServer();
  /** The embedded model on one day as GENIUS XML: a domain and a profile per actor. */
  const negotiation = () => {
    const [domain, ...profiles] = geniusExport(server().caseData, { at: '2022-04-02' }, CASE_ID).map(
      (f) => f.xml,
    );
    return { domain: domain!, profiles };
  };
  /** The texts under the names the API gives them. */
  const named = ({ domain, profiles }: { domain: string; profiles: string[] }) => [
    { file: 'domain.xml', text: domain },
    ...profiles.map((text, i) => ({ file: `profile-${i + 1}.xml`, text })),
  ];

  it('analyses a domain and its profiles as parley deals genius --json does', async () => {
    const body = negotiation();
    const answer = await server().post('/api/genius', body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(asJson(geniusFromFiles(named(body), { normalizeWeights: false })));
    expect(answer.body.profiles.map((p: { file: string }) => p.file)).toEqual(
      body.profiles.map((_, i) => `profile-${i + 1}.xml`),
    );
  });

  it('passes the convention and the weight handling', async () => {
    const body = { ...negotiation(), convention: 'genius', normalizeWeights: true };
    const answer = await server().post('/api/genius', body);
    expect(answer.body).toEqual(
      asJson(geniusFromFiles(named(body), { normalizeWeights: true, convention: 'genius' })),
    );
    const bad = await server().post('/api/genius', { ...body, convention: 'nash' });
    expect([bad.status, bad.body]).toEqual([
      400,
      { error: { code: 'usage', message: 'convention "nash" is not one of parley, genius, negmas' } },
    ]);
  });

  it('locates a broken profile by the name the API gives it (422 invalid-genius)', async () => {
    const { domain, profiles } = negotiation();
    const answer = await server().post('/api/genius', { domain, profiles: [profiles[0], '<utility_space>'] });
    expect([answer.status, answer.body.error.code]).toEqual([422, 'invalid-genius']);
    expect(answer.body.error.message).toMatch(/^profile-2\.xml/);
  });

  it('bounds the body: no profile, too many, an unknown field (422 invalid-input)', async () => {
    const { domain, profiles } = negotiation();
    const none = await server().post('/api/genius', { domain, profiles: [] });
    expect([none.status, none.body.error.diagnostics[0].path]).toEqual([422, 'profiles']);
    const many = await server().post('/api/genius', {
      domain,
      profiles: Array.from({ length: MAX_GENIUS_PROFILES + 1 }, () => profiles[0]),
    });
    expect([many.status, many.body.error.diagnostics[0].path]).toEqual([422, 'profiles']);
    const extra = await server().post('/api/genius', { domain, profiles, files: [] });
    expect([extra.status, extra.body.error.diagnostics[0].code]).toEqual([422, 'unknown-field']);
  });

  it('answers signed-in users only', async () => {
    const answer = await server().anonymous('POST', '/api/genius', negotiation());
    expect([answer.status, answer.body.error.code]).toEqual([401, 'unauthenticated']);
  });
});
