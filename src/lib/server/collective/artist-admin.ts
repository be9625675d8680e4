import type { Kysely } from 'kysely';
import { isLocale, type Localized } from '$lib/i18n/locales';
import type { ArtistConsentPurpose, Database } from '$lib/server/db/schema';
import { ValidationError, NotFoundError } from '$lib/server/platform/errors';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { stringifyLocalized } from '$lib/server/shared/localized-text';
import { issueArtistLink } from './artist-links';
import { cleanProfile, isEmailAddress, profileLimits, type ProfileInput } from './artist-profile-input';
import { afterProfileChange, applyConsent, artistById, profileColumns, uniqueSlug, type CollectiveContext } from './artist-profile.service';
import { isPublicProfile } from './artist-visibility';
import { consentPurposes, type ConsentChoices } from './consent';

/*
 * What staff do with profiles: make one (by hand or from an accepted
 * application), edit it, send the private link, hide or show it, record a
 * withdrawal the artist asked for by other means, and choose the neutral credit
 * wording. Staff never give consent for an artist: only an application form
 * that recorded it carries it over; otherwise the invitation asks.
 */

export interface StaffProfileInput extends ProfileInput {
	email: string;
	minor: boolean;
	guardianName: string;
	guardianEmail: string;
	creditWording: Localized;
	/** A photo from the media library; shown only with consent to the photo. */
	portraitMediaId: number | null;
}

function checkContact(input: StaffProfileInput) {
	const issues: Record<string, string> = {};
	const email = input.email.trim().toLowerCase();
	if (!isEmailAddress(email)) issues.email = 'invalid';
	const guardianEmail = input.guardianEmail.trim().toLowerCase();
	if (input.minor && !isEmailAddress(guardianEmail)) issues.guardianEmail = 'invalid';
	if (input.guardianName.trim().length > profileLimits.guardianName) issues.guardianName = 'too-long';
	let profileIssues: Record<string, string> = {};
	let profile;
	try {
		profile = cleanProfile(input);
	} catch (error) {
		if (!(error instanceof ValidationError)) throw error;
		profileIssues = error.issues;
	}
	if (Object.keys(issues).length > 0 || !profile) throw new ValidationError({ ...profileIssues, ...issues });
	return {
		...profileColumns(profile),
		email,
		minor: input.minor ? 1 : 0,
		guardian_name: input.minor ? input.guardianName.trim() : '',
		guardian_email: input.minor ? guardianEmail : '',
		credit_wording: stringifyLocalized({ ...input.creditWording, en: input.creditWording.en.trim() }),
		portrait_media_id: input.portraitMediaId
	};
}

/** A portrait must be a photo in the media library. */
async function checkPortrait(db: Kysely<Database>, mediaId: number | null): Promise<void> {
	if (mediaId === null) return;
	const media = await db.selectFrom('media').select('id').where('id', '=', mediaId).executeTakeFirst();
	if (!media) throw new ValidationError({ portrait: 'unknown' });
}

export interface FromApplication {
	applicationId: number;
	/** Consent the application form recorded, by purpose: carried over as the applicant's own. */
	consent: ConsentChoices;
}

export async function createArtist(context: CollectiveContext, actor: Actor, input: StaffProfileInput, from?: FromApplication): Promise<number> {
	const columns = checkContact(input);
	await checkPortrait(context.db, columns.portrait_media_id);
	return runCommand(context, actor, async (scope) => {
		const at = scope.now.toISOString();
		const { id } = await scope.trx
			.insertInto('artist')
			.values({ ...columns, slug: await uniqueSlug(scope.trx, columns.name), application_id: from?.applicationId ?? null, created_by: actor.id, created_at: at, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		if (from && Object.keys(from.consent).length > 0) {
			await applyConsent(scope, await artistById(scope.trx, id), from.consent, { givenBy: 'artist', method: 'application', staffUserId: actor.id });
		}
		await scope.audit({ action: 'artist.created', subject: `artist:${id}`, detail: from ? { applicationId: from.applicationId } : {} });
		await afterProfileChange(scope, undefined, id);
		return id;
	});
}

export async function updateArtist(context: CollectiveContext, actor: Actor, id: number, input: StaffProfileInput): Promise<void> {
	const columns = checkContact(input);
	await checkPortrait(context.db, columns.portrait_media_id);
	await runCommand(context, actor, async (scope) => {
		const before = await artistById(scope.trx, id);
		await scope.trx.updateTable('artist').set({ ...columns, updated_at: scope.now.toISOString() }).where('id', '=', id).execute();
		await scope.audit({ action: 'artist.updated', subject: `artist:${id}` });
		await afterProfileChange(scope, before, id);
		// The wording shows wherever credits name the artist neutrally.
		await scope.publicPagesChanged();
	});
}

/** Sends the artist a new private link (revoking older ones), in their language. */
export async function inviteArtist(context: CollectiveContext, actor: Actor, id: number): Promise<void> {
	await runCommand(context, actor, async (scope) => {
		const artist = await artistById(scope.trx, id);
		const token = await issueArtistLink(scope.trx, id, scope.now);
		await context.mail.profileLink(scope.trx, artist, token, 'invite');
		await scope.audit({ action: 'artist.invited', subject: `artist:${id}` });
	});
}

export async function setArtistHidden(context: CollectiveContext, actor: Actor, id: number, hidden: boolean, reason: string): Promise<void> {
	// Control characters are no part of a reason (and a NUL cannot be stored in PostgreSQL text).
	const why = reason.replace(/\p{Cc}+/gu, ' ').trim().slice(0, 500);
	if (hidden && why === '') throw new ValidationError({ reason: 'required' });
	await runCommand(context, actor, async (scope) => {
		const before = await artistById(scope.trx, id);
		await scope.trx.updateTable('artist').set({ hidden: hidden ? 1 : 0, hidden_reason: hidden ? why : '', updated_at: scope.now.toISOString() }).where('id', '=', id).execute();
		await scope.audit({ action: hidden ? 'artist.hidden' : 'artist.shown', subject: `artist:${id}`, detail: hidden ? { reason: why } : {} });
		await afterProfileChange(scope, before, id);
	});
}

/** Staff record a withdrawal the artist asked for (by mail, in person): consent to the purposes given ends now. */
export async function recordWithdrawal(context: CollectiveContext, actor: Actor, id: number, purposes: readonly ArtistConsentPurpose[]): Promise<ArtistConsentPurpose[]> {
	const chosen = consentPurposes.filter((p) => purposes.includes(p));
	if (chosen.length === 0) throw new ValidationError({ purposes: 'required' });
	return runCommand(context, actor, async (scope) => {
		const before = await artistById(scope.trx, id);
		const changed = await applyConsent(scope, before, Object.fromEntries(chosen.map((p) => [p, false])), { givenBy: 'staff', method: 'staff', staffUserId: actor.id });
		await scope.audit({ action: 'artist.withdrawn', subject: `artist:${id}`, detail: { by: 'staff', purposes: changed } });
		await afterProfileChange(scope, before, id);
		return changed;
	});
}

export interface ArtistListRow {
	id: number;
	slug: string;
	name: string;
	country: string;
	public: boolean;
	hidden: boolean;
	minor: boolean;
	consent: Record<ArtistConsentPurpose, boolean>;
	updatedAt: string;
}

export async function listArtistsForStaff(db: Kysely<Database>): Promise<ArtistListRow[]> {
	const rows = await db.selectFrom('artist').selectAll().orderBy('name').orderBy('id').execute();
	return rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		name: r.name,
		country: r.country,
		public: isPublicProfile(r),
		hidden: Number(r.hidden) === 1,
		minor: Number(r.minor) === 1,
		consent: {
			directory: Number(r.consent_directory) === 1,
			photo: Number(r.consent_photo) === 1,
			city: Number(r.consent_city) === 1,
			contact: Number(r.consent_contact) === 1,
			credit_name: Number(r.consent_credit_name) === 1,
			guardian: Number(r.consent_guardian) === 1
		},
		updatedAt: r.updated_at
	}));
}

