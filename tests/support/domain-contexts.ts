import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InsertQueryNode, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import type { DialectName } from '$lib/server/db/connect';
import { createAuth, type Auth, type AuthOptions } from '$lib/server/platform/auth';
import type { DomainContext } from '$lib/server/platform/domain-context';
import { createMailer, type Mailer } from '$lib/server/platform/mail/mailer';
import { createOutboxTransport } from '$lib/server/platform/mail/transports';
import { readSiteVersion } from '$lib/server/platform/site-version';
import type { Actor } from '$lib/server/shared/audit';
import { createApplicationFileStorage } from '$lib/server/calls/application-files';
import { createCallsContext, type CallsContext } from '$lib/server/calls/calls.wiring';
import { createCollectiveContext, type CollectiveContext } from '$lib/server/collective/collective.wiring';
import { createContentContext, type ContentContext } from '$lib/server/content/content.wiring';
import { createDonationsContext, type DonationsContext } from '$lib/server/donations/donations.wiring';
import { createEventsContext, type EventsContext } from '$lib/server/events/events.wiring';
import { createExhibitionsContext, type ExhibitionsContext } from '$lib/server/exhibitions/exhibitions.wiring';
import { artistCredit } from '$lib/server/collective/artist-visibility';
import { pagePicture } from '$lib/server/media/page-picture';
import { LocalMediaStorage } from '$lib/server/media/media-storage';
import { altTextsOf } from '$lib/server/media/media.service';
import { eventRegistrations } from '$lib/server/events/events.wiring';
import { createMediaContext, type MediaContext } from '$lib/server/media/media.wiring';
import { createNewsletterContext, type NewsletterContext } from '$lib/server/newsletter/newsletter.wiring';
import { createPeopleContext, type PeopleContext } from '$lib/server/people/people.wiring';
import { generateRecoveryCodes } from '$lib/server/people/recovery-codes';

/*
 * The domains' contexts for tests, made by the same wiring as the app's
 * (app.ts), on a test database: the real mailer (queuing into the database,
 * sending into an outbox folder when a test runs the jobs), files in a folder
 * of their own, the clock of the machine unless a test fixes one.
 */

/** Someone on the staff, as commands take the acting person. */
export const testStaff: Actor = { id: 'staff-test', email: 'staff@test.example' };

let scratch: string | undefined;
/** One folder per test file for what nothing reads back (outbox, unused storage). */
function scratchDir(): string {
	scratch ??= mkdtempSync(join(tmpdir(), 'arts-context-'));
	return scratch;
}

export const testOrigin = 'http://localhost:3000';

export function testMailer(): Mailer {
	return createMailer({ transport: createOutboxTransport(join(scratchDir(), 'outbox')), from: 'Micro Galleries <hello@art.example.org>' });
}

/** What every domain shares. `invalidated` counts the times a command told this process its cached pages are stale. */
export function testContext(db: Kysely<Database>, overrides: Partial<DomainContext> = {}): DomainContext & { invalidated: () => number } {
	let count = 0;
	return { db, clock: () => new Date(), siteVersion: { invalidate: () => void count++ }, invalidated: () => count, ...overrides };
}

/** The same context at a fixed moment. */
export function withClock<T extends DomainContext>(context: T, moment: Date | number | string): T {
	return { ...context, clock: () => new Date(moment) };
}

export function callsContext(db: Kysely<Database>, overrides: Partial<CallsContext> = {}): CallsContext {
	const base = createCallsContext(testContext(db), { mailer: testMailer(), origin: testOrigin, storage: createApplicationFileStorage(scratchDir()) });
	return { ...base, ...overrides };
}

export function newsletterContext(db: Kysely<Database>, overrides: Partial<NewsletterContext> = {}): NewsletterContext {
	return { ...createNewsletterContext(testContext(db), { mailer: testMailer(), origin: testOrigin, linkSecret: 'test-link-secret-'.repeat(3) }), ...overrides };
}

export function donationsContext(db: Kysely<Database>, overrides: Partial<DonationsContext> = {}): DonationsContext {
	const log = { info() {}, warn() {} };
	return { ...createDonationsContext(testContext(db), { mailer: testMailer(), origin: testOrigin, stripe: undefined, log }), ...overrides };
}

/**
 * The events' context. A clock given in `overrides` is the mails' clock too (it
 * stamps calendar entries and spaces confirm e-mails), as in the app.
 */
