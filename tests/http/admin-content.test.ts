import { DomUtils } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/connect';
import { formValuesFromData } from '$lib/server/content/content-form';
import { getEditable } from '$lib/server/content/revisions.service';
import { parseHtml, startTestServer, textOf, type TestServer } from '../support/http';
import { signedIn, type AdminClient } from '../support/staff';

/*
 * The site-content editor over HTTP against the built server: the help text of
 * a page's summary says where the public page really shows it, and a publish
 * is scheduled at the time the staff person typed, read in their own time zone
 * (as their account says, whatever their browser's), with the zone named.
 */

describe('the site-content editor', () => {
	let site: TestServer;
	let database: DatabaseHandle;
	let kathmandu: AdminClient;
	let utcEditor: AdminClient;
	let nepali: AdminClient;

	beforeAll(async () => {
		site = await startTestServer();
		database = await site.openDatabase();
		[kathmandu, utcEditor, nepali] = await Promise.all([
			signedIn(site, 'ktm-editor@example.org', 'editor'),
			signedIn(site, 'utc-editor@example.org', 'editor'),
			signedIn(site, 'ne-editor@example.org', 'editor')
		]);
		expect((await kathmandu.post('/admin/account/preferences', { locale: 'en', timeZone: 'Asia/Kathmandu', notifyApplications: 'none' })).status).toBe(303);
		expect((await nepali.post('/admin/account/preferences', { locale: 'ne', timeZone: 'Asia/Kathmandu', notifyApplications: 'none' })).status).toBe(303);
		await database.db.updateTable('user').set({ timeZone: null }).where('email', '=', 'utc-editor@example.org').execute();
	});
	afterAll(async () => {
		await site?.stop();
	});

	/** The help text under a field of the editor. */
	function hintOf(html: string, name: string): string | undefined {
		const hint = parseHtml(html).all((e) => e.attribs.id === `hint-${name}`)[0];
		return hint ? DomUtils.textContent(hint).replace(/\s+/g, ' ').trim() : undefined;
	}

	/** A page's edit form as the editor posts it, from its newest version. */
	async function pageForm(key: string): Promise<Record<string, string>> {
		const editable = await getEditable(database.db, 'page', key);
		const fields: Record<string, string> = { ...formValuesFromData('page', editable.pending?.data ?? editable.live!) };
		if (editable.latestRevisionId) fields.base = String(editable.latestRevisionId);
		return fields;
	}

	/** The part of a public page people read, without its <head> (where the description for search engines is). */
	async function publicBody(path: string): Promise<string> {
		const html = await (await fetch(site.origin + path)).text();
		return textOf(html.slice(html.indexOf('<body')));
	}

	it('says the home page’s summary is for search engines, since the home page shows the introduction under its title', async () => {
		const home = await getEditable(database.db, 'page', 'home');
		const organization = await getEditable(database.db, 'organization', '1');
		const summary = (home.live!.summary as { en: string }).en;
		const intro = (organization.live!.intro as { en: string }).en;
		expect(summary).not.toBe('');
		// What the public home page shows: the introduction from Settings, not the summary.
		const body = await publicBody('/');
		expect(body).toContain(intro);
		expect(body).not.toContain(summary);

		const html = await (await kathmandu.get('/admin/content/page/home')).text();
		const hint = hintOf(html, 'summary');
		expect(hint).toContain('Not shown on the home page itself');
		expect(hint).toContain('Introduction on the home page');
		expect(hint).not.toMatch(/^Shown under the title/);
	});

	it('says another page’s summary is shown under its title, as it is', async () => {
		const about = await getEditable(database.db, 'page', 'about');
		const summary = (about.live!.summary as { en: string }).en;
		expect(await publicBody('/about')).toContain(summary);
		const html = await (await kathmandu.get('/admin/content/page/about')).text();
		expect(hintOf(html, 'summary')).toBe('Shown under the title and by search engines.');
	});

	it('reads the time to publish in the staff person’s own time zone, and names it', async () => {
		const editor = await kathmandu.get('/admin/content/page/about');
		const html = await editor.text();
		expect(textOf(html)).toContain('In your time zone, Asia/Kathmandu.');
		expect(html).not.toContain('publishAtIso');

		const response = await kathmandu.post('/admin/content/page/about?/schedule', { ...(await pageForm('about')), publishAt: '2031-01-15T09:00' });
		expect(response.status).toBe(200);
		expect(textOf(await response.text())).toContain('Asia/Kathmandu');
		const scheduled = await database.db
			.selectFrom('content_revision')
			.select(['publish_at'])
			.where('item_type', '=', 'page')
			.where('item_key', '=', 'about')
			.where('status', '=', 'scheduled')
			.executeTakeFirstOrThrow();
		// 09:00 in Kathmandu (UTC+5:45) is 03:15 UTC.
		expect(new Date(scheduled.publish_at!).toISOString()).toBe('2031-01-15T03:15:00.000Z');
	});

	it('shows the editor, its field labels and help in the staff person’s language', async () => {
		const html = await (await nepali.get('/admin/content/page/home')).text();
		const text = textOf(html);
		expect(text).toContain('मस्यौदा सुरक्षित गर्नुहोस्');
		expect(text).toContain('सारांश');
		expect(hintOf(html, 'summary')).toContain('गृहपृष्ठको परिचय');
		expect(text).toContain('Asia/Kathmandu');
		expect(text).not.toContain('Save draft');
		expect(text).not.toContain('Shown at the top of the page');
	});

	it('reads it as UTC for someone who has not chosen a zone, and says so', async () => {
		const html = await (await utcEditor.get('/admin/content/page/privacy')).text();
		expect(textOf(html)).toContain('Read as UTC');
		const response = await utcEditor.post('/admin/content/page/privacy?/schedule', { ...(await pageForm('privacy')), publishAt: '2031-01-15T09:00' });
		expect(response.status).toBe(200);
		const scheduled = await database.db
			.selectFrom('content_revision')
			.select(['publish_at'])
			.where('item_type', '=', 'page')
			.where('item_key', '=', 'privacy')
			.where('status', '=', 'scheduled')
			.executeTakeFirstOrThrow();
		expect(new Date(scheduled.publish_at!).toISOString()).toBe('2031-01-15T09:00:00.000Z');
	});

	it('refuses a time that is not one, keeping the draft', async () => {
		const response = await kathmandu.post('/admin/content/page/manifesto?/schedule', { ...(await pageForm('manifesto')), publishAt: '2031-02-30T09:00' });
		expect(response.status).toBe(400);
		expect(textOf(await response.text())).toContain('The draft is saved, but it is not scheduled: Choose a date and a time to publish.');
	});

	it('says what is wrong with a field in the staff person’s language, keeping what they typed', async () => {
		const tooLong = 'लामो सारांश '.repeat(60);
		const page = await nepali.post('/admin/content/page/manifesto?/save', { ...(await pageForm('manifesto')), 'title.en': '', 'summary.en': tooLong });
		expect(page.status).toBe(400);
		const html = await page.text();
		const text = textOf(html);
		expect(text).toContain('अङ्ग्रेजीमा लेख्नुहोस्: अनुवाद नभएका सबै भाषामा अङ्ग्रेजी नै देखिन्छ।');
		expect(text).toContain('बढीमा 600 अक्षर।');
		expect(text).not.toContain('At most 600 characters.');
		expect(text).not.toContain('Write it in English');
		expect(html).toContain(tooLong.trim());

		// A new event whose organizer is left empty: the rest of what was typed stays in the form.
		const event = await nepali.post('/admin/content/event/new-0a1b2c3d4e5f?/save', { 'title.en': 'पाटनमा भित्ते चित्र', organizer_name: '  ', organizer_email: 'team@example.org' });
		expect(event.status).toBe(400);
		const eventHtml = await event.text();
		const eventText = textOf(eventHtml);
		expect(eventText).toContain('यो भर्नुहोस्।');
		expect(eventText).not.toContain('Fill this in.');
		expect(eventHtml).toContain('पाटनमा भित्ते चित्र');
		expect(eventHtml).toContain('team@example.org');
	});

	it('says it in English to someone who reads the admin in English', async () => {
		const response = await kathmandu.post('/admin/content/page/manifesto?/save', { ...(await pageForm('manifesto')), 'title.en': '' });
		expect(response.status).toBe(400);
		expect(textOf(await response.text())).toContain('Write it in English: every language falls back to it.');
	});
});
