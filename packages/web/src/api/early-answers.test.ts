import { afterEach, describe, expect, it } from 'vitest';
import { takeEarlyAnswer, type EarlyAnswers } from './early-answers.ts';

const holder = globalThis as { parleyEarly?: EarlyAnswers };
const answer = (body: string) => Promise.resolve(new Response(body));

describe('takeEarlyAnswer', () => {
  afterEach(() => {
    delete holder.parleyEarly;
  });

  it('hands each early answer to the first GET of its path and query, once', async () => {
    holder.parleyEarly = { '/api/cases/c1/brief': answer('brief'), '/api/auth/me': answer('me') };
    const brief = new Request('http://localhost/api/cases/c1/brief');
    expect(await (await takeEarlyAnswer(brief))!.text()).toBe('brief');
    expect(takeEarlyAnswer(brief)).toBe(undefined);
    expect(takeEarlyAnswer(new Request('http://localhost/api/auth/me?x=1'))).toBe(undefined);
    expect(Object.keys(holder.parleyEarly)).toEqual(['/api/auth/me']);
  });

  it('drops every early answer at the first write, which may change the session', () => {
    holder.parleyEarly = { '/api/auth/me': answer('me') };
    expect(takeEarlyAnswer(new Request('http://localhost/api/auth/login', { method: 'POST' }))).toBe(
      undefined,
    );
    expect(holder.parleyEarly).toBe(undefined);
    expect(takeEarlyAnswer(new Request('http://localhost/api/auth/me'))).toBe(undefined);
  });

  it('asks the server when the page started no early call', () => {
    expect(takeEarlyAnswer(new Request('http://localhost/api/auth/me'))).toBe(undefined);
  });
});
