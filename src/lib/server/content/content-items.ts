import type { Kysely } from 'kysely';
import { z } from 'zod';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import type { Permission } from '$lib/people/roles';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import { isBlankRichText, sanitizeRichText } from '$lib/server/shared/rich-text';

/*
 * The kinds of site content staff edit, described once: which fields each has,
 * which of them are translated, which are rich text, how they are checked, and
 * how an item's data is read from and written to its live table. Revisions,
 * forms, previews and diffs all work from these descriptions.
 */

export const contentItemTypes = ['organization', 'page', 'pillar', 'activity', 'core_value', 'testimonial'] as const;
export type ContentItemType = (typeof contentItemTypes)[number];
export const listItemTypes = ['pillar', 'activity', 'core_value', 'testimonial'] as const;
export type ListItemType = (typeof listItemTypes)[number];
export const pageKeys = ['home', 'about', 'manifesto', 'privacy'] as const;

export function isContentItemType(value: unknown): value is ContentItemType {
	return typeof value === 'string' && (contentItemTypes as readonly string[]).includes(value);
}

export function isListItemType(value: unknown): value is ListItemType {
	return typeof value === 'string' && (listItemTypes as readonly string[]).includes(value);
}

/**
 * line / paragraph / rich: translated (one value per language); rich is HTML.
 * text, email, integer, flag, links: one value for every language.
 * image: a photo from the media library, by id (0 for none).
 */
export type FieldKind = 'line' | 'paragraph' | 'rich' | 'text' | 'email' | 'integer' | 'flag' | 'links' | 'image';

export interface FieldSpec {
	name: string;
	label: string;
	kind: FieldKind;
	/** For translated fields: English must be filled in (it is every language's fallback). */
	required?: boolean;
	hint?: string;
	max?: number;
}

export function isLocalizedField(field: Pick<FieldSpec, 'kind'>): boolean {
	return field.kind === 'line' || field.kind === 'paragraph' || field.kind === 'rich';
}

export interface SocialLinkData {
	label: string;
	url: string;
}

/** An item's editable fields, keyed by field name: Localized for translated fields. */
export type ItemData = Record<string, Localized | string | number | boolean | SocialLinkData[]>;

export interface ContentItemSpec {
	type: ContentItemType;
	/** What the admin calls this kind of item, singular and plural. */
	label: string;
	groupLabel: string;
	fields: FieldSpec[];
	editPermission: Permission;
	publishPermission: Permission;
}

const titleAndBody: FieldSpec[] = [
	{ name: 'title', label: 'Title', kind: 'line', required: true, max: 200 },
	{ name: 'body', label: 'Text', kind: 'rich', max: 20_000 }
];

