import { archiveFigures, latestStories } from './archive.service';
import type { Kysely } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import type { Database, ListItemRow, ListTable, TestimonialRow } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/platform/errors';
import { findOrganization } from '$lib/server/shared/organization';
import { findPage, listItems, listTestimonials, type PageKey } from './content.queries';
import { pickJson, type Text } from '$lib/server/shared/localized-text';

export interface SocialLink {
	label: string;
	url: string;
}

export interface SiteFrame {
	name: string;
	tagline: Text;
	email: string;
	location: Text;
	socialLinks: SocialLink[];
}

export interface FigureValue {
	value: number;
	/** Set by staff (with a source) rather than counted from the archive. */
	pinned: boolean;
}

export interface Figures {
	initiatives: FigureValue;
	countries: FigureValue;
	years: FigureValue;
	participants: FigureValue;
	/** The day of the newest change to the archive the counts come from (YYYY-MM-DD); null when it is empty. */
	asOf: string | null;
	/** Where pinned figures come from, and the year they are as of; null when none is pinned. */
	pinned: { source: Text | null; year: number } | null;
}

/** A pinned figure (anything but 0) wins over the counted one. */
function figure(pinned: number, counted: number): FigureValue {
	return pinned > 0 ? { value: pinned, pinned: true } : { value: counted, pinned: false };
}

export interface TextPage {
	title: Text;
	summary: Text;
	body: Text;
	imageId: number | null;
	updatedAt: string;
}

export interface ListItem {
	id: number;
	title: Text;
	body: Text;
}

export interface Testimonial {
	id: number;
	quote: Text;
	person: Text;
	role: Text;
	place: Text;
	isExample: boolean;
}

/** What every public page shows around its own content: header and footer. */
export async function getSiteFrame(db: Kysely<Database>, locale: Locale): Promise<SiteFrame> {
	const org = await findOrganization(db);
	if (!org) throw new NotFoundError('organization');
	return {
		name: org.name,
		tagline: pickJson(org.tagline, locale),
		email: org.email,
		location: pickJson(org.location, locale),
		socialLinks: parseSocialLinks(org.social_links)
	};
}

export async function getTextPage(db: Kysely<Database>, key: PageKey, locale: Locale): Promise<TextPage> {
	const row = await findPage(db, key);
	if (!row) throw new NotFoundError(`page ${key}`);
	return {
		title: pickJson(row.title, locale),
		summary: pickJson(row.summary, locale),
		body: pickJson(row.body, locale),
		imageId: row.image_id ?? null,
		updatedAt: row.updated_at
	};
}

export async function getList(db: Kysely<Database>, table: ListTable, locale: Locale): Promise<ListItem[]> {
	return (await listItems(db, table)).map((row) => toListItem(row, locale));
}

export async function getTestimonials(
	db: Kysely<Database>,
	locale: Locale,
	options: { featuredOnly?: boolean } = {}
): Promise<Testimonial[]> {
	return (await listTestimonials(db, options)).map((row) => toTestimonial(row, locale));
}

export async function getHomePage(db: Kysely<Database>, locale: Locale, now: Date) {
	const [org, page, manifesto, pillars, activities, values, testimonials, stories] = await Promise.all([
		findOrganization(db),
		getTextPage(db, 'home', locale),
		getTextPage(db, 'manifesto', locale),
		getList(db, 'pillar', locale),
		getList(db, 'activity', locale),
		getList(db, 'core_value', locale),
		getTestimonials(db, locale),
		latestStories(db, locale, 3)
	]);
	if (!org) throw new NotFoundError('organization');
	const counted = await archiveFigures(db);
	const figures: Figures = {
		initiatives: figure(org.figure_initiatives, counted.initiatives),
		countries: figure(org.figure_countries, counted.countries),
		years: figure(org.figure_years, Math.max(0, now.getUTCFullYear() - org.founded_year)),
		participants: figure(Number(org.figure_participants), counted.participants),
		asOf: counted.asOf?.slice(0, 10) ?? null,
		pinned: null
	};
	if ([figures.initiatives, figures.countries, figures.years, figures.participants].some((f) => f.pinned)) {
		const source = pickJson(org.figures_source, locale);
		figures.pinned = { source: source.text.trim() === '' ? null : source, year: org.figures_year };
	}
	return {
		page,
		foundedYear: org.founded_year,
		intro: pickJson(org.intro, locale),
		figures,
		pillars,
		activities,
		values,
		testimonials,
		stories,
		manifesto: { title: manifesto.title, summary: manifesto.summary }
	};
}

/** The About page: its own text, not the home page's activities and values again (the home page shows those). */
export async function getAboutPage(db: Kysely<Database>, locale: Locale) {
	return { page: await getTextPage(db, 'about', locale) };
}

function toListItem(row: ListItemRow, locale: Locale): ListItem {
	return { id: row.id, title: pickJson(row.title, locale), body: pickJson(row.body, locale) };
}

function toTestimonial(row: TestimonialRow, locale: Locale): Testimonial {
	return {
		id: row.id,
		quote: pickJson(row.quote, locale),
		person: pickJson(row.person, locale),
		role: pickJson(row.role, locale),
		place: pickJson(row.place, locale),
		isExample: row.is_example === 1
	};
}

function parseSocialLinks(json: string): SocialLink[] {
	const value: unknown = JSON.parse(json);
	if (!Array.isArray(value)) return [];
	return value.filter(
		(link): link is SocialLink =>
			typeof link?.label === 'string' && typeof link?.url === 'string' && /^https?:\/\//.test(link.url)
	);
}
