import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect.ts';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser } from '../support/browser.ts';
import { signedInPage } from '../support/staff.ts';

/*
 * An editor at the door of a session, on a phone: the people registered, the
 * message form, the door list and the check-in page are free of axe violations
 * and fit 360 px; with JavaScript and a camera (here a stand-in BarcodeDetector
 * reading a ticket's QR code from a blank camera picture) a scan finds the
 * ticket and one tap checks the person in; without JavaScript the code form does
 * the same. Nothing is loaded from elsewhere and the CSP is never broken.
 */

const env = useServerAndBrowser();
let database: DatabaseHandle | undefined;

afterAll(async () => {
	await database?.close();
});

async function seed() {
	database = await openDatabase({ sqlitePath: join(env.server.dataDir, 'site.sqlite') });
	const db = database.db;
	const at = new Date().toISOString();
	// Written straight into the tables (the browser suite runs without the app's $lib aliases that the shared fixture needs).
	const kind = await db.insertInto('event_kind').values({ position: 99, key: 'door-test', name: JSON.stringify({ en: 'Door test' }), updated_at: at }).returning('id').executeTakeFirstOrThrow();
	const event = await db
		.insertInto('event')
		.values({
			slug: 'lantern-evening-door',
			kind_id: kind.id,
			initiative_id: null,
			title: JSON.stringify({ en: 'Lantern evening' }),
			summary: JSON.stringify({ en: 'Paper lanterns by the river.' }),
			body: JSON.stringify({ en: '<p>Bring a candle.</p>' }),
			cover_media_id: null,
			organizer_name: 'Micro Galleries',
			organizer_email: 'events@example.org',
			access: JSON.stringify({ languages: ['en'], note: {} }),
			questions: JSON.stringify([{ key: 'access', label: { en: 'Anything we should know?' }, required: false }]),
			published_at: at,
			updated_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const { id: session } = await db
		.insertInto('event_session')
		.values({
			event_id: event.id,
			starts_local: '2027-02-06T17:00',
			ends_local: '2027-02-06T19:00',
			time_zone: 'Asia/Kathmandu',
			starts_at: '2027-02-06T11:15:00.000Z',
			ends_at: '2027-02-06T13:15:00.000Z',
			online_url: null,
			latitude: null,
			longitude: null,
			venue_name: 'Patan Museum courtyard',
			capacity: 10,
			registration_opens_at: null,
			registration_closes_at: null,
			moved_at: null,
			created_at: at,
			updated_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const people = [
		{ name: 'Asha Gurung', email: 'asha@example.org', code: 'QRC4DE', party_size: 2, status: 'confirmed' as const },
		{ name: 'Bikash Rai', email: 'bikash@example.org', code: 'TYP3DX', party_size: 1, status: 'confirmed' as const },
		{ name: 'Chandra Tamang', email: 'chandra@example.org', code: 'WAT7NG', party_size: 1, status: 'waiting' as const }
	];
	for (const p of people) {
		await db
			.insertInto('registration')
			.values({ ...p, session_id: session, token_hash: `hash-${p.code}`, locale: 'en', answers: JSON.stringify({ access: 'A chair near the door' }), consent_text: 'Yes.', confirmed_at: p.status === 'confirmed' ? at : null, waiting_since: p.status === 'waiting' ? at : null, created_at: at, updated_at: at })
			.execute();
	}
	return `${env.origin}/admin/events/${event.id}/sessions/${session}`;
}

describe('the door on a phone', () => {
	it('checks a ticket in from its QR code, and the staff pages of a session pass axe at 360 px', async () => {
		const base = await seed();
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
		// A camera and a browser that reads QR codes: the camera shows a blank picture, the "reader" sees Asha's ticket in it.
		await ctx.context.addInitScript(() => {
			const canvas = document.createElement('canvas');
			canvas.width = 64;
			canvas.height = 64;
			Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia: async () => canvas.captureStream(5) } });
			(globalThis as unknown as { BarcodeDetector: unknown }).BarcodeDetector = class {
				static async getSupportedFormats() {
					return ['qr_code'];
				}
				async detect() {
					return [{ rawValue: 'qrc4de' }];
				}
			};
		});
		const page = await signedInPage(env.server, ctx, 'door-editor@example.org', 'editor');

		for (const [path, label] of [
			['/registrations', 'people registered'],
			['/message', 'message'],
			['/door-list', 'door list']
		] as const) {
			await page.goto(`${base}${path}`);
			await expectNoAxeViolations(page, label);
			await expectFitsWidth(page, 360, label);
		}

		// Printed: the list alone, a box to tick on each line, no navigation, no buttons.
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.admin-header').isVisible()).toBe(false);
		expect(await page.locator('nav[aria-label="This session"]').isVisible()).toBe(false);
		expect(await page.locator('#door-list .box').evaluateAll((boxes) => boxes.filter((b) => (b as HTMLElement).offsetWidth > 0).length)).toBe(2);
		expect(await page.locator('#door-list input[type=checkbox]').first().isVisible()).toBe(false);
		expect(await page.locator('button:has-text("Check in everyone ticked")').isVisible()).toBe(false);
		await page.emulateMedia({ media: 'screen' });
		expect(await page.locator('#door-list input[type=checkbox]').first().isVisible()).toBe(true);

		await page.goto(`${base}/check-in`);
		await expectNoAxeViolations(page, 'check-in');
		await expectFitsWidth(page, 360, 'check-in');
		await page.click('button:has-text("Scan the QR code on a ticket")');
		await page.waitForURL(/\/check-in\?code=qrc4de$/);
		await page.click('button:has-text("Check in Asha Gurung")');
		await page.locator('[role=status]:has-text("Asha Gurung is checked in.")').waitFor();
		await page.locator('#checked-in-count:has-text("1 of 2")').waitFor();
		await expectNoAxeViolations(page, 'check-in, after');
		const row = await database!.db.selectFrom('registration').select(['checked_in_by']).where('code', '=', 'QRC4DE').executeTakeFirstOrThrow();
		expect(row.checked_in_by).toBe('door-editor@example.org');

		expect(ctx.foreignRequests()).toEqual([]);
		expect(ctx.problems.filter((p) => /Content Security Policy|page error|Permissions policy/i.test(p))).toEqual([]);
		await ctx.close();
	}, 120_000);

	it('checks in by the typed code without JavaScript, and shows no scanner', async () => {
		const ctx = await openContext(env.browser, env.origin, { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
		const page = await signedInPage(env.server, ctx, 'door-editor-2@example.org', 'editor');
		const session = await database!.db.selectFrom('registration').select('session_id').where('code', '=', 'TYP3DX').executeTakeFirstOrThrow();
		const event = await database!.db.selectFrom('event_session').select('event_id').where('id', '=', session.session_id).executeTakeFirstOrThrow();
		await page.goto(`${env.origin}/admin/events/${event.event_id}/sessions/${session.session_id}/check-in`);
		expect(await page.locator('button:has-text("Scan the QR code")').count()).toBe(0);
		await page.fill('#door-code', 'typ 3dx');
		await page.click('form[aria-label="Find by ticket code"] button');
		await page.click('button:has-text("Check in Bikash Rai")');
		await page.locator('[role=status]:has-text("Bikash Rai is checked in.")').waitFor();
		// The search stays in the address, so the person found stays on the page.
		expect(page.url()).toContain('code=typ%203dx');
		await ctx.close();
	}, 120_000);
});