export const contentItems: Record<ContentItemType, ContentItemSpec> = {
	organization: {
		type: 'organization',
		label: 'Settings',
		groupLabel: 'Settings',
		editPermission: 'settings.edit',
		publishPermission: 'settings.edit',
		fields: [
			{ name: 'name', label: 'Name of the organization', kind: 'text', max: 120 },
			{ name: 'tagline', label: 'Tagline', kind: 'line', required: true, max: 200 },
			{ name: 'intro', label: 'Introduction on the home page', kind: 'paragraph', required: true, max: 1000 },
			{ name: 'location', label: 'Where the team is', kind: 'line', max: 200 },
			{ name: 'email', label: 'Public e-mail address', kind: 'email', max: 200 },
			{ name: 'founded_year', label: 'Year founded', kind: 'integer' },
			{
				name: 'social_links',
				label: 'Social media links',
				kind: 'links',
				hint: 'One per line: the name, a space, then the address starting with https://, e.g. "Instagram https://instagram.com/…".'
			},
			{ name: 'figure_initiatives', label: 'Figures: initiatives', kind: 'integer' },
			{ name: 'figure_countries', label: 'Figures: countries', kind: 'integer' },
			{ name: 'figure_years', label: 'Figures: years', kind: 'integer' },
			{ name: 'figure_participants', label: 'Figures: participants', kind: 'integer' },
			{ name: 'figures_year', label: 'Figures are as of the year', kind: 'integer' }
		]
	},
	page: {
		type: 'page',
		label: 'Page',
		groupLabel: 'Pages',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: [
			{ name: 'title', label: 'Title', kind: 'line', required: true, max: 200 },
			{ name: 'summary', label: 'Summary', kind: 'paragraph', max: 600, hint: 'Shown under the title and by search engines.' },
			{ name: 'body', label: 'Text', kind: 'rich', max: 100_000 },
			{ name: 'image_id', label: 'Photo', kind: 'image', hint: 'Shown at the top of the page, with its alt text. Upload photos in Media first.' }
		]
	},
	pillar: {
		type: 'pillar',
		label: 'Agenda pillar',
		groupLabel: 'Agenda',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: titleAndBody
	},
	activity: {
		type: 'activity',
		label: 'Activity',
		groupLabel: 'What we do',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: titleAndBody
	},
	core_value: {
		type: 'core_value',
		label: 'Value',
		groupLabel: 'Values',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: titleAndBody
	},
	testimonial: {
		type: 'testimonial',
		label: 'Testimonial',
		groupLabel: 'Testimonials',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: [
			{ name: 'quote', label: 'Quote', kind: 'paragraph', required: true, max: 1000 },
			{ name: 'person', label: 'Person', kind: 'line', required: true, max: 200 },
			{ name: 'role', label: 'Role', kind: 'line', max: 200 },
			{ name: 'place', label: 'Place', kind: 'line', max: 200 },
			{ name: 'featured', label: 'Featured', kind: 'flag', hint: 'Featured testimonials may be shown on their own.' },
			{
				name: 'is_example',
				label: 'Example',
				kind: 'flag',
				hint: 'Marked on the site as an example, not said by a real, named person.'
			}
		]
	}
};

export const pageLabels: Record<(typeof pageKeys)[number], string> = {
	home: 'Home page',
	about: 'Who we are',
	manifesto: 'Manifesto',
	privacy: 'Privacy policy'
};

// ---------------------------------------------------------------------------
// Checking data

/** Plain text as typed, without control characters (newlines kept where a field may have several lines). */
function plainText(value: string, multiline: boolean): string {
	const unified = value.replace(/\r\n?/g, '\n');
	const cleaned = multiline ? unified.replace(/(?!\n)\p{Cc}/gu, '') : unified.replace(/\p{Cc}+/gu, ' ');
	return cleaned.trim();
}

function localizedSchema(field: FieldSpec) {
	const max = field.max ?? 10_000;
	const clean = (text: string) =>
		field.kind === 'rich' ? sanitizeRichText(text) : plainText(text, field.kind === 'paragraph');
	const text = z
		.string()
		.max(max * 2)
		.transform(clean)
		.pipe(z.string().max(max, `At most ${max} characters.`));
	const shape = Object.fromEntries(locales.map((l) => [l, text.optional()])) as Record<Locale, z.ZodOptional<typeof text>>;
	return z
		.object(shape)
		.transform((value) => {
			const out: Record<string, string> = { en: value.en ?? '' };
			for (const l of locales) if (l !== 'en' && value[l]) out[l] = value[l];
			return out as Localized;
		})
		.refine((value) => !field.required || value.en.trim() !== '', { message: 'Write it in English: every language falls back to it.', path: ['en'] });
}

const socialLinks = z
	.array(
		z.object({
			label: z.string().transform((s) => plainText(s, false)).pipe(z.string().min(1).max(60)),
			url: z
				.string()
				.trim()
				.max(500)
				.refine((url) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(url), 'Links must start with https:// or http://.')
		})
	)
	.max(20);

function fieldSchema(field: FieldSpec): z.ZodType {
	switch (field.kind) {
		case 'line':
		case 'paragraph':
		case 'rich':
			return localizedSchema(field);
		case 'text':
			return z
				.string()
				.transform((s) => plainText(s, false))
				.pipe(z.string().min(1, 'Fill this in.').max(field.max ?? 200));
		case 'email':
			return z.string().trim().toLowerCase().pipe(z.email('Write a valid e-mail address.'));
		case 'integer':
			return z.coerce.number('Write a whole number.').int('Write a whole number.').min(0, 'Write a whole number, 0 or more.').max(Number.MAX_SAFE_INTEGER);
		case 'flag':
			return z.boolean();
		case 'links':
			return socialLinks;
		case 'image':
			return z.number('Choose a photo from the list.').int().min(0);
	}
}

