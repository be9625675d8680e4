import type { Transaction } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { DomainContext } from '$lib/server/platform/domain-context';
import { bumpSiteVersion } from '$lib/server/platform/site-version';
import { recordAudit, type Actor, type AuditEntry } from './audit';

/** What a command's work gets: its transaction, its moment, and the two things every change may owe. */
export interface CommandScope {
	/** The command's transaction: every write of the command goes through it. */
	readonly trx: Transaction<Database>;
	/** When the command acts, from the domain's clock. */
	readonly now: Date;
	/** Writes the command's audit entry, by the acting person, in the transaction. */
	audit(entry: Omit<AuditEntry, 'actor'>): Promise<void>;
	/** The public pages show this change: a new site version, in the transaction. */
	publicPagesChanged(): Promise<void>;
}

/**
 * Runs a command that changes state: its writes, its audit entry and (when the
 * public pages show the change) the new site version commit together, or none
 * of them does. Once committed, this process stops serving pages cached under
 * the old version at once; other processes see the new one within a second.
 */
export async function runCommand<T>(context: DomainContext, actor: Actor | null, work: (scope: CommandScope) => Promise<T>): Promise<T> {
	const now = context.clock();
	let bumped = false;
	const result = await context.db.transaction().execute((trx) =>
		work({
			trx,
			now,
			audit: (entry) => recordAudit(trx, { ...entry, actor }, now.toISOString()),
			async publicPagesChanged() {
				if (bumped) return;
				await bumpSiteVersion(trx);
				bumped = true;
			}
		})
	);
	if (bumped) context.siteVersion.invalidate();
	return result;
}
