/**
 * The built server sends a campaign through a real SMTP server on loopback, is
 * killed with SIGKILL in the middle, and is started again on the same data:
 * every recipient must end up with exactly one copy, and the campaign finishes
 * without anyone pressing anything.
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

it('delivers exactly one copy to each recipient across a SIGKILL and a restart', { timeout: 120_000 }, async () => {
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

	await waitFor(() => sink.messages.length >= recipients / 3, 60_000, 'a third of the messages');
	first.process.kill('SIGKILL');
	await first.stop();
	const whenKilled = sink.messages.length;
	expect(whenKilled).toBeLessThan(recipients);

	const second = await startServer(env, { keepDataDir: dataDir });
	try {
		await waitFor(async () => (await getCampaign(db, id))?.status === 'sent', 60_000, 'the campaign to finish');
	} finally {
		await second.stop();
	}

	const copies = new Map<string, number>();
	for (const message of sink.messages) for (const to of message.envelopeTo) copies.set(to, (copies.get(to) ?? 0) + 1);
	const wrong = people.filter((person) => copies.get(person.email) !== 1).map((person) => `${person.email}: ${copies.get(person.email) ?? 0}`);
	expect(wrong).toEqual([]);
	expect(sink.messages.length).toBe(recipients);
	const statuses = await db.selectFrom('newsletter_delivery').select('status').where('campaign_id', '=', id).execute();
	expect(statuses.every((row) => row.status === 'sent')).toBe(true);
	// Spanish readers got the Spanish version; Nepali readers, who have none, the English one.
	const spanish = sink.messages.find((m) => m.envelopeTo[0] === 'reader3@example.org')!;
	expect(spanish.parsed.subject).toBe('Muros que hablan');
	const nepali = sink.messages.find((m) => m.envelopeTo[0] === 'reader1@example.org')!;
	expect(nepali.parsed.subject).toBe('Walls that talk');
});
