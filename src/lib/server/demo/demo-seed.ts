import type { Kysely, Transaction } from 'kysely';
import type { Localized } from '$lib/i18n/locales';
import { validateAnswers } from '$lib/server/calls/answer-validation';
import { callFieldFromRow, fieldColumns, parseFieldInput } from '$lib/server/calls/call-fields';
import { instantToZonedWallTime, zonedWallTimeToInstant } from '$lib/server/shared/zoned-time';
import type { Database } from '$lib/server/db/schema';
import type { DemoCall, DemoContent } from './demo-content.types';
import { demoArchivePhotos, seedDemoArchive } from './demo-seed-archive';
import { seedDemoCollective } from './demo-content-collective';
import { seedDemoExhibitions } from './demo-seed-exhibitions';
import { seedDemoCustomPages } from './demo-content-pages';
import { queueDemoArtworks } from './demo-artwork-photos';
import { indexCall } from '$lib/server/calls/call-search';
import { indexLiveItem } from '$lib/server/content/search-documents';
import { stringifyLocalized } from '$lib/server/shared/localized-text';
import { sanitizeRichText } from '$lib/server/shared/rich-text';

const seededKey = 'demo_content_seeded_at';

/**
 * Fills an empty database with the demo content, once. The marker is written in
 * the same transaction, so a second start (or a second process) changes nothing
 * and never overwrites what staff edited since.
 */
export async function seedDemoContent(db: Kysely<Database>, content: DemoContent, now: string, options: { photos?: boolean } = {}): Promise<boolean> {
	try {
		return await insertDemoContent(db, content, now, options.photos === true);
	} catch (error) {
		// Another process seeded at the same moment and won: that is the same outcome.
		const marker = await db.selectFrom('app_meta').select('value').where('key', '=', seededKey).executeTakeFirst();
		if (marker) return false;
		throw error;
	}
}

function insertDemoContent(db: Kysely<Database>, content: DemoContent, now: string, photos: boolean): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const marker = await trx.selectFrom('app_meta').select('value').where('key', '=', seededKey).executeTakeFirst();
		const existing = await trx.selectFrom('organization').select('id').executeTakeFirst();
		if (marker || existing) return false;

		// Claim the marker first: on PostgreSQL a concurrent seeder fails here on the primary key.
		await trx.insertInto('app_meta').values({ key: seededKey, value: now }).execute();

		const org = content.organization;
		await trx
			.insertInto('organization')
			.values({
				id: 1,
				name: org.name,
				tagline: json(org.tagline),
				intro: json(org.intro),
				email: org.email,
				location: json(org.location),
				founded_year: org.foundedYear,
				social_links: JSON.stringify(org.socialLinks),
				figure_initiatives: org.figures.initiatives,
				figure_countries: org.figures.countries,
				figure_years: org.figures.years,
				figure_participants: org.figures.participants,
				figures_year: org.figures.asOfYear,
				figures_source: json(org.figures.source),
				updated_at: now
			})
			.execute();

		for (const [key, page] of Object.entries(content.pages)) {
			await trx
				.insertInto('page')
				.values({ key, title: json(page.title), summary: json(page.summary), body: json(page.body), updated_at: now })
				.execute();
		}

		const lists = [
			['pillar', content.pillars],
			['activity', content.activities],
			['core_value', content.values]
		] as const;
		for (const [table, items] of lists) {
			for (const [position, item] of items.entries()) {
				await trx
					.insertInto(table)
					.values({ position, title: json(item.title), body: json(item.body), updated_at: now })
					.execute();
			}
		}

		for (const [position, t] of content.testimonials.entries()) {
			await trx
				.insertInto('testimonial')
				.values({
					position,
					quote: json(t.quote),
					person: json(t.person),
					role: json(t.role),
					place: json(t.place),
					featured: t.featured ? 1 : 0,
					is_example: t.isExample ? 1 : 0,
					updated_at: now
				})
				.execute();
		}

		for (const call of content.calls) await insertDemoCall(trx, call, now);
		for (const { id } of await trx.selectFrom('open_call').select('id').execute()) await indexCall(trx, id);
		for (const key of Object.keys(content.pages)) await indexLiveItem(trx, 'page', key);
		// The archive's photos are recorded here and made by the jobs queue after the start.
		const photoIds = photos ? await queueDemoArtworks(trx, now, demoArchivePhotos()) : new Map<string, number>();
		await seedDemoArchive(trx, now, photoIds);
		await seedDemoCollective(trx, now);
		await seedDemoExhibitions(trx, now, photos);
		await seedDemoCustomPages(trx, now);
		return true;
	});
}

