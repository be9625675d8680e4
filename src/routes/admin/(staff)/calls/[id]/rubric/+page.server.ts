import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { listCriteria, reviewLimits, saveCriteria, type CriterionInput } from '$lib/server/calls/review.service';
import { ValidationError } from '$lib/server/platform/errors';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import type { CriterionRow } from './rubric-form';
import { callIdOf, existingCall, explain, localizedFrom, permission, stringOf } from '../../calls-route';

/*
 * The rubric is one form: every criterion in a row, plus an empty row for a new
 * one. Moving a row, removing rows and adding one all save the whole form, so
 * nothing typed is lost and it all works without JavaScript.
 */

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, permission);
	const { db } = app();
	const call = await existingCall(db, callIdOf(params.id));
	const criteria = await listCriteria(db, call.id);
	const scored = await db
		.selectFrom('review_score')
		.innerJoin('review_criterion', 'review_criterion.id', 'review_score.criterion_id')
		.select('review_criterion.id')
		.where('review_criterion.call_id', '=', call.id)
		.limit(1)
		.executeTakeFirst();
	return {
		rows: criteria.map((c): CriterionRow => ({ id: String(c.id), label: { ...c.label }, weight: String(c.weight), remove: false })),
		scored: scored !== undefined,
		limits: { label: reviewLimits.criterionLabel, weight: reviewLimits.weight, criteria: reviewLimits.criteria }
	};
};

function rowsFrom(form: FormData): CriterionRow[] {
	const rows: CriterionRow[] = [];
	for (let index = 0; index <= reviewLimits.criteria + 1; index++) {
		if (!form.has(`criterion.${index}.label.en`)) break;
		rows.push({
			id: stringOf(form, `criterion.${index}.id`, 12),
			label: localizedFrom(form, `criterion.${index}.label`, reviewLimits.criterionLabel),
			weight: stringOf(form, `criterion.${index}.weight`, 10).trim(),
			remove: form.get(`criterion.${index}.remove`) === 'on'
		});
	}
	// A new row left empty is no criterion.
	return rows.filter((row) => row.id !== '' || Object.values(row.label).some((text) => text.trim() !== ''));
}

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const callId = callIdOf(params.id);
		const { db } = app();
		await existingCall(db, callId);
		const form = await request.formData();
		const rows = rowsFrom(form);
		const move = /^(up|down):(\d+)$/.exec(stringOf(form, 'move', 20));
		if (move) {
			const from = Number(move[2]);
			const to = move[1] === 'up' ? from - 1 : from + 1;
			if (rows[from] && rows[to]) [rows[from], rows[to]] = [rows[to], rows[from]];
		}
		const removing = rows.filter((row) => row.remove && row.id !== '');
		if (removing.length > 0 && form.get('confirm') !== 'yes') {
			return { confirmRemove: removing.map((row) => row.label.en || 'Untitled'), rows };
		}
		const kept = rows.filter((row) => !row.remove);
		const criteria: CriterionInput[] = kept.map((row) => ({ ...(row.id ? { id: Number(row.id) } : {}), label: row.label, weight: row.weight }));
		try {
			await saveCriteria(app().calls, staff, callId, criteria);
		} catch (e) {
			if (e instanceof ValidationError) {
				// The service counts the kept rows; the page shows every row.
				const issues: Record<string, string> = {};
				for (const [key, text] of Object.entries(explain(e.issues))) {
					const match = /^criteria\.(\d+)(\..*)?$/.exec(key);
					const row = match ? kept[Number(match[1])] : undefined;
					issues[row ? `criterion.${rows.indexOf(row)}${match?.[2] ?? '.label.en'}` : 'criteria'] ??= text;
				}
				return fail(400, { issues, rows });
			}
			throw e;
		}
		return { done: move ? ('moved' as const) : ('saved' as const) };
	}, { notFound: 'This call does not exist (any more).' })
} satisfies Actions;
