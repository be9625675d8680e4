import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { campaignValues, getCampaignValues, parseCampaign, saveCampaign } from './donation-campaigns';
import { getDonationSettings, saveDonationSettings } from './donation-settings';
import { parseSettingsValues, settingsValues, settingsValuesFromForm } from './donation-settings-form';
import { findOpenCampaign } from './donations.queries';
import { auditBookmark, donationsContext, expectNothingLeftWhenTheAuditEntryFails, testStaff, withClock } from '../../../../tests/support/domain-contexts';

/* The admin's settings form and campaign editing, on SQLite (and PostgreSQL with TEST_DATABASE_URL). */

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(async () => {
	await handle?.dispose();
});

const texts = { 'receiptNote.en': 'No goods or services were given.', 'receiptNote.es': 'Sin contraprestación.', 'otherWays.en': 'Bank transfer to …' };

describe('the donation settings form', () => {
	it('turns rows of typed amounts into settings in minor units, skipping the empty row', () => {
		const parsed = parseSettingsValues({
			'currency.0': 'usd',
			'presets.0': '5 10, 25.50',
			'min.0': '2',
			'max.0': '1000',
			'currency.1': 'JPY',
			'presets.1': '500;1000',
			'min.1': '300',
			'max.1': '100000',
			'currency.2': '',
			'presets.2': '',
			'min.2': '',
			'max.2': '',
			...texts
		});
		expect(parsed).toEqual({
			ok: true,
			settings: {
				currencies: ['USD', 'JPY'],
				rules: { USD: { presets: [500, 1000, 2550], min: 200, max: 100000 }, JPY: { presets: [500, 1000], min: 300, max: 100000 } },
				receiptNote: { en: texts['receiptNote.en'], es: texts['receiptNote.es'], ne: '', id: '' },
				otherWays: { en: texts['otherWays.en'], ne: '', id: '', es: '' }
			}
		});
	});

	it('names what is wrong beside each field', () => {
		const parsed = parseSettingsValues({
			'currency.0': 'USS',
			'currency.1': 'EUR',
			'presets.1': 'ten 1',
			'min.1': '2',
			'max.1': '1',
			'currency.2': 'JPY',
			'presets.2': '100',
			'min.2': '300.5',
			'max.2': '',
			'currency.3': 'eur',
			'min.3': '1',
			'max.3': '2',
			'currency.4': '',
			'presets.4': '5',
			'receiptNote.en': ' ',
			'otherWays.en': ''
		});
		expect(parsed.ok).toBe(false);
		const issues = (parsed as { issues: Record<string, string> }).issues;
		expect(Object.keys(issues).sort()).toEqual(
			['currency.0', 'currency.3', 'currency.4', 'max.1', 'max.2', 'min.2', 'otherWays.en', 'presets.1', 'receiptNote.en'].sort()
		);
		expect(issues['currency.0']).toMatch(/three letters/);
		expect(issues['currency.3']).toMatch(/EUR is listed twice/);
		expect(issues['max.1']).toMatch(/below the smallest/);
		expect(issues['presets.1']).toMatch(/“ten” is not an amount/);
		expect(issues['min.2']).toMatch(/amount in JPY/);
		expect(parseSettingsValues({ 'currency.0': '', 'otherWays.en': 'x', 'receiptNote.en': 'y' })).toEqual({ ok: false, issues: { 'currency.0': 'Offer at least one currency.' } });
		expect((parseSettingsValues({ 'currency.0': 'USD', 'presets.0': '1', 'min.0': '2', 'max.0': '3', ...texts }) as { issues: Record<string, string> }).issues).toEqual({
			'presets.0': '1 is outside the smallest and largest amounts.'
		});
	});

	it('round-trips stored settings through the form, and saves what it parsed', async () => {
		const form = new FormData();
		for (const [k, v] of Object.entries({ 'currency.0': 'EUR', 'presets.0': '5 10', 'min.0': '2', 'max.0': '500', 'currency.1': '', ...texts })) form.set(k, v);
		form.set('currency.7', 'GBP'); // not after a gap: ignored
		const values = settingsValuesFromForm(form);
		expect(values['currency.7']).toBeUndefined();
		const parsed = parseSettingsValues(values);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
		await saveDonationSettings(donationsContext(handle.db), testStaff, parsed.settings);
		const stored = await getDonationSettings(handle.db);
		expect(stored.currencies).toEqual(['EUR']);
		expect(stored.rules.EUR).toEqual({ presets: [500, 1000], min: 200, max: 50000 });
		expect(stored.receiptNote.es).toBe('Sin contraprestación.');
		expect(settingsValues(stored)).toMatchObject({ 'currency.0': 'EUR', 'presets.0': '5 10', 'min.0': '2', 'max.0': '500', 'currency.1': '', 'receiptNote.es': 'Sin contraprestación.' });
	});
});

