import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requirePermission } from '$lib/server/people/guard';
import { pageFrom } from '$lib/server/platform/route-params';
import type { JobStatus } from '$lib/server/db/schema';
import { jobStatuses, listJobs } from '$lib/server/platform/jobs/job-queue';
import { retryFailedJob } from '$lib/server/maintenance';
import { formField, formSchema } from '$lib/server/platform/forms';
import { pageCount } from '$lib/server/platform/paging';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'jobs.manage');
	const wanted = url.searchParams.get('status');
	const status = jobStatuses.includes(wanted as JobStatus) ? (wanted as JobStatus) : undefined;
	const list = await listJobs(app().db, { status, page: pageFrom(url), pageSize: 50 });
	return {
		status: status ?? '',
		page: list.page,
		pages: pageCount(list.total, list.pageSize),
		counts: list.counts,
		jobs: list.jobs.map((j) => ({
			id: j.id,
			kind: j.kind,
			status: j.status,
			attempts: j.attempts,
			maxAttempts: j.max_attempts,
			runAt: j.run_at,
			lastError: j.last_error?.split('\n')[0] ?? null,
			finishedAt: j.finished_at
		}))
	};
};

const jobForm = formSchema({ id: formField.id() });

export const actions = {
	retry: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'jobs.manage');
		const { id } = jobForm.read(await request.formData());
		if (id === undefined) return fail(400, { problem: 'unknown' });
		if (!(await retryFailedJob(app().jobs, staff, id))) return fail(409, { problem: 'not-failed' });
		return { retried: id };
	}
} satisfies Actions;
