import { app } from '$lib/server/app';
import { createArtwork } from '$lib/server/exhibitions/artwork.service';
import { createMediaFromUpload } from '$lib/server/media/media.service';
import { ValidationError } from '$lib/server/platform/errors';
import type { Actor } from '$lib/server/shared/audit';
import type { Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { staffMediaIssues } from '../../media/media-route';

/*
 * Bulk upload brings two domains together (a route's job): each file goes
 * through the media library's upload (which checks it and strips its metadata),
 * then becomes a new work of the exhibitions domain.
 */

export interface UploadedWork {
	name: string;
	/** The new work's id; undefined when the file was refused. */
	artworkId?: number;
	/** Why the file was refused, in the words and language of the staff member who sent it. */
	problem?: string;
}

/** "rising-tide_final.jpg" → "Rising tide final": a working title staff change later. */
export function titleFromFileName(name: string): string {
	const base = name.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[-_.]+/g, ' ').trim();
	return (base.charAt(0).toUpperCase() + base.slice(1)).slice(0, 200) || 'Untitled';
}

/**
 * One new work per file. The library needs an English alt text for the photo:
 * it gets a placeholder naming the work, while the work's own alt text starts
 * empty, so no exhibition is published with it until staff describe it. A
 * refused file does not stop the others: each gets its own answer.
 */
export async function createWorksFromUploads(actor: Actor, locale: Locale, files: readonly { name: string; bytes: Uint8Array }[]): Promise<UploadedWork[]> {
	const results: UploadedWork[] = [];
	for (const file of files) {
		const title = titleFromFileName(file.name);
		try {
			const photo = await createMediaFromUpload(app().media, actor, { bytes: file.bytes, originalName: file.name, alt: { en: `Image of the work “${title}”` } });
			const artworkId = await createArtwork(app().exhibitions, actor, {
				title: { en: title },
				artistIds: [],
				year: null,
				medium: { en: '' },
				dimensions: '',
				description: { en: '' },
				images: [{ mediaId: photo.id, alt: { en: '' } }],
				credit: '',
				licence: 'all-rights-reserved'
			});
			results.push({ name: file.name, artworkId });
		} catch (e) {
			if (!(e instanceof ValidationError)) throw e;
			const issues = staffMediaIssues(e, locale) ?? {};
			results.push({ name: file.name, problem: issues.file ?? Object.values(issues)[0] ?? m.library_upload_refused({}, { locale }) });
		}
	}
	return results;
}
