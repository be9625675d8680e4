import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Localized } from '$lib/i18n/locales';
import { createTestDatabase } from '$lib/server/db/test-database';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { listAudit } from '$lib/server/shared/audit';
import { getJob } from '$lib/server/platform/jobs/job-queue';
import { createJobWorker } from '$lib/server/platform/jobs/job-worker';
import { readSiteVersion } from '$lib/server/platform/site-version';
import { getHomePage, getList, getSiteFrame, getTestimonials, getTextPage } from './content.service';
import { missingTranslations, type ItemData } from './content-items';
import { demoContent } from '$lib/server/demo/demo-content';
import { seedDemoContent } from '$lib/server/demo/demo-seed';
import {
	ContentConflictError,
	RevisionStateError,
	contentJobHandlers,
	deleteItem,
	diffRevisions,
	getEditable,
	getRevision,
	listContentItems,
	listRevisions,
	moveItem,
	newItemKey,
	publish,
	publishJobKind,
	publishScheduled,
	restore,
	saveDraft,
	schedule,
	unschedule,
	type Actor
} from './revisions.service';
import { auditBookmark, contentContext, expectNothingLeftWhenTheAuditEntryFails, withClock } from '../../../../tests/support/domain-contexts';

const ana: Actor = { id: 'user-ana', email: 'ana@example.org', name: 'Ana' };
const budi: Actor = { id: 'user-budi', email: 'budi@example.org', name: 'Budi' };

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

async function auditActions(handle: Handle, subject: string): Promise<string[]> {
	const { rows } = await listAudit(handle.db, { limit: 200 });
	return rows.filter((r) => r.subject === subject).map((r) => r.action).reverse();
}

/** The data of the item as the edit form would send it back: its newest version, with changes. */
async function editedData(handle: Handle, type: Parameters<typeof getEditable>[1], key: string, change: (data: ItemData) => void) {
	const editable = await getEditable(handle.db, type, key);
	const data = structuredClone(editable.pending?.data ?? editable.live!);
	change(data);
	return { data, base: editable.latestRevisionId };
}

