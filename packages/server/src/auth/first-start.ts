import { createSetupLink } from '@parley/store/accounts/setup-links.ts';
import { hasUsers } from '@parley/store/accounts/users.ts';
import type { Database } from '@parley/store/database.ts';

export const SETUP_LINK_HOURS = 24;

/**
 * A server with no account yet gets a one-time setup link (valid 24 hours) for whoever started
 * it to create the first administrator: there is never a default password. Returns the link's
 * token, or undefined when accounts exist. Each start makes a new link and withdraws the old one.
 */
export async function firstStartSetup(
  database: Database,
  now: Date = new Date(),
): Promise<string | undefined> {
  if (await hasUsers(database)) return undefined;
  return createSetupLink(database, new Date(now.getTime() + SETUP_LINK_HOURS * 3600 * 1000));
}
