import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { locales } from '$lib/i18n/locales';
import { localizedPath } from '$lib/i18n/paths';
import { app } from '$lib/server/app';
import { feedStories } from '$lib/server/content/archive.service';
import { getSiteFrame } from '$lib/server/content/content.service';
import { feedContentType, tagUri, writeAtomFeed, type AtomEntry } from '$lib/server/shared/atom-feed';
import { feedArtists } from '$lib/server/collective/artist-directory';
import { feedExhibitions } from '$lib/server/exhibitions/exhibition-feed';
import { escapeHtml } from '$lib/server/platform/mail/mail-layout';

/** How many stories a feed carries: readers keep what they fetched before. */
const feedSize = 30;

/** How many newly listed artists a feed carries beside the stories. */
const artistFeedSize = 20;

/** How many exhibitions, newest published first. */
const exhibitionFeedSize = 10;

/**
 * The stories, the exhibitions and the artists newly listed in the collective, as an Atom feed in the reader's language (`/feed.xml`,
 * `/ne/feed.xml`…), with full content. Entry ids are tag URIs from the public
 * host and the story's row id, so a changed address never shows a story twice.
 */
export const GET: RequestHandler = async () => {
	const locale = getLocale();
	const { db, config, siteVersion } = app();
	const xml = await siteVersion.cached(`feed:${locale}`, async () => {
		const [frame, stories, artists, exhibitions] = await Promise.all([
			getSiteFrame(db, locale),
			feedStories(db, locale, feedSize),
			feedArtists(db, locale, artistFeedSize),
			feedExhibitions(db, locale, exhibitionFeedSize)
		]);
		const host = new URL(config.origin).hostname;
		/** The same page in the feed's other languages. */
		const alternatesOf = (path: string) => locales.filter((l) => l !== locale).map((l) => ({ hreflang: l, href: config.origin + localizedPath(path, l) }));
		const updated = [...stories, ...artists, ...exhibitions].map((s) => s.updatedAt).sort().at(-1) ?? new Date(0).toISOString();
		const exhibitionEntries = exhibitions.map((exhibition): AtomEntry => {
			const path = `/exhibitions/${exhibition.slug}`;
			return {
				id: tagUri(host, Number(exhibition.publishedAt.slice(0, 4)), `exhibition/${exhibition.id}`),
				url: config.origin + localizedPath(path, locale),
				title: exhibition.title.text,
				summary: exhibition.summary.text || undefined,
				contentHtml: exhibition.curatorialText.text,
				published: exhibition.publishedAt,
				updated: exhibition.updatedAt,
				author: frame.name,
				lang: exhibition.curatorialText.lang,
				alternates: alternatesOf(path)
			};
		});
		// A public profile only: a withdrawn or hidden one leaves the feed with the new site version.
		const artistEntries = artists.map((artist): AtomEntry => {
			const path = `/artists/${artist.slug}`;
			return {
				id: tagUri(host, Number(artist.listedAt.slice(0, 4)), `artist/${artist.id}`),
				url: config.origin + localizedPath(path, locale),
				title: m.artists_feed_entry({ name: artist.name }),
				contentHtml: artist.bio.text.split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
				published: artist.listedAt,
				updated: artist.updatedAt,
				author: artist.name,
				lang: artist.bio.lang === locale ? undefined : artist.bio.lang,
				alternates: alternatesOf(path)
			};
		});
		return writeAtomFeed({
			locale,
			id: tagUri(host, 2013, `feed/${locale}`),
			title: m.feed_title({ name: frame.name }),
			subtitle: m.stories_description(),
			selfUrl: config.origin + localizedPath('/feed.xml', locale),
			alternateUrl: config.origin + localizedPath('/stories', locale),
			updated,
			author: { name: frame.name, uri: config.origin + localizedPath('/', locale) },
			// The stories first, newest first, as they always were; then the exhibitions, then the artists newest listed.
			entries: [...stories.map((story) => {
				const path = `/stories/${story.slug}`;
				return {
					id: tagUri(host, Number(story.publishedAt.slice(0, 4)), `story/${story.id}`),
					url: config.origin + localizedPath(path, locale),
					title: story.title.text,
					summary: story.standfirst.text || undefined,
					contentHtml: story.body.text,
					published: `${story.publishedOn}T00:00:00Z`,
					updated: story.updatedAt,
					author: story.authorName || frame.name,
					categories: story.tags,
					lang: story.body.lang,
					alternates: alternatesOf(path)
				};
			}), ...exhibitionEntries, ...artistEntries]
		});
	});
	return new Response(xml, { headers: { 'Content-Type': feedContentType, 'Cache-Control': 'public, max-age=300' } });
};
