/**
 * The built server sends a campaign through a real SMTP server on loopback, is
 * killed with SIGKILL in the middle, and is started again on the same data: every
 * recipient must end up with a copy, and the campaign finishes without anyone
 * pressing anything. A copy is sent twice only when SMTP leaves no other choice:
 * the killed process had handed it over but never recorded the server's answer
 * (campaign-sender.ts); everyone else gets exactly one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connect';
import { createTestDatabase } from '$lib/server/db/test-database';
import { createCampaign, getCampaign, startSending } from '$lib/server/newsletter/campaign.service';
import { startServer } from '../support/server';
import { startSmtpSink } from '../support/smtp';
import { newsletterContext, testStaff } from '../support/domain-contexts';

const recipients = 240;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let testDatabase: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;
let env: Record<string, string>;
let database: DatabaseHandle | undefined;

beforeAll(async () => {
	sink = await startSmtpSink();
	testDatabase = await createTestDatabase({ migrate: false });
	dataDir = mkdtempSync(join(tmpdir(), 'arts-campaign-restart-'));
	env = { SMTP_URL: sink.url, LOG_LEVEL: 'warn', ...(testDatabase.url ? { DATABASE_URL: testDatabase.url } : {}) };
});

afterAll(async () => {
	await database?.close();
	await sink.close();
	await testDatabase.dispose();
	rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Copies the sink holds per recipient. */
function copiesPerRecipient(): Map<string, number> {
	const copies = new Map<string, number>();
	for (const message of sink.messages) for (const to of message.envelopeTo) copies.set(to, (copies.get(to) ?? 0) + 1);
	return copies;
}

it('delivers every recipient a copy across a SIGKILL and a restart, a second one only if its acceptance was in doubt', { timeout: 120_000 }, async () => {
	const first = await startServer(env, { keepDataDir: dataDir });
	database = await openDatabase({ databaseUrl: testDatabase.url, sqlitePath: join(dataDir, 'site.sqlite') });
	const db = database.db;
	const at = new Date().toISOString();
	const people = Array.from({ length: recipients }, (_, i) => ({
		email: `reader${i}@example.org`,
		locale: ['en', 'ne', 'id', 'es'][i % 4]!,
		status: 'confirmed' as const,
		topics: '["news"]',
		consent_text_version: 1,
		created_at: at,
		updated_at: at
	}));
	await db.insertInto('subscriber').values(people).execute();
	// 3,000 a minute: about five seconds of sending, so the kill lands in the middle.
	const id = await createCampaign(newsletterContext(db), testStaff, {
		subject: { en: 'Walls that talk', es: 'Muros que hablan' },
		previewText: {},
		bodyHtml: { en: '<p>News from the lanes.</p>', es: '<p>Noticias de los callejones.</p>' },
		sendRate: 3000
	});
	expect(await startSending(db, id)).toEqual({ started: true, recipients });
	const deliveries = () =>
		db
			.selectFrom('newsletter_delivery')
			.innerJoin('subscriber', 'subscriber.id', 'newsletter_delivery.subscriber_id')
			.select(['subscriber.email', 'newsletter_delivery.status', 'newsletter_delivery.handed_over_at', 'newsletter_delivery.message_id', 'newsletter_delivery.error'])
			.where('campaign_id', '=', id)
			.execute();

	await waitFor(() => sink.messages.length >= recipients / 3, 60_000, 'a third of the messages');
	first.process.kill('SIGKILL');
	await first.stop();
	// Everything the server took from the dead process, and the database as that process left it.
	await sink.idle();
	const received = copiesPerRecipient();
	expect(received.size).toBeLessThan(recipients);
	const atDeath = await deliveries();
	// Recorded as sent means the server has it: the kill cost no one their copy.
	expect(atDeath.filter((row) => row.status === 'sent' && !received.has(row.email)).map((row) => row.email)).toEqual([]);
	// In doubt: handed over, the server's answer never recorded. At most one per connection (the sender's four).
	const inDoubt = new Set(atDeath.filter((row) => row.status === 'sending' && row.handed_over_at !== null).map((row) => row.email));
	expect(inDoubt.size).toBeLessThanOrEqual(4);
	// What the server has but the database does not call sent is among them.
	for (const row of atDeath) if (received.has(row.email) && row.status !== 'sent') expect(inDoubt).toContain(row.email);

	const second = await startServer(env, { keepDataDir: dataDir });
	try {
		await waitFor(async () => (await getCampaign(db, id))?.status === 'sent', 60_000, 'the campaign to finish');
	} finally {
		await second.stop();
	}

	const copies = copiesPerRecipient();
	const wrong = people
		.filter((person) => copies.get(person.email) !== 1 && !(inDoubt.has(person.email) && copies.get(person.email) === 2))
		.map((person) => `${person.email}: ${copies.get(person.email) ?? 0}`);
	expect(wrong).toEqual([]);
	const twice = people.filter((person) => copies.get(person.email) === 2).map((person) => person.email);
	expect(sink.messages.length).toBe(recipients + twice.length);
	// A second copy is the same message: mail systems that keep one per Message-ID show one.
	for (const email of twice) expect(new Set(sink.messages.filter((m) => m.envelopeTo[0] === email).map((m) => m.parsed.messageId)).size).toBe(1);
	const finished = await deliveries();
	expect(finished.every((row) => row.status === 'sent')).toBe(true);
	// Staff are told which addresses may have two copies: exactly those that were in doubt.
	expect(new Set(finished.filter((row) => row.error?.includes('may have two copies')).map((row) => row.email))).toEqual(inDoubt);
	// Spanish readers got the Spanish version; Nepali readers, who have none, the English one.
	const spanish = sink.messages.find((m) => m.envelopeTo[0] === 'reader3@example.org')!;
	expect(spanish.parsed.subject).toBe('Muros que hablan');
	const nepali = sink.messages.find((m) => m.envelopeTo[0] === 'reader1@example.org')!;
	expect(nepali.parsed.subject).toBe('Walls that talk');
});
