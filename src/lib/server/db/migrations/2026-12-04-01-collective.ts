import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * The artist collective and its virtual exhibitions.
 *
 * An artist's profile belongs to the artist: staff make it (by hand or from an
 * accepted application), the artist edits it through a private link, and nothing
 * of it is public until the artist has agreed. Consent is given per purpose
 * (listed in the directory, photo shown, city shown, contact form on, name in
 * credits; a guardian's consent for a minor) and every change is a row in the
 * ledger (`artist_consent_event`) naming who, when, and which consent text. The
 * `consent_*` columns on the profile are the ledger's current state, written in
 * the same transaction, so public queries need no ledger read. Like the
 * newsletter's, the ledger outlives the profile: it keeps a hash of the address.
 *
 * A work belongs to its artists and is edited directly (by them or staff), not by
 * publishing revisions; it is public where a published exhibition or a public
 * profile shows it. An exhibition is site content like an initiative: its row is
 * what the public reads, written by publishing a content revision, with its ordered
 * works (`exhibition_work`) written in the same transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('artist_consent_text'))
		.addColumn('version', 'integer', (c) => c.notNull().unique())
		/** JSON: { <purpose>: Localized } — the sentence the artist agrees to for each purpose. */
		.addColumn('texts', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await addAutoId(db, db.schema.createTable('artist'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		/** Name or moniker, as the artist wants to be known. */
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('pronouns', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
		/** ISO 3166-1 alpha-2, or empty. */
		.addColumn('country', 'text', (c) => c.notNull().defaultTo(''))
		/** JSON: language codes (`ne`, `en`, `new`). */
		.addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
		/** Localized JSON, plain text with paragraphs (markup is never kept). */
		.addColumn('bio', 'text', (c) => c.notNull().defaultTo('{}'))
		/** JSON: lower-case practice and medium tags. */
		.addColumn('mediums', 'text', (c) => c.notNull().defaultTo('[]'))
		/** JSON: [{ kind: website | social | portfolio, url }]. */
		.addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('portrait_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
		/** Private: where the artist's links and relayed messages go. Never shown. */
		.addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(email)`))
		/** The language of the e-mails the artist gets. */
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('minor', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('guardian_name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('guardian_email', 'text', (c) => c.notNull().defaultTo(''))
		/** Current consent, per purpose (1 = agreed), kept equal to the ledger's last word. */
		.addColumn('consent_directory', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('consent_photo', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('consent_city', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('consent_contact', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('consent_credit_name', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('consent_guardian', 'integer', (c) => c.notNull().defaultTo(0))
		/** Staff may hide a profile whatever its consent says; the reason is for staff. */
		.addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('hidden_reason', 'text', (c) => c.notNull().defaultTo(''))
		/** Localized JSON: what credits say instead of the name when the artist is not public ("a member of the collective"). */
		.addColumn('credit_wording', 'text', (c) => c.notNull().defaultTo('{}'))
		/** The open-call application the profile was made from, if any. */
		.addColumn('application_id', 'integer', (c) => c.references('application.id').onDelete('set null'))
		/** When the profile first became public; null while it never was. */
		.addColumn('listed_at', 'text')
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('artist_email').on('artist').column('email').execute();
	// The directory lists public profiles by name; filters narrow by country.
	await db.schema.createIndex('artist_directory').on('artist').columns(['consent_directory', 'hidden', 'name']).execute();
	await db.schema.createIndex('artist_country').on('artist').columns(['country', 'name']).execute();

	await addAutoId(db, db.schema.createTable('artist_consent_event'))
		.addColumn('artist_id', 'integer', (c) => c.references('artist.id').onDelete('set null'))
		/** SHA-256 of the lower-cased address, so the record outlives the profile. */
		.addColumn('email_hash', 'text', (c) => c.notNull())
		.addColumn('purpose', 'text', (c) =>
			c.notNull().check(sql`purpose in ('directory', 'photo', 'city', 'contact', 'credit_name', 'guardian')`)
		)
		.addColumn('granted', 'integer', (c) => c.notNull())
		.addColumn('consent_text_version', 'integer', (c) => c.notNull())
		/** Who said it: 'artist', 'guardian', or 'staff' (for a withdrawal on the artist's behalf). */
		.addColumn('given_by', 'text', (c) => c.notNull().check(sql`given_by in ('artist', 'guardian', 'staff')`))
		/** How: 'profile-link', 'application', 'staff'. */
		.addColumn('method', 'text', (c) => c.notNull())
		/** The staff member who recorded it, when staff did. */
		.addColumn('staff_user_id', 'text')
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('artist_consent_event_artist').on('artist_consent_event').columns(['artist_id', 'id']).execute();
	await db.schema.createIndex('artist_consent_event_email_hash').on('artist_consent_event').column('email_hash').execute();

	await db.schema
		.createTable('artist_link')
		/** SHA-256 of the token in the link; the token itself is never stored. */
		.addColumn('hash', 'text', (c) => c.primaryKey())
		.addColumn('artist_id', 'integer', (c) => c.notNull().references('artist.id').onDelete('cascade'))
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('revoked_at', 'text')
		.addColumn('last_used_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('artist_link_artist').on('artist_link').columns(['artist_id', 'created_at']).execute();

	await addAutoId(db, db.schema.createTable('artwork'))
		/** Localized JSON. */
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('year', 'integer')
		/** Localized JSON ("wheat-paste on brick"). */
		.addColumn('medium', 'text', (c) => c.notNull().defaultTo('{}'))
		/** As the artist writes it ("120 × 80 cm"), the same in every language. */
		.addColumn('dimensions', 'text', (c) => c.notNull().defaultTo(''))
		/** JSON: [{ mediaId, alt: Localized }], the first is the work's image. */
		.addColumn('images', 'text', (c) => c.notNull().defaultTo('[]'))
		/** Localized JSON: a long description, for screen readers and for reading about the work. */
		.addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
		/** A licence key (`all-rights-reserved`, `cc-by-4.0`, …). */
		.addColumn('licence', 'text', (c) => c.notNull().defaultTo('all-rights-reserved'))
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('artwork_artist')
		.addColumn('artwork_id', 'integer', (c) => c.notNull().references('artwork.id').onDelete('cascade'))
		.addColumn('artist_id', 'integer', (c) => c.notNull().references('artist.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('artwork_artist_pk', ['artwork_id', 'artist_id'])
		.execute();
	await db.schema.createIndex('artwork_artist_artist').on('artwork_artist').columns(['artist_id', 'artwork_id']).execute();

	await addAutoId(db, db.schema.createTable('exhibition'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		/** Localized JSON; curatorial_text holds sanitized rich text. */
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('curatorial_text', 'text', (c) => c.notNull())
		/** JSON: the languages the exhibition is published in (always 'en'). */
		.addColumn('languages', 'text', (c) => c.notNull().defaultTo('["en"]'))
		/** JSON: ids of the artists who curated it, in order; `curator_names` adds staff or guests by name. */
		.addColumn('curator_ids', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('curator_names', 'text', (c) => c.notNull().defaultTo(''))
		/** Calendar dates (YYYY-MM-DD); no closing date and `permanent` = 1 for a permanent show. */
		.addColumn('opens_on', 'text', (c) => c.notNull())
		.addColumn('closes_on', 'text')
		.addColumn('permanent', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('cover_media_id', 'integer')
		/** JSON: [{ key, title: Localized }], in order. */
		.addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('initiative_id', 'integer', (c) => c.references('initiative.id').onDelete('set null'))
		.addColumn('published_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('exhibition_listing').on('exhibition').columns(['opens_on', 'id']).execute();

	await db.schema
		.createTable('exhibition_work')
		.addColumn('exhibition_id', 'integer', (c) => c.notNull().references('exhibition.id').onDelete('cascade'))
		/** 1-based: the work's page is `/exhibitions/<slug>/<position>`. */
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('artwork_id', 'integer', (c) => c.notNull().references('artwork.id'))
		/** Localized JSON: this exhibition's caption for the work. */
		.addColumn('caption', 'text', (c) => c.notNull().defaultTo('{}'))
		/** A key of the exhibition's sections, or empty. */
		.addColumn('section_key', 'text', (c) => c.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('exhibition_work_pk', ['exhibition_id', 'position'])
		.execute();
	await db.schema.createIndex('exhibition_work_artwork').on('exhibition_work').columns(['artwork_id', 'exhibition_id']).execute();

	// A working start: the first consent texts, which staff can replace with a new version.
	await db
		.insertInto('artist_consent_text')
		.values({
			version: 1,
			texts: JSON.stringify({
				directory: { en: 'List my profile in the public directory of artists, with my name, bio, practice, links and works.' },
				photo: { en: 'Show my portrait on my profile.' },
				city: { en: 'Show my city on my profile (the country is shown when the profile is listed).' },
				contact: { en: 'Let visitors write to me through a form on my profile. My address is never shown; I see theirs when I answer.' },
				credit_name: { en: 'Name me in credits of initiatives and exhibitions, even when my profile is not listed.' },
				guardian: { en: 'I am the parent or guardian of this young artist and I agree to what is chosen here on their behalf.' }
			}),
			created_at: new Date().toISOString()
		})
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['exhibition_work', 'exhibition', 'artwork_artist', 'artwork', 'artist_link', 'artist_consent_event', 'artist', 'artist_consent_text']) {
		await db.schema.dropTable(table).execute();
	}
}
