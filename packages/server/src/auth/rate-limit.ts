import { ParleyError } from '@parley/model/errors.ts';

export interface LoginLimits {
  /** Failed logins allowed per email within the window. */
  perEmail: number;
  /** Failed logins allowed per client address within the window (several people may share one). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perEmail: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

/** Above this many tracked keys, the ones with no failure left in the window are dropped. */
const PRUNE_ABOVE = 10_000;

/**
 * Slows password guessing: after too many failed logins for one email or from one address within
 * the window, every login for it is refused — a right password too — until the oldest failure
 * leaves the window. In memory: a restart forgets, and each server process counts on its own.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Throws `rate-limited`, with the seconds to wait, when this email or address is locked out. */
  check(email: string, address: string): void {
    const wait = Math.max(
      this.secondsLocked(`email:${email}`, this.limits.perEmail),
      this.secondsLocked(`address:${address}`, this.limits.perAddress),
    );
    if (wait > 0) throw new RateLimited(wait);
  }

  recordFailure(email: string, address: string): void {
    const at = this.now().getTime();
    if (this.failures.size > PRUNE_ABOVE) this.prune(at);
    for (const key of [`email:${email}`, `address:${address}`])
      this.failures.set(key, [...this.recent(key, at), at]);
  }

  /** A successful login clears the email's failures (not the address's: one user's success says nothing about the others). */
  recordSuccess(email: string): void {
    this.failures.delete(`email:${email}`);
  }

  private secondsLocked(key: string, limit: number): number {
    const at = this.now().getTime();
    const recent = this.recent(key, at);
    if (recent.length < limit) return 0;
    // Locked until enough failures leave the window that one more attempt is allowed.
    const unlocksAt = recent[recent.length - limit]! + this.limits.windowMs;
    return Math.max(1, Math.ceil((unlocksAt - at) / 1000));
  }

  private recent(key: string, at: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > at - this.limits.windowMs);
  }

  private prune(at: number): void {
    for (const key of [...this.failures.keys()])
      if (this.recent(key, at).length === 0) this.failures.delete(key);
  }
}

/** The refusal, with the Retry-After the answer carries. */
export class RateLimited extends ParleyError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate-limited', `too many failed logins; try again in ${retryAfterSeconds} s`);
  }
}
