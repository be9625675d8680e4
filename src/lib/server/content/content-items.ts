import type { Kysely } from 'kysely';
import { z } from 'zod';
import { locales, type Locale, type Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import type { Permission } from '$lib/people/roles';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import { isBlankRichText, sanitizeRichText } from '$lib/server/shared/rich-text';
import { isCountryCode } from '$lib/server/shared/countries';
import { slugify } from '$lib/server/shared/slug';
import { languageCodeOf } from '$lib/server/shared/languages';
import { readEvent, readInitiative, readStory, readTerm, writeEvent, writeInitiative, writeStory, writeTerm } from './archive-items';
import { indexLiveItem } from './search-documents';
import { completeExhibitionData, readExhibition, writeExhibition } from './exhibition-items';
import { customPageFields, readCustomPage, reservedSlugIssues, writeCustomPage } from './custom-page-items';

/*
 * The kinds of site content staff edit, described once: which fields each has,
 * which of them are translated, which are rich text, how they are checked, and
 * how an item's data is read from and written to its live table. Revisions,
 * forms, previews and diffs all work from these descriptions.
 */

export const contentItemTypes = [
	'organization',
	'page',
	'pillar',
	'activity',
	'core_value',
	'testimonial',
	'initiative_kind',
	'initiative_program',
	'initiative',
	'story',
	'event_kind',
	'event',
	'exhibition',
	'custom_page'
] as const;
export type ContentItemType = (typeof contentItemTypes)[number];
/** Ordered lists staff keep by hand, shown whole on the content page. */
export const listItemTypes = ['pillar', 'activity', 'core_value', 'testimonial', 'initiative_kind', 'initiative_program', 'event_kind'] as const;
/** The archive and the events: many items each, listed on pages of their own. */
export const archiveItemTypes = ['initiative', 'story', 'event', 'exhibition', 'custom_page'] as const;
export type ArchiveItemType = (typeof archiveItemTypes)[number];
export type ListItemType = (typeof listItemTypes)[number];
export const pageKeys = ['home', 'about', 'manifesto', 'privacy'] as const;

export function isContentItemType(value: unknown): value is ContentItemType {
	return typeof value === 'string' && (contentItemTypes as readonly string[]).includes(value);
}

export function isListItemType(value: unknown): value is ListItemType {
	return typeof value === 'string' && (listItemTypes as readonly string[]).includes(value);
}

export function isArchiveItemType(value: unknown): value is ArchiveItemType {
	return typeof value === 'string' && (archiveItemTypes as readonly string[]).includes(value);
}

/** Types whose items are rows with ids, made by publishing a first draft under a 'new-…' key. */
export function hasRowKeys(type: ContentItemType): type is ListItemType | ArchiveItemType {
	return isListItemType(type) || isArchiveItemType(type);
}

/**
 * line / paragraph / rich: translated (one value per language); rich is HTML.
 * text, email, integer, flag, links: one value for every language.
 * image: a photo from the media library, by id (0 for none).
 * slug: the item's address, made from the English title when left empty.
 * date: a calendar date, YYYY-MM-DD ('' for none unless required).
 * term: one of a staff-defined list (`source`), by id (0 for none).
 * refs: ids of other items (`source`), in the order chosen.
 * tags: lower-case words.
 * languages: languages people speak, stored as language codes (`ne`, `en`, `new`);
 *   typed as names (in English or a site language) or codes, shown as English names.
 * choice: one of `options`, by value ('' may be an option: "not stated").
 * rows: a list of small records (`rows` describes their fields).
 */
export type FieldKind =
	| 'line'
	| 'paragraph'
	| 'rich'
	| 'text'
	| 'email'
	| 'integer'
	| 'flag'
	| 'links'
	| 'image'
	| 'slug'
	| 'date'
	| 'term'
	| 'refs'
	| 'tags'
	| 'languages'
	| 'choice'
	| 'rows';

/** Where a term or refs field takes its choices from. */
export type ChoiceSource = 'initiative_kind' | 'initiative_program' | 'event_kind' | 'open_call' | 'initiative' | 'artist' | 'artwork';

/**
 * A field of one row: line is translated; decimal is a number with a fraction
 * (coordinates); country an ISO 3166-1 alpha-2 code; choice one of `options`.
 */
export type RowFieldKind = 'line' | 'text' | 'integer' | 'decimal' | 'flag' | 'country' | 'choice' | 'image' | 'ref';

export interface RowFieldSpec {
	name: string;
	label: string;
	kind: RowFieldKind;
	/** For a ref: what it is one of (an artist, a work), chosen from a list by name; its id, 0 for none. */
	source?: ChoiceSource;
	required?: boolean;
	max?: number;
	min?: number;
	options?: readonly { value: string; label: string }[];
	hint?: string;
}

export interface FieldSpec {
	name: string;
	label: string;
	kind: FieldKind;
	/** For translated fields: English must be filled in (it is every language's fallback). */
	required?: boolean;
	hint?: string;
	/** Longest text; for an integer, the largest number. */
	max?: number;
	/** For an integer: the smallest number (0 when not said). */
	min?: number;
	/** What a new item starts with, when not the kind's empty value. */
	default?: number | boolean | string;
	source?: ChoiceSource;
	/** For a choice: the values it may take, with what the editor calls them. */
	options?: readonly { value: string; label: string }[];
	rows?: RowFieldSpec[];
	/** What one row is called in the editor ("place", "photo"). */
	rowLabel?: string;
	/** A heading the editor shows before this field, to start a part of a long form. */
	section?: string;
}

export function isLocalizedField(field: Pick<FieldSpec, 'kind'>): boolean {
	return field.kind === 'line' || field.kind === 'paragraph' || field.kind === 'rich';
}

export interface SocialLinkData {
	label: string;
	url: string;
}

/** One row of a rows field, keyed by its fields' names. */
export type RowData = Record<string, Localized | string | number | boolean | null>;

/** An item's editable fields, keyed by field name: Localized for translated fields. */
export type ItemData = Record<string, Localized | string | number | boolean | SocialLinkData[] | RowData[] | number[] | string[]>;

export interface ContentItemSpec {
	type: ContentItemType;
	/** What the admin calls this kind of item, singular and plural. */
	label: string;
	groupLabel: string;
	fields: FieldSpec[];
	editPermission: Permission;
	publishPermission: Permission;
}

const pinHint = 'Leave 0 to count it from the published initiatives. Pin a number while the archive is incomplete.';

const roleOptions = [
	{ value: 'artist', label: 'Artist' },
	{ value: 'partner', label: 'Partner' },
	{ value: 'host', label: 'Host' }
] as const;
export const creditRoles = roleOptions.map((o) => o.value);
export type CreditRole = (typeof creditRoles)[number];

const termFields: FieldSpec[] = [
	{ name: 'name', label: 'Name', kind: 'line', required: true, max: 120 },
	{ name: 'key', label: 'Short name in addresses', kind: 'slug', max: 60, hint: 'Letters, digits and dashes, e.g. “art-tour”. Made from the English name when left empty.' }
];

/** An access feature is there, is not, or the organizer has not said: never a guess. */
const accessOptions = [
	{ value: '', label: 'Not stated' },
	{ value: 'yes', label: 'Yes' },
	{ value: 'no', label: 'No' }
] as const;
export type AccessAnswer = (typeof accessOptions)[number]['value'];

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
			{ name: 'figure_initiatives', label: 'Pinned figure: initiatives', kind: 'integer', hint: pinHint },
			{ name: 'figure_countries', label: 'Pinned figure: countries', kind: 'integer', hint: pinHint },
			{ name: 'figure_years', label: 'Pinned figure: years', kind: 'integer', hint: pinHint },
			{ name: 'figure_participants', label: 'Pinned figure: participants', kind: 'integer', hint: pinHint },
			{ name: 'figures_year', label: 'Pinned figures are as of the year', kind: 'integer' },
			{
				name: 'figures_source',
				label: 'Where the pinned figures come from',
				kind: 'line',
				max: 300,
				hint: 'Shown beside pinned figures, e.g. “Annual report 2025”.'
			}
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
	initiative_kind: {
		type: 'initiative_kind',
		label: 'Kind of initiative',
		groupLabel: 'Kinds of initiative',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: termFields
	},
	initiative_program: {
		type: 'initiative_program',
		label: 'Program',
		groupLabel: 'Programs',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: termFields
	},
	initiative: {
		type: 'initiative',
		label: 'Initiative',
		groupLabel: 'Initiatives',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: [
			{ name: 'title', label: 'Title', kind: 'line', required: true, max: 200 },
			{ name: 'slug', label: 'Address', kind: 'slug', max: 80, hint: 'The end of its web address. Made from the English title when left empty.' },
			{ name: 'summary', label: 'Summary', kind: 'paragraph', max: 600, hint: 'One or two sentences: shown in lists and by search engines.' },
			{ name: 'body', label: 'Text', kind: 'rich', max: 100_000 },
			{ name: 'theme', label: 'Theme', kind: 'line', max: 200 },
			{ name: 'kind_id', label: 'Kind', kind: 'term', source: 'initiative_kind', required: true },
			{ name: 'program_id', label: 'Program', kind: 'term', source: 'initiative_program' },
			{ name: 'start_date', label: 'First day', kind: 'date', required: true },
			{ name: 'end_date', label: 'Last day', kind: 'date', hint: 'Leave empty for a single day.' },
			{
				name: 'places',
				label: 'Places',
				kind: 'rows',
				rowLabel: 'place',
				max: 50,
				hint: 'Where it happened. Tick “online” for work that happened on the internet.',
				rows: [
					{ name: 'name', label: 'Place', kind: 'text', max: 200, hint: 'A laneway, a gallery, a neighbourhood…' },
					{ name: 'city', label: 'Town or city', kind: 'text', max: 120 },
					{ name: 'country', label: 'Country', kind: 'country' },
					{ name: 'latitude', label: 'Latitude', kind: 'decimal', min: -90, max: 90 },
					{ name: 'longitude', label: 'Longitude', kind: 'decimal', min: -180, max: 180 },
					{ name: 'virtual', label: 'Online', kind: 'flag' }
				]
			},
			{
				name: 'figures',
				label: 'Impact figures',
				kind: 'rows',
				rowLabel: 'figure',
				max: 20,
				rows: [
					{ name: 'label', label: 'What was counted', kind: 'line', required: true, max: 120 },
					{ name: 'value', label: 'Number', kind: 'integer', required: true },
					{ name: 'source', label: 'Where the number comes from', kind: 'text', max: 200 },
					{ name: 'participants', label: 'Counts as participants', kind: 'flag', hint: 'Added to the participants on the home page.' }
				]
			},
			{
				name: 'credits',
				label: 'Credits',
				kind: 'rows',
				rowLabel: 'credit',
				max: 100,
				rows: [
					{ name: 'name', label: 'Name', kind: 'text', required: true, max: 200 },
					{ name: 'role', label: 'Role', kind: 'choice', options: roleOptions, required: true },
					{ name: 'note', label: 'Note', kind: 'line', max: 200 },
					{
						name: 'artistId',
						label: 'Artist of the collective',
						kind: 'ref',
						source: 'artist',
						hint: 'Optional. The credit then follows the artist’s consent: a link to their profile, their name alone, or the wording chosen for them.'
					}
				]
			},
			{
				name: 'gallery',
				label: 'Gallery',
				kind: 'rows',
				rowLabel: 'photo',
				max: 40,
				hint: 'Photos from Media, in the order shown. The first one is the cover. Their alt text comes from Media.',
				rows: [
					{ name: 'media_id', label: 'Photo', kind: 'image', required: true },
					{ name: 'caption', label: 'Caption', kind: 'line', max: 300 },
					{ name: 'credit', label: 'Photo credit', kind: 'text', max: 200 }
				]
			},
			{ name: 'call_ids', label: 'Related open calls', kind: 'refs', source: 'open_call' }
		]
	},
	story: {
		type: 'story',
		label: 'Story',
		groupLabel: 'Stories',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: [
			{ name: 'title', label: 'Title', kind: 'line', required: true, max: 200 },
			{ name: 'slug', label: 'Address', kind: 'slug', max: 80, hint: 'The end of its web address. Made from the English title when left empty.' },
			{ name: 'standfirst', label: 'Standfirst', kind: 'paragraph', max: 600, hint: 'One or two sentences under the title: shown in lists, feeds and by search engines.' },
			{ name: 'body', label: 'Text', kind: 'rich', max: 100_000 },
			{ name: 'cover_media_id', label: 'Cover photo', kind: 'image' },
			{ name: 'author_name', label: 'Author', kind: 'text', max: 200, required: false, hint: 'Leave empty to sign it with the organization’s name.' },
			{ name: 'published_on', label: 'Date', kind: 'date', required: true, hint: 'The date the story carries.' },
			{ name: 'tags', label: 'Tags', kind: 'tags', hint: 'Words separated by commas, e.g. “murals, climate”.' },
			{ name: 'initiative_ids', label: 'Initiatives it is about', kind: 'refs', source: 'initiative' }
		]
	},
	event_kind: {
		type: 'event_kind',
		label: 'Kind of event',
		groupLabel: 'Kinds of event',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: termFields
	},
	event: {
		type: 'event',
		label: 'Event',
		groupLabel: 'Events',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: [
			{ name: 'title', label: 'Title', kind: 'line', required: true, max: 200, section: 'About the event' },
			{ name: 'slug', label: 'Address', kind: 'slug', max: 80, hint: 'The end of its web address. Made from the English title when left empty.' },
			{ name: 'summary', label: 'Summary', kind: 'paragraph', max: 600, hint: 'One or two sentences: shown in lists and by search engines.' },
			{ name: 'body', label: 'Text', kind: 'rich', max: 100_000, hint: 'What happens, who it is for, what to bring.' },
			{ name: 'kind_id', label: 'Kind of event', kind: 'term', source: 'event_kind', required: true },
			{ name: 'initiative_id', label: 'Part of an initiative', kind: 'term', source: 'initiative', hint: 'Leave it on “None” if it belongs to no initiative in the archive.' },
			{ name: 'cover_media_id', label: 'Cover photo', kind: 'image', hint: 'Upload photos in Media first. Its alt text comes from Media.' },
			{ name: 'organizer_name', label: 'Organized by', kind: 'text', max: 200, required: true, hint: 'A person, a group or the organization.' },
			{ name: 'organizer_email', label: 'Organizer’s e-mail address', kind: 'email', max: 200, required: true, hint: 'Where people can write with questions about the event.' },
			{
				name: 'step_free',
				label: 'Step-free way in',
				kind: 'choice',
				options: accessOptions,
				hint: 'No steps on the way in and inside, or a ramp or a lift. Leave “Not stated” when you do not know yet.',
				section: 'Access'
			},
			{ name: 'seating', label: 'Seats for everyone who needs one', kind: 'choice', options: accessOptions },
			{ name: 'sign_language', label: 'Sign language interpreting', kind: 'choice', options: accessOptions },
			{ name: 'captions', label: 'Captions or subtitles', kind: 'choice', options: accessOptions, hint: 'For talks, films and online sessions.' },
			{ name: 'quiet_space', label: 'A quiet space to rest', kind: 'choice', options: accessOptions },
			{
				name: 'languages_spoken',
				label: 'Languages spoken',
				kind: 'languages',
				hint: 'Separated by commas, e.g. “Nepali, English”. Names in English, or codes such as “ne”.'
			},
			{ name: 'access_note', label: 'More about access', kind: 'paragraph', max: 1000, hint: 'Anything else people should know, e.g. where the entrance is or how loud it will be.' },
			{
				name: 'party_max',
				label: 'Largest party',
				kind: 'integer',
				min: 1,
				max: 20,
				default: 4,
				hint: 'The largest party one registration may bring, the person registering included (1 to 20).',
				section: 'Registration'
			},
			{
				name: 'hold_minutes',
				label: 'Minutes to confirm',
				kind: 'integer',
				min: 5,
				max: 10_080,
				default: 60,
				hint: 'Someone who registers gets an e-mail to confirm. Their places are kept for this many minutes meanwhile.'
			},
			{
				name: 'offer_hours',
				label: 'Hours to take up a freed place',
				kind: 'integer',
				min: 1,
				max: 168,
				default: 24,
				hint: 'When places free up, the next people on the waiting list are offered them for this many hours.'
			},
			{ name: 'remind_day_before', label: 'Send a reminder the day before', kind: 'flag', default: true },
			{ name: 'remind_hour_before', label: 'Send a reminder an hour before', kind: 'flag', default: true },
			{
				name: 'questions',
				label: 'Questions asked when people register',
				kind: 'rows',
				rowLabel: 'question',
				max: 10,
				hint: 'Name and e-mail address are always asked. Add questions only when you need the answers, e.g. about access needs.',
				rows: [
					{ name: 'label', label: 'Question', kind: 'line', required: true, max: 200 },
					{ name: 'required', label: 'People must answer it', kind: 'flag' },
					{
						name: 'key',
						label: 'Short name',
						kind: 'text',
						max: 40,
						hint: 'Made from the English question when left empty. Keep it once people have answered: their answers are filed under it.'
					}
				]
			}
		]
	},
	exhibition: {
		type: 'exhibition',
		label: 'Exhibition',
		groupLabel: 'Exhibitions',
		editPermission: 'exhibitions.manage',
		publishPermission: 'exhibitions.manage',
		fields: [
			{ name: 'title', label: 'Title', kind: 'line', required: true, max: 200, section: 'About the exhibition' },
			{ name: 'slug', label: 'Address', kind: 'slug', max: 80, hint: 'The end of its web address. Made from the English title when left empty.' },
			{ name: 'summary', label: 'Summary', kind: 'paragraph', max: 600, hint: 'One or two sentences: shown in lists, link previews and by search engines.' },
			{ name: 'curatorial_text', label: 'Curatorial text', kind: 'rich', max: 100_000 },
			{
				name: 'languages',
				label: 'Published in',
				kind: 'languages',
				hint: 'The site languages it is published in, e.g. “English, Nepali”. English always. Every work needs alt text in each of them.'
			},
			{ name: 'curator_ids', label: 'Curated by (artists of the collective)', kind: 'refs', source: 'artist' },
			{ name: 'curator_names', label: 'Curated by (others)', kind: 'text', max: 200, required: false, hint: 'Staff or guests, by name, e.g. “Asha Gurung”.' },
			{ name: 'opens_on', label: 'Opens', kind: 'date', required: true },
			{ name: 'closes_on', label: 'Closes', kind: 'date', hint: 'Leave empty while it has no end.' },
			{ name: 'permanent', label: 'Permanent', kind: 'flag', hint: 'Always on view: listed apart, with no closing day.' },
			{ name: 'cover_media_id', label: 'Cover image', kind: 'image', hint: 'Shown in lists and link previews. Its alt text comes from Media.' },
			{ name: 'initiative_id', label: 'Part of an initiative', kind: 'term', source: 'initiative' },
			{
				name: 'sections',
				label: 'Sections',
				kind: 'rows',
				rowLabel: 'section',
				max: 20,
				hint: 'Rooms of the exhibition, in order. Works name their section by its short name.',
				section: 'Sections and works',
				rows: [
					{ name: 'key', label: 'Short name', kind: 'text', required: true, max: 40, hint: 'e.g. “walls”' },
					{ name: 'title', label: 'Title', kind: 'line', required: true, max: 200 }
				]
			},
			{
				name: 'works',
				label: 'Works',
				kind: 'rows',
				rowLabel: 'work',
				max: 200,
				hint: 'In the order of the walk. Each work’s number is in Works.',
				rows: [
					{ name: 'artwork_id', label: 'Work', kind: 'ref', source: 'artwork', required: true },
					{ name: 'caption', label: 'Caption', kind: 'line', max: 300 },
					{ name: 'section_key', label: 'Section (short name)', kind: 'text', required: false, max: 40 }
				]
			}
		]
	},
	custom_page: {
		type: 'custom_page',
		label: 'Page',
		groupLabel: 'Added pages',
		editPermission: 'content.edit',
		publishPermission: 'content.publish',
		fields: customPageFields
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

/**
 * Help texts that differ from one page to another, because the public page does
 * something else with the field: the home page shows the organization's
 * introduction (Settings) under its title, not its summary.
 */
export const pageFieldHints: Partial<Record<(typeof pageKeys)[number], Record<string, string>>> = {
	home: {
		summary:
			'Not shown on the home page itself: search engines and link previews show it. The text under the title is the “Introduction on the home page”, in Settings.'
	},
	manifesto: { summary: 'Shown under the title, on the home page beside the link to the manifesto, and by search engines.' }
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

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
	if (!datePattern.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** One line of plain text, at most `max` characters; refused when empty if required. */
function lineOfText(max: number, required: boolean): z.ZodType {
	const bounded = z.string().max(max, `At most ${max} characters.`);
	return z
		.string()
		.transform((s) => plainText(s, false))
		.pipe(required ? bounded.min(1, 'Fill this in.') : bounded);
}

const wholeNumber = z.coerce.number('Write a whole number.').int('Write a whole number.').min(0, 'Write a whole number, 0 or more.').max(Number.MAX_SAFE_INTEGER);

function boundedWholeNumber(min: number, max: number) {
	const message = `Write a whole number from ${min} to ${max}.`;
	return z.coerce.number(message).int(message).min(min, message).max(max, message);
}

/** Names or codes as typed, to language codes; one the app does not know is named in the message. */
const languageList = z
	.array(z.string().transform((text) => plainText(text, false)))
	.max(40, 'At most 20 languages.')
	.transform((typed, ctx) => {
		const codes: string[] = [];
		for (const text of typed) {
			if (text === '') continue;
			const code = languageCodeOf(text);
			if (code === undefined) {
				ctx.addIssue({ code: 'custom', message: `“${text.slice(0, 40)}” is not a language this site knows. Write its name in English, e.g. “Nepali”, or its code, e.g. “ne”.` });
				return z.NEVER;
			}
			if (!codes.includes(code)) codes.push(code);
		}
		if (codes.length > 20) {
			ctx.addIssue({ code: 'custom', message: 'At most 20 languages.' });
			return z.NEVER;
		}
		return codes;
	});

function rowFieldSchema(field: RowFieldSpec): z.ZodType {
	switch (field.kind) {
		case 'line':
			return localizedSchema({ name: field.name, label: field.label, kind: 'line', required: field.required, max: field.max });
		case 'text':
			// An optional column added to rows later (a credit's artist) is missing from rows saved before: empty.
			return field.required === true ? lineOfText(field.max ?? 200, true) : z.preprocess((value) => value ?? '', lineOfText(field.max ?? 200, false));
		case 'integer':
			return wholeNumber;
		case 'decimal':
			return z
				.number('Write a number, e.g. 27.67.')
				.min(field.min ?? -Number.MAX_VALUE, `Write a number from ${field.min} to ${field.max}.`)
				.max(field.max ?? Number.MAX_VALUE, `Write a number from ${field.min} to ${field.max}.`)
				.nullable();
		case 'flag':
			return z.boolean();
		case 'country':
			return z
				.string()
				.trim()
				.toUpperCase()
				.refine((code) => code === '' || isCountryCode(code), 'Choose a country from the list.');
		case 'choice': {
			const values = (field.options ?? []).map((o) => o.value);
			return z.string().refine((value) => values.includes(value), 'Choose one from the list.');
		}
		case 'image':
			return z.number('Choose a photo from the list.').int().min(field.required ? 1 : 0, 'Choose a photo from the list.');
		case 'ref':
			// Rows saved before a ref field existed (or as text) read as "none" or their number.
			return z.preprocess(
				(value) => (value === undefined || value === null || value === '' ? 0 : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value),
				z.number('Choose one from the list.').int().min(field.required ? 1 : 0, 'Choose one from the list.')
			);
	}
}

function rowsSchema(field: FieldSpec): z.ZodType {
	const shape = Object.fromEntries((field.rows ?? []).map((f) => [f.name, rowFieldSchema(f)]));
	const max = field.max ?? 50;
	return z.array(z.object(shape)).max(max, `At most ${max}.`);
}

function fieldSchema(field: FieldSpec): z.ZodType {
	switch (field.kind) {
		case 'line':
		case 'paragraph':
		case 'rich':
			return localizedSchema(field);
		case 'text':
			// Required unless said otherwise (the organization's name was the first of these).
			return lineOfText(field.max ?? 200, field.required !== false);
		case 'email':
			return z.string().trim().toLowerCase().pipe(z.email('Write a valid e-mail address.'));
		case 'integer':
			return field.min === undefined && field.max === undefined ? wholeNumber : boundedWholeNumber(field.min ?? 0, field.max ?? Number.MAX_SAFE_INTEGER);
		case 'flag':
			return z.boolean();
		case 'choice': {
			const values = (field.options ?? []).map((o) => o.value);
			return z.string().refine((value) => values.includes(value), 'Choose one from the list.');
		}
		case 'languages':
			return languageList;
		case 'links':
			return socialLinks;
		case 'image':
			return z.number('Choose a photo from the list.').int().min(0);
		case 'slug':
			return z
				.string()
				.trim()
				.toLowerCase()
				.max(field.max ?? 80, `At most ${field.max ?? 80} characters.`)
				.refine((slug) => slug === '' || slugPattern.test(slug), 'Use only letters a–z, digits and single dashes, e.g. “patan-2018”.');
		case 'date':
			return z
				.string()
				.trim()
				.refine((date) => (date === '' ? !field.required : isCalendarDate(date)), field.required ? 'Write the date as year-month-day, e.g. 2018-11-23.' : 'Write the date as year-month-day, e.g. 2018-12-07, or leave it empty.');
		case 'term':
			return z
				.number('Choose one from the list.')
				.int()
				.min(field.required ? 1 : 0, 'Choose one from the list.');
		case 'refs':
			return z
				.array(z.number().int().positive())
				.max(50, 'At most 50.')
				.transform((ids) => [...new Set(ids)]);
		case 'tags':
			return z
				.array(z.string().transform((tag) => plainText(tag, false).toLowerCase()).pipe(z.string().max(40, 'A tag has at most 40 characters.')))
				.max(20, 'At most 20 tags.')
				.transform((tags) => [...new Set(tags.filter((tag) => tag !== ''))]);
		case 'rows':
			return rowsSchema(field);
	}
}

/**
 * Rules between fields, after each field is checked on its own: an address made
 * from the title when left empty, a last day not before the first, a place with
 * both coordinates or none. Returns the issues by form field name.
 */
export function completeItemData(type: ContentItemType, data: ItemData): Record<string, string> {
	const issues: Record<string, string> = {};
	const spec = contentItems[type];
	const slugField = spec.fields.find((f) => f.kind === 'slug');
	if (slugField && data[slugField.name] === '') {
		const source = (data.title ?? data.name) as Localized | undefined;
		const made = slugify(source?.en ?? '', slugField.max ?? 80);
		if (made === '') issues[slugField.name] = 'Write an address: the English title has no letters to make one from.';
		else data[slugField.name] = made;
	}
	if (type === 'initiative') {
		const start = data.start_date as string;
		const end = data.end_date as string;
		if (end !== '' && start !== '' && end < start) issues.end_date = 'The last day cannot be before the first.';
		for (const [i, place] of (data.places as RowData[]).entries()) {
			if (place.virtual) {
				place.country = '';
				place.latitude = null;
				place.longitude = null;
				continue;
			}
			if ((place.latitude === null) !== (place.longitude === null)) issues[`places.${i}.${place.latitude === null ? 'latitude' : 'longitude'}`] = 'Give both coordinates, or neither.';
			if (place.country === '') issues[`places.${i}.country`] = 'Choose the country, or tick “online”.';
			if (place.name === '' && place.city === '') issues[`places.${i}.name`] = 'Name the place or its town.';
		}
		let participants = 0;
		for (const figure of data.figures as RowData[]) if (figure.participants) participants += figure.value as number;
		if (participants > Number.MAX_SAFE_INTEGER) issues.figures = 'These numbers are too large to add up.';
	}
	if (type === 'event') Object.assign(issues, completeQuestionKeys(data.questions as RowData[]));
	if (type === 'exhibition') Object.assign(issues, completeExhibitionData(data));
	if (type === 'custom_page' && !issues.slug) Object.assign(issues, reservedSlugIssues(data));
	return issues;
}

/**
 * Gives each registration question its short name: as typed (checked), or made
 * from the English question, or `question-<n>` when that has no Latin letters.
 * Answers are filed under it, so two questions never share one.
 */
function completeQuestionKeys(questions: RowData[]): Record<string, string> {
	const issues: Record<string, string> = {};
	const typed = new Set(questions.map((q) => String(q.key ?? '').toLowerCase()).filter((key) => key !== ''));
	const taken = new Set<string>();
	for (const [i, question] of questions.entries()) {
		const key = String(question.key ?? '').toLowerCase();
		if (key !== '') {
			if (!slugPattern.test(key) || key.length > 40) issues[`questions.${i}.key`] = 'Use only letters a–z, digits and single dashes, e.g. “access-needs”.';
			else if (taken.has(key)) issues[`questions.${i}.key`] = 'Another question has this short name.';
			question.key = key;
			taken.add(key);
			continue;
		}
		const base = slugify((question.label as Localized | undefined)?.en ?? '', 36) || `question-${i + 1}`;
		let made = base;
		for (let n = 2; taken.has(made) || typed.has(made); n++) made = `${base}-${n}`;
		question.key = made;
		taken.add(made);
	}
	return issues;
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
	const check = (field: string, label: string, value: Localized | undefined, rich: boolean) => {
		const blank = (text: string | undefined) => (rich ? isBlankRichText(text) : !text || text.trim() === '');
		if (!value || blank(value.en)) return;
		const languages = locales.filter((l) => blank(value[l]));
		if (languages.length > 0) result.push({ field, label, languages });
	};
	for (const field of contentItems[type].fields) {
		if (isLocalizedField(field)) check(field.name, field.label, data[field.name] as Localized | undefined, field.kind === 'rich');
		if (field.kind !== 'rows') continue;
		// A row's translated lines too: "Figures 2: What was counted".
		for (const [index, row] of ((data[field.name] ?? []) as RowData[]).entries()) {
			for (const sub of field.rows ?? []) {
				if (sub.kind === 'line') check(`${field.name}.${index}.${sub.name}`, `${field.label} ${index + 1}: ${sub.label}`, row[sub.name] as Localized | undefined, false);
			}
		}
	}
	return result;
}

/** Empty data for a new list item. */
export function emptyItemData(type: ContentItemType): ItemData {
	const data: ItemData = {};
	for (const field of contentItems[type].fields) {
		data[field.name] = isLocalizedField(field)
			? { en: '' }
			: field.default !== undefined
				? field.default
			: field.kind === 'flag'
				? false
				: field.kind === 'links' || field.kind === 'rows' || field.kind === 'refs' || field.kind === 'tags' || field.kind === 'languages'
					? []
					: field.kind === 'integer' || field.kind === 'image' || field.kind === 'term'
						? 0
						: '';
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
				figures_year: row.figures_year,
				figures_source: parseLocalized(row.figures_source)
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
		case 'initiative_kind':
		case 'initiative_program':
		case 'event_kind': {
			const id = rowId(key);
			return id === undefined ? undefined : readTerm(db, type, id);
		}
		case 'event': {
			const id = rowId(key);
			return id === undefined ? undefined : readEvent(db, id);
		}
		case 'initiative': {
			const id = rowId(key);
			return id === undefined ? undefined : readInitiative(db, id);
		}
		case 'story': {
			const id = rowId(key);
			return id === undefined ? undefined : readStory(db, id);
		}
		case 'exhibition': {
			const id = rowId(key);
			return id === undefined ? undefined : readExhibition(db, id);
		}
		case 'custom_page': {
			const id = rowId(key);
			return id === undefined ? undefined : readCustomPage(db, id);
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
export async function writeLiveItem(db: Kysely<Database>, type: ContentItemType, key: string, data: ItemData, now: string): Promise<string> {
	const written = await writeLiveRow(db, type, key, data, now);
	// The search index changes with the content, in the same transaction.
	await indexLiveItem(db, type, written);
	return written;
}

async function writeLiveRow(db: Kysely<Database>, type: ContentItemType, key: string, data: ItemData, now: string): Promise<string> {
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
				figures_source: loc('figures_source'),
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
		case 'initiative_kind':
		case 'initiative_program':
		case 'event_kind':
		case 'initiative':
		case 'story':
		case 'event':
		case 'exhibition':
		case 'custom_page': {
			const id = rowId(key);
			const written =
				type === 'custom_page'
					? await writeCustomPage(db, id, data, now)
					: type === 'exhibition'
					? await writeExhibition(db, id, data, now)
					: type === 'initiative'
					? await writeInitiative(db, id, data, now)
					: type === 'story'
						? await writeStory(db, id, data, now)
						: type === 'event'
							? await writeEvent(db, id, data, now)
							: await writeTerm(db, type, id, data, now, () => nextPosition(db, type));
			if (Number.isNaN(written)) throw new ItemGoneError(type, key);
			return String(written);
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
	const id = Number(key);
	// Row ids are 32-bit integers in both engines; a larger number names no row (and PostgreSQL refuses to compare it).
	return id <= 2_147_483_647 ? id : undefined;
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
