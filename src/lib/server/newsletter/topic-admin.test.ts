import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { readSiteVersion } from '$lib/server/platform/site-version';
import { latestConsentTextVersion, subscribe, topicKeys } from './newsletter.service';
import { createCampaign } from './campaign.service';
import { addTopic, deleteTopic, listConsentTexts, listTopicsForAdmin, moveTopic, publishConsentTextFromAdmin, renameTopic } from './topic-admin';
import type { NewsletterContext } from './newsletter.wiring';
import { auditBookmark, expectNothingLeftWhenTheAuditEntryFails, newsletterContext, testStaff, withClock } from '../../../../tests/support/domain-contexts';

/* Topics and the consent text as staff edit them, on SQLite (and PostgreSQL with TEST_DATABASE_URL). */

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let newsletter: NewsletterContext;
beforeAll(async () => {
	handle = await createTestDatabase();
	newsletter = newsletterContext(handle.db);
});
afterAll(() => handle.dispose());

const names = (en: string, rest: Partial<Record<'ne' | 'id' | 'es', string>> = {}) => ({ en, ne: '', id: '', es: '', ...rest });

describe('topics', () => {
	it('adds a topic at the end with a stable key, and names what is wrong', async () => {
		const version = await readSiteVersion(handle.db);
		expect(await addTopic(newsletter, testStaff, { key: ' Workshops ', names: names('Workshops', { es: 'Talleres' }) })).toBe('workshops');
		expect(await topicKeys(handle.db)).toEqual(['news', 'open-calls', 'events', 'workshops']);
		// The sign-up form (a cached public page) shows topics.
		expect(await readSiteVersion(handle.db)).not.toBe(version);

		await expect(addTopic(newsletter, testStaff, { key: 'workshops', names: names('Again') })).rejects.toMatchObject({
			problems: { key: { code: 'key-taken', key: 'workshops' } },
			issues: { key: 'There is already a topic with the key “workshops”.' }
		});
		await expect(addTopic(newsletter, testStaff, { key: 'Open Calls!', names: names('', { es: 'x'.repeat(61) }) })).rejects.toMatchObject({
			problems: { key: { code: 'key-format', max: 40 }, 'name.en': { code: 'name-en-missing' }, 'name.es': { code: 'name-too-long', max: 60 } },
			issues: { key: expect.stringMatching(/lower-case letters, digits and hyphens/), 'name.en': expect.stringMatching(/English name/), 'name.es': 'At most 60 characters.' }
		});
	});

	it('renames and reorders topics, keeping their keys', async () => {
		await renameTopic(newsletter, testStaff, 'events', names('Events and talks', { ne: 'कार्यक्रम' }));
		await moveTopic(newsletter, testStaff, 'events', 'up');
		await moveTopic(newsletter, testStaff, 'news', 'up'); // already first: nothing changes
		const topics = await listTopicsForAdmin(handle.db);
		expect(topics.map((t) => [t.key, t.position])).toEqual([
			['news', 0],
			['events', 1],
			['open-calls', 2],
			['workshops', 3]
		]);
		expect(topics[1]!.names).toEqual({ en: 'Events and talks', ne: 'कार्यक्रम', id: '', es: '' });
		await expect(renameTopic(newsletter, testStaff, 'events', names(' '))).rejects.toThrow(ValidationError);
		await expect(renameTopic(newsletter, testStaff, 'missing', names('x'))).rejects.toThrow(NotFoundError);
	});

	it('deletes a topic only while nobody has chosen it', async () => {
		await subscribe(handle.db, { email: 'ana@example.org', locale: 'en', topics: ['workshops'], consent: true });
		expect((await listTopicsForAdmin(handle.db)).find((t) => t.key === 'workshops')?.subscribers).toBe(1);
		await expect(deleteTopic(newsletter, testStaff, 'workshops')).rejects.toMatchObject({
			problems: { topic: { code: 'in-use-subscribers', key: 'workshops', count: 1 } },
			issues: { topic: '“workshops” cannot be deleted: 1 subscriber has chosen it. You can rename it instead.' }
		});
		await addTopic(newsletter, testStaff, { key: 'unused', names: names('Unused') });
		await deleteTopic(newsletter, testStaff, 'unused');
		expect(await topicKeys(handle.db)).not.toContain('unused');
		await expect(deleteTopic(newsletter, testStaff, 'unused')).rejects.toThrow(NotFoundError);
	});

	it('finds no topic for something that is no key, a NUL character included (which PostgreSQL cannot even compare)', async () => {
		for (const key of ['news\u0000', 'News', '../news', 'x'.repeat(200)]) {
			await expect(renameTopic(newsletter, testStaff, key, names('x'))).rejects.toThrow(NotFoundError);
			await expect(deleteTopic(newsletter, testStaff, key)).rejects.toThrow(NotFoundError);
		}
		expect(await topicKeys(handle.db)).toContain('news');
	});

	it('keeps a topic that a campaign not yet sent is aimed at', async () => {
		await addTopic(newsletter, testStaff, { key: 'festivals', names: names('Festivals') });
		const id = await createCampaign(newsletter, testStaff, {
			subject: { en: 'Festival season' },
			previewText: {},
			bodyHtml: { en: '<p>Soon.</p>' },
			topics: ['festivals'],
			sendRate: 600
		});
		await expect(deleteTopic(newsletter, testStaff, 'festivals')).rejects.toMatchObject({ issues: { topic: expect.stringContaining('a campaign not yet sent uses it') } });
		await handle.db.updateTable('newsletter_campaign').set({ status: 'sent' }).where('id', '=', id).execute();
		await deleteTopic(newsletter, testStaff, 'festivals');
		expect(await topicKeys(handle.db)).not.toContain('festivals');
	});
});

