import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/** A page of its own for the sitemap (content/sitemap.ts takes these). */
export interface SitemapPage {
	path: string;
	updatedAt: string;
}

/** Every published exhibition's overview and each of its works' pages, for the sitemap. */
export async function exhibitionsSitemap(db: Kysely<Database>): Promise<SitemapPage[]> {
	const rows = await db
		.selectFrom('exhibition')
		.leftJoin('exhibition_work', 'exhibition_work.exhibition_id', 'exhibition.id')
		.select(['exhibition.slug', 'exhibition.updated_at', 'exhibition_work.position'])
		.orderBy('exhibition.id')
		.orderBy('exhibition_work.position')
		.execute();
	const pages: SitemapPage[] = [];
	for (const row of rows) {
		if (!pages.some((p) => p.path === `/exhibitions/${row.slug}`)) pages.push({ path: `/exhibitions/${row.slug}`, updatedAt: row.updated_at });
		if (row.position !== null) pages.push({ path: `/exhibitions/${row.slug}/${row.position}`, updatedAt: row.updated_at });
	}
	return pages;
}
