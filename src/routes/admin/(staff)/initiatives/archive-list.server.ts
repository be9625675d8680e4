import { adminUrls } from '$lib/admin/urls';
import { can } from '$lib/people/roles';
import type { ArchiveListData } from '$lib/admin/archive-list';
import { app } from '$lib/server/app';
import { editorChoices, listArchiveItems } from '$lib/server/content/archive-admin';
import { contentItems } from '$lib/server/content/content-items';
import { fail } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/people/guard';
import { deleteItem } from '$lib/server/content/revisions.service';
import { formField, formSchema } from '$lib/server/platform/forms';
import { actorOf } from '../content/content-route';
import { idFrom, pageFrom, searchTextFrom } from '$lib/server/platform/route-params';

const perPage = 50;

/** The admin's list of initiatives or stories: words of the title, status, kind and year, a page at a time. */
export async function loadArchiveList(type: 'initiative' | 'story', event: { locals: App.Locals; url: URL }): Promise<ArchiveListData> {
	const staff = requirePermission(event.locals, event.url, 'content.edit');
	const { url } = event;
	const { db } = app();
	const query = searchTextFrom(url, 'q', 100);
	const statusText = url.searchParams.get('status');
	const status = statusText === 'published' || statusText === 'draft' ? statusText : undefined;
	const kindId = type === 'initiative' ? idFrom(url.searchParams.get('kind')) : undefined;
	const yearText = url.searchParams.get('year') ?? '';
	const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
	const page = pageFrom(url);
	const list = await listArchiveItems(db, type, { query, status, kindId, year }, page, perPage);
	const kinds = type === 'initiative' ? ((await editorChoices(db, contentItems.initiative.fields)).kind_id ?? []) : [];
	return {
		type,
		title: contentItems[type].groupLabel,
		itemLabel: contentItems[type].label.toLowerCase(),
		...list,
		page,
		query,
		status: status ?? '',
		kinds,
		kind: kindId ? String(kindId) : '',
		year: year ? String(year) : '',
		canDelete: can(staff.role, 'content.publish')
	};
}

const deleteForm = formSchema({ key: formField.text(40) });

/** Deletes an initiative or a story from the site (its history stays), or discards one never published. */
export async function deleteArchiveItem(type: 'initiative' | 'story', event: { locals: App.Locals; url: URL; request: Request }) {
	const staff = requirePermission(event.locals, event.url, 'content.publish');
	const { key } = deleteForm.read(await event.request.formData());
	if (!key) return fail(400, { deleted: false });
	await deleteItem(app().content, actorOf(staff), type, key);
	return { deleted: true };
}

export { adminUrls };
