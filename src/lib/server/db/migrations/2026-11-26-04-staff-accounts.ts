import type { Kysely } from 'kysely';
import { isPostgres } from '../migration-helpers';

/*
 * Staff accounts. The user, session, account, verification and twoFactor tables
 * are those better-auth expects, with its column names and types (which differ
 * between engines: boolean/timestamptz on PostgreSQL, integer/date on SQLite).
 * The app adds `role` and `locale` to the user, invitations, sign-in attempts
 * for the lock after repeated failures, and the audit log.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const pg = isPostgres(db);
	const bool = pg ? 'boolean' : 'integer';
	const time = pg ? 'timestamptz' : 'date';

	await db.schema
		.createTable('user')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('emailVerified', bool, (c) => c.notNull())
		.addColumn('image', 'text')
		.addColumn('createdAt', time, (c) => c.notNull())
		.addColumn('updatedAt', time, (c) => c.notNull())
		.addColumn('twoFactorEnabled', bool)
		.addColumn('role', 'text', (c) => c.notNull().defaultTo('reviewer'))
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('disabledAt', 'text')
		.execute();

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('expiresAt', time, (c) => c.notNull())
		.addColumn('token', 'text', (c) => c.notNull().unique())
		.addColumn('createdAt', time, (c) => c.notNull())
		.addColumn('updatedAt', time, (c) => c.notNull())
		.addColumn('ipAddress', 'text')
		.addColumn('userAgent', 'text')
		.addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.execute();
	await db.schema.createIndex('session_userId_idx').on('session').column('userId').execute();

	await db.schema
		.createTable('account')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('accountId', 'text', (c) => c.notNull())
		.addColumn('providerId', 'text', (c) => c.notNull())
		.addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('accessToken', 'text')
		.addColumn('refreshToken', 'text')
		.addColumn('idToken', 'text')
		.addColumn('accessTokenExpiresAt', time)
		.addColumn('refreshTokenExpiresAt', time)
		.addColumn('scope', 'text')
		.addColumn('password', 'text')
		.addColumn('createdAt', time, (c) => c.notNull())
		.addColumn('updatedAt', time, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('account_userId_idx').on('account').column('userId').execute();

	await db.schema
		.createTable('verification')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('identifier', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('expiresAt', time, (c) => c.notNull())
		.addColumn('createdAt', time, (c) => c.notNull())
		.addColumn('updatedAt', time, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('verification_identifier_idx').on('verification').column('identifier').execute();

	await db.schema
		.createTable('twoFactor')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret', 'text', (c) => c.notNull())
		.addColumn('backupCodes', 'text', (c) => c.notNull())
		.addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('verified', bool)
		.addColumn('failedVerificationCount', 'integer')
		.addColumn('lockedUntil', time)
		.execute();
	await db.schema.createIndex('twoFactor_userId_idx').on('twoFactor').column('userId').execute();

	// One-time links: invitations and password resets share the shape. Only a hash
	// of the token is stored, so a copy of the database does not hold usable links.
	await db.schema
		.createTable('staff_link')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('staff_link_user_idx').on('staff_link').column('user_id').execute();

	await db.schema
		.createTable('sign_in_attempt')
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('ip', 'text', (c) => c.notNull())
		.addColumn('succeeded', 'integer', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sign_in_attempt_email_idx').on('sign_in_attempt').columns(['email', 'at']).execute();
	await db.schema.createIndex('sign_in_attempt_ip_idx').on('sign_in_attempt').columns(['ip', 'at']).execute();

	await (pg
		? db.schema.createTable('audit_event').addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		: db.schema.createTable('audit_event').addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
	)
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text')
		.addColumn('actor_email', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('subject', 'text')
		.addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('ip', 'text')
		.execute();
	await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['audit_event', 'sign_in_attempt', 'staff_link', 'twoFactor', 'verification', 'account', 'session', 'user']) {
		await db.schema.dropTable(table).execute();
	}
}