describe('campaigns', () => {
	const base = { slug: 'river-walls', goal: '2500.50', currency: 'usd', starts: '2026-03-01', ends: '2026-03-31', 'title.en': 'Walls by the river', 'title.ne': 'नदी किनारका भित्ता', 'description.en': 'Paint for ten walls.' };

	it('checks the form field by field', () => {
		const bad = parseCampaign({ slug: 'River Walls', goal: 'lots', currency: 'GBP', starts: '2026-02-30', ends: '', 'title.en': '' }, ['USD']);
		expect(bad).toEqual({
			ok: false,
			issues: {
				slug: expect.stringMatching(/lower-case/),
				currency: 'Choose one of the currencies donors can give in (USD).',
				'title.en': expect.stringMatching(/English title is required/),
				starts: expect.stringMatching(/YYYY-MM-DD/)
			}
		});
		expect(parseCampaign({ ...base, goal: 'lots' }, ['USD'])).toMatchObject({ ok: false, issues: { goal: expect.stringMatching(/amount in USD/) } });
		expect(parseCampaign({ ...base, goal: '0' }, ['USD'])).toMatchObject({ ok: false, issues: { goal: expect.any(String) } });
		expect(parseCampaign({ ...base, starts: '2026-04-01' }, ['USD'])).toMatchObject({ ok: false, issues: { ends: 'The last day is before the first day.' } });
	});

	it('creates and edits a campaign; the last day is included; addresses stay unique', async () => {
		const options = { currencies: ['USD', 'EUR'] };
		const donations = withClock(donationsContext(handle.db), '2026-02-01T00:00:00Z');
		const id = await saveCampaign(donations, testStaff, base, options);
		const row = await handle.db.selectFrom('donation_campaign').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect([row.slug, Number(row.goal_minor), row.currency, row.starts_at, row.ends_at]).toEqual([
			'river-walls',
			250050,
			'USD',
			'2026-03-01T00:00:00.000Z',
			'2026-04-01T00:00:00.000Z'
		]);
		expect(JSON.parse(row.title)).toEqual({ en: 'Walls by the river', ne: 'नदी किनारका भित्ता' });
		expect(await findOpenCampaign(handle.db, 'river-walls', new Date('2026-03-31T23:59:00Z'))).toBeDefined();
		expect(await findOpenCampaign(handle.db, 'river-walls', new Date('2026-04-01T00:00:00Z'))).toBeUndefined();
		expect(await getCampaignValues(handle.db, id)).toEqual({ ...base, goal: '2500.50', currency: 'USD', 'title.id': '', 'title.es': '', 'description.ne': '', 'description.id': '', 'description.es': '' });

		await expect(saveCampaign(donations, testStaff, { ...base, 'title.en': 'Another' }, options)).rejects.toThrow(ValidationError);
		await expect(saveCampaign(donations, testStaff, { ...base, 'title.en': 'Another' }, options)).rejects.toMatchObject({ issues: { slug: 'Another campaign already has this address.' } });

		const other = await saveCampaign(donations, testStaff, { ...base, slug: 'other', ends: '' }, options);
		await expect(saveCampaign(donations, testStaff, { ...base, slug: 'other' }, { ...options, id })).rejects.toMatchObject({ issues: { slug: expect.any(String) } });
		expect(await saveCampaign(donations, testStaff, { ...base, slug: 'river-walls-2026', goal: '10', currency: 'EUR', starts: '', ends: '', 'title.ne': '' }, { ...options, id })).toBe(id);
		const edited = await getCampaignValues(handle.db, id);
		expect([edited.slug, edited.goal, edited.currency, edited.starts, edited.ends, edited['title.ne']]).toEqual(['river-walls-2026', '10', 'EUR', '', '', '']);
		expect(campaignValues({ ...row, ends_at: null }).ends).toBe('');
		expect(other).not.toBe(id);
		await expect(saveCampaign(donations, testStaff, base, { ...options, id: 999_999 })).rejects.toThrow(NotFoundError);
		await expect(getCampaignValues(handle.db, 999_999)).rejects.toThrow(NotFoundError);
	});
});

describe('a change to what donors see and its audit entry', () => {
	it('commit together: when the entry cannot be written, no campaign is added and the public pages keep their version', async () => {
		const donations = donationsContext(handle.db);
		const values = { slug: 'library-walls', goal: '900', currency: 'USD', starts: '', ends: '', 'title.en': 'Walls of the library' };
		const slugs = async () => (await handle.db.selectFrom('donation_campaign').select('slug').execute()).map((row) => row.slug);
		await expectNothingLeftWhenTheAuditEntryFails(handle.db, (failing) => saveCampaign({ ...donations, db: failing }, testStaff, values, { currencies: ['USD'] }));
		expect(await slugs()).not.toContain('library-walls');

		const audit = await auditBookmark(handle.db);
		const id = await saveCampaign(donations, testStaff, values, { currencies: ['USD'] });
		expect(await slugs()).toContain('library-walls');
		expect(await audit.entries()).toEqual([{ action: 'donation.campaign-created', actor_email: testStaff.email, subject: `campaign:${id}`, detail: { slug: 'library-walls' } }]);
	});
});
