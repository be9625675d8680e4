/**
 * The "your time" page in Chromium: without JavaScript it is a plain GET form;
 * with it, /your-time.js remembers the zone picked and opens the next session's
 * page in it, under the site's Content-Security-Policy (no console complaint,
 * so no blocked script). No axe violations, narrow or wide.
 *
 * The browser suite has no `$lib` alias, so the session is written with
 * node:sqlite into the server's own database, as publishing and the session
 * commands leave it.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectFitsWidth, expectNoAxeViolations, openContext, useServerAndBrowser, visit } from '../support/browser.ts';
import { viewports } from '../support/pages.ts';

const suite = useServerAndBrowser();
const sessions: number[] = [];

beforeAll(() => {
	const db = new DatabaseSync(join(suite.server.dataDir, 'site.sqlite'));
	db.exec('PRAGMA busy_timeout = 5000');
	try {
		const at = new Date().toISOString();
		const kind = db.prepare(`INSERT INTO event_kind (position, key, name, updated_at) VALUES (99, 'your-time-test', '{"en":"Talk"}', ?) RETURNING id`).get(at) as { id: number };
		const event = db
			.prepare(
				`INSERT INTO event (slug, kind_id, title, summary, body, organizer_name, organizer_email, access, published_at, updated_at)
				 VALUES ('online-talk', ?, '{"en":"Online talk","ne":"अनलाइन वार्ता"}', '{"en":"A talk."}', '{"en":"<p>A talk.</p>"}', 'Micro Galleries', 'events@example.org', '{}', ?, ?) RETURNING id`
			)
			.get(kind.id, at, at) as { id: number };
		// 18:00 in Kathmandu (+05:45) on two days: 12:15 UTC.
		for (const day of ['2027-01-15', '2027-01-22']) {
			const row = db
				.prepare(
					`INSERT INTO event_session (event_id, starts_local, ends_local, time_zone, starts_at, ends_at, online, online_url, created_at, updated_at)
					 VALUES (?, ?, ?, 'Asia/Kathmandu', ?, ?, 1, 'https://meet.example.org/talk', ?, ?) RETURNING id`
				)
				.get(event.id, `${day}T18:00`, `${day}T19:30`, `${day}T12:15:00.000Z`, `${day}T13:45:00.000Z`, at, at) as { id: number };
			sessions.push(row.id);
		}
	} finally {
		db.close();
	}
});

const pathOf = (session: number) => `/events/sessions/${session}/your-time`;

describe('with JavaScript', () => {
	test('remembers the zone picked and opens the next session in it, under the site’s policy', async () => {
		const opened = await openContext(suite.browser, suite.origin, { javaScriptEnabled: true });
		try {
			const page = await opened.newPage();
			await visit(page, suite.origin + pathOf(sessions[0]!));
			expect(await page.inputValue('#zone')).toBe('UTC');
			expect(await page.textContent('#time-in-your-zone')).toContain('UTC+00:00');

			await page.selectOption('#zone', 'Asia/Tokyo');
			await Promise.all([page.waitForURL(/zone=Asia%2FTokyo/), page.click('#your-time-form button[type=submit]')]);
			expect(await page.textContent('#time-in-your-zone')).toMatch(/9:15.*UTC\+09:00/);

			// Another session's page, opened without a zone: shown in the one picked.
			await page.goto(suite.origin + pathOf(sessions[1]!));
			await page.waitForURL(/zone=Asia%2FTokyo/);
			await page.waitForSelector('#time-in-your-zone');
			expect(await page.inputValue('#zone')).toBe('Asia/Tokyo');
			expect(await page.textContent('#time-in-your-zone')).toMatch(/January 22, 2027.*UTC\+09:00/);

			// A zone in the address wins over the one remembered.
			await visit(page, `${suite.origin}${pathOf(sessions[1]!)}?zone=Europe/Madrid`);
			expect(await page.textContent('#time-in-your-zone')).toContain('UTC+01:00');
			expect(opened.problems).toEqual([]);
			expect(opened.foreignRequests()).toEqual([]);
		} finally {
			await opened.close();
		}
	});
});

describe('without JavaScript', () => {
	test('is a form that works by itself, in UTC until a zone is picked', async () => {
		const opened = await openContext(suite.browser, suite.origin);
		try {
			const page = await opened.newPage();
			await visit(page, suite.origin + '/ne' + pathOf(sessions[0]!));
			expect(await page.getAttribute('html', 'lang')).toBe('ne');
			expect(await page.textContent('#time-in-your-zone')).toContain('UTC+००:००');
			await page.selectOption('#zone', 'America/New_York');
			await Promise.all([page.waitForURL(/zone=America%2FNew_York/), page.click('#your-time-form button[type=submit]')]);
			expect(await page.textContent('#time-in-your-zone')).toContain('UTC-०५:००');
		} finally {
			await opened.close();
		}
	});

	test.each(Object.entries(viewports))('has no axe violations and fits the width (%s)', async (_name, viewport) => {
		const opened = await openContext(suite.browser, suite.origin, { javaScriptEnabled: true, viewport });
		try {
			const page = await opened.newPage();
			await visit(page, `${suite.origin}${pathOf(sessions[0]!)}?zone=Asia/Kathmandu`);
			await expectNoAxeViolations(page, pathOf(sessions[0]!));
			await expectFitsWidth(page, viewport.width, pathOf(sessions[0]!));
		} finally {
			await opened.close();
		}
	});
});
