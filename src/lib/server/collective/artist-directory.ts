import type { Kysely } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import type { ArtistRow, Database } from '$lib/server/db/schema';
import { collator } from '$lib/i18n/intl';
import { pageCount } from '$lib/server/platform/paging';
import { countryName } from '$lib/server/shared/countries';
import { languageName } from '$lib/server/shared/languages';
import { pickJson } from '$lib/server/shared/localized-text';
import type { Text } from '$lib/i18n/locales';
import type { ArtistLink } from './artist-profile-input';
import { artistCredit, isPublicProfile, publicProfileParts } from './artist-visibility';

/*
 * The public side of the collective: the directory (`/artists`) and one
 * profile (`/artists/<slug>`), showing only what consent allows. Public
 * profiles are read with the one rule (artist-visibility.ts) applied in SQL
 * for the lists and again in code for each row, so the two cannot disagree.
 */

export const directoryPageSize = 24;

export interface DirectoryFilters {
	country?: string;
	medium?: string;
	/** An initiative's slug: artists credited in it. */
	initiative?: string;
}

export interface ArtistCard {
	slug: string;
	name: string;
	pronouns: string;
	country: string;
	countryName: string;
	city: string;
	mediums: string[];
	/** Shown only with consent to the photo. */
	portraitMediaId: number | null;
	initials: string;
}

/** Two letters for the monogram drawn when there is no photo to show. */
export function initialsOf(name: string): string {
	const words = name.replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
	const letters = words.length > 1 ? [words[0]!, words[1]!].map((w) => Array.from(w)[0]) : Array.from(words[0] ?? '?').slice(0, 2);
	return letters.join('').toUpperCase();
}

function publicRows(db: Kysely<Database>) {
	return db
		.selectFrom('artist')
		.where('consent_directory', '=', 1)
		.where('hidden', '=', 0)
		.where((eb) => eb.or([eb('minor', '=', 0), eb('consent_guardian', '=', 1)]));
}

function cardOf(row: ArtistRow, locale: Locale): ArtistCard {
	const parts = publicProfileParts(row);
	return {
		slug: row.slug,
		name: row.name,
		pronouns: row.pronouns,
		country: row.country,
		countryName: row.country ? countryName(row.country, locale) : '',
		city: parts.city ? row.city : '',
		mediums: JSON.parse(row.mediums) as string[],
		portraitMediaId: parts.photo ? row.portrait_media_id : null,
		initials: initialsOf(row.name)
	};
}

/** The artists an initiative credits (its credits' `artistId`). */
function creditedIds(credits: string): number[] {
	return (JSON.parse(credits) as { artistId?: unknown }[]).map((c) => Number(c.artistId)).filter((n) => Number.isInteger(n) && n > 0);
}

export async function listDirectory(db: Kysely<Database>, filters: DirectoryFilters, locale: Locale, page: number) {
	const rows = (await publicRows(db).selectAll().orderBy('name').orderBy('id').execute()).filter(isPublicProfile);
	const listedIds = new Set(rows.map((r) => r.id));
	// The initiatives to filter by: those crediting someone in the directory.
	const initiativeRows = (await db.selectFrom('initiative').select(['slug', 'title', 'credits']).orderBy('start_date', 'desc').execute()).filter((i) => creditedIds(i.credits).some((id) => listedIds.has(id)));
	const chosen = filters.initiative ? initiativeRows.find((i) => i.slug === filters.initiative) : undefined;
	const initiativeIds = filters.initiative ? new Set(chosen ? creditedIds(chosen.credits) : []) : null;
	// Tags are JSON: filtering them in code keeps one portable query (the collective is tens of artists, not thousands).
	const matching = rows.filter(
		(row) =>
			(!filters.country || row.country === filters.country) &&
			(!filters.medium || (JSON.parse(row.mediums) as string[]).includes(filters.medium)) &&
			(!initiativeIds || initiativeIds.has(row.id))
	);
	const pages = pageCount(matching.length, directoryPageSize);
	const current = Math.min(Math.max(1, page), pages);
	const byName = collator(locale);
	const countries = [...new Set(rows.map((r) => r.country).filter(Boolean))].map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => byName.compare(a.name, b.name));
	const mediums = [...new Set(rows.flatMap((r) => JSON.parse(r.mediums) as string[]))].sort();
	return {
		total: matching.length,
		page: current,
		pages,
		artists: matching.slice((current - 1) * directoryPageSize, current * directoryPageSize).map((row) => cardOf(row, locale)),
		countries,
		mediums,
		initiatives: initiativeRows.map((i) => ({ slug: i.slug, title: pickJson(i.title, locale) }))
	};
}

export interface ArtistProfilePage extends ArtistCard {
	id: number;
	bio: Text;
	languages: string[];
	links: ArtistLink[];
	contact: boolean;
	initiatives: { slug: string; title: Text }[];
	updatedAt: string;
}

/** A public profile, or undefined when there is none to show (unknown, not agreed, hidden, a minor without a guardian's word). */
export async function publicProfile(db: Kysely<Database>, slug: string, locale: Locale): Promise<ArtistProfilePage | undefined> {
	const row = await db.selectFrom('artist').selectAll().where('slug', '=', slug).executeTakeFirst();
	if (!row || !isPublicProfile(row)) return undefined;
	const initiatives = await db.selectFrom('initiative').select(['slug', 'title', 'credits']).orderBy('start_date', 'desc').execute();
	return {
		...cardOf(row, locale),
		id: row.id,
		bio: pickJson(row.bio, locale),
		languages: (JSON.parse(row.languages) as string[]).map((code) => languageName(code, locale)),
		links: JSON.parse(row.links) as ArtistLink[],
		contact: publicProfileParts(row).contact,
		initiatives: initiatives
			.filter((i) => (JSON.parse(i.credits) as { artistId?: unknown }[]).some((c) => Number(c.artistId) === row.id))
			.map((i) => ({ slug: i.slug, title: pickJson(i.title, locale) })),
		updatedAt: row.updated_at
	};
}

/** Every public profile's page for the sitemap. */
export async function artistsSitemap(db: Kysely<Database>): Promise<{ path: string; updatedAt: string }[]> {
	const rows = (await publicRows(db).selectAll().orderBy('id').execute()).filter(isPublicProfile);
	return rows.map((row) => ({ path: `/artists/${row.slug}`, updatedAt: row.updated_at }));
}

/** Public profiles newest listed first, for the site's feed. */
export async function feedArtists(db: Kysely<Database>, locale: Locale, limit: number) {
	const rows = (await publicRows(db).selectAll().orderBy('listed_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).filter(isPublicProfile);
	return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, bio: pickJson(row.bio, locale), listedAt: row.listed_at ?? row.created_at, updatedAt: row.updated_at }));
}

/** Credits by artist id, as artistCredit words them, for an initiative's page. */
export async function creditsOf(db: Kysely<Database>, ids: readonly number[]) {
	if (ids.length === 0) return new Map<number, ReturnType<typeof artistCredit>>();
	const rows = await db.selectFrom('artist').selectAll().where('id', 'in', [...ids]).execute();
	return new Map(rows.map((row) => [row.id, artistCredit(row)]));
}

/** The portraits public profiles show (consent to the photo given): the media the public may fetch for the collective. */
export async function portraitsInPublicProfiles(db: Kysely<Database>): Promise<number[]> {
	const rows = await publicRows(db).selectAll().where('consent_photo', '=', 1).where('portrait_media_id', 'is not', null).execute();
	return rows.filter((row) => publicProfileParts(row).photo).map((row) => Number(row.portrait_media_id));
}
