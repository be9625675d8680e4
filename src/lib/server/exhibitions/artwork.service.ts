import type { Kysely } from 'kysely';
import { z } from 'zod';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import type { DomainContext } from '$lib/server/platform/domain-context';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand, type CommandScope } from '$lib/server/shared/command';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import { artworkLicences } from './artwork-licences';
import { readArtwork, type Artwork, type ArtworkImage } from './artwork.queries';

/*
 * Works are edited directly, not through revisions: a change is public at once
 * wherever a published exhibition shows the work, so every command bumps the
 * site version in its transaction and writes its audit entry there.
 */

const text = (max: number) =>
	z
		.string()
		.max(max * 2)
		.transform((s) => s.replace(/\r\n?/g, '\n').replace(/(?!\n)\p{Cc}/gu, '').trim())
		.pipe(z.string().max(max, `At most ${max} characters.`));

const localized = (max: number, required = false) =>
	z
		.object(Object.fromEntries(locales.map((l) => [l, text(max).optional()])) as Record<Locale, z.ZodOptional<ReturnType<typeof text>>>)
		.transform((value) => {
			const out: Record<string, string> = { en: value.en ?? '' };
			for (const l of locales) if (l !== 'en' && value[l]) out[l] = value[l];
			return out as Localized;
		})
		.refine((value) => !required || value.en !== '', { message: 'Write it in English: every language falls back to it.', path: ['en'] });

const imageSchema = z.object({ mediaId: z.number().int().positive(), alt: localized(500) });

/** What a work's own texts are: what the artist may later change from their private page too. */
export const artworkTextsSchema = z.object({
	title: localized(200, true),
	medium: localized(200),
	description: localized(10_000),
	alt: z.array(localized(500)).max(20)
});
export type ArtworkTextsInput = z.input<typeof artworkTextsSchema>;

export const artworkSchema = z.object({
	title: localized(200, true),
	artistIds: z.array(z.number().int().positive()).max(10).transform((ids) => [...new Set(ids)]),
	year: z.number().int().min(1000, 'Write a year such as 2024.').max(2200, 'Write a year such as 2024.').nullable(),
	medium: localized(200),
	dimensions: text(120),
	description: localized(10_000),
	images: z.array(imageSchema).max(20),
	credit: text(300),
	licence: z.enum(artworkLicences, 'Choose a licence from the list.')
});
export type ArtworkInput = z.input<typeof artworkSchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const issues: Record<string, string> = {};
	for (const issue of result.error.issues) issues[issue.path.map(String).join('.') || 'data'] ??= issue.message;
	throw new ValidationError(issues);
}

async function requireKnown(trx: Kysely<Database>, artistIds: number[], images: { mediaId: number }[]): Promise<void> {
	const issues: Record<string, string> = {};
	if (artistIds.length > 0) {
		const found = new Set((await trx.selectFrom('artist').select('id').where('id', 'in', artistIds).execute()).map((r) => r.id));
		const missing = artistIds.findIndex((id) => !found.has(id));
		if (missing !== -1) issues[`artistIds.${missing}`] = 'This artist is no longer in the collective: choose another.';
	}
	if (images.length > 0) {
		const found = new Set((await trx.selectFrom('media').select('id').where('id', 'in', images.map((i) => i.mediaId)).execute()).map((r) => r.id));
		const missing = images.findIndex((i) => !found.has(i.mediaId));
		if (missing !== -1) issues[`images.${missing}.mediaId`] = 'This image is no longer in Media: choose another.';
	}
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
}

async function writeArtists(trx: Kysely<Database>, artworkId: number, artistIds: number[]): Promise<void> {
	await trx.deleteFrom('artwork_artist').where('artwork_id', '=', artworkId).execute();
	if (artistIds.length > 0) {
		await trx
			.insertInto('artwork_artist')
			.values(artistIds.map((artist_id, position) => ({ artwork_id: artworkId, artist_id, position })))
			.execute();
	}
}

function columns(input: z.output<typeof artworkSchema>) {
	return {
		title: stringifyLocalized(input.title),
		year: input.year,
		medium: stringifyLocalized(input.medium),
		dimensions: input.dimensions,
		description: stringifyLocalized(input.description),
		images: JSON.stringify(input.images satisfies ArtworkImage[]),
		credit: input.credit,
		licence: input.licence
	};
}