/** What an accepted application offers a new profile; staff tick which of these to carry over. */
export interface ApplicationOffer {
	applicationId: number;
	email: string;
	locale: string;
	name: string;
	bio: string;
	links: string[];
	country: string;
	city: string;
}

export const carriedFields = ['name', 'bio', 'links', 'country', 'city'] as const;
export type CarriedField = (typeof carriedFields)[number];

/**
 * Reads an accepted application's answers by the types of its call's fields:
 * the first long text is the bio, web addresses are links, a country field the
 * country, a short text labelled as a city the city. Only an accepted,
 * submitted application whose applicant's data was not erased offers anything.
 */
export async function applicationOffer(db: Kysely<Database>, applicationId: number): Promise<ApplicationOffer> {
	const row = await db.selectFrom('application').selectAll().where('id', '=', applicationId).executeTakeFirst();
	if (!row || row.decision !== 'accepted' || !row.applicant_email || row.personal_data_erased_at) throw new NotFoundError(`accepted application ${applicationId}`);
	const fields = await db.selectFrom('open_call_field').select(['key', 'type', 'label']).where('call_id', '=', row.call_id).orderBy('position').execute();
	const answers = JSON.parse(row.answers) as Record<string, unknown>;
	const text = (key: string) => (typeof answers[key] === 'string' ? (answers[key] as string) : '');
	const isCity = (label: string) => /city|town|ciudad|kota|शहर|सहर/i.test(label);
	return {
		applicationId,
		email: row.applicant_email,
		locale: row.locale,
		name: row.applicant_name ?? '',
		bio: fields.filter((f) => f.type === 'long_text').map((f) => text(f.key)).find((t) => t.trim() !== '') ?? '',
		links: fields.filter((f) => f.type === 'url').map((f) => text(f.key)).filter((t) => t.trim() !== ''),
		country: fields.filter((f) => f.type === 'country').map((f) => text(f.key)).find(Boolean) ?? '',
		city: fields.filter((f) => f.type === 'short_text' && isCity(f.label)).map((f) => text(f.key)).find(Boolean) ?? ''
	};
}

/**
 * A new profile from an accepted application, carrying over only the fields
 * staff ticked. Open-call forms record consent to process the application, not
 * to publish a profile: no consent is carried over, and the invitation asks.
 */
export async function createArtistFromApplication(context: CollectiveContext, actor: Actor, applicationId: number, carried: readonly CarriedField[]): Promise<number> {
	const offer = await applicationOffer(context.db, applicationId);
	const take = (field: CarriedField) => carried.includes(field);
	return createArtist(
		context,
		actor,
		{
			name: take('name') && offer.name ? offer.name : 'New artist',
			pronouns: '',
			city: take('city') ? offer.city : '',
			country: take('country') ? offer.country : '',
			languages: [],
			bio: take('bio') ? { [isLocale(offer.locale) ? offer.locale : 'en']: offer.bio } : {},
			mediums: [],
			links: take('links') ? offer.links.map((url) => ({ kind: 'website', url })) : [],
			locale: offer.locale,
			email: offer.email,
			minor: false,
			guardianName: '',
			guardianEmail: '',
			creditWording: { en: '' },
			portraitMediaId: null
		},
		{ applicationId, consent: {} }
	);
}
