import type { PageServerLoad } from './$types';
import { isLocale, type Locale, type Localized } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { findOrganization } from '$lib/server/shared/organization';
import { contentItems, pageLabels, type SocialLinkData } from '$lib/server/content/content-items';
import { pick } from '$lib/server/shared/localized-text';
import { getRevision, itemTitle } from '$lib/server/content/revisions.service';
import { pagePicture } from '$lib/server/media/page-picture';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { m } from '$lib/paraglide/messages';
import { contentAnswers } from '../../content-route';
import { fieldWord } from '../../field-words';

/** A revision rendered as the public site would show it, in one language, inside the admin. */
export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'content.edit');
	const { db } = app();
	const revision = await getRevision(db, Number(params.revisionId));
	requirePermission(locals, url, contentItems[revision.type].editPermission);
	const requested = url.searchParams.get('lang');
	const lang: Locale = isLocale(requested) ? requested : 'en';
	const d = revision.data;
	const text = (name: string) => pick((d[name] ?? { en: '' }) as Localized, lang);
	const org = await findOrganization(db);

	const base = {
		lang,
		revision: { id: revision.id, status: revision.status, by: revision.authorName ?? m.contentadmin_former_staff(), createdAt: revision.createdAt, publishAt: revision.publishAt },
		item: {
			type: revision.type,
			key: revision.key,
			label: fieldWord(contentItems[revision.type].label),
			title: revision.type === 'page' ? fieldWord(pageLabels[revision.key as keyof typeof pageLabels]) : itemTitle(revision.type, d, revision.key)
		},
		siteName: org?.name ?? ''
	};
	switch (revision.type) {
		case 'page':
		case 'custom_page':
			return {
				...base,
				kind: 'page' as const,
				page: { title: text('title'), summary: text('summary'), body: text('body'), updatedAt: revision.createdAt },
				// The draft's photo, even one no published page shows yet: staff may fetch its files.
				image: await pagePicture(db, Number(d.image_id) || null, lang, { sizes: '(min-width: 72rem) 68rem, 100vw' })
			};
		case 'testimonial':
			return {
				...base,
				kind: 'testimonial' as const,
				testimonial: { quote: text('quote'), person: text('person'), role: text('role'), place: text('place'), isExample: Boolean(d.is_example), featured: Boolean(d.featured) }
			};
		case 'organization':
			return {
				...base,
				kind: 'organization' as const,
				organization: {
					name: String(d.name),
					tagline: text('tagline'),
					intro: text('intro'),
					location: text('location'),
					email: String(d.email),
					foundedYear: Number(d.founded_year),
					socialLinks: (d.social_links ?? []) as SocialLinkData[],
					figures: [
						{ label: m.contentadmin_figure_initiatives(), value: Number(d.figure_initiatives) },
						{ label: m.contentadmin_figure_countries(), value: Number(d.figure_countries) },
						{ label: m.contentadmin_figure_years(), value: Number(d.figure_years) },
						{ label: m.contentadmin_figure_participants(), value: Number(d.figure_participants) }
					],
					figuresYear: Number(d.figures_year)
				}
			};
		case 'initiative':
		case 'story':
		case 'event': {
			// Shown as its page's head and text would be; the draft's cover even if no published page shows it yet.
			const gallery = (d.gallery ?? []) as { media_id?: number }[];
			const cover = revision.type === 'initiative' ? gallery[0]?.media_id : Number(d.cover_media_id);
			return {
				...base,
				kind: 'page' as const,
				page: { title: text('title'), summary: text(revision.type === 'story' ? 'standfirst' : 'summary'), body: text('body'), updatedAt: revision.createdAt },
				image: await pagePicture(db, cover || null, lang, { sizes: '(min-width: 72rem) 68rem, 100vw' })
			};
		}
		case 'exhibition':
			// Its text as the overview shows it; the works' own pages are previewed once published, from the exhibition's admin page.
			return {
				...base,
				kind: 'page' as const,
				page: { title: text('title'), summary: text('summary'), body: text('curatorial_text'), updatedAt: revision.createdAt },
				image: await pagePicture(db, Number(d.cover_media_id) || null, lang, { sizes: '(min-width: 72rem) 68rem, 100vw' })
			};
		case 'initiative_kind':
		case 'initiative_program':
		case 'event_kind':
			return { ...base, kind: 'list-item' as const, listItem: { title: text('name'), body: { text: '', lang } } };
		default:
			return { ...base, kind: 'list-item' as const, listItem: { title: text('title'), body: text('body') } };
	}
}, contentAnswers) satisfies PageServerLoad;
