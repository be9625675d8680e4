import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connect';
import { createTestDatabase } from '$lib/server/db/test-database';
import { ValidationError } from '$lib/server/platform/errors';
import { createBulkComposer, createSmtpBulkTransport, type BulkTransport } from '$lib/server/platform/mail/bulk-transport';
import { createLogger } from '$lib/server/platform/logger';
import { startSmtpSink } from '../../../../tests/support/smtp';
import { createCampaignSender } from './campaign-sender';
import {
	CampaignStateError,
	campaignProgress,
	cancelCampaign,
	countAudience,
	createCampaign,
	deleteCampaign,
	getCampaign,
	pauseCampaign,
	resumeCampaign,
	scheduleCampaign,
	startSending,
	unscheduleCampaign,
	updateCampaign,
	type CampaignInput
} from './campaign.service';
import { inspectSubscriberToken } from './subscriber-tokens';
import type { NewsletterContext } from './newsletter.wiring';
import { newsletterContext, testStaff, withClock } from '../../../../tests/support/domain-contexts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let newsletter: NewsletterContext;
const secret = 'a-test-secret-that-is-long-enough-for-hmac';
const origin = 'https://arts.example.org';
const from = 'Micro Galleries <news@arts.example.org>';

beforeAll(async () => {
	handle = await createTestDatabase();
	newsletter = newsletterContext(handle.db);
});
afterAll(() => handle.dispose());
beforeEach(async () => {
	await handle.db.deleteFrom('job').execute();
	await handle.db.deleteFrom('newsletter_delivery').execute();
	await handle.db.deleteFrom('newsletter_campaign').execute();
	await handle.db.deleteFrom('subscriber_token').execute();
	await handle.db.deleteFrom('subscriber').execute();
});

function draft(overrides: Partial<CampaignInput> = {}): CampaignInput {
	return {
		subject: { en: 'Walls that talk', es: 'Muros que hablan' },
		previewText: { en: 'Three new laneway festivals', es: 'Tres festivales nuevos' },
		bodyHtml: { en: '<p>Hello from the lanes. <a href="/about">Who we are</a></p>', es: '<p>Hola desde los callejones.</p>' },
		topics: [],
		locales: [],
		sendRate: 60_000,
		...overrides
	};
}

let counter = 0;
async function addSubscribers(n: number, fields: { locale?: string; topics?: string[]; status?: 'confirmed' | 'pending' | 'unsubscribed'; paused?: number } = {}) {
	const at = new Date().toISOString();
	const rows = Array.from({ length: n }, () => ({
		email: `reader${++counter}@example.org`,
		locale: fields.locale ?? 'en',
		status: fields.status ?? 'confirmed',
		paused: fields.paused ?? 0,
		topics: JSON.stringify(fields.topics ?? ['news']),
		consent_text_version: 1,
		created_at: at,
		updated_at: at
	}));
	const inserted = [];
	for (let i = 0; i < rows.length; i += 200) {
		inserted.push(...(await handle.db.insertInto('subscriber').values(rows.slice(i, i + 200)).returning(['id', 'email']).execute()));
	}
	return inserted;
}

const log = createLogger('silent');

function sender(db: DatabaseHandle['db'], smtpUrl: string, extra: { lanes?: number; dkim?: Parameters<typeof createBulkComposer>[0] } = {}) {
	const transport = createSmtpBulkTransport(smtpUrl, { lanes: extra.lanes ?? 2 });
	return {
		transport,
		...createCampaignSender({
			transport,
			compose: createBulkComposer(extra.dkim),
			from,
			origin,
			linkSecret: secret,
			siteName: async () => 'Micro Galleries',
			log,
			sliceMs: 60_000
		})
	};
}

