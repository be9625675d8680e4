import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/lib/server/db/schema.ts';
import type { AdminClient } from './staff.ts';
import { solid } from './test-images.ts';
import { waitFor } from './waiting.ts';

/** Alt text in the four languages, as the media library asks for it. */
export interface PhotoTexts {
	en: string;
	ne: string;
	id: string;
	es: string;
}

/**
 * Uploads a plain photo through the media library's form, as staff do, and
 * waits until its variants are made (the server's worker takes the job); fails
 * unless it ends ready. Returns the photo's id.
 */
export async function uploadReadyPhoto(client: AdminClient, db: Kysely<Database>, alt: PhotoTexts, options: { colour?: string; width?: number; height?: number } = {}): Promise<number> {
	const bytes = await solid(options.width ?? 1600, options.height ?? 1000, options.colour ?? '#7c2d12')
		.jpeg()
		.toBuffer();
	const response = await client.post('/admin/media?/upload', {
		file: new File([new Uint8Array(bytes)], 'photo.jpg', { type: 'image/jpeg' }),
		'alt.en': alt.en,
		'alt.ne': alt.ne,
		'alt.id': alt.id,
		'alt.es': alt.es
	});
	expect(response.status).toBe(303);
	const id = Number((response.headers.get('location') ?? '').split('=')[1]);
	const statusOf = async () => (await db.selectFrom('media').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
	await waitFor(async () => (await statusOf()) !== 'processing', 60_000);
	expect(await statusOf()).toBe('ready');
	return id;
}