const schemas = new Map<ContentItemType, z.ZodType<ItemData>>();

/** The zod schema for an item type's data: every field required in its shape, unknown fields dropped. */
export function itemSchema(type: ContentItemType): z.ZodType<ItemData> {
	let schema = schemas.get(type);
	if (!schema) {
		const shape = Object.fromEntries(contentItems[type].fields.map((f) => [f.name, fieldSchema(f)]));
		schema = z.object(shape) as unknown as z.ZodType<ItemData>;
		schemas.set(type, schema);
	}
	return schema;
}

// ---------------------------------------------------------------------------
// Missing translations

export interface MissingTranslation {
	field: string;
	label: string;
	languages: Locale[];
}

/**
 * The translated fields that lack a language. A field empty in English as well
 * is not counted: there is nothing to translate yet.
 */
export function missingTranslations(type: ContentItemType, data: ItemData): MissingTranslation[] {
	const result: MissingTranslation[] = [];
	for (const field of contentItems[type].fields) {
		if (!isLocalizedField(field)) continue;
		const value = data[field.name] as Localized | undefined;
		const blank = (text: string | undefined) => (field.kind === 'rich' ? isBlankRichText(text) : !text || text.trim() === '');
		if (!value || blank(value.en)) continue;
		const languages = locales.filter((l) => blank(value[l]));
		if (languages.length > 0) result.push({ field: field.name, label: field.label, languages });
	}
	return result;
}

/** Empty data for a new list item. */
export function emptyItemData(type: ContentItemType): ItemData {
	const data: ItemData = {};
	for (const field of contentItems[type].fields) {
		data[field.name] = isLocalizedField(field) ? { en: '' } : field.kind === 'flag' ? false : field.kind === 'links' ? [] : field.kind === 'integer' || field.kind === 'image' ? 0 : '';
	}
	return data;
}

// ---------------------------------------------------------------------------
// Live tables

/** The item's data as the public site shows it now; undefined when it does not exist. */
export async function readLiveItem(db: Kysely<Database>, type: ContentItemType, key: string): Promise<ItemData | undefined> {
	switch (type) {
		case 'organization': {
			if (key !== '1') return undefined;
			const row = await db.selectFrom('organization').selectAll().where('id', '=', 1).executeTakeFirst();
			if (!row) return undefined;
			return {
				name: row.name,
				tagline: parseLocalized(row.tagline),
				intro: parseLocalized(row.intro),
				location: parseLocalized(row.location),
				email: row.email,
				founded_year: row.founded_year,
				social_links: parseLinks(row.social_links),
				figure_initiatives: row.figure_initiatives,
				figure_countries: row.figure_countries,
				figure_years: row.figure_years,
				figure_participants: Number(row.figure_participants),
				figures_year: row.figures_year
			};
		}
		case 'page': {
			const row = await db.selectFrom('page').selectAll().where('key', '=', key).executeTakeFirst();
			if (!row) return undefined;
			return {
				title: parseLocalized(row.title),
				summary: parseLocalized(row.summary),
				body: parseLocalized(row.body),
				image_id: row.image_id ?? 0
			};
		}
		case 'pillar':
		case 'activity':
		case 'core_value': {
			const id = rowId(key);
			if (id === undefined) return undefined;
			const row = await db.selectFrom(type).selectAll().where('id', '=', id).executeTakeFirst();
			if (!row) return undefined;
			return { title: parseLocalized(row.title), body: parseLocalized(row.body) };
		}
		case 'testimonial': {
			const id = rowId(key);
			if (id === undefined) return undefined;
			const row = await db.selectFrom('testimonial').selectAll().where('id', '=', id).executeTakeFirst();
			if (!row) return undefined;
			return {
				quote: parseLocalized(row.quote),
				person: parseLocalized(row.person),
				role: parseLocalized(row.role),
				place: parseLocalized(row.place),
				featured: row.featured === 1,
				is_example: row.is_example === 1
			};
		}
	}
}

/**
 * Writes checked data into the live table. A list item whose key is not a row
 * yet ('new-…') is added at the end of its list; the key it gets is returned.
 */