describe('the consent text', () => {
	it('publishes a new wording as the next version and keeps the earlier ones', async () => {
		// The seeded text has three versions: English only, all four languages, then the Nepali word the site uses.
		const wording = names('I want the newsletter, and nothing else is done with my address.', { es: 'Quiero el boletín.' });
		expect(await publishConsentTextFromAdmin(withClock(newsletter, '2026-12-01T00:00:00Z'), testStaff, wording)).toBe(4);
		const texts = await listConsentTexts(handle.db);
		expect(texts.map((t) => t.version)).toEqual([4, 3, 2, 1]);
		expect(texts[0]).toEqual({ version: 4, text: wording, createdAt: '2026-12-01T00:00:00.000Z' });
		expect(texts[3]!.text.en).toMatch(/^I would like to receive the newsletter/);

		await expect(publishConsentTextFromAdmin(newsletter, testStaff, wording)).rejects.toMatchObject({ issues: { 'text.en': expect.stringMatching(/wording of version 4 already/) } });
		await expect(publishConsentTextFromAdmin(newsletter, testStaff, names(''))).rejects.toMatchObject({ issues: { 'text.en': expect.stringMatching(/English wording is required/) } });
		expect(await latestConsentTextVersion(handle.db)).toBe(4);
	});

	it('numbers two wordings published at the same moment one after the other', async () => {
		const versions = await Promise.all([
			publishConsentTextFromAdmin(newsletter, testStaff, names('First of two at once.')),
			publishConsentTextFromAdmin(newsletter, testStaff, names('Second of two at once.'))
		]);
		expect(versions.sort()).toEqual([5, 6]);
		expect((await listConsentTexts(handle.db)).slice(0, 2).map((t) => t.text.en).sort()).toEqual(['First of two at once.', 'Second of two at once.']);
	});
});

describe('a change to the sign-up form and its audit entry', () => {
	it('commit together: when the entry cannot be written, no topic is added and the public pages keep their version', async () => {
		const topic = { key: 'residencies', names: names('Residencies') };
		await expectNothingLeftWhenTheAuditEntryFails(handle.db, (failing) => addTopic({ ...newsletter, db: failing }, testStaff, topic));
		expect(await topicKeys(handle.db)).not.toContain('residencies');

		const audit = await auditBookmark(handle.db);
		await addTopic(newsletter, testStaff, topic);
		expect(await topicKeys(handle.db)).toContain('residencies');
		expect(await audit.entries()).toEqual([{ action: 'newsletter.topic-added', actor_email: testStaff.email, subject: 'topic:residencies', detail: {} }]);
	});
});
