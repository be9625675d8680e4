import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { contentItems, isLocalizedField, type ItemData } from '$lib/server/content/content-items';
import { diffRevisions, getEditable, getRevision } from '$lib/server/content/revisions.service';
import { requirePermission } from '$lib/server/people/guard';
import { idFrom } from '$lib/server/platform/route-params';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { contentAnswers, itemTypeOf } from '../../../content-route';

export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'content.edit');
	const type = itemTypeOf(params.type);
	requirePermission(locals, url, contentItems[type].editPermission);
	const { db } = app();
	const editable = await getEditable(db, type, params.key);

	const side = async (value: string | null): Promise<{ label: string; data: ItemData | undefined }> => {
		if (value === 'live') return { label: 'the site now', data: editable.live };
		const id = idFrom(value);
		if (!id) error(400, 'Choose two versions to compare.');
		const revision = await getRevision(db, id);
		if (revision.type !== type || revision.key !== params.key) error(404, 'That version belongs to another item.');
		return { label: `version #${revision.id}`, data: revision.data };
	};
	const [from, to] = await Promise.all([side(url.searchParams.get('from')), side(url.searchParams.get('to'))]);
	if (!to.data) error(404, 'Nothing to compare with.');

	const diffs = diffRevisions(type, from.data, to.data);
	return {
		item: { type, key: params.key },
		from: from.label,
		to: to.label,
		fields: contentItems[type].fields.map((field) => ({
			name: field.name,
			label: field.label,
			localized: isLocalizedField(field),
			rows: diffs.filter((d) => d.field === field.name)
		}))
	};
}, contentAnswers) satisfies PageServerLoad;

