import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/** What happened, in the words the audit log shows. */
export type AuditAction =
	| 'sign-in.succeeded'
	| 'sign-in.failed'
	| 'sign-in.locked'
	| 'sign-out'
	| 'two-factor.enabled'
	| 'two-factor.disabled'
	| 'two-factor.failed'
	| 'recovery-codes.regenerated'
	| 'password.changed'
	| 'password.reset'
	| 'staff.invited'
	| 'staff.role-changed'
	| 'staff.disabled'
	| 'staff.enabled'
	| `content.${string}`
	| `media.${string}`
	| `job.${string}`
	| `donation.${string}`
	| `newsletter.${string}`
	| `call.${string}`
	| `event.${string}`
	| `artist.${string}`
	| `backup.${string}`;

/** Who acts: the signed-in staff member (null for the app itself, e.g. a scheduled job). */
export interface Actor {
	id: string;
	email: string;
}

export interface AuditEntry {
	action: AuditAction;
	actor?: Actor | null;
	/** What it happened to, e.g. 'page:about' or 'user:abc'. */
	subject?: string;
	detail?: Record<string, unknown>;
	ip?: string | null;
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry, at = new Date().toISOString()): Promise<void> {
	await db
		.insertInto('audit_event')
		.values({
			at,
			actor_id: entry.actor?.id ?? null,
			actor_email: entry.actor?.email ?? null,
			action: entry.action,
			subject: entry.subject ?? null,
			detail: JSON.stringify(entry.detail ?? {}),
			ip: entry.ip ?? null
		})
		.execute();
}

export async function listAudit(
	db: Kysely<Database>,
	options: { limit: number; before?: number; action?: string; actorId?: string }
) {
	let query = db.selectFrom('audit_event').selectAll().orderBy('id', 'desc').limit(options.limit + 1);
	if (options.before) query = query.where('id', '<', options.before);
	if (options.action) query = query.where('action', 'like', `${options.action}%`);
	if (options.actorId) query = query.where('actor_id', '=', options.actorId);
	const rows = await query.execute();
	return { rows: rows.slice(0, options.limit), more: rows.length > options.limit };
}
