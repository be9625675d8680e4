import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { isRole, type Role } from '$lib/people/roles';
import type { Database } from '$lib/server/db/schema';
import { authFlag, dialectOf } from '$lib/server/db/sql-functions';
import { ForbiddenError, NotFoundError, ValidationError } from '$lib/server/platform/errors';
import type { Auth } from '$lib/server/platform/auth';
import { adminUrls } from '$lib/admin/urls';
import { recordAudit, type Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { checkPassword } from './password-policy';
import type { PeopleContext } from './people.wiring';
import { reservePasswordResetRequest } from './sign-in-throttle';
import { consumeStaffLink, createStaffLink, inspectStaffLink, type LinkPurpose } from './staff-links';

export interface StaffMember {
	id: string;
	name: string;
	email: string;
	role: Role;
	locale: Locale;
	twoFactorEnabled: boolean;
	disabled: boolean;
	hasPassword: boolean;
}

/** The e-mails of this domain (staff-mail.ts, wired once in people.wiring.ts); each is queued in the transaction `db` is. */
export interface StaffMail {
	invitation(db: Kysely<Database>, input: { to: string; name: string; locale: Locale; link: string; invitedBy: string | null }): Promise<void>;
	passwordReset(db: Kysely<Database>, input: { to: string; name: string; locale: Locale; link: string }): Promise<void>;
}

const inviteSchema = z.object({
	email: z.email().max(254).transform((e) => e.trim().toLowerCase()),
	name: z.string().trim().min(1).max(120),
	role: z.string().refine(isRole),
	locale: z.string().refine(isLocale).default('en')
});

export type InviteInput = z.input<typeof inviteSchema>;

export function linkUrl(origin: string, purpose: LinkPurpose, token: string): string {
	return origin + adminUrls.passwordLink(purpose === 'invitation' ? 'welcome' : 'reset', token);
}

/**
 * Creates the account without a password and sends a one-time link to set one.
 * Returns the link too, for the command line and for the person inviting.
 * better-auth writes the account in a transaction of its own; the link, the
 * e-mail and the audit entry commit together after it, and when they do not,
 * the account is removed again, so a failed invitation leaves nothing behind.
 */
export async function inviteStaff(people: PeopleContext, actor: Actor | null, input: InviteInput): Promise<{ userId: string; link: string }> {
	const { db } = people;
	const parsed = inviteSchema.safeParse(input);
	if (!parsed.success) {
		throw new ValidationError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), 'invalid'])));
	}
	const { email, name, role, locale } = parsed.data;
	const existing = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst();
	if (existing) throw new ValidationError({ email: 'taken' });

	const context = await people.auth.$context;
	const user = await context.internalAdapter.createUser({ email, name, emailVerified: false, role, locale }, { method: 'admin' });
	try {
		const link = await runCommand(people, actor, async ({ trx, now, audit }) => {
			const token = await createStaffLink(trx, { userId: user.id, purpose: 'invitation', createdBy: actor?.id }, now.getTime());
			const link = linkUrl(people.origin, 'invitation', token);
			await people.mail.invitation(trx, { to: email, name, locale: locale as Locale, link, invitedBy: actor?.email ?? null });
			await audit({ action: 'staff.invited', subject: `user:${user.id}`, detail: { email, role } });
			return link;
		});
		return { userId: user.id, link };
	} catch (error) {
		await db.deleteFrom('user').where('id', '=', user.id).execute();
		throw error;
	}
}

/** A new invitation link for someone who has not set a password yet (the old one stops working). */
export async function reinvite(people: PeopleContext, actor: Actor | null, userId: string): Promise<string> {
	const member = await getStaffMember(people.db, userId);
	return runCommand(people, actor, async ({ trx, now, audit }) => {
		const token = await createStaffLink(trx, { userId, purpose: 'invitation', createdBy: actor?.id }, now.getTime());
		const link = linkUrl(people.origin, 'invitation', token);
		await people.mail.invitation(trx, { to: member.email, name: member.name, locale: member.locale, link, invitedBy: actor?.email ?? null });
		await audit({ action: 'staff.invited', subject: `user:${userId}`, detail: { again: true } });
		return link;
	});
}

/**
 * Always answers the same way whether or not the address belongs to someone, so
 * the form cannot be used to find out who works here. An address gets at most
 * one link every few minutes (the answer stays the same: the earlier link is on
 * its way); a network address that asks too often is told to wait.
 */
export async function requestPasswordReset(
	people: PeopleContext,
	input: { email: string; ip: string }
): Promise<{ ok: true } | { ok: false; reason: 'too-many' }> {
	const { db } = people;
	const now = people.clock().getTime();
	const email = input.email.trim().toLowerCase();
	const verdict = await reservePasswordResetRequest(db, { email, ip: input.ip }, now);
	if (verdict === 'too-many') return { ok: false, reason: 'too-many' };
	if (verdict === 'address-waits') return { ok: true };
	const user = await db
		.selectFrom('user')
		.select(['id', 'name', 'email', 'locale', 'disabledAt'])
		.where('email', '=', email)
		.executeTakeFirst();
	if (!user || user.disabledAt) return { ok: true };
	await db.transaction().execute(async (trx) => {
		const token = await createStaffLink(trx, { userId: user.id, purpose: 'password-reset' }, now);
		await people.mail.passwordReset(trx, {
			to: user.email,
			name: user.name,
			locale: isLocale(user.locale) ? user.locale : 'en',
			link: linkUrl(people.origin, 'password-reset', token)
		});
	});
	return { ok: true };
}

