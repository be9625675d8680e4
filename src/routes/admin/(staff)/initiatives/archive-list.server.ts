import { adminUrls } from '$lib/admin/urls';
import { m } from '$lib/paraglide/messages';
import { can } from '$lib/people/roles';
import type { ArchiveListData } from '$lib/admin/archive-list';
import { app } from '$lib/server/app';
import { editorChoices, listArchiveItems } from '$lib/server/content/archive-admin';
import { contentItems, type ArchiveItemType } from '$lib/server/content/content-items';
import { fail } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/people/guard';
import { deleteItem } from '$lib/server/content/revisions.service';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { actorOf } from '../content/content-route';
import { idFrom, pageFrom, searchTextFrom } from '$lib/server/platform/route-params';

const perPage = 50;

/** The admin's list of initiatives, stories or events: words of the title, status, kind (not for stories) and year (initiatives), a page at a time. */
export async function loadArchiveList(type: ArchiveItemType, event: { locals: App.Locals; url: URL }): Promise<ArchiveListData> {
	const staff = requirePermission(event.locals, event.url, 'content.edit');
	const { url } = event;
	const { db } = app();
	const query = searchTextFrom(url, 'q', 100);
	const statusText = url.searchParams.get('status');
	const status = statusText === 'published' || statusText === 'draft' ? statusText : undefined;
	const hasKinds = type === 'initiative' || type === 'event';
	const kindId = hasKinds ? idFrom(url.searchParams.get('kind')) : undefined;
	const yearText = url.searchParams.get('year') ?? '';
	const year = type === 'initiative' && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
	const page = pageFrom(url);
	const list = await listArchiveItems(db, type, { query, status, kindId, year }, page, perPage);
	const kinds = hasKinds ? ((await editorChoices(db, contentItems[type].fields.filter((f) => f.name === 'kind_id'))).kind_id ?? []) : [];
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

/**
 * Deletes an initiative, a story or an event from the site (its history stays),
 * or discards one never published. A refusal (an event people registered for)
 * comes back as `refused`, in words to show.
 */
export async function deleteArchiveItem(type: ArchiveItemType, event: { locals: App.Locals; url: URL; request: Request }) {
	const staff = requirePermission(event.locals, event.url, 'content.publish');
	const { key } = deleteForm.read(await event.request.formData());
	if (!key) return fail(400, { deleted: false });
	try {
		await deleteItem(app().content, actorOf(staff), type, key);
	} catch (e) {
		return failWith(e, (issues) => ({ deleted: false, refused: issues.delete ?? Object.values(issues)[0] ?? m.archive_could_not_delete(), key }));
	}
	return { deleted: true };
}

export { adminUrls };
