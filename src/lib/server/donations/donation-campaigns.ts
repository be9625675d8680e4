import { m } from '$lib/paraglide/messages';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { locales, type Localized } from '$lib/i18n/locales';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { localizedValues } from '$lib/server/platform/forms';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { isoCurrencyPattern, normalizeCurrency, toDecimalString, toMinorUnits } from './currencies';
import type { DonationsContext } from './donations.wiring';

/*
 * Campaigns as staff create and edit them. The admin form sends text; this turns
 * it into a row or into messages per field (keyed like the form's fields:
 * `slug`, `goal`, `currency`, `starts`, `ends`, `title.en`, `description.es`…).
 *
 * Dates are whole days in UTC. `starts` is the first day gifts are taken and
 * `ends` the last one: it is stored as the next midnight (ends_at is exclusive),
 * so a campaign ending on 31 March still takes gifts all of that day.
 */

/** What the form holds, all text: the same shape goes back into the form when something is wrong. */
export type CampaignValues = Record<string, string>;

export const campaignFieldNames = [
	'slug',
	'goal',
	'currency',
	'starts',
	'ends',
	...locales.flatMap((l) => [`title.${l}`, `description.${l}`])
] as const;

const limits = { slug: 60, title: 120, description: 2000 };
const slugSchema = z
	.string()
	.trim()
	.min(1, 'Give the campaign a short address, e.g. bali-walls.')
	.max(limits.slug, `Keep it under ${limits.slug} characters.`)
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens only, e.g. bali-walls.');
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-31" → the Date of its midnight UTC, or undefined when it is no real day. */
function dayOf(text: string): Date | undefined {
	const m = dayPattern.exec(text);
	if (!m) return undefined;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === text ? date : undefined;
}

const dayMs = 24 * 60 * 60 * 1000;

export interface CampaignRecord {
	slug: string;
	title: Localized;
	description: Localized;
	goalMinor: number;
	currency: string;
	startsAt: string | null;
	endsAt: string | null;
}

/**
 * Checks a campaign form. `currencies` are the ones donors can give in: a goal in
 * another currency could never be reached, since gifts are not converted.
 */
export function parseCampaign(
	values: CampaignValues,
	currencies: readonly string[]
): { ok: true; campaign: CampaignRecord } | { ok: false; issues: Record<string, string> } {
	const issues: Record<string, string> = {};
	const text = (name: string) => (values[name] ?? '').trim();

	const slug = slugSchema.safeParse(values.slug ?? '');
	if (!slug.success) issues.slug = slug.error.issues[0]!.message;

	const currency = normalizeCurrency(text('currency'));
	if (!isoCurrencyPattern.test(currency) || !currencies.includes(currency)) {
		issues.currency = m.donations_issue_campaign_currency({ currencies: currencies.join(', ') });
	}

	let goalMinor: number | undefined;
	if (text('goal') === '') issues.goal = m.donations_issue_goal_missing();
	else if (!issues.currency) {
		goalMinor = toMinorUnits(text('goal'), currency);
		if (!goalMinor) issues.goal = m.donations_issue_goal_invalid({ currency });
	}

	const title: Record<string, string> = {};
	const description: Record<string, string> = {};
	for (const l of locales) {
		title[l] = text(`title.${l}`);
		description[l] = text(`description.${l}`);
		if (title[l]!.length > limits.title) issues[`title.${l}`] = m.donations_issue_title_long({ max: limits.title });
		if (description[l]!.length > limits.description) issues[`description.${l}`] = m.donations_issue_description_long({ max: limits.description });
	}
	if (!title.en && !issues['title.en']) issues['title.en'] = m.donations_issue_title_en();

	const starts = text('starts') ? dayOf(text('starts')) : null;
	const ends = text('ends') ? dayOf(text('ends')) : null;
	if (starts === undefined) issues.starts = m.donations_issue_starts();
	if (ends === undefined) issues.ends = m.donations_issue_ends();
	if (starts && ends && ends < starts) issues.ends = m.donations_issue_ends_before();

	if (Object.keys(issues).length > 0) return { ok: false, issues };
	return {
		ok: true,
		campaign: {
			slug: slug.data!,
			title: title as Localized,
			description: description as Localized,
			goalMinor: goalMinor!,
			currency,
			startsAt: starts ? starts.toISOString() : null,
			endsAt: ends ? new Date(ends.getTime() + dayMs).toISOString() : null
		}
	};
}

/** The form's values for a stored campaign (the inverse of parseCampaign). */
export function campaignValues(row: {
	slug: string;
	title: string;
	description: string;
	goal_minor: number | string;
	currency: string;
	starts_at: string | null;
	ends_at: string | null;
}): CampaignValues {
	const title = parseLocalized(row.title);
	const description = parseLocalized(row.description);
	return {
		slug: row.slug,
		goal: toDecimalString(Number(row.goal_minor), row.currency),
		currency: row.currency,
		starts: row.starts_at ? row.starts_at.slice(0, 10) : '',
		ends: row.ends_at ? new Date(Date.parse(row.ends_at) - dayMs).toISOString().slice(0, 10) : '',
		...localizedValues('title', title),
		...localizedValues('description', description)
	};
}

export async function getCampaignValues(db: Kysely<Database>, id: number): Promise<CampaignValues> {
	const row = await db.selectFrom('donation_campaign').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError(`campaign ${id}`);
	return campaignValues(row);
}

/**
 * Creates (no id) or changes a campaign from the admin form; returns its id.
 * Throws ValidationError with a message per field, NotFoundError for an unknown id.
 */
export async function saveCampaign(
	donations: DonationsContext,
	actor: Actor,
	values: CampaignValues,
	options: { id?: number; currencies: readonly string[] }
): Promise<number> {
	const parsed = parseCampaign(values, options.currencies);
	if (!parsed.ok) throw new ValidationError(parsed.issues);
	const c = parsed.campaign;
	return runCommand(donations, actor, async ({ trx, now: at, audit, publicPagesChanged }) => {
		const now = at.toISOString();
		if (options.id !== undefined) {
			const exists = await trx.selectFrom('donation_campaign').select('id').where('id', '=', options.id).executeTakeFirst();
			if (!exists) throw new NotFoundError(`campaign ${options.id}`);
		}
		let taken = trx.selectFrom('donation_campaign').select('id').where('slug', '=', c.slug);
		if (options.id !== undefined) taken = taken.where('id', '!=', options.id);
		if (await taken.executeTakeFirst()) throw new ValidationError({ slug: m.donations_issue_slug_taken() });
		const row = {
			slug: c.slug,
			title: stringifyLocalized(c.title),
			description: stringifyLocalized(c.description),
			goal_minor: c.goalMinor,
			currency: c.currency,
			starts_at: c.startsAt,
			ends_at: c.endsAt,
			updated_at: now
		};
		let id = options.id;
		if (id !== undefined) {
			await trx.updateTable('donation_campaign').set(row).where('id', '=', id).execute();
		} else {
			const inserted = await trx
				.insertInto('donation_campaign')
				.values({ ...row, created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow();
			id = Number(inserted.id);
		}
		// Campaigns and their progress show on /donate and the transparency page.
		await publicPagesChanged();
		await audit({
			action: options.id === undefined ? 'donation.campaign-created' : 'donation.campaign-changed',
			subject: `campaign:${id}`,
			detail: { slug: values.slug?.trim() }
		});
		return id;
	});
}
