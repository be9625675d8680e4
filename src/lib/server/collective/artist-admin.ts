import type { Kysely } from 'kysely';
import type { Localized } from '$lib/i18n/locales';
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
		credit_wording: stringifyLocalized({ ...input.creditWording, en: input.creditWording.en.trim() })
	};
}

export interface FromApplication {
	applicationId: number;
	/** Consent the application form recorded, by purpose: carried over as the applicant's own. */
	consent: ConsentChoices;
}

export async function createArtist(context: CollectiveContext, actor: Actor, input: StaffProfileInput, from?: FromApplication): Promise<number> {
	const columns = checkContact(input);
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
	const why = reason.trim().slice(0, 500);
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

/** The fields of an accepted application staff may carry over, from its answers. */
export async function applicationForArtist(db: Kysely<Database>, applicationId: number) {
	const row = await db.selectFrom('application').selectAll().where('id', '=', applicationId).executeTakeFirst();
	if (!row) throw new NotFoundError(`application ${applicationId}`);
	return row;
}
