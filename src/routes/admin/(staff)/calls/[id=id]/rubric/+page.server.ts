import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { listCriteria, reviewLimits, saveCriteria, type CriterionInput } from '$lib/server/calls/review.service';
import { failWith, formField, formSchema, localizedFields, localizedOf, type Issues } from '$lib/server/platform/forms';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import type { CriterionRow } from './rubric-form';
import { callAnswers, existingCall, explain, permission } from '../../calls-route';
import { m } from '$lib/paraglide/messages';

/*
 * The rubric is one form: every criterion in a row, plus an empty row for a new
 * one. Moving a row, removing rows and adding one all save the whole form, so
 * nothing typed is lost and it all works without JavaScript.
 */

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, permission);
	const { db } = app();
	const call = await existingCall(db, Number(params.id));
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

/** One row: `criterion.<index>.id`, `.label.<language>`, `.weight` and `.remove`. Twice the label's limit keeps a too-long one for its message. */
const criterionRow = formSchema({
	id: formField.text(12),
	...localizedFields('label', reviewLimits.criterionLabel * 2),
	weight: formField.trimmed(10),
	remove: formField.is('on')
});

/** The buttons: a row to move (`up:2`), and the confirmation of removing rows. */
const rubricForm = formSchema({ move: formField.text(20), confirm: formField.is('yes') });

function rowsFrom(form: FormData): CriterionRow[] {
	const rows: CriterionRow[] = [];
	for (let index = 0; index <= reviewLimits.criteria + 1; index++) {
		if (!form.has(`criterion.${index}.label.en`)) break;
		const row = criterionRow.read(form, `criterion.${index}.`);
		rows.push({ id: row.id, label: localizedOf(row, 'label'), weight: row.weight, remove: row.remove });
	}
	// A new row left empty is no criterion.
	return rows.filter((row) => row.id !== '' || Object.values(row.label).some((text) => text.trim() !== ''));
}

/** The service's issues (`criteria.<kept index>.…`) by the rows the page shows, kept or not. */
function rowIssues(refused: Issues, rows: CriterionRow[], kept: CriterionRow[]): Issues {
	const issues: Issues = {};
	for (const [key, text] of Object.entries(explain(refused))) {
		const match = /^criteria\.(\d+)(\..*)?$/.exec(key);
		const row = match ? kept[Number(match[1])] : undefined;
		issues[row ? `criterion.${rows.indexOf(row)}${match?.[2] ?? '.label.en'}` : 'criteria'] ??= text;
	}
	return issues;
}

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, permission);
		const callId = Number(params.id);
		const { db } = app();
		await existingCall(db, callId);
		const form = await request.formData();
		const rows = rowsFrom(form);
		const buttons = rubricForm.read(form);
		const move = /^(up|down):(\d+)$/.exec(buttons.move);
		if (move) {
			const from = Number(move[2]);
			const to = move[1] === 'up' ? from - 1 : from + 1;
			if (rows[from] && rows[to]) [rows[from], rows[to]] = [rows[to], rows[from]];
		}
		const removing = rows.filter((row) => row.remove && row.id !== '');
		if (removing.length > 0 && !buttons.confirm) {
			return { confirmRemove: removing.map((row) => row.label.en || m.callsadmin_rubric_untitled()), rows };
		}
		const kept = rows.filter((row) => !row.remove);
		const criteria: CriterionInput[] = kept.map((row) => ({ ...(row.id ? { id: Number(row.id) } : {}), label: row.label, weight: row.weight }));
		try {
			await saveCriteria(app().calls, staff, callId, criteria);
		} catch (e) {
			return failWith(e, (refused) => ({ issues: rowIssues(refused, rows, kept), rows }));
		}
		return { done: move ? ('moved' as const) : ('saved' as const) };
	}, callAnswers)
} satisfies Actions;
