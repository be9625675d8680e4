import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { app } from '$lib/server/app';
import { listDonations, moderateWallEntry, wallModerations, type AdminDonation } from '$lib/server/donations/donations.queries';
import { requirePermission } from '$lib/server/people/guard';
import { pageFrom } from '$lib/server/platform/route-params';
import { formField, formSchema } from '$lib/server/platform/forms';
import { pageCount } from '$lib/server/platform/paging';

/*
 * Donor wall moderation. Only what the wall itself would show reaches this page
 * (name, message, day, campaign): never an e-mail address or an amount, so
 * editors may moderate without seeing donors' personal data.
 */

const perPage = 50;

const entryOf = (d: AdminDonation) => ({ id: d.id, name: d.donorName, message: d.message, paidAt: d.paidAt, campaign: d.campaignSlug });

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'donations.moderate');
	const { db } = app();
	const list = async (wallStatus: 'pending' | 'approved' | 'rejected', page: number) => {
		const result = await listDonations(db, { wallStatus, status: 'paid' }, { page, perPage });
		return {
			// wall_status is only ever pending with the donor's consent; the filter keeps it so.
			entries: result.rows.filter((d) => d.wallConsent).map(entryOf),
			total: result.total,
			page: result.page,
			pages: pageCount(result.total, result.perPage)
		};
	};
	const [pending, approved, rejected] = await Promise.all([
		list('pending', pageFrom(url)),
		list('approved', pageFrom(url, 'approvedPage')),
		list('rejected', pageFrom(url, 'rejectedPage'))
	]);
	return { pending, approved, rejected };
};

const entryForm = formSchema({ id: formField.id() });

async function moderate(event: RequestEvent, moderation: keyof typeof wallModerations) {
	const staff = requirePermission(event.locals, event.url, 'donations.moderate');
	const { id } = entryForm.read(await event.request.formData());
	if (id === undefined) return fail(400, { problem: 'unknown' as const });
	if (!(await moderateWallEntry(app().donations, staff, id, moderation))) return fail(404, { problem: 'unknown' as const });
	return { done: wallModerations[moderation].audit, id };
}

export const actions = {
	approve: (event) => moderate(event, 'approve'),
	reject: (event) => moderate(event, 'reject'),
	hide: (event) => moderate(event, 'hide')
} satisfies Actions;
