import type { Kysely } from 'kysely';
import type { ArtistConsentPurpose, ArtistRow, Database } from '$lib/server/db/schema';
import { parseLocalized } from '$lib/server/shared/localized-text';
import type { Localized } from '$lib/i18n/locales';
import { createHash } from 'node:crypto';

/*
 * Consent per purpose: every change is a ledger row (who, when, how, which
 * consent text) and the profile's `consent_*` column, written together in the
 * caller's transaction, so the columns always say what the ledger's last word is.
 */

/** SHA-256 of the lower-cased address: the ledger keeps it so the record outlives the profile. */
export function hashEmail(email: string): string {
	return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

export const consentPurposes = ['directory', 'photo', 'city', 'contact', 'credit_name', 'guardian'] as const satisfies readonly ArtistConsentPurpose[];

export type ConsentChoices = Partial<Record<ArtistConsentPurpose, boolean>>;

export type ConsentGiver = 'artist' | 'guardian' | 'staff';

/** How consent was given: through the private link, on an application form, by staff on the artist's behalf, or in the demo. */
export type ConsentMethod = 'profile-link' | 'application' | 'staff' | 'demo';

const column = {
	directory: 'consent_directory',
	photo: 'consent_photo',
	city: 'consent_city',
	contact: 'consent_contact',
	credit_name: 'consent_credit_name',
	guardian: 'consent_guardian'
} as const satisfies Record<ArtistConsentPurpose, keyof ArtistRow>;

export function consentColumn(purpose: ArtistConsentPurpose) {
	return column[purpose];
}

/** The consent text now in force: its version and its sentence per purpose. */
export async function currentConsentText(db: Kysely<Database>): Promise<{ version: number; texts: Partial<Record<ArtistConsentPurpose, Localized>> }> {
	const row = await db.selectFrom('artist_consent_text').select(['version', 'texts']).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
	const raw = JSON.parse(row.texts) as Record<string, unknown>;
	const texts: Partial<Record<ArtistConsentPurpose, Localized>> = {};
	for (const purpose of consentPurposes) if (raw[purpose]) texts[purpose] = parseLocalized(JSON.stringify(raw[purpose]));
	return { version: row.version, texts };
}

/**
 * Records the choices that differ from the profile's current ones: one ledger
 * row each, and the columns. Returns the purposes that changed. A choice equal
 * to the current one writes nothing (saving the form again is not a new consent).
 */
export async function recordConsent(
	db: Kysely<Database>,
	artist: Pick<ArtistRow, 'id' | 'email'> & Record<(typeof column)[ArtistConsentPurpose], number>,
	choices: ConsentChoices,
	by: { givenBy: ConsentGiver; method: ConsentMethod; staffUserId?: string | null; at: string; textVersion: number }
): Promise<ArtistConsentPurpose[]> {
	const changed = consentPurposes.filter((p) => choices[p] !== undefined && (Number(artist[column[p]]) === 1) !== choices[p]);
	if (changed.length === 0) return [];
	await db
		.insertInto('artist_consent_event')
		.values(
			changed.map((purpose) => ({
				artist_id: artist.id,
				email_hash: hashEmail(artist.email),
				purpose,
				granted: choices[purpose] ? 1 : 0,
				consent_text_version: by.textVersion,
				// The guardian's own consent is the guardian's word; the rest is whoever acted.
				given_by: by.givenBy,
				method: by.method,
				staff_user_id: by.staffUserId ?? null,
				at: by.at
			}))
		)
		.execute();
	const set: Partial<Record<(typeof column)[ArtistConsentPurpose], number>> = {};
	for (const purpose of changed) set[column[purpose]] = choices[purpose] ? 1 : 0;
	await db.updateTable('artist').set({ ...set, updated_at: by.at }).where('id', '=', artist.id).execute();
	return changed;
}

export interface ConsentLedgerEntry {
	id: number;
	purpose: ArtistConsentPurpose;
	granted: boolean;
	givenBy: ConsentGiver;
	method: string;
	textVersion: number;
	staffUserId: string | null;
	at: string;
}

/** The artist's whole ledger, oldest first. */
export async function consentLedger(db: Kysely<Database>, artistId: number): Promise<ConsentLedgerEntry[]> {
	const rows = await db.selectFrom('artist_consent_event').selectAll().where('artist_id', '=', artistId).orderBy('id').execute();
	return rows.map((r) => ({
		id: r.id,
		purpose: r.purpose,
		granted: Number(r.granted) === 1,
		givenBy: r.given_by,
		method: r.method,
		textVersion: r.consent_text_version,
		staffUserId: r.staff_user_id,
		at: r.at
	}));
}
