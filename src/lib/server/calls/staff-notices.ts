import type { Kysely } from 'kysely';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { formatMoment, isTimeZone } from '$lib/i18n/staff-clock';
import { m } from '$lib/paraglide/messages';
import { permissions } from '$lib/people/roles';
import type { Database } from '$lib/server/db/schema';
import { z } from 'zod';
import { enqueueJob, jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { JobHandler } from '$lib/server/platform/jobs/job-worker';
import { composeMail } from '$lib/server/platform/mail/mail-blocks';
import { findOrganization } from '$lib/server/shared/organization';
import { pickJson } from '$lib/server/shared/localized-text';
import type { ApplicationMailContext } from './application-mail';

/*
 * E-mails to staff about applications, as each person chose on "Language and
 * time": one e-mail per application as it arrives, or one summary a day. Each
 * goes to those who handle the call (whoever manages calls, and the reviewers
 * assigned to it), in their language, with times in their zone. None names the
 * applicant: a blind review stays blind, and an e-mail is no place for it.
 * Queued through the mail job, under a key that makes queuing twice harmless.
 */

interface Recipient {
	id: string;
	email: string;
	locale: Locale;
	timeZone: string;
	manages: boolean;
}

const managerRoles = permissions['calls.manage'] as readonly string[];

/** Staff who chose `notice` and handle call `callId` (or the one application). */
async function recipients(db: Kysely<Database>, notice: 'each' | 'daily', callId?: number, applicationId?: number): Promise<Recipient[]> {
	let query = db
		.selectFrom('user')
		.select(['id', 'email', 'locale', 'timeZone', 'role'])
		.where('notifyApplications', '=', notice)
		.where('disabledAt', 'is', null);
	if (callId !== undefined) {
		query = query.where((eb) =>
			eb.or([
				eb('role', 'in', managerRoles),
				eb.exists(
					eb
						.selectFrom('call_reviewer')
						.select('call_reviewer.id')
						.whereRef('call_reviewer.user_id', '=', 'user.id')
						.where((inner) => inner.or([inner('call_reviewer.call_id', '=', callId), ...(applicationId ? [inner('call_reviewer.application_id', '=', applicationId)] : [])]))
				)
			])
		);
	}
	const rows = await query.orderBy('email').execute();
	return rows.map((row) => ({
		id: row.id,
		email: row.email,
		locale: isLocale(row.locale) ? row.locale : 'en',
		timeZone: isTimeZone(row.timeZone) ? row.timeZone : 'UTC',
		manages: managerRoles.includes(row.role)
	}));
}

function staffMail(locale: Locale, site: string, subject: string, paragraphs: string[], button: { label: string; href: string }, origin: string) {
	const o = { locale };
	return composeMail(locale, subject, m.mail_staff_footer({ site }, o), [
		...paragraphs.map((text) => ({ text })),
		{ button: button.label, href: button.href },
		{ text: m.mail_staff_notice_why({ link: `${origin}/admin/account/preferences` }, o) }
	]);
}

/** One e-mail to each person who asked for one per application; in the transaction that submitted it. */
export async function queueApplicationNotices(db: Kysely<Database>, context: ApplicationMailContext, applicationId: number): Promise<void> {
	const application = await db
		.selectFrom('application')
		.innerJoin('open_call', 'open_call.id', 'application.call_id')
		.select(['application.id', 'application.call_id', 'application.submitted_at', 'open_call.title'])
		.where('application.id', '=', applicationId)
		.executeTakeFirst();
	if (!application?.submitted_at) return;
	const people = await recipients(db, 'each', application.call_id, application.id);
	if (people.length === 0) return;
	const site = (await findOrganization(db))?.name ?? 'Admin';
	for (const person of people) {
		const o = { locale: person.locale };
		const call = pickJson(application.title, person.locale).text;
		const href = person.manages
			? `${context.origin}/admin/calls/${application.call_id}/applications/${application.id}`
			: `${context.origin}/admin/reviews/${application.id}`;
		const mail = staffMail(
			person.locale,
			site,
			m.mail_staff_application_subject({ call }, o),
			[m.mail_staff_application_body({ call, time: formatMoment(application.submitted_at, person) }, o)],
			{ label: m.mail_staff_application_button({}, o), href },
			context.origin
		);
		await context.mailer.queue(db, { idempotencyKey: `staff-application-notice:${application.id}:${person.id}`, to: person.email, locale: person.locale, ...mail });
	}
}

export const applicationDigestJobKind = 'calls.application-digest';

/** The digest of day `day` (YYYY-MM-DD, UTC) goes out at 06:00 UTC the next morning; asking again for the same day adds nothing. */
export async function scheduleApplicationDigest(db: Kysely<Database>, now = new Date()): Promise<void> {
	const day = new Date(now.getTime() - 24 * 60 * 60_000).toISOString().slice(0, 10);
	const sendAt = new Date(`${now.toISOString().slice(0, 10)}T06:00:00Z`);
	await enqueueJob(db, applicationDigestJobKind, { day }, { idempotencyKey: `${applicationDigestJobKind}:${day}`, runAt: sendAt > now ? sendAt : now, maxAttempts: 3 });
}

/** For each person who chose a daily summary: the applications of day `day` (UTC) to the calls they handle, counted per call. */
export async function queueApplicationDigests(db: Kysely<Database>, context: ApplicationMailContext, day: string): Promise<number> {
	const from = `${day}T00:00:00.000Z`;
	const until = new Date(Date.parse(from) + 24 * 60 * 60_000).toISOString();
	const people = await recipients(db, 'daily');
	if (people.length === 0) return 0;
	const site = (await findOrganization(db))?.name ?? 'Admin';
	let queued = 0;
	for (const person of people) {
		let query = db
			.selectFrom('application')
			.innerJoin('open_call', 'open_call.id', 'application.call_id')
			.select(['open_call.id', 'open_call.title', (eb) => eb.fn.countAll<number | string>().as('count')])
			.where('application.status', '=', 'submitted')
			.where('application.submitted_at', '>=', from)
			.where('application.submitted_at', '<', until)
			.groupBy(['open_call.id', 'open_call.title'])
			.orderBy('open_call.id');
		if (!person.manages) {
			query = query.where((eb) =>
				eb.exists(
					eb
						.selectFrom('call_reviewer')
						.select('call_reviewer.id')
						.where('call_reviewer.user_id', '=', person.id)
						.where((inner) => inner.or([inner('call_reviewer.call_id', '=', inner.ref('application.call_id')), inner('call_reviewer.application_id', '=', inner.ref('application.id'))]))
				)
			);
		}
		const calls = await query.execute();
		if (calls.length === 0) continue;
		const o = { locale: person.locale };
		const total = calls.reduce((sum, call) => sum + Number(call.count), 0);
		const lines = calls.map((call) => m.mail_staff_digest_line({ call: pickJson(call.title, person.locale).text, count: Number(call.count) }, o));
		const mail = staffMail(
			person.locale,
			site,
			m.mail_staff_digest_subject({ count: total }, o),
			[m.mail_staff_digest_intro({ count: total }, o), ...lines],
			{ label: m.mail_staff_digest_button({}, o), href: `${context.origin}/admin` },
			context.origin
		);
		const created = await context.mailer.queue(db, { idempotencyKey: `staff-application-digest:${day}:${person.id}`, to: person.email, locale: person.locale, ...mail });
		if (created.created) queued += 1;
	}
	return queued;
}

const digestPayload = z.object({ day: z.string().regex(/^\d{4}-\d\d-\d\d$/) });

export function applicationDigestJobHandlers(context: ApplicationMailContext): Record<string, JobHandler> {
	return {
		[applicationDigestJobKind]: async (db, job) => {
			const { day } = digestPayload.parse(jobPayload(job));
			await queueApplicationDigests(db, context, day);
		}
	};
}