describe('content revisions', () => {
	let handle: Handle;
	const content = () => contentContext(handle.db);
	beforeAll(async () => {
		handle = await createTestDatabase();
		await seedDemoContent(handle.db, demoContent, '2026-01-01T00:00:00.000Z');
		for (const actor of [ana, budi]) {
			await handle.db
				.insertInto('user')
				.values({ id: actor.id, name: actor.name!, email: actor.email, emailVerified: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', role: 'editor', locale: 'en', image: null, twoFactorEnabled: 0, disabledAt: null })
				.execute();
		}
	});
	afterAll(() => handle.dispose());

	it('keeps a draft off the public site until it is published, then serves it', async () => {
		const editable = await getEditable(handle.db, 'page', 'about');
		expect(editable.live?.title).toEqual(demoContent.pages.about.title);
		expect(editable.pending).toBeUndefined();
		expect(editable.latestRevisionId).toBeNull();

		const data = structuredClone(editable.live!);
		(data.title as Localized).en = 'Who we are, today';
		(data.body as Localized).es = '<p>Nuevo texto</p><script>alert(1)</script>';
		const { revision, created } = await saveDraft(content(), ana, { type: 'page', key: 'about', data, baseRevisionId: null });
		expect(created).toBe(true);
		expect(revision.status).toBe('draft');
		expect((revision.data.body as Localized).es).toBe('<p>Nuevo texto</p>');

		const versionBefore = await readSiteVersion(handle.db);
		expect((await getTextPage(handle.db, 'about', 'en')).title.text).toBe(demoContent.pages.about.title.en);
		const reopened = await getEditable(handle.db, 'page', 'about');
		expect(reopened.pending?.id).toBe(revision.id);
		expect(reopened.latestRevisionId).toBe(revision.id);

		const published = await publish(content(), ana, revision.id);
		expect(published).toMatchObject({ key: 'about', fields: ['title', 'body'], languages: ['en', 'es'] });
		expect((await getTextPage(handle.db, 'about', 'en')).title.text).toBe('Who we are, today');
		expect((await getTextPage(handle.db, 'about', 'es')).body.text).toBe('<p>Nuevo texto</p>');
		expect(await readSiteVersion(handle.db)).not.toBe(versionBefore);

		expect((await getRevision(handle.db, revision.id)).status).toBe('published');
		expect((await getEditable(handle.db, 'page', 'about')).pending).toBeUndefined();
		await expect(publish(content(), ana, revision.id)).rejects.toBeInstanceOf(RevisionStateError);

		const audit = await listAudit(handle.db, { limit: 10, action: 'content.published' });
		expect(audit.rows[0]).toMatchObject({ actor_email: 'ana@example.org', subject: 'page:about' });
		expect(JSON.parse(audit.rows[0]!.detail)).toMatchObject({ revision: revision.id, languages: ['en', 'es'], fields: ['title', 'body'] });
		expect(await auditActions(handle, 'page:about')).toEqual(['content.draft-saved', 'content.published']);
	});

	it('does not save a second, identical draft', async () => {
		const first = await editedData(handle, 'page', 'privacy', (d) => ((d.summary as Localized).en = 'Short and clear.'));
		const saved = await saveDraft(content(), ana, { type: 'page', key: 'privacy', data: first.data, baseRevisionId: first.base });
		const again = await saveDraft(content(), ana, { type: 'page', key: 'privacy', data: first.data, baseRevisionId: saved.revision.id });
		expect(again).toMatchObject({ created: false, revision: { id: saved.revision.id } });
		expect(await listRevisions(handle.db, 'page', 'privacy')).toHaveLength(1);
	});

	it('tells the second of two editors who started from the same revision, and loses nothing', async () => {
		const start = await getEditable(handle.db, 'page', 'manifesto');
		const anaData = structuredClone(start.live!);
		(anaData.title as Localized).en = 'Ana’s manifesto title';
		const budiData = structuredClone(start.live!);
		(budiData.summary as Localized).ne = 'बुदीको सारांश';

		const anaSaved = await saveDraft(content(), ana, { type: 'page', key: 'manifesto', data: anaData, baseRevisionId: start.latestRevisionId });
		const conflict = await saveDraft(content(), budi, { type: 'page', key: 'manifesto', data: budiData, baseRevisionId: start.latestRevisionId }).catch(
			(error: unknown) => error
		);
		expect(conflict).toBeInstanceOf(ContentConflictError);
		expect((conflict as ContentConflictError).latest).toMatchObject({ id: anaSaved.revision.id, authorName: 'Ana', authorEmail: 'ana@example.org' });
		expect((conflict as ContentConflictError).latest.createdAt).toBe(anaSaved.revision.createdAt);

		// Ana's draft is untouched and Budi's was not written over it.
		const after = await getEditable(handle.db, 'page', 'manifesto');
		expect(after.pending?.id).toBe(anaSaved.revision.id);
		expect((after.pending?.data.title as Localized).en).toBe('Ana’s manifesto title');
		expect((after.pending?.data.summary as Localized).ne).toBe(demoContent.pages.manifesto.summary.ne);
		expect(await listRevisions(handle.db, 'page', 'manifesto')).toHaveLength(1);

		// Having seen Ana's version, Budi saves on top of it, keeping both changes.
		(budiData.title as Localized).en = 'Ana’s manifesto title';
		const budiSaved = await saveDraft(content(), budi, { type: 'page', key: 'manifesto', data: budiData, baseRevisionId: anaSaved.revision.id });
		expect(budiSaved.revision.baseRevisionId).toBe(anaSaved.revision.id);
		const revisions = await listRevisions(handle.db, 'page', 'manifesto');
		expect(revisions.map((r) => [r.id, r.authorName])).toEqual([
			[budiSaved.revision.id, 'Budi'],
			[anaSaved.revision.id, 'Ana']
		]);
	});

	it('lets only one of two simultaneous saves from the same base through', async () => {
		const start = await getEditable(handle.db, 'core_value', String((await handle.db.selectFrom('core_value').select('id').orderBy('id').executeTakeFirstOrThrow()).id));
		const save = (actor: Actor, title: string) => {
			const data = structuredClone(start.live!);
			(data.title as Localized).en = title;
			return saveDraft(content(), actor, { type: 'core_value', key: start.key, data, baseRevisionId: start.latestRevisionId });
		};
		const results = await Promise.allSettled([save(ana, 'From Ana'), save(budi, 'From Budi')]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const rejected = results.filter((r) => r.status === 'rejected');
		expect(rejected).toHaveLength(1);
		expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ContentConflictError);
		expect(await listRevisions(handle.db, 'core_value', start.key)).toHaveLength(1);
	});

	it('refuses invalid data with field-level issues and drops unknown fields and languages', async () => {
		const editable = await getEditable(handle.db, 'pillar', String((await handle.db.selectFrom('pillar').select('id').orderBy('id').executeTakeFirstOrThrow()).id));
		const bad = { title: { en: '   ', es: 'Sólo español' }, body: { en: '<p>x</p>' } };
		const error = await saveDraft(content(), ana, { type: 'pillar', key: editable.key, data: bad, baseRevisionId: editable.latestRevisionId }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect(Object.keys((error as ValidationError).issues)).toEqual(['title.en']);

		const extra = { title: { en: 'A <b>plain</b> title\u0000', xx: 'unknown language' }, body: { en: '<p>ok</p>' }, position: 99, evil: '<script>' };
		const { revision } = await saveDraft(content(), ana, { type: 'pillar', key: editable.key, data: extra, baseRevisionId: editable.latestRevisionId });
		expect(revision.data).toEqual({ title: { en: 'A <b>plain</b> title' }, body: { en: '<p>ok</p>' } });
		const stored = await handle.db.selectFrom('content_revision').select('data').where('id', '=', revision.id).executeTakeFirstOrThrow();
		expect(JSON.parse(stored.data)).toEqual({ title: { en: 'A <b>plain</b> title' }, body: { en: '<p>ok</p>' } });
	});

	it('publishes the settings into the frame of every page', async () => {
		const { data, base } = await editedData(handle, 'organization', '1', (d) => {
			(d.tagline as Localized).id = 'Seni untuk semua';
			d.social_links = [{ label: 'Instagram', url: 'https://instagram.com/example' }];
			d.figure_participants = 123456;
		});
		const { revision } = await saveDraft(content(), ana, { type: 'organization', key: '1', data, baseRevisionId: base });
		expect((await getSiteFrame(handle.db, 'id')).tagline.text).toBe(demoContent.organization.tagline.id);
		const published = await publish(content(), ana, revision.id);
		expect(published.languages).toEqual(['id']);
		expect(published.fields).toEqual(['tagline', 'social_links', 'figure_participants']);
		const frame = await getSiteFrame(handle.db, 'id');
		expect(frame.tagline.text).toBe('Seni untuk semua');
		expect(frame.socialLinks).toEqual([{ label: 'Instagram', url: 'https://instagram.com/example' }]);
		expect((await getHomePage(handle.db, 'en', new Date())).figures.participants).toEqual({ value: 123456, pinned: true });
	});

	it('publishes a scheduled revision through the jobs queue, not before', async () => {
		const { data, base } = await editedData(handle, 'page', 'home', (d) => ((d.title as Localized).en = 'Scheduled home title'));
		const { revision } = await saveDraft(content(), budi, { type: 'page', key: 'home', data, baseRevisionId: base });

		await expect(schedule(content(), budi, revision.id, new Date(Date.now() - 60_000))).rejects.toBeInstanceOf(ValidationError);

		// Scheduled a minute from a "now" two minutes ago: due at once for the worker.
		const publishAt = new Date(Date.now() - 60_000);
		const scheduled = await schedule(withClock(content(), Date.now() - 120_000), budi, revision.id, publishAt);
		expect(scheduled).toMatchObject({ status: 'scheduled', publishAt: publishAt.toISOString() });
		const job = await handle.db.selectFrom('job').selectAll().where('kind', '=', publishJobKind).executeTakeFirstOrThrow();
		expect(job.run_at).toBe(publishAt.toISOString());
		expect(JSON.parse(job.payload)).toMatchObject({ revisionId: revision.id, publishAt: publishAt.toISOString() });
		expect((await getTextPage(handle.db, 'home', 'en')).title.text).toBe(demoContent.pages.home.title.en);

		let invalidated = 0;
		const worker = createJobWorker(handle.db, { handlers: contentJobHandlers({ onPublished: () => invalidated++ }) });
		expect(await worker.runOnce()).toBe(1);
		expect((await getJob(handle.db, job.id))?.status).toBe('done');
		expect(invalidated).toBe(1);
		expect((await getTextPage(handle.db, 'home', 'en')).title.text).toBe('Scheduled home title');
		expect((await getRevision(handle.db, revision.id)).status).toBe('published');

		const published = (await listAudit(handle.db, { limit: 1, action: 'content.published' })).rows[0]!;
		expect(published).toMatchObject({ subject: 'page:home', actor_email: 'budi@example.org' });
		expect(JSON.parse(published.detail)).toMatchObject({ scheduled: true, languages: ['en'] });

		// A second run of the same job (a worker that died before marking it done) changes nothing.
		expect(await publishScheduled(handle.db, job)).toBe(false);
		expect(await auditActions(handle, 'page:home')).toEqual(['content.draft-saved', 'content.scheduled', 'content.published']);
	});

	it('leaves a cancelled or moved schedule alone', async () => {
		const { data, base } = await editedData(handle, 'page', 'home', (d) => ((d.title as Localized).en = 'Moved home title'));
		const { revision } = await saveDraft(content(), ana, { type: 'page', key: 'home', data, baseRevisionId: base });
		const now = new Date(Date.now() - 600_000);
		const first = new Date(Date.now() - 300_000);
		const second = new Date(Date.now() - 200_000);
		await schedule(withClock(content(), now), ana, revision.id, first);
		// Only through its own item: the permission checked was for that item.
		await expect(unschedule(content(), ana, { type: 'page', key: 'about' }, revision.id)).rejects.toThrow(NotFoundError);
		expect((await getRevision(handle.db, revision.id)).status).toBe('scheduled');
		await unschedule(content(), ana, { type: 'page', key: 'home' }, revision.id);
		expect((await getRevision(handle.db, revision.id)).status).toBe('draft');
		await schedule(withClock(content(), now), ana, revision.id, second);

		const jobs = await handle.db.selectFrom('job').selectAll().where('kind', '=', publishJobKind).where('status', '=', 'pending').orderBy('id').execute();
		expect(jobs.map((j) => j.run_at)).toEqual([first.toISOString(), second.toISOString()]);
		expect(await publishScheduled(handle.db, jobs[0]!)).toBe(false);
		expect((await getTextPage(handle.db, 'home', 'en')).title.text).toBe('Scheduled home title');
		expect(await publishScheduled(handle.db, jobs[1]!)).toBe(true);
		expect((await getTextPage(handle.db, 'home', 'en')).title.text).toBe('Moved home title');
	});

	it('publishing a newer revision supersedes an older scheduled one, whose job then does nothing', async () => {
		const a = await editedData(handle, 'page', 'privacy', (d) => ((d.title as Localized).en = 'Scheduled privacy'));
		const older = await saveDraft(content(), ana, { type: 'page', key: 'privacy', data: a.data, baseRevisionId: a.base });
		await schedule(withClock(content(), new Date(Date.now() - 5000)), ana, older.revision.id, new Date(Date.now() - 1000));
		const b = await editedData(handle, 'page', 'privacy', (d) => ((d.title as Localized).en = 'Published privacy'));
		const newer = await saveDraft(content(), budi, { type: 'page', key: 'privacy', data: b.data, baseRevisionId: b.base });
		await publish(content(), budi, newer.revision.id);

		expect((await getRevision(handle.db, older.revision.id)).status).toBe('superseded');
		const worker = createJobWorker(handle.db, { handlers: contentJobHandlers() });
		await worker.runOnce();
		expect((await getTextPage(handle.db, 'privacy', 'en')).title.text).toBe('Published privacy');
	});

	it('restores an earlier revision as a new draft on top of the newest', async () => {
		const revisions = await listRevisions(handle.db, 'page', 'about');
		const first = revisions.at(-1)!;
		const b = await editedData(handle, 'page', 'about', (d) => ((d.title as Localized).en = 'A later about title'));
		const later = await saveDraft(content(), budi, { type: 'page', key: 'about', data: b.data, baseRevisionId: b.base });
		await publish(content(), budi, later.revision.id);
		expect((await getTextPage(handle.db, 'about', 'en')).title.text).toBe('A later about title');

		const restored = await restore(content(), ana, first.id);
		expect(restored).toMatchObject({ status: 'draft', baseRevisionId: later.revision.id, authorEmail: 'ana@example.org' });
		expect((restored.data.title as Localized).en).toBe('Who we are, today');
		// Restoring makes a draft: the public page is unchanged until it is published.
		expect((await getTextPage(handle.db, 'about', 'en')).title.text).toBe('A later about title');
		await publish(content(), ana, restored.id);
		expect((await getTextPage(handle.db, 'about', 'en')).title.text).toBe('Who we are, today');
		expect((await getRevision(handle.db, later.revision.id)).status).toBe('superseded');
		expect((await getRevision(handle.db, first.id)).status).toBe('superseded');
		expect((await listAudit(handle.db, { limit: 5, action: 'content.restored' })).rows[0]).toMatchObject({ subject: 'page:about' });
	});

	it('diffs two versions word by word, per field and language', async () => {
		const before: ItemData = {
			title: { en: 'Art for every street', es: 'Arte para cada calle', ne: 'हरेक गल्लीका लागि कला' },
			summary: { en: 'Same' },
			body: { en: '<p>Read <a href="https://example.org/old">the guide</a> now.</p>' }
		};
		const after: ItemData = {
			title: { en: 'Art for every village', es: 'Arte para cada calle', ne: 'हरेक गाउँका लागि कला' },
			summary: { en: 'Same' },
			body: { en: '<p>Read <a href="https://example.org/new">the guide</a> <strong>now</strong>.</p>' }
		};
		const diff = diffRevisions('page', before, after);
		const find = (field: string, language: string) => diff.find((d) => d.field === field && d.language === language)!;

		const titleEn = find('title', 'en');
		expect(titleEn.changed).toBe(true);
		expect(titleEn.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(['street']);
		expect(titleEn.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['village']);
		expect(titleEn.parts.filter((p) => !p.added && !p.removed).map((p) => p.value).join('')).toBe('Art for every ');

		const titleNe = find('title', 'ne');
		expect(titleNe.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(['गल्लीका']);
		expect(titleNe.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['गाउँका']);

		expect(find('title', 'es')).toMatchObject({ changed: false, parts: [{ value: 'Arte para cada calle', added: false, removed: false }] });
		expect(find('title', 'id')).toMatchObject({ changed: false, parts: [] });
		expect(find('summary', 'en').changed).toBe(false);

		// Rich text is compared as text: markup alone is no change; a link's address is.
		const body = find('body', 'en');
		expect(body.changed).toBe(true);
		expect(body.parts.some((p) => p.removed && p.value.includes('old'))).toBe(true);
		expect(body.parts.some((p) => p.added && p.value.includes('new'))).toBe(true);
		expect(body.parts.map((p) => p.value).join('')).not.toContain('<');

		const settings = diffRevisions('organization', { ...after, figure_years: 7, social_links: [] }, { ...after, figure_years: 8, social_links: [] });
		expect(settings.find((d) => d.field === 'figure_years')).toMatchObject({ language: null, changed: true });
	});

	it('adds a new list item through a draft, moves it, and deletes it, each change public and audited', async () => {
		const key = newItemKey();
		const blank = await getEditable(handle.db, 'testimonial', key);
		expect(blank).toMatchObject({ live: undefined, pending: undefined, latestRevisionId: null });

		const data = { quote: { en: 'It changed our street.' }, person: { en: 'A neighbour' }, role: { en: 'Resident' }, place: { en: 'Kathmandu' }, featured: true, is_example: true };
		const { revision } = await saveDraft(content(), ana, { type: 'testimonial', key, data, baseRevisionId: null });
		const groups = await listContentItems(handle.db);
		const waiting = groups.find((g) => g.type === 'testimonial')!.items.find((i) => i.key === key);
		expect(waiting).toMatchObject({ published: false, draft: { id: revision.id, by: 'Ana' }, missingCount: 3 * 4 });
		expect((await getTestimonials(handle.db, 'en')).map((t) => t.quote.text)).not.toContain('It changed our street.');

		const published = await publish(content(), ana, revision.id);
		expect(published.key).toMatch(/^\d+$/);
		const id = published.key;
		const texts = async () => (await getTestimonials(handle.db, 'en')).map((t) => t.quote.text);
		expect((await texts()).at(-1)).toBe('It changed our street.');
		// Its history moved to its new key.
		expect((await listRevisions(handle.db, 'testimonial', id)).map((r) => r.id)).toEqual([revision.id]);
		expect(await listRevisions(handle.db, 'testimonial', key)).toEqual([]);

		const countBefore = (await texts()).length;
		const version = await readSiteVersion(handle.db);
		expect(await moveItem(content(), budi, 'testimonial', id, 'up')).toBe(true);
		expect((await texts()).at(-2)).toBe('It changed our street.');
		expect(await readSiteVersion(handle.db)).not.toBe(version);
		expect(await moveItem(content(), budi, 'testimonial', id, 'down')).toBe(true);
		expect(await moveItem(content(), budi, 'testimonial', id, 'down')).toBe(false);
		expect((await texts()).at(-1)).toBe('It changed our street.');

		await deleteItem(content(), budi, 'testimonial', id);
		expect(await texts()).toHaveLength(countBefore - 1);
		expect(await texts()).not.toContain('It changed our street.');
		await expect(getEditable(handle.db, 'testimonial', id)).rejects.toThrow('Not found');
		expect(await auditActions(handle, `testimonial:${id}`)).toEqual(['content.published', 'content.reordered', 'content.reordered', 'content.deleted']);
		const deleted = (await listAudit(handle.db, { limit: 1, action: 'content.deleted' })).rows[0]!;
		expect(JSON.parse(deleted.detail)).toEqual({ title: 'It changed our street.' });
	});

	it('moves items of the agenda in the order the public pages use', async () => {
		const before = (await getList(handle.db, 'pillar', 'en')).map((p) => p.id);
		expect(before.length).toBeGreaterThanOrEqual(3);
		expect(await moveItem(content(), ana, 'pillar', String(before[0]), 'up')).toBe(false);
		expect(await moveItem(content(), ana, 'pillar', String(before[2]), 'up')).toBe(true);
		expect((await getList(handle.db, 'pillar', 'en')).map((p) => p.id)).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
		const event = (await listAudit(handle.db, { limit: 1, action: 'content.reordered' })).rows[0]!;
		expect(event).toMatchObject({ subject: `pillar:${before[2]}`, actor_email: 'ana@example.org' });
		expect(JSON.parse(event.detail).order).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
	});

	it('discards a new item that was never published', async () => {
		const key = newItemKey();
		await saveDraft(content(), ana, { type: 'activity', key, data: { title: { en: 'Never out' }, body: { en: '' } }, baseRevisionId: null });
		await deleteItem(content(), ana, 'activity', key);
		const activities = (await listContentItems(handle.db)).find((g) => g.type === 'activity')!.items;
		expect(activities.map((i) => i.key)).not.toContain(key);
		await expect(getEditable(handle.db, 'activity', key)).rejects.toThrow('Not found');
		expect(await auditActions(handle, `activity:${key}`)).toEqual(['content.draft-saved', 'content.discarded']);
	});

	it('shows the state of every item in the overview', async () => {
		const groups = await listContentItems(handle.db);
		expect(groups.map((g) => g.type)).toEqual(['organization', 'page', 'pillar', 'activity', 'core_value', 'testimonial', 'initiative_kind', 'initiative_program', 'event_kind']);
		const pages = groups.find((g) => g.type === 'page')!.items;
		expect(pages.map((p) => p.key)).toEqual(['home', 'about', 'manifesto', 'privacy']);
		// The manifesto has Budi's draft waiting; the about page's restored revision is published.
		expect(pages.find((p) => p.key === 'manifesto')).toMatchObject({ published: true, draft: { by: 'Budi' }, scheduledAt: null });
		expect(pages.find((p) => p.key === 'about')).toMatchObject({ draft: null, scheduledAt: null });

		const { data, base } = await editedData(handle, 'page', 'about', (d) => ((d.summary as Localized).en = 'Later'));
		const saved = await saveDraft(content(), ana, { type: 'page', key: 'about', data, baseRevisionId: base });
		const at = new Date(Date.now() + 86_400_000);
		await schedule(content(), ana, saved.revision.id, at);
		const about = (await listContentItems(handle.db)).find((g) => g.type === 'page')!.items.find((p) => p.key === 'about');
		expect(about).toMatchObject({ draft: null, scheduledAt: at.toISOString() });
	});

	it('publishes together with the audit entry and the new site version, or not at all', async () => {
		const { data, base } = await editedData(handle, 'page', 'privacy', (d) => ((d.summary as Localized).en = 'Said plainly.'));
		const { revision } = await saveDraft(content(), ana, { type: 'page', key: 'privacy', data, baseRevisionId: base });
		const liveSummary = async () => ((await getEditable(handle.db, 'page', 'privacy')).live?.summary as Localized).en;
		await expectNothingLeftWhenTheAuditEntryFails(handle.db, (failing) => publish({ ...content(), db: failing }, ana, revision.id));
		expect((await getRevision(handle.db, revision.id)).status).toBe('draft');
		expect(await liveSummary()).not.toBe('Said plainly.');

		const audit = await auditBookmark(handle.db);
		await publish(content(), ana, revision.id);
		expect(await liveSummary()).toBe('Said plainly.');
		expect((await audit.entries()).map((entry) => [entry.action, entry.actor_email, entry.subject])).toEqual([['content.published', ana.email, 'page:privacy']]);
	});
});

describe('missingTranslations', () => {
	it('lists, per translated field, the languages left empty', () => {
		const data: ItemData = {
			title: { en: 'Title', es: 'Título', ne: '  ' },
			summary: { en: '' },
			body: { en: '<p>Text</p>', ne: '<p></p>', id: '<p>Teks</p>', es: '<p><br></p>' }
		};
		expect(missingTranslations('page', data)).toEqual([
			{ field: 'title', label: 'Title', languages: ['ne', 'id'] },
			{ field: 'body', label: 'Text', languages: ['ne', 'es'] }
		]);
		expect(missingTranslations('page', { title: { en: 'a', ne: 'b', id: 'c', es: 'd' }, summary: { en: '' }, body: { en: '' } })).toEqual([]);
	});

	it('looks into the translated lines of rows too', () => {
		const all = { en: 'x', ne: 'x', id: 'x', es: 'x' };
		const data: ItemData = {
			title: all,
			figures: [
				{ label: all, value: 10, source: '', participants: false },
				{ label: { en: 'Walls painted', es: 'Muros pintados' }, value: 12, source: '', participants: false }
			],
			gallery: [{ media_id: 3, caption: { en: '' }, credit: '' }]
		};
		expect(missingTranslations('initiative', data).filter((m) => m.field.includes('.'))).toEqual([
			{ field: 'figures.1.label', label: 'Impact figures 2: What was counted', languages: ['ne', 'id'] }
		]);
	});
});
