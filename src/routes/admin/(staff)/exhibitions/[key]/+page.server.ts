import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { adminUrls } from '$lib/admin/urls';
import { displayNames } from '$lib/i18n/intl';
import { locales } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { isValidKey, type RowData } from '$lib/server/content/content-items';
import { NotFoundError } from '$lib/server/platform/errors';
import { ContentConflictError, getEditable, itemTitle } from '$lib/server/content/revisions.service';
import { coverageReport } from '$lib/server/exhibitions/exhibition-coverage';
import { moveItemRow } from '$lib/server/content/row-order';
import { parseLocalized } from '$lib/server/shared/localized-text';
import { requirePermission } from '$lib/server/people/guard';
import { formField, formSchema } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { actorOf, contentAnswers } from '../../content/content-route';

/** An exhibition's works for staff: their order, and per language which lack alt text or a long description. */
/** A key no exhibition can have (not a row id, not a new item's) is not found, before any query. */
function exhibitionKey(key: string): string {
	if (!isValidKey('exhibition', key)) throw new NotFoundError(`exhibition ${key}`);
	return key;
}

export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'exhibitions.manage');
	exhibitionKey(params.key);
	const { db } = app();
	const editable = await getEditable(db, 'exhibition', params.key);
	const data = editable.pending?.data ?? editable.live;
	if (!data) redirect(303, adminUrls.content.item('exhibition', params.key));
	const rows = data.works as RowData[];
	const ids = [...new Set(rows.map((w) => Number(w.artwork_id)))];
	const titles = new Map(ids.length ? (await db.selectFrom('artwork').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => [r.id, parseLocalized(r.title).en]) : []);
	return {
		key: params.key,
		title: itemTitle('exhibition', data),
		published: editable.live !== undefined,
		slug: String(data.slug),
		pending: editable.pending ? { id: editable.pending.id, status: editable.pending.status } : null,
		works: rows.map((w, i) => ({ position: i + 1, artworkId: Number(w.artwork_id), title: titles.get(Number(w.artwork_id)) ?? m.contentadmin_exh_no_such_work(), section: String(w.section_key ?? '') })),
		coverage: await coverageReport(
			db,
			rows.map((w) => Number(w.artwork_id)),
			data.languages as string[]
		),
		// Languages by their names in the staff person's language.
		languages: locales.map((l) => ({ locale: l, name: languageNames().of(l) ?? l })),
		moved: url.searchParams.get('moved')
	};
}, contentAnswers) satisfies PageServerLoad;

const languageNames = () => displayNames(getLocale(), { type: 'language' });

const moveForm = formSchema({ position: formField.id(), direction: formField.oneOf(['up', 'down'] as const), to: formField.id() });

export const actions = {
	move: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'exhibitions.manage');
		exhibitionKey(params.key);
		// Up or Down from the buttons; `to` (a place) from dragging a row.
		const { position, direction, to } = moveForm.read(await request.formData());
		const where = direction ?? to;
		if (!position || !where) return fail(400, { problem: m.contentadmin_exh_choose_move() });
		let now: number;
		try {
			now = await moveItemRow(app().content, actorOf(staff), { type: 'exhibition', key: params.key, field: 'works' }, position, where);
		} catch (e) {
			if (e instanceof ContentConflictError) return fail(409, { problem: m.contentadmin_exh_conflict() });
			throw e;
		}
		redirect(303, `${adminUrls.exhibitions.exhibition(params.key)}?moved=${now}`);
	}, contentAnswers)
} satisfies Actions;