/** Adds a work. Returns its id. */
export async function createArtwork(context: DomainContext, actor: Actor | null, input: ArtworkInput): Promise<number> {
	const work = parse(artworkSchema, input);
	return runCommand(context, actor, async ({ trx, now, audit }: CommandScope) => {
		await requireKnown(trx, work.artistIds, work.images);
		const at = now.toISOString();
		const row = await trx
			.insertInto('artwork')
			.values({ ...columns(work), created_by: actor?.id ?? null, created_at: at, updated_at: at })
			.returning('id')
			.executeTakeFirstOrThrow();
		await writeArtists(trx, row.id, work.artistIds);
		await audit({ action: 'content.artwork-created', subject: `artwork:${row.id}`, detail: { title: work.title.en } });
		// A new work is on no page yet: the public pages are the same.
		return row.id;
	});
}

/** Replaces everything staff edit of a work; public at once where exhibitions show it. */
export async function updateArtwork(context: DomainContext, actor: Actor | null, id: number, input: ArtworkInput): Promise<Artwork> {
	const work = parse(artworkSchema, input);
	await runCommand(context, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		await requireKnown(trx, work.artistIds, work.images);
		const result = await trx
			.updateTable('artwork')
			.set({ ...columns(work), updated_at: now.toISOString() })
			.where('id', '=', id)
			.executeTakeFirst();
		if (result.numUpdatedRows === 0n) throw new NotFoundError(`artwork ${id}`);
		await writeArtists(trx, id, work.artistIds);
		await audit({ action: 'content.artwork-updated', subject: `artwork:${id}` });
		await publicPagesChanged();
	});
	return (await readArtwork(context.db, id))!;
}

/**
 * Changes a work's texts only (title, medium, long description, alt text of its
 * images, per language), leaving its artists, images and licence as they are:
 * what an artist may change from their own private page as well as staff.
 * `alt[i]` is the alt text of the work's i-th image; images beyond it keep theirs.
 */
export async function updateArtworkTexts(
	context: DomainContext,
	actor: Actor | null,
	id: number,
	input: ArtworkTextsInput,
	options: { byArtistId?: number } = {}
): Promise<Artwork> {
	const texts = parse(artworkTextsSchema, input);
	await runCommand(context, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		const current = await readArtwork(trx, id);
		if (!current) throw new NotFoundError(`artwork ${id}`);
		// An artist changes only a work they are credited with; any other is "not found" to them.
		if (options.byArtistId !== undefined && !(await isArtistOfWork(trx, options.byArtistId, id))) throw new NotFoundError(`artwork ${id}`);
		const images = current.images.map((image, i) => ({ mediaId: image.mediaId, alt: texts.alt[i] ?? image.alt }));
		await trx
			.updateTable('artwork')
			.set({
				title: stringifyLocalized(texts.title),
				medium: stringifyLocalized(texts.medium),
				description: stringifyLocalized(texts.description),
				images: JSON.stringify(images),
				updated_at: now.toISOString()
			})
			.where('id', '=', id)
			.execute();
		await audit({ action: 'content.artwork-texts-updated', subject: `artwork:${id}`, ...(options.byArtistId !== undefined ? { detail: { byArtist: options.byArtistId } } : {}) });
		await publicPagesChanged();
	});
	return (await readArtwork(context.db, id))!;
}

/** Whether the artist is credited with the work. */
export async function isArtistOfWork(db: Kysely<Database>, artistId: number, artworkId: number): Promise<boolean> {
	const row = await db.selectFrom('artwork_artist').select('artwork_id').where('artist_id', '=', artistId).where('artwork_id', '=', artworkId).executeTakeFirst();
	return row !== undefined;
}

/** The works an artist is credited with, newest first: what their private page offers to edit. */
export async function worksOfArtist(db: Kysely<Database>, artistId: number): Promise<{ id: number; title: Localized }[]> {
	const rows = await db
		.selectFrom('artwork')
		.innerJoin('artwork_artist', 'artwork_artist.artwork_id', 'artwork.id')
		.select(['artwork.id', 'artwork.title'])
		.where('artwork_artist.artist_id', '=', artistId)
		.orderBy('artwork.id', 'desc')
		.execute();
	return rows.map((row) => ({ id: row.id, title: parseLocalized(row.title) }));
}

/** Deletes a work that no exhibition shows (published or not); one shown is refused by name. */
export async function deleteArtwork(context: DomainContext, actor: Actor | null, id: number): Promise<void> {
	await runCommand(context, actor, async ({ trx, audit }) => {
		const shown = await trx.selectFrom('exhibition_work').select('exhibition_id').where('artwork_id', '=', id).executeTakeFirst();
		if (shown) throw new ValidationError({ delete: 'An exhibition shows this work: take it out of the exhibition first.' });
		const result = await trx.deleteFrom('artwork').where('id', '=', id).executeTakeFirst();
		if (result.numDeletedRows === 0n) throw new NotFoundError(`artwork ${id}`);
		await audit({ action: 'content.artwork-deleted', subject: `artwork:${id}` });
	});
}