describe('campaigns', () => {
	it('needs an English subject and body, whole versions, known topics and a sensible rate', async () => {
		await expect(createCampaign(newsletter, testStaff, draft({ subject: { es: 'Solo español' } }))).rejects.toMatchObject({
			issues: { 'subject.en': 'required' }
		});
		await expect(createCampaign(newsletter, testStaff, draft({ subject: { en: 'Hi', ne: 'नमस्ते' } }))).rejects.toMatchObject({
			issues: { 'bodyHtml.ne': 'version_incomplete' }
		});
		await expect(createCampaign(newsletter, testStaff, draft({ topics: ['gossip'] }))).rejects.toMatchObject({ issues: { topics: 'topic_unknown' } });
		await expect(createCampaign(newsletter, testStaff, draft({ sendRate: 0 }))).rejects.toBeInstanceOf(ValidationError);
		await expect(createCampaign(newsletter, testStaff, draft({ subject: { en: 'Two\nlines' } }))).rejects.toMatchObject({
			issues: { 'subject.en': 'one_line' }
		});
	});

	it('keeps only safe HTML in the body', async () => {
		const id = await createCampaign(newsletter, testStaff, draft({ subject: { en: 'Hi' }, bodyHtml: { en: '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">there</a></p>' } }));
		const campaign = await getCampaign(handle.db, id);
		expect(campaign!.bodyHtml.en).not.toMatch(/script|onclick|javascript/);
		expect(campaign!.bodyHtml.en).toContain('Hi');
	});

	it('counts the audience: confirmed and not paused, matching any topic and the languages', async () => {
		await addSubscribers(3, { topics: ['news'] });
		await addSubscribers(2, { topics: ['events'], locale: 'ne' });
		await addSubscribers(1, { topics: ['news', 'events'], locale: 'es' });
		await addSubscribers(4, { status: 'pending' });
		await addSubscribers(1, { status: 'unsubscribed' });
		await addSubscribers(1, { paused: 1 });
		expect(await countAudience(handle.db, { topics: [], locales: [] })).toBe(6);
		expect(await countAudience(handle.db, { topics: ['events'], locales: [] })).toBe(3);
		expect(await countAudience(handle.db, { topics: ['events'], locales: ['ne'] })).toBe(2);
		expect(await countAudience(handle.db, { topics: [], locales: ['es', 'en'] })).toBe(4);
	});

	it('fixes the audience when sending starts, once, and then refuses edits and deletion', async () => {
		await addSubscribers(5);
		const id = await createCampaign(newsletter, testStaff, draft());
		const started = await startSending(handle.db, id);
		expect(started).toEqual({ started: true, recipients: 5 });
		await addSubscribers(3);
		await expect(startSending(handle.db, id)).rejects.toBeInstanceOf(CampaignStateError);
		expect((await campaignProgress(handle.db, id)).total).toBe(5);
		await expect(updateCampaign(newsletter, testStaff, id, draft())).rejects.toBeInstanceOf(CampaignStateError);
		await expect(deleteCampaign(newsletter, testStaff, id)).rejects.toBeInstanceOf(CampaignStateError);
	});

	it('starts a scheduled campaign only at the time it is still scheduled for', async () => {
		await addSubscribers(2);
		const now = Date.now();
		const id = await createCampaign(newsletter, testStaff, draft());
		await expect(scheduleCampaign(withClock(newsletter, now), testStaff, id, new Date(now - 1000), 'UTC')).rejects.toMatchObject({ issues: { scheduledAt: 'date_past' } });
		const first = new Date(now + 3_600_000);
		await scheduleCampaign(withClock(newsletter, now), testStaff, id, first, 'UTC');
		const second = new Date(now + 7_200_000);
		await scheduleCampaign(withClock(newsletter, now), testStaff, id, second, 'UTC');
		expect(await startSending(handle.db, id, { onlyIfScheduledAt: first.toISOString() })).toEqual({ started: false, recipients: 0 });
		expect((await getCampaign(handle.db, id))!.status).toBe('scheduled');
		await unscheduleCampaign(newsletter, testStaff, id);
		expect(await startSending(handle.db, id, { onlyIfScheduledAt: second.toISOString() })).toEqual({ started: false, recipients: 0 });
		await scheduleCampaign(withClock(newsletter, now), testStaff, id, second, 'UTC');
		expect(await startSending(handle.db, id, { onlyIfScheduledAt: second.toISOString() })).toEqual({ started: true, recipients: 2 });
		const jobs = await handle.db.selectFrom('job').select('kind').where('kind', '=', 'newsletter.start').execute();
		expect(jobs.length).toBe(2);
	});
});

