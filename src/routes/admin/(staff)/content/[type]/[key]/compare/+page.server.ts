import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { contentItems, isLocalizedField, type ItemData } from '$lib/server/content/content-items';
import { diffRevisions, getEditable, getRevision } from '$lib/server/content/revisions.service';
import { requirePermission } from '$lib/server/people/guard';
import { idFrom } from '$lib/server/platform/route-params';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { m } from '$lib/paraglide/messages';
import { contentAnswers, itemTypeOf } from '../../../content-route';
import { fieldWord } from '../../../field-words';

export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'content.edit');
	const type = itemTypeOf(params.type);
	requirePermission(locals, url, contentItems[type].editPermission);
	const { db } = app();
	const editable = await getEditable(db, type, params.key);

	const side = async (value: string | null): Promise<{ label: string; data: ItemData | undefined }> => {
		if (value === 'live') return { label: m.contentadmin_the_site_now(), data: editable.live };
		const id = idFrom(value);
		if (!id) error(400, m.contentadmin_choose_two());
		const revision = await getRevision(db, id);
		if (revision.type !== type || revision.key !== params.key) error(404, m.contentadmin_other_item());
		return { label: m.contentadmin_version_n({ id: revision.id }), data: revision.data };
	};
	const [from, to] = await Promise.all([side(url.searchParams.get('from')), side(url.searchParams.get('to'))]);
	if (!to.data) error(404, m.contentadmin_nothing_to_compare());

	const diffs = diffRevisions(type, from.data, to.data);
	return {
		item: { type, key: params.key },
		from: from.label,
		to: to.label,
		fields: contentItems[type].fields.map((field) => ({
			name: field.name,
			label: fieldWord(field.label),
			localized: isLocalizedField(field),
			rows: diffs.filter((d) => d.field === field.name).map((d) => (field.kind === 'flag' || field.kind === 'choice' ? { ...d, parts: d.parts.map((p) => ({ ...p, value: valueWord(p.value) })) } : d))
		}))
	};
}, contentAnswers) satisfies PageServerLoad;


/** A ticked box's "yes" / "no" and a choice's option, as the diff names them, in the staff person's language. */
function valueWord(value: string): string {
	if (value === 'yes') return m.contentadmin_yes();
	if (value === 'no') return m.contentadmin_no();
	return fieldWord(value);
}
