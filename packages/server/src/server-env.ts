import type { LibraryEntry } from '@parley/app/guarantees/context.ts';
import type { Database } from '@parley/store/database.ts';
import type { Membership } from '@parley/store/membership.ts';
import type { Audience } from '@parley/store/visibility.ts';

/** The person behind a request, once their session cookie or API token checks out. */
export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  /** Runs the server: creates accounts and cases. Sees no case it is not a member of. */
  isAdmin: boolean;
  /** How they signed in: a cookie session must pass the CSRF check on every write. */
  via: 'session' | 'token';
}

/** A member's standing in the case a route names: their roles and what they see. */
export interface CaseAccess {
  caseId: string;
  memberships: Membership[];
  audience: Audience;
}

export interface ServerEnv {
  Variables: {
    user: SignedInUser | undefined;
    access: CaseAccess | undefined;
  };
}

/** What the server runs on. */
export interface ServerDeps {
  database: Database;
  /** Requests with bodies larger than this are refused with 413 (default 1 MB). */
  maxBodyBytes?: number;
  /** The clock sessions expire by (tests move it). */
  now?: () => Date;
  /**
   * The reference-instrument library that guarantee comparisons add to a case's own instruments
   * (the CLI's `parley serve` reads it from disk; the server reads no files). Default: none.
   */
  library?: readonly LibraryEntry[];
}