describe('sending', () => {
	let sink: Awaited<ReturnType<typeof startSmtpSink>>;
	beforeEach(async () => {
		sink = await startSmtpSink({ rejectRecipients: { 'gone@example.org': 550, 'busy@example.org': 451 }, loseFirstAnswerFor: ['unsure@example.org'] });
		return () => sink.close();
	});

	function copiesPerRecipient() {
		const copies = new Map<string, number>();
		for (const message of sink.messages) for (const to of message.envelopeTo) copies.set(to, (copies.get(to) ?? 0) + 1);
		return copies;
	}

	it('sends each recipient their language, else English, with the headers that let them leave in one click', async () => {
		const en = (await addSubscribers(1, { locale: 'en' }))[0]!;
		const es = (await addSubscribers(1, { locale: 'es' }))[0]!;
		const ne = (await addSubscribers(1, { locale: 'ne' }))[0]!;
		const id = await createCampaign(newsletter, testStaff, draft());
		await startSending(handle.db, id);
		const s = sender(handle.db, sink.url);
		const outcome = await s.runSlice(handle.db, id, 'job:1:1');
		s.transport.close();
		expect(outcome).toMatchObject({ sent: 3, failed: 0, next: 'done' });
		expect((await getCampaign(handle.db, id))!.status).toBe('sent');

		const to = (address: string) => sink.messages.find((m) => m.envelopeTo.includes(address))!.parsed;
		const spanish = to(es.email);
		expect(spanish.subject).toBe('Muros que hablan');
		expect(spanish.headers.get('content-language')).toBe('es');
		expect(spanish.text).toContain('Hola desde los callejones.');
		expect(spanish.text).toContain('Darse de baja');
		// Nepali readers get the English version, marked as English.
		const nepali = to(ne.email);
		expect(nepali.subject).toBe('Walls that talk');
		expect(nepali.headers.get('content-language')).toBe('en');

		const english = to(en.email);
		expect(english.date).toBeInstanceOf(Date);
		expect(english.messageId).toMatch(new RegExp(`^<campaign-${id}\\.\\d+@arts\\.example\\.org>$`));
		expect(english.text).toContain('Hello from the lanes.');
		expect(english.html).toContain(`href="${origin}/about"`);
		expect(english.html).toContain('Three new laneway festivals');
		const rawOf = (address: string) => sink.messages.find((m) => m.envelopeTo.includes(address))!.raw.toString('utf8');
		const header = (raw: string, name: string) => {
			const unfolded = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
			return new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(unfolded)?.[1]?.trim() ?? '';
		};
		const listUnsubscribe = header(rawOf(en.email), 'List-Unsubscribe');
		const [https = '', mailto] = listUnsubscribe.split(',').map((part) => part.trim());
		expect(https).toMatch(new RegExp(`^<${origin}/newsletter/unsubscribe/[A-Za-z0-9_-]{43}>$`));
		expect(mailto).toBe('<mailto:news@arts.example.org?subject=unsubscribe>');
		expect(header(rawOf(en.email), 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
		expect(header(rawOf(en.email), 'List-Id')).toBe('<newsletter.arts.example.org>');
		// The link in the body and in the header open the same subscriber.
		const token = https.slice(1, -1).split('/').pop()!;
		expect(english.html).toContain(`/newsletter/unsubscribe/${token}`);
		expect(await inspectSubscriberToken(handle.db, token, ['unsubscribe'])).toMatchObject({ state: 'valid', subscriberId: en.id });
		const preferences = /\/newsletter\/preferences\/([A-Za-z0-9_-]{43})/.exec(english.text ?? '')![1]!;
		expect(await inspectSubscriberToken(handle.db, preferences, ['preferences'])).toMatchObject({ state: 'valid', subscriberId: en.id });
		const spanishUnsubscribe = header(rawOf(es.email), 'List-Unsubscribe');
		expect(spanishUnsubscribe).toContain(`${origin}/es/newsletter/unsubscribe/`);
	});

	it('writes Nepali subjects and bodies so that mail apps read them back intact', async () => {
		const reader = (await addSubscribers(1, { locale: 'ne' }))[0]!;
		const subject = 'बोल्ने पर्खालहरू: काठमाडौंका गल्लीहरूमा तीन उत्सव र चालीस कलाकार';
		const text = 'काठमाडौंका तीन गल्लीमा चालीस कलाकारले एक सप्ताहन्त पर्खालहरूमा चित्र कोरे। '.repeat(8).trim();
		const id = await createCampaign(newsletter, testStaff, draft({ subject: { en: 'Walls that talk', ne: subject }, bodyHtml: { en: '<p>Hello.</p>', ne: `<p>${text}</p>` } }));
		await startSending(handle.db, id);
		const s = sender(handle.db, sink.url);
		await s.runSlice(handle.db, id, 'job:1:1');
		s.transport.close();
		const message = sink.messages.find((m) => m.envelopeTo.includes(reader.email))!;
		expect(message.parsed.subject).toBe(subject);
		expect(message.parsed.text).toContain(text);
		expect(message.parsed.html).toContain(text);
		expect(message.parsed.html).toContain('lang="ne"');
		expect(message.parsed.from?.value[0]).toEqual({ address: 'news@arts.example.org', name: 'Micro Galleries' });
		// Header lines folded within 78 characters wherever there is a space to fold at, every line within SMTP's 998.
		const raw = message.raw.toString('utf8');
		const [head = '', body = ''] = raw.split('\r\n\r\n', 2);
		expect(head.split('\r\n').filter((line) => line.length > 78 && /\S\s+\S/.test(line.trim()))).toEqual([]);
		expect(raw.split('\r\n').filter((line) => line.length > 998)).toEqual([]);
		expect(body).toContain('Content-Transfer-Encoding: base64');
	});

	it('signs with DKIM when configured', async () => {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		await addSubscribers(1);
		const id = await createCampaign(newsletter, testStaff, draft());
		await startSending(handle.db, id);
		const s = sender(handle.db, sink.url, {
			dkim: { domainName: 'arts.example.org', keySelector: 'mail2026', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }
		});
		await s.runSlice(handle.db, id, 'job:1:1');
		s.transport.close();
		const signature = /^DKIM-Signature: (.*(?:\r\n[ \t].*)*)/m.exec(sink.messages[0]!.raw.toString('utf8'))?.[1] ?? '';
		expect(signature).toContain('d=arts.example.org');
		expect(signature).toContain('s=mail2026');
	});

	it('marks a refused address as bounced and never sends to it again; a busy one is tried later', async () => {
		await addSubscribers(2);
		const at = new Date().toISOString();
		const base = { locale: 'en', status: 'confirmed' as const, topics: '["news"]', consent_text_version: 1, created_at: at, updated_at: at };
		await handle.db.insertInto('subscriber').values([{ email: 'gone@example.org', ...base }, { email: 'busy@example.org', ...base }]).execute();
		const id = await createCampaign(newsletter, testStaff, draft());
		await startSending(handle.db, id);
		const s = sender(handle.db, sink.url);
		const outcome = await s.runSlice(handle.db, id, 'job:1:1');
		s.transport.close();
		expect(outcome).toMatchObject({ sent: 2, bounced: 1, retrying: 1 });
		expect(typeof outcome.next).toBe('object');
		const gone = await handle.db.selectFrom('subscriber').selectAll().where('email', '=', 'gone@example.org').executeTakeFirstOrThrow();
		expect(gone.status).toBe('bounced');
		expect(gone.bounce_reason).toContain('No such mailbox');
		const busy = await handle.db
			.selectFrom('newsletter_delivery')
			.innerJoin('subscriber', 'subscriber.id', 'newsletter_delivery.subscriber_id')
			.select(['newsletter_delivery.status', 'newsletter_delivery.attempts', 'newsletter_delivery.next_attempt_at'])
			.where('subscriber.email', '=', 'busy@example.org')
			.executeTakeFirstOrThrow();
		expect(busy).toMatchObject({ status: 'queued', attempts: 1 });
		expect(Date.parse(busy.next_attempt_at!)).toBeGreaterThan(Date.now());
		expect(await countAudience(handle.db, { topics: [], locales: [] })).toBe(3);
	});

	it('pauses, resumes and cancels; skips who left or paused meanwhile', async () => {
		const people = await addSubscribers(6);
		const id = await createCampaign(newsletter, testStaff, draft({ sendRate: 240 }));
		await startSending(handle.db, id);
		await pauseCampaign(newsletter, testStaff, id);
		const s = sender(handle.db, sink.url);
		expect((await s.runSlice(handle.db, id, 'job:1:1')).next).toBe('stopped');
		expect(sink.messages.length).toBe(0);
		await handle.db.updateTable('subscriber').set({ status: 'unsubscribed' }).where('id', '=', people[0]!.id).execute();
		await handle.db.updateTable('subscriber').set({ paused: 1 }).where('id', '=', people[1]!.id).execute();
		await handle.db.deleteFrom('subscriber').where('id', '=', people[2]!.id).execute();
		await resumeCampaign(newsletter, testStaff, id);
		// 240 a minute is one every 250 ms: a 300 ms slice sends two at most and leaves the rest queued.
		const first = await s.runSlice(handle.db, id, 'job:2:1', 300);
		expect(first.skipped).toBe(3);
		expect(first.sent).toBeGreaterThan(0);
		expect(first.sent).toBeLessThan(3);
		await cancelCampaign(newsletter, testStaff, id);
		s.transport.close();
		const progress = await campaignProgress(handle.db, id);
		expect(progress.sending).toBe(0);
		expect(progress.queued).toBe(0);
		expect(progress.skipped + progress.sent).toBe(6);
		expect(progress.sent).toBe(sink.messages.length);
		expect((await getCampaign(handle.db, id))!.status).toBe('cancelled');
	});

	it('takes over what a killed attempt held, without sending anything twice', async () => {
		await addSubscribers(40);
		const id = await createCampaign(newsletter, testStaff, draft());
		await startSending(handle.db, id);
		const s = sender(handle.db, sink.url);
		// The first attempt sends ten and dies holding ten more (claimed, never handed over).
		await s.runSlice(handle.db, id, 'job:7:1', 0);
		const ids = await handle.db.selectFrom('newsletter_delivery').select('id').where('campaign_id', '=', id).orderBy('id').limit(20).execute();
		await handle.db
			.updateTable('newsletter_delivery')
			.set({ status: 'sent', sent_at: new Date().toISOString() })
			.where('id', 'in', ids.slice(0, 10).map((r) => r.id))
			.execute();
		const far = new Date(Date.now() + 3_600_000).toISOString();
		await handle.db
			.updateTable('newsletter_delivery')
			.set({ status: 'sending', claimed_by: 'job:7:1', lease_until: far })
			.where('id', 'in', ids.slice(10, 20).map((r) => r.id))
			.execute();
		// Another job's live claim is left alone.
		const other = await handle.db.selectFrom('newsletter_delivery').select('id').where('campaign_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
		await handle.db.updateTable('newsletter_delivery').set({ status: 'sending', claimed_by: 'job:9:1', lease_until: far }).where('id', '=', other.id).execute();

		const outcome = await s.runSlice(handle.db, id, 'job:7:2');
		s.transport.close();
		expect(outcome.sent).toBe(29);
		expect(outcome.next).toMatchObject({ at: expect.any(Date) });
		const progress = await campaignProgress(handle.db, id);
		expect(progress).toMatchObject({ sent: 39, sending: 1, queued: 0 });
		expect([...copiesPerRecipient().values()].every((n) => n === 1)).toBe(true);
	});

	/**
	 * Starts a send attempt (`job:1:1`, one connection) that dies at `point` of its
	 * first message, as a killed process does: from that moment nothing it does reaches
	 * the database (its own connection is closed) or the mail server (its connection is
	 * cut, and a message without its final dot is discarded). Resolves once it is dead.
	 */
	async function attemptKilled(campaignId: number, point: 'before the hand-over' | 'after the hand-over' | 'after the server took it') {
		const own = await openDatabase({ databaseUrl: handle.url, sqlitePath: handle.location });
		const smtp = createSmtpBulkTransport(sink.url, { lanes: 1 });
		let died!: () => void;
		const dead = new Promise<void>((resolve) => (died = resolve));
		const die = async (): Promise<never> => {
			await own.close();
			sink.dropConnections();
			died();
			return new Promise<never>(() => undefined);
		};
		const transport: BulkTransport = {
			name: 'smtp',
			lanes: 1,
			async send(message, handOver) {
				await smtp.send(message, async () => {
					if (point === 'before the hand-over') return die();
					const proceed = await handOver();
					return point === 'after the hand-over' ? die() : proceed;
				});
				if (point === 'after the server took it') await die();
			},
			close: () => smtp.close()
		};
		const dying = createCampaignSender({ transport, compose: createBulkComposer(undefined), from, origin, linkSecret: secret, siteName: async () => 'Micro Galleries', log, claimSize: 5 });
		dying.runSlice(own.db, campaignId, 'job:1:1').catch(() => undefined);
		await dead;
		smtp.close();
		await sink.idle();
	}

	function deliveries(campaignId: number) {
		return handle.db
			.selectFrom('newsletter_delivery')
			.innerJoin('subscriber', 'subscriber.id', 'newsletter_delivery.subscriber_id')
			.select(['subscriber.email', 'newsletter_delivery.status', 'newsletter_delivery.message_id', 'newsletter_delivery.error'])
			.where('campaign_id', '=', campaignId)
			.orderBy('newsletter_delivery.id')
			.execute();
	}

	it.each(['before the hand-over', 'after the hand-over'] as const)(
		'never loses a copy when the sending process dies %s, before the mail server took the message',
		async (point) => {
			const people = await addSubscribers(3);
			const id = await createCampaign(newsletter, testStaff, draft());
			await startSending(handle.db, id);
			await attemptKilled(id, point);
			expect(sink.messages).toHaveLength(0);

			// The job's next attempt takes over what the dead one held.
			const s = sender(handle.db, sink.url, { lanes: 1 });
			await s.runSlice(handle.db, id, 'job:1:2');
			s.transport.close();
			const copies = copiesPerRecipient();
			for (const person of people) expect(copies.get(person.email)).toBe(1);
			const rows = await deliveries(id);
			expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
			// Handed over without an answer, the first one's fate was unknown: staff are told it may have arrived twice.
			expect(rows.map((row) => Boolean(row.error?.includes('may have two copies')))).toEqual([point === 'after the hand-over', false, false]);
			expect((await getCampaign(handle.db, id))!.status).toBe('sent');
		}
	);

	it('sends a copy again, with the same Message-ID, when the process dies after the server took it but before recording that: two copies rather than none', async () => {
		const people = await addSubscribers(3);
		const id = await createCampaign(newsletter, testStaff, draft());
		await startSending(handle.db, id);
		await attemptKilled(id, 'after the server took it');
		expect(sink.messages.map((m) => m.envelopeTo)).toEqual([[people[0]!.email]]);
		// The dead attempt holds all three; the first is in doubt: handed over, its acceptance never recorded.
		const atDeath = await handle.db.selectFrom('newsletter_delivery').select(['status', 'handed_over_at']).where('campaign_id', '=', id).orderBy('id').execute();
		expect(atDeath.map((row) => [row.status, row.handed_over_at !== null])).toEqual([
			['sending', true],
			['sending', false],
			['sending', false]
		]);

		const s = sender(handle.db, sink.url, { lanes: 1 });
		await s.runSlice(handle.db, id, 'job:1:2');
		s.transport.close();
		const copies = copiesPerRecipient();
		expect(people.map((person) => copies.get(person.email))).toEqual([2, 1, 1]);
		const twice = sink.messages.filter((m) => m.envelopeTo[0] === people[0]!.email).map((m) => m.parsed.messageId);
		expect(new Set(twice).size).toBe(1);
		const rows = await deliveries(id);
		expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
		expect(rows[0]!.error).toContain('may have two copies');
		expect(rows[0]!.message_id).toBe(twice[0]);
	});

	it('sends a message again later when the server’s answer to it was lost, with the same Message-ID', async () => {
		await addSubscribers(2);
		const [unsure] = await handle.db
			.insertInto('subscriber')
			.values({ email: 'unsure@example.org', locale: 'en', status: 'confirmed', topics: '["news"]', consent_text_version: 1, created_at: new Date().toISOString(), updated_at: new Date().toISOString() })
			.returning('id')
			.execute();
		const id = await createCampaign(newsletter, testStaff, draft());
		await startSending(handle.db, id);
		const s = sender(handle.db, sink.url, { lanes: 1 });
		const first = await s.runSlice(handle.db, id, 'job:1:1');
		expect(first).toMatchObject({ sent: 2, retrying: 1, failed: 0 });
		const waiting = await handle.db.selectFrom('newsletter_delivery').selectAll().where('subscriber_id', '=', unsure!.id).executeTakeFirstOrThrow();
		expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
		expect(waiting.error).toContain('did not answer');
		expect(Date.parse(waiting.next_attempt_at!)).toBeGreaterThan(Date.now());

		await handle.db.updateTable('newsletter_delivery').set({ next_attempt_at: null }).where('id', '=', waiting.id).execute();
		const second = await s.runSlice(handle.db, id, 'job:2:1');
		s.transport.close();
		expect(second).toMatchObject({ sent: 1, next: 'done' });
		const copies = sink.messages.filter((m) => m.envelopeTo[0] === 'unsure@example.org').map((m) => m.parsed.messageId);
		expect(copies).toHaveLength(2);
		expect(new Set(copies).size).toBe(1);
		const sent = await handle.db.selectFrom('newsletter_delivery').selectAll().where('id', '=', waiting.id).executeTakeFirstOrThrow();
		expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
		expect(sent.error).toContain('may have two copies');
	});

	it('sends exactly one copy to each recipient when two processes send the same campaign at once', async () => {
		const people = await addSubscribers(300);
		const id = await createCampaign(newsletter, testStaff, draft());
		await startSending(handle.db, id);
		const second = await openDatabase({ databaseUrl: handle.url, sqlitePath: handle.location });
		try {
			const a = sender(handle.db, sink.url, { lanes: 3 });
			const b = sender(second.db, sink.url, { lanes: 3 });
			const [one, two] = await Promise.all([a.runSlice(handle.db, id, 'job:1:1'), b.runSlice(second.db, id, 'job:2:1')]);
			a.transport.close();
			b.transport.close();
			expect(one.sent + two.sent).toBe(300);
			// Both really sent a share.
			expect(Math.min(one.sent, two.sent)).toBeGreaterThan(0);
		} finally {
			await second.close();
		}
		const copies = copiesPerRecipient();
		expect(copies.size).toBe(300);
		for (const person of people) expect(copies.get(person.email)).toBe(1);
		expect((await getCampaign(handle.db, id))!.status).toBe('sent');
	});
});
