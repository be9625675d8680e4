import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * Conventions that keep one schema on both engines:
 * - timestamps are ISO-8601 UTC text ('2026-11-26T16:40:00.000Z'), so they sort and
 *   compare the same way in SQLite and PostgreSQL;
 * - booleans are integers 0/1;
 * - translatable fields are JSON text: {"en": "...", "ne": "...", ...} (see `Localized`).
 *   One row holds an item in every language, which makes side-by-side editing and
 *   revisions (whole-row snapshots) simple.
 */
type Json = string;
type Timestamp = string;
type Flag = number;

export interface AppMetaTable {
	key: string;
	value: string;
}

export interface OrganizationTable {
	id: number;
	name: string;
	tagline: Json;
	intro: Json;
	email: string;
	location: Json;
	founded_year: number;
	social_links: Generated<Json>;
	figure_initiatives: Generated<number>;
	figure_countries: Generated<number>;
	figure_years: Generated<number>;
	/** bigint on PostgreSQL, which the driver returns as a string. */
	figure_participants: ColumnType<number | string, number | undefined, number>;
	figures_year: number;
	updated_at: Timestamp;
}

export interface PageTable {
	key: string;
	title: Json;
	summary: Json;
	body: Json;
	updated_at: Timestamp;
}

/** Shape shared by the ordered lists of the site: pillars, activities, values. */
export interface ListItemTable {
	id: Generated<number>;
	position: number;
	title: Json;
	body: Json;
	updated_at: Timestamp;
}

export interface TestimonialTable {
	id: Generated<number>;
	position: number;
	quote: Json;
	person: Json;
	role: Json;
	place: Json;
	featured: Flag;
	is_example: Flag;
	updated_at: Timestamp;
}

export interface Database {
	app_meta: AppMetaTable;
	organization: OrganizationTable;
	page: PageTable;
	pillar: ListItemTable;
	activity: ListItemTable;
	core_value: ListItemTable;
	testimonial: TestimonialTable;
}

export type ListTable = 'pillar' | 'activity' | 'core_value';

export type OrganizationRow = Selectable<OrganizationTable>;
export type PageRow = Selectable<PageTable>;
export type ListItemRow = Selectable<ListItemTable>;
export type NewListItem = Insertable<ListItemTable>;
export type TestimonialRow = Selectable<TestimonialTable>;
export type NewTestimonial = Insertable<TestimonialTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;
