import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEditable, getRevision, saveDraft, schedule } from '$lib/server/content/revisions.service';
import { startTestServer, type TestServer } from '../support/http';
import { AdminClient, signedIn } from '../support/staff';
import { contentContext } from '../support/domain-contexts';
import { all, checks, type Role } from '../support/admin-matrix';

/*
 * Every admin page and action against every role: allowed, or refused (403 for
 * a signed-in person without the right, a redirect to the sign-in page for
 * nobody). The table is the specification; a second test fails when a route or
 * action exists that the table does not list, so nothing new goes unchecked.
 */

/** Sign-out and the pages reached before signing in are not behind a role; they are tested elsewhere. */
const outsideTheMatrix = new Set(['/admin/(staff)/logout']);

const routesDir = join(import.meta.dirname, '..', '..', 'src', 'routes');

function discoverStaffRoutes(): { route: string; get: boolean; actions: string[] }[] {
	const found: { route: string; get: boolean; actions: string[] }[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (entry === '+page.server.ts' || entry === '+server.ts') {
				const source = readFileSync(path, 'utf8');
				const route = '/' + relative(routesDir, dir).split('\\').join('/');
				const actionsBlock = source.split('export const actions')[1] ?? '';
				const actions = [...actionsBlock.matchAll(/^\t([A-Za-z]+): /gm)].map((m) => m[1]!);
				found.push({ route, get: entry === '+server.ts' ? /export const GET/.test(source) : /export const load/.test(source), actions });
			}
		}
	};
	walk(join(routesDir, 'admin', '(staff)'));
	return found;
}

describe('admin authorization matrix', () => {
	let test: TestServer;
	const password = 'every lane an open gallery';
	const emails: Record<Role, string> = { admin: 'a@example.org', editor: 'e@example.org', reviewer: 'r@example.org' };
	const clients = {} as Record<Role | 'anonymous', AdminClient>;

	beforeAll(async () => {
		test = await startTestServer();
		clients.anonymous = new AdminClient(test.origin);
		for (const role of all) clients[role] = await signedIn(test, emails[role], role, password);
	}, 120_000);
	afterAll(() => test?.stop());

	it('lists every route and action of the staff admin', () => {
		const listed = new Set(checks.map((c) => `${c.method} ${c.route}${c.action ? ` ${c.action}` : ''}`));
		const unlisted: string[] = [];
		for (const route of discoverStaffRoutes()) {
			if (outsideTheMatrix.has(route.route)) continue;
			if (route.get && !listed.has(`GET ${route.route}`)) unlisted.push(`GET ${route.route}`);
			for (const action of route.actions) if (!listed.has(`POST ${route.route} ${action}`)) unlisted.push(`POST ${route.route} ${action}`);
		}
		expect(unlisted).toEqual([]);
	});

	describe.each(checks)('$method $path', (check) => {
		const send = (client: AdminClient) => (check.method === 'GET' ? client.get(check.path) : client.post(check.path, {}));

		it('sends someone not signed in to the sign-in page', async () => {
			const response = await send(clients.anonymous);
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/admin\/login\?next=/);
		});

		it.each(all)('as %s', async (role) => {
			const response = await send(clients[role]);
			const body = await response.text();
			if (check.allowed.includes(role)) {
				expect(response.status, body.slice(0, 300)).not.toBe(403);
				expect(response.status).toBeLessThan(500);
				expect(response.headers.get('location') ?? '').not.toMatch(/^\/admin\/login/);
			} else {
				expect(response.status).toBe(403);
				// Nothing of what the page would show: no one's address, no admin data.
				for (const email of Object.values(emails)) if (email !== emails[role]) expect(body).not.toContain(email);
			}
		});
	});

	it('lets an action touch only a revision of its own page: an editor cannot cancel an admin-only scheduled change through a page they may edit', async () => {
		const database = await test.openDatabase();
		try {
			const admin = { id: 'admin-of-the-test', email: emails.admin };
			const editable = await getEditable(database.db, 'organization', '1');
			const data = { ...structuredClone(editable.pending?.data ?? editable.live!), name: 'Renamed on the first of the month' };
			const { revision } = await saveDraft(contentContext(database.db), admin, { type: 'organization', key: '1', data, baseRevisionId: editable.latestRevisionId });
			await schedule(contentContext(database.db), admin, revision.id, new Date(Date.now() + 7 * 24 * 60 * 60_000));

			const response = await clients.editor.post('/admin/content/page/about?/unschedule', { revision: String(revision.id) });
			expect(response.status).toBe(404);
			expect((await getRevision(database.db, revision.id)).status).toBe('scheduled');

			// On its own page, by someone who may change it, the same request works.
			expect((await clients.admin.post('/admin/content/organization/1?/unschedule', { revision: String(revision.id) })).status).toBe(200);
			expect((await getRevision(database.db, revision.id)).status).toBe('draft');
		} finally {
			await database.close();
		}
	});
});