export async function writeLiveItem(
	db: Kysely<Database>,
	type: ContentItemType,
	key: string,
	data: ItemData,
	now: string
): Promise<string> {
	const loc = (name: string) => stringifyLocalized(data[name] as Localized);
	switch (type) {
		case 'organization': {
			const values = {
				name: data.name as string,
				tagline: loc('tagline'),
				intro: loc('intro'),
				location: loc('location'),
				email: data.email as string,
				founded_year: data.founded_year as number,
				social_links: JSON.stringify(data.social_links),
				figure_initiatives: data.figure_initiatives as number,
				figure_countries: data.figure_countries as number,
				figure_years: data.figure_years as number,
				figure_participants: data.figure_participants as number,
				figures_year: data.figures_year as number,
				updated_at: now
			};
			const result = await db.updateTable('organization').set(values).where('id', '=', 1).executeTakeFirst();
			if (result.numUpdatedRows === 0n) await db.insertInto('organization').values({ id: 1, ...values }).execute();
			return '1';
		}
		case 'page': {
			const values = {
				title: loc('title'),
				summary: loc('summary'),
				body: loc('body'),
				image_id: (data.image_id as number | undefined) || null,
				updated_at: now
			};
			const result = await db.updateTable('page').set(values).where('key', '=', key).executeTakeFirst();
			if (result.numUpdatedRows === 0n) await db.insertInto('page').values({ key, ...values }).execute();
			return key;
		}
		case 'pillar':
		case 'activity':
		case 'core_value': {
			const values = { title: loc('title'), body: loc('body'), updated_at: now };
			const id = rowId(key);
			if (id !== undefined) {
				const result = await db.updateTable(type).set(values).where('id', '=', id).executeTakeFirst();
				if (result.numUpdatedRows === 0n) throw new ItemGoneError(type, key);
				return key;
			}
			const position = await nextPosition(db, type);
			const row = await db.insertInto(type).values({ ...values, position }).returning('id').executeTakeFirstOrThrow();
			return String(row.id);
		}
		case 'testimonial': {
			const values = {
				quote: loc('quote'),
				person: loc('person'),
				role: loc('role'),
				place: loc('place'),
				featured: data.featured ? 1 : 0,
				is_example: data.is_example ? 1 : 0,
				updated_at: now
			};
			const id = rowId(key);
			if (id !== undefined) {
				const result = await db.updateTable('testimonial').set(values).where('id', '=', id).executeTakeFirst();
				if (result.numUpdatedRows === 0n) throw new ItemGoneError(type, key);
				return key;
			}
			const position = await nextPosition(db, 'testimonial');
			const row = await db.insertInto('testimonial').values({ ...values, position }).returning('id').executeTakeFirstOrThrow();
			return String(row.id);
		}
	}
}

/** The list item this revision was for has been deleted since. */
export class ItemGoneError extends Error {
	constructor(type: string, key: string) {
		super(`The ${type} ${key} no longer exists`);
		this.name = 'ItemGoneError';
	}
}

async function nextPosition(db: Kysely<Database>, table: ListItemType): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.max('position').as('max'))
		.executeTakeFirst();
	const max = row?.max;
	return max === null || max === undefined ? 0 : Number(max) + 1;
}

/** A list row's id from an item key; undefined for 'new-…' keys and anything else. */
export function rowId(key: string): number | undefined {
	if (!/^[1-9]\d{0,9}$/.test(key)) return undefined;
	return Number(key);
}

export function isNewItemKey(key: string): boolean {
	return /^new-[0-9a-f]{12}$/.test(key);
}

/** Whether a key can name an item of this type at all (the item may still not exist). */
export function isValidKey(type: ContentItemType, key: string): boolean {
	if (type === 'organization') return key === '1';
	if (type === 'page') return (pageKeys as readonly string[]).includes(key);
	return rowId(key) !== undefined || isNewItemKey(key);
}

function parseLinks(json: string): SocialLinkData[] {
	try {
		const value: unknown = JSON.parse(json);
		if (!Array.isArray(value)) return [];
		return value.filter(
			(l): l is SocialLinkData => typeof l?.label === 'string' && typeof l?.url === 'string'
		);
	} catch {
		return [];
	}
}
