import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { createBulkComposer, createSmtpBulkTransport } from '$lib/server/platform/mail/bulk-transport';
import { createLogger } from '$lib/server/platform/logger';
import { startSmtpSink } from '../../../../tests/support/smtp';
import { createCampaignSender } from './campaign-sender';
import { createCampaign, startSending } from './campaign.service';
import { newsletterContext, testStaff } from '../../../../tests/support/domain-contexts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
	[handle, sink] = await Promise.all([createTestDatabase(), startSmtpSink()]);
});
afterAll(async () => {
	await sink.close();
	await handle.dispose();
});

it('keeps a slow rate across slices: the next slice waits for the next message’s turn', async () => {
	const at = new Date().toISOString();
	await handle.db
		.insertInto('subscriber')
		.values([1, 2, 3].map((n) => ({ email: `slow${n}@example.org`, locale: 'en', status: 'confirmed' as const, topics: '[]', consent_text_version: 1, created_at: at, updated_at: at })))
		.execute();
	const id = await createCampaign(newsletterContext(handle.db), testStaff, { subject: { en: 'Slowly' }, previewText: {}, bodyHtml: { en: '<p>One a minute.</p>' }, sendRate: 1 });
	await startSending(handle.db, id);
	const transport = createSmtpBulkTransport(sink.url, { lanes: 1 });
	const sender = createCampaignSender({
		transport,
		compose: createBulkComposer(undefined),
		from: 'News <news@arts.example.org>',
		origin: 'https://arts.example.org',
		linkSecret: 'a-test-secret-that-is-long-enough-for-hmac',
		siteName: async () => 'Micro Galleries',
		log: createLogger('silent')
	});
	const started = Date.now();
	// One a minute: a short slice sends the first message and leaves the second for a minute later.
	const outcome = await sender.runSlice(handle.db, id, 'job:1:1', 500);
	transport.close();
	expect(outcome.sent).toBe(1);
	expect(typeof outcome.next).toBe('object');
	const next = (outcome.next as { at: Date }).at.getTime();
	expect(next).toBeGreaterThanOrEqual(started + 59_000);
	expect(next).toBeLessThanOrEqual(Date.now() + 60_000);
});
