import { describe, expect, it } from 'vitest';
import { LoginLimiter, RateLimited } from './rate-limit.ts';

const MINUTE = 60_000;

function limiterAt(start: string) {
  let clock = new Date(start).getTime();
  const limiter = new LoginLimiter(() => new Date(clock));
  return { limiter, advance: (ms: number) => (clock += ms) };
}

function waitOf(check: () => void): number | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof RateLimited) return error.retryAfterSeconds;
    throw error;
  }
}

describe('login rate limit', () => {
  it('locks an email after 5 failures until the oldest leaves the 15-minute window', () => {
    const { limiter, advance } = limiterAt('2026-03-01T09:00:00Z');
    for (let i = 0; i < 4; i++) {
      limiter.recordFailure('bob@example.org', '10.0.0.1');
      advance(MINUTE);
    }
    expect(waitOf(() => limiter.check('bob@example.org', '10.0.0.1'))).toBeUndefined();
    limiter.recordFailure('bob@example.org', '10.0.0.1'); // the fifth, at 09:04
    expect(waitOf(() => limiter.check('bob@example.org', '10.0.0.1'))).toBe(11 * 60);
    // From another address too: the email is what is locked.
    expect(waitOf(() => limiter.check('bob@example.org', '10.0.0.2'))).toBe(11 * 60);
    expect(waitOf(() => limiter.check('ada@example.org', '10.0.0.2'))).toBeUndefined();
    advance(11 * MINUTE - 1);
    expect(waitOf(() => limiter.check('bob@example.org', '10.0.0.1'))).toBe(1);
    advance(1);
    expect(waitOf(() => limiter.check('bob@example.org', '10.0.0.1'))).toBeUndefined();
  });

  it('locks an address after 20 failures over any emails', () => {
    const { limiter } = limiterAt('2026-03-01T09:00:00Z');
    for (let i = 0; i < 19; i++) limiter.recordFailure(`user${i}@example.org`, '10.0.0.9');
    expect(waitOf(() => limiter.check('new@example.org', '10.0.0.9'))).toBeUndefined();
    limiter.recordFailure('user19@example.org', '10.0.0.9');
    expect(waitOf(() => limiter.check('new@example.org', '10.0.0.9'))).toBe(900);
    expect(waitOf(() => limiter.check('new@example.org', '10.0.0.10'))).toBeUndefined();
  });

  it("forgets an email's failures when it signs in", () => {
    const { limiter } = limiterAt('2026-03-01T09:00:00Z');
    for (let i = 0; i < 4; i++) limiter.recordFailure('bob@example.org', '10.0.0.1');
    limiter.recordSuccess('bob@example.org');
    for (let i = 0; i < 4; i++) limiter.recordFailure('bob@example.org', '10.0.0.1');
    expect(waitOf(() => limiter.check('bob@example.org', '10.0.0.1'))).toBeUndefined();
    limiter.recordFailure('bob@example.org', '10.0.0.1');
    expect(waitOf(() => limiter.check('bob@example.org', '10.0.0.1'))).toBe(900);
  });

  it('says what to do in its refusal', () => {
    const error = new RateLimited(42);
    expect([error.code, error.message]).toEqual([
      'rate-limited',
      'too many failed logins; try again in 42 s',
    ]);
  });
});
