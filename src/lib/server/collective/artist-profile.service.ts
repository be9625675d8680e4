import type { Kysely } from 'kysely';
import type { ArtistConsentPurpose, ArtistRow, Database } from '$lib/server/db/schema';
import type { DomainContext } from '$lib/server/platform/domain-context';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { runCommand, type CommandScope } from '$lib/server/shared/command';
import { slugify } from '$lib/server/shared/slug';
import { stringifyLocalized } from '$lib/server/shared/localized-text';
import type { ArtistMail } from './artist-mail';
import { inspectArtistLink, issueArtistLink, type ArtistLinkState } from './artist-links';
import { cleanProfile, isEmailAddress, type CleanProfile, type ProfileInput } from './artist-profile-input';
import { indexArtist } from './artist-search';
import { artistCredit, isPublicProfile } from './artist-visibility';
import { consentPurposes, currentConsentText, recordConsent, type ConsentChoices, type ConsentGiver, type ConsentMethod } from './consent';

/*
 * The artist's own side of a profile: what they change through their private
 * link (their profile, their consent, withdrawing), asking for a new link, and
 * the shared steps every profile change ends with (search, site version,
 * first listing). Staff's commands are in artist-admin.ts.
 */

export interface CollectiveContext extends DomainContext {
	readonly mail: ArtistMail;
}

/** Addresses the site itself answers at: a profile may not take them as its slug. */
const reservedSlugs = new Set(['profile', 'new']);

export async function uniqueSlug(db: Kysely<Database>, name: string): Promise<string> {
	const base = slugify(name, 60) || 'artist';
	for (let n = 1; ; n++) {
		const slug = n === 1 ? base : `${base}-${n}`;
		if (reservedSlugs.has(slug)) continue;
		if (!(await db.selectFrom('artist').select('id').where('slug', '=', slug).executeTakeFirst())) return slug;
	}
}

export function profileColumns(profile: CleanProfile) {
	return {
		name: profile.name,
		pronouns: profile.pronouns,
		city: profile.city,
		country: profile.country,
		languages: JSON.stringify(profile.languages),
		bio: stringifyLocalized(profile.bio),
		mediums: JSON.stringify(profile.mediums),
		links: JSON.stringify(profile.links),
		locale: profile.locale
	};
}

export async function artistById(db: Kysely<Database>, id: number): Promise<ArtistRow> {
	const row = await db.selectFrom('artist').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError(`artist ${id}`);
	return row;
}

/**
 * After any change to a profile or its consent, in the same transaction: the
 * search documents follow, the first listing is dated, and the public pages
 * (directory, profile, sitemap, feed, credits) get a new site version when what
 * the public sees may have changed.
 */
export async function afterProfileChange(scope: CommandScope, before: ArtistRow | undefined, artistId: number): Promise<void> {
	const after = await artistById(scope.trx, artistId);
	if (isPublicProfile(after) && !after.listed_at) await scope.trx.updateTable('artist').set({ listed_at: scope.now.toISOString() }).where('id', '=', artistId).execute();
	await indexArtist(scope.trx, artistId);
	// Public pages show a public profile, and credits show a name or a wording: a change to either is a new site version.
	const creditChanged = !before || JSON.stringify(artistCredit(before)) !== JSON.stringify(artistCredit(after));
	if ((before && isPublicProfile(before)) || isPublicProfile(after) || creditChanged) await scope.publicPagesChanged();
}

/** Consent choices as given, with a minor's guardian box counted as the guardian's word. */
export async function applyConsent(
	scope: CommandScope,
	artist: ArtistRow,
	choices: ConsentChoices,
	by: { givenBy: ConsentGiver; method: ConsentMethod; staffUserId?: string | null }
): Promise<ArtistConsentPurpose[]> {
	const { version } = await currentConsentText(scope.trx);
	const at = scope.now.toISOString();
	const { guardian, ...own } = choices;
	const changed = await recordConsent(scope.trx, artist, own, { ...by, at, textVersion: version });
	if (guardian !== undefined) {
		const fresh = await artistById(scope.trx, artist.id);
		changed.push(...(await recordConsent(scope.trx, fresh, { guardian }, { ...by, givenBy: by.givenBy === 'staff' ? 'staff' : 'guardian', at, textVersion: version })));
	}
	return changed;
}

/** The artist behind a link, or why there is none. */
export async function artistOfLink(context: DomainContext, token: string): Promise<{ link: ArtistLinkState; artist?: ArtistRow }> {
	const link = await inspectArtistLink(context.db, token, context.clock());
	if (link.state !== 'valid') return { link };
	return { link, artist: await artistById(context.db, link.artistId) };
}