export type RedeemResult =
	| { ok: true; userId: string; email: string }
	| { ok: false; reason: 'unknown' | 'expired' | 'used' | 'disabled' }
	| { ok: false; reason: 'weak'; problem: NonNullable<ReturnType<typeof checkPassword>> };

/**
 * Sets the password through an invitation or reset link. The link works once;
 * every session the person had is ended.
 */
export async function setPasswordWithLink(people: Pick<PeopleContext, 'db' | 'auth'>, input: { token: string; password: string }): Promise<RedeemResult> {
	const { db, auth } = people;
	const link = await inspectStaffLink(db, input.token);
	if (link.state !== 'valid') return { ok: false, reason: link.state };
	const user = await db.selectFrom('user').select(['id', 'email', 'disabledAt']).where('id', '=', link.userId).executeTakeFirst();
	if (!user) return { ok: false, reason: 'unknown' };
	if (user.disabledAt) return { ok: false, reason: 'disabled' };
	const problem = checkPassword(input.password, user.email);
	if (problem) return { ok: false, reason: 'weak', problem };
	if (!(await consumeStaffLink(db, input.token))) return { ok: false, reason: 'used' };

	await writePassword(db, auth, user.id, input.password);
	await db.updateTable('user').set({ emailVerified: authFlag(dialectOf(db), true) }).where('id', '=', user.id).execute();
	await endSessions(db, user.id);
	await recordAudit(db, {
		action: link.purpose === 'invitation' ? 'password.changed' : 'password.reset',
		actor: { id: user.id, email: user.email },
		subject: `user:${user.id}`
	});
	return { ok: true, userId: user.id, email: user.email };
}

async function writePassword(db: Kysely<Database>, auth: Auth, userId: string, password: string): Promise<void> {
	const context = await auth.$context;
	const hash = await context.password.hash(password);
	const account = await db
		.selectFrom('account')
		.select('id')
		.where('userId', '=', userId)
		.where('providerId', '=', 'credential')
		.executeTakeFirst();
	if (account) await context.internalAdapter.updatePassword(userId, hash);
	else await context.internalAdapter.linkAccount({ userId, providerId: 'credential', accountId: userId, password: hash });
}

/** Ends every session of a person: after a password change, a role change or when disabled. */
export async function endSessions(db: Kysely<Database>, userId: string, exceptToken?: string): Promise<void> {
	let query = db.deleteFrom('session').where('userId', '=', userId);
	if (exceptToken) query = query.where('token', '!=', exceptToken);
	await query.execute();
}

export async function listStaff(db: Kysely<Database>): Promise<StaffMember[]> {
	const rows = await db
		.selectFrom('user')
		.leftJoin('account', (join) => join.onRef('account.userId', '=', 'user.id').on('account.providerId', '=', 'credential'))
		.select(['user.id', 'user.name', 'user.email', 'user.role', 'user.locale', 'user.twoFactorEnabled', 'user.disabledAt', 'account.id as accountId'])
		.orderBy('user.name')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		email: r.email,
		role: isRole(r.role) ? r.role : 'reviewer',
		locale: isLocale(r.locale) ? r.locale : 'en',
		twoFactorEnabled: Boolean(r.twoFactorEnabled),
		disabled: r.disabledAt !== null,
		hasPassword: r.accountId !== null
	}));
}

export async function getStaffMember(db: Kysely<Database>, userId: string): Promise<StaffMember> {
	const member = (await listStaff(db)).find((m) => m.id === userId);
	if (!member) throw new NotFoundError(`user ${userId}`);
	return member;
}

async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
	const row = await db
		.selectFrom('user')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('role', '=', 'admin')
		.where('disabledAt', 'is', null)
		.executeTakeFirst();
	return Number(row?.count ?? 0);
}

/** Changing someone's role ends their sessions, so the new role applies at once. The last admin stays an admin. */
export async function setRole(people: PeopleContext, actor: Actor, userId: string, role: string): Promise<void> {
	if (!isRole(role)) throw new ValidationError({ role: 'invalid' });
	await runCommand(people, actor, async ({ trx, audit }) => {
		const member = await getStaffMember(trx, userId);
		if (member.role === role) return;
		if (member.role === 'admin' && (await countActiveAdmins(trx)) <= 1) throw new ForbiddenError('last-admin');
		await trx.updateTable('user').set({ role }).where('id', '=', userId).execute();
		await endSessions(trx, userId);
		await audit({ action: 'staff.role-changed', subject: `user:${userId}`, detail: { from: member.role, to: role } });
	});
}

export async function setDisabled(people: PeopleContext, actor: Actor, userId: string, disabled: boolean): Promise<void> {
	await runCommand(people, actor, async ({ trx, now, audit }) => {
		const member = await getStaffMember(trx, userId);
		if (member.disabled === disabled) return;
		if (disabled && userId === actor.id) throw new ForbiddenError('self');
		if (disabled && member.role === 'admin' && (await countActiveAdmins(trx)) <= 1) throw new ForbiddenError('last-admin');
		await trx
			.updateTable('user')
			.set({ disabledAt: disabled ? now.toISOString() : null })
			.where('id', '=', userId)
			.execute();
		if (disabled) await endSessions(trx, userId);
		await audit({ action: disabled ? 'staff.disabled' : 'staff.enabled', subject: `user:${userId}` });
	});
}

/** Signing out ends every session of the person, on every device (better-auth has already ended the current one). */
export async function signOutEverywhere(people: PeopleContext, actor: Actor, ip: string | null): Promise<void> {
	await runCommand(people, actor, async ({ trx, audit }) => {
		await endSessions(trx, actor.id);
		await audit({ action: 'sign-out', ip });
	});
}