const dayMs = 24 * 60 * 60_000;

/** The instant of a wall time on the day `days` from `fromMs`, in the call's zone. */
function dayInZone(fromMs: number, days: number, timeZone: string, time: string): string {
	const day = instantToZonedWallTime(fromMs + days * dayMs, timeZone).slice(0, 10);
	return zonedWallTimeToInstant(`${day}T${time}`, timeZone).toISOString();
}

/**
 * One demo call with its form, rubric, applications and scores. Fields and
 * answers go through the same checks as staff's and applicants' input, so demo
 * data can never be something the app itself would refuse.
 */
async function insertDemoCall(trx: Transaction<Database>, call: DemoCall, now: string): Promise<void> {
	const seedMs = Date.parse(now);
	const localizedHtml = (value: Partial<Localized>) =>
		JSON.stringify(Object.fromEntries(Object.entries(value).map(([locale, html]) => [locale, sanitizeRichText(html ?? '')])));
	const { id: callId } = await trx
		.insertInto('open_call')
		.values({
			slug: call.slug,
			kind: call.kind,
			title: json(call.title),
			summary: json(call.summary),
			description: localizedHtml(call.description),
			eligibility: localizedHtml(call.eligibility),
			consent_text: json(call.consentText),
			opens_at: dayInZone(seedMs, call.opensInDays, call.timeZone, '00:00'),
			deadline_at: dayInZone(seedMs, call.deadlineInDays, call.timeZone, '23:59'),
			time_zone: call.timeZone,
			status: 'open',
			max_submissions_per_person: call.maxSubmissionsPerPerson,
			retention_days: call.retentionDays,
			blind_review: call.blindReview ? 1 : 0,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();

	for (const [position, input] of call.fields.entries()) {
		const parsed = parseFieldInput(input);
		if ('issues' in parsed) throw new Error(`Demo call ${call.slug}, field ${input.key}: ${JSON.stringify(parsed.issues)}`);
		const { field } = parsed;
		await trx
			.insertInto('open_call_field')
			.values({
				call_id: callId,
				position,
				...fieldColumns(field)
			})
			.execute();
	}
	const fields = (await trx.selectFrom('open_call_field').selectAll().where('call_id', '=', callId).orderBy('position').execute()).map(callFieldFromRow);

	const criterionIds: number[] = [];
	for (const [position, criterion] of call.criteria.entries()) {
		const row = await trx
			.insertInto('review_criterion')
			.values({ call_id: callId, label: json(criterion.label), weight: criterion.weight, position })
			.returning('id')
			.executeTakeFirstOrThrow();
		criterionIds.push(row.id);
	}

	for (const application of call.applications) {
		const checked = validateAnswers(fields, application.answers, application.locale);
		if (!checked.ok) throw new Error(`Demo call ${call.slug}, application of ${application.email}: ${JSON.stringify(checked.errors)}`);
		const submittedAt = new Date(seedMs + application.submittedInDays * dayMs).toISOString();
		const { id: applicationId } = await trx
			.insertInto('application')
			.values({
				call_id: callId,
				applicant_email: application.email.toLowerCase(),
				applicant_name: application.name,
				locale: application.locale,
				status: 'submitted',
				answers: JSON.stringify(checked.answers),
				// Nobody holds a private link to a demo application.
				token_hash: null,
				consented_at: submittedAt,
				eligibility_confirmed_at: Object.keys(call.eligibility).length > 0 ? submittedAt : null,
				submitted_at: submittedAt,
				shortlisted: application.shortlisted ? 1 : 0,
				decision: application.decision ?? null,
				decided_at: application.decision ? now : null,
				created_at: submittedAt,
				updated_at: submittedAt
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const review of application.scores) {
			for (const [index, score] of review.scores.entries()) {
				await trx
					.insertInto('review_score')
					.values({
						application_id: applicationId,
						reviewer_id: review.reviewer,
						criterion_id: criterionIds[index]!,
						score,
						// A reviewer's comment goes with their first criterion.
						comment: index === 0 ? (review.comment ?? null) : null,
						created_at: now,
						updated_at: now
					})
					.execute();
			}
		}
	}
}

function json(value: Localized): string {
	return stringifyLocalized(value);
}