export function eventsContext(db: Kysely<Database>, overrides: Partial<EventsContext> = {}): EventsContext {
	const base = testContext(db, overrides.clock ? { clock: overrides.clock } : {});
	return { ...createEventsContext(base, { mailer: testMailer(), origin: testOrigin, linkSecret: 'test-link-secret-'.repeat(3) }), ...overrides };
}

export function collectiveContext(db: Kysely<Database>, overrides: Partial<CollectiveContext> = {}): CollectiveContext & { invalidated: () => number } {
	const base = testContext(db, overrides.clock ? { clock: overrides.clock } : {});
	return { ...createCollectiveContext(base, { mailer: testMailer(), origin: testOrigin }), invalidated: base.invalidated, ...overrides };
}

/** better-auth on a test database, made as app.ts makes it, for testOrigin over plain http. */
export function testAuth(database: { db: Kysely<Database>; dialect: DialectName }, overrides: Partial<AuthOptions> = {}): Auth {
	return createAuth({ db: database.db, dialect: database.dialect, secret: 'test-secret-'.repeat(4), origin: testOrigin, secureCookies: false, appName: 'Micro Galleries', generateRecoveryCodes, ...overrides });
}

export function peopleContext(db: Kysely<Database>, auth: Auth, overrides: Partial<PeopleContext> = {}): PeopleContext {
	return { ...createPeopleContext(testContext(db), { mailer: testMailer(), origin: testOrigin, auth }), ...overrides };
}

export function contentContext(db: Kysely<Database>, overrides: Partial<ContentContext> = {}): ContentContext {
	return { ...createContentContext(testContext(db), { photoAltTexts: (ids) => altTextsOf(db, ids), eventRegistrations }), ...overrides };
}

/** Works and exhibitions' pages, wired as app.ts wires them: the collective's naming rule, pictures from the media library. */
export function exhibitionsContext(db: Kysely<Database>, overrides: Partial<ExhibitionsContext> = {}): ExhibitionsContext {
	return { ...createExhibitionsContext(testContext(db), { artistCredit, picture: (id, locale, options) => pagePicture(db, id, locale, options) }), ...overrides };
}

export function mediaContext(db: Kysely<Database>, storage: LocalMediaStorage, overrides: Partial<MediaContext> = {}): MediaContext {
	const published = { idOf: async () => undefined };
	return { ...createMediaContext(testContext(db), { storage, published }), ...overrides };
}

/** Thrown by `failingAuditWrites` in place of the audit entry. */
export class AuditWriteRefused extends Error {
	constructor() {
		super('the audit log refused the entry (test)');
		this.name = 'AuditWriteRefused';
	}
}

/**
 * The same database, except that writing an audit entry fails, as a full disk
 * or a lost connection would at that moment: for proving that a command's
 * change never outlives its audit entry. Transactions begun on it fail the same way.
 */
export function failingAuditWrites(db: Kysely<Database>): Kysely<Database> {
	return db.withPlugin({
		transformQuery({ node }) {
			if (InsertQueryNode.is(node) && node.into?.table.identifier.name === 'audit_event') throw new AuditWriteRefused();
			return node;
		},
		transformResult: async ({ result }) => result
	});
}

/** The audit log's length and the site version: what a failed command must leave as they were. */
async function auditAndVersion(db: Kysely<Database>): Promise<{ entries: number; version: string }> {
	const rows = await db.selectFrom('audit_event').select('id').execute();
	return { entries: rows.length, version: await readSiteVersion(db) };
}

/**
 * Runs a command on `db` made to refuse its audit entry (`failingAuditWrites`),
 * and checks that it failed for that reason and left the audit log and the
 * site version as they were. The caller then checks that the change is not
 * there either: it was made in the same transaction, before the entry.
 */
export async function expectNothingLeftWhenTheAuditEntryFails(db: Kysely<Database>, command: (failing: Kysely<Database>) => Promise<unknown>): Promise<void> {
	const before = await auditAndVersion(db);
	await expect(command(failingAuditWrites(db))).rejects.toThrow(AuditWriteRefused);
	expect(await auditAndVersion(db)).toEqual(before);
}

/** A bookmark in the audit log: `entries()` lists what was written after it, oldest first. */
export async function auditBookmark(db: Kysely<Database>) {
	const last = await db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
	const after = Number(last?.id ?? 0);
	return {
		async entries() {
			const rows = await db.selectFrom('audit_event').select(['action', 'actor_email', 'subject', 'detail']).where('id', '>', after).orderBy('id').execute();
			return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));
		}
	};
}