async function validArtist(scope: CommandScope, token: string): Promise<ArtistRow> {
	const link = await inspectArtistLink(scope.trx, token, scope.now);
	if (link.state !== 'valid') throw new NotFoundError('artist link');
	await scope.trx.updateTable('artist_link').set({ last_used_at: scope.now.toISOString() }).where('artist_id', '=', link.artistId).where('revoked_at', 'is', null).execute();
	return artistById(scope.trx, link.artistId);
}

export interface OwnProfileInput extends ProfileInput {
	consent: Record<ArtistConsentPurpose, boolean>;
}

/** The artist saves their profile and consent through their link. */
export async function saveOwnProfile(context: CollectiveContext, token: string, input: OwnProfileInput): Promise<{ changed: ArtistConsentPurpose[] }> {
	const profile = cleanProfile(input);
	return runCommand(context, null, async (scope) => {
		const before = await validArtist(scope, token);
		if (Number(before.minor) === 1 && input.consent.directory && !input.consent.guardian) throw new ValidationError({ guardian: 'required' });
		await scope.trx.updateTable('artist').set({ ...profileColumns(profile), updated_at: scope.now.toISOString() }).where('id', '=', before.id).execute();
		const choices: ConsentChoices = Object.fromEntries(consentPurposes.filter((p) => p !== 'guardian' || Number(before.minor) === 1).map((p) => [p, input.consent[p]]));
		const changed = await applyConsent(scope, before, choices, { givenBy: 'artist', method: 'profile-link' });
		await scope.audit({ action: 'artist.profile-saved', subject: `artist:${before.id}`, detail: { by: 'artist', consentChanged: changed } });
		await afterProfileChange(scope, before, before.id);
		return { changed };
	});
}

/** The artist takes everything back at once: nothing of them stays public, not even their name in credits. */
export async function withdrawOwnConsent(context: CollectiveContext, token: string): Promise<void> {
	await runCommand(context, null, async (scope) => {
		const before = await validArtist(scope, token);
		const none = Object.fromEntries(consentPurposes.filter((p) => p !== 'guardian').map((p) => [p, false])) as ConsentChoices;
		const changed = await applyConsent(scope, before, none, { givenBy: 'artist', method: 'profile-link' });
		await scope.audit({ action: 'artist.withdrawn', subject: `artist:${before.id}`, detail: { by: 'artist', purposes: changed } });
		await afterProfileChange(scope, before, before.id);
	});
}

/**
 * Someone asks for a new link for an address. Whether an artist has that
 * address or not, the caller answers the same; when one has, a new link goes
 * to it (revoking the old ones).
 */
export async function requestArtistLink(context: CollectiveContext, email: string): Promise<void> {
	const address = email.trim().toLowerCase();
	if (!isEmailAddress(address)) throw new ValidationError({ email: 'invalid' });
	await runCommand(context, null, async (scope) => {
		const artist = await scope.trx.selectFrom('artist').selectAll().where('email', '=', address).orderBy('id').executeTakeFirst();
		if (!artist) return;
		const token = await issueArtistLink(scope.trx, artist.id, scope.now);
		await context.mail.profileLink(scope.trx, artist, token, 'asked');
		await scope.audit({ action: 'artist.link-asked', subject: `artist:${artist.id}` });
	});
}

export const relayLimits = { name: 120, message: 3000 };

/** A visitor writes to an artist whose profile has the contact form on; the message is mailed, nothing is kept. */
export async function relayMessage(context: CollectiveContext, slug: string, visitor: { name: string; email: string; text: string }): Promise<void> {
	const issues: Record<string, string> = {};
	const name = visitor.name.trim();
	const email = visitor.email.trim().toLowerCase();
	const text = visitor.text.trim();
	if (name === '') issues.name = 'required';
	else if (name.length > relayLimits.name) issues.name = 'too-long';
	if (!isEmailAddress(email)) issues.email = 'invalid';
	if (text === '') issues.message = 'required';
	else if (text.length > relayLimits.message) issues.message = 'too-long';
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	await runCommand(context, null, async (scope) => {
		const artist = await scope.trx.selectFrom('artist').selectAll().where('slug', '=', slug).executeTakeFirst();
		if (!artist || !isPublicProfile(artist) || Number(artist.consent_contact) !== 1) throw new NotFoundError(`artist ${slug}`);
		await context.mail.relay(scope.trx, artist, { name, email, text });
	});
}

