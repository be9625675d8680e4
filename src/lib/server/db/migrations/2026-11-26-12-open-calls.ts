import { sql, type Kysely } from 'kysely';
import { addAutoId } from '../migration-helpers';

/*
 * Open calls: the calls themselves, their form fields, the applications people
 * send without an account (with their files), and the review: reviewers assigned
 * to a call or to single applications, a rubric of weighted criteria per call, and
 * scores of 1 to 5.
 *
 * Personal data lives only in `application` (e-mail, name, answers) and
 * `application_file`. Erasing it — at the applicant's request or when the call's
 * retention period ends — clears those columns and deletes the files but keeps the
 * row, its status, decision and scores, so a call's counts and averages stay true.
 * Staff user ids are plain text without a foreign key: a score must outlive the
 * account of the reviewer who gave it.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await addAutoId(db, db.schema.createTable('open_call'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('artists', 'hosts', 'volunteers')`))
		/** Localized JSON; description and eligibility hold sanitized rich text. */
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('eligibility', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('consent_text', 'text', (c) => c.notNull().defaultTo('{}'))
		/** UTC instants; the call takes applications from `opens_at` until just before `deadline_at`. */
		.addColumn('opens_at', 'text', (c) => c.notNull())
		.addColumn('deadline_at', 'text', (c) => c.notNull())
		/** IANA name: the zone staff entered the dates in and applicants see the deadline in. */
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed')`))
		.addColumn('max_submissions_per_person', 'integer')
		.addColumn('retention_days', 'integer', (c) => c.notNull())
		.addColumn('blind_review', 'integer', (c) => c.notNull().defaultTo(0))
		/** When the retention purge erased the applicants' personal data. */
		.addColumn('personal_data_purged_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('open_call_listing').on('open_call').columns(['status', 'deadline_at']).execute();

	await addAutoId(db, db.schema.createTable('open_call_field'))
		.addColumn('call_id', 'integer', (c) => c.notNull().references('open_call.id').onDelete('cascade'))
		/** Stable name of the answer in `application.answers`. */
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('type', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`type in ('short_text', 'long_text', 'email', 'country', 'single_choice', 'multiple_choice', 'yes_no', 'url', 'number', 'date', 'file')`
				)
		)
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('help', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
		/** Contact details (a phone number, a social handle): hidden from reviewers in blind review. */
		.addColumn('contact', 'integer', (c) => c.notNull().defaultTo(0))
		/** JSON, by type: choices, word and length limits, number range, allowed file types and size. */
		.addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
		.execute();
	await db.schema.createIndex('open_call_field_key').unique().on('open_call_field').columns(['call_id', 'key']).execute();
	await db.schema.createIndex('open_call_field_position').on('open_call_field').columns(['call_id', 'position']).execute();

	await addAutoId(db, db.schema.createTable('application'))
		.addColumn('call_id', 'integer', (c) => c.notNull().references('open_call.id').onDelete('cascade'))
		/** Null once the personal data is erased. */
		.addColumn('applicant_email', 'text', (c) => c.check(sql`applicant_email = lower(applicant_email)`))
		.addColumn('applicant_name', 'text')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'withdrawn')`))
		/** JSON object: field key → answer. Files are in `application_file`. */
		.addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
		/** SHA-256 (base64url) of the private link's token; null once erased. */
		.addColumn('token_hash', 'text', (c) => c.unique())
		.addColumn('consented_at', 'text')
		.addColumn('eligibility_confirmed_at', 'text')
		.addColumn('submitted_at', 'text')
		.addColumn('withdrawn_at', 'text')
		.addColumn('shortlisted', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('decision', 'text', (c) => c.check(sql`decision in ('accepted', 'waitlisted', 'declined')`))
		.addColumn('decided_at', 'text')
		.addColumn('personal_data_erased_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	// Staff lists of a call's applications by status and date; duplicate and limit checks by (call, e-mail).
	await db.schema.createIndex('application_listing').on('application').columns(['call_id', 'status', 'submitted_at']).execute();
	await db.schema.createIndex('application_applicant').on('application').columns(['call_id', 'applicant_email']).execute();

	await addAutoId(db, db.schema.createTable('application_file'))
		.addColumn('application_id', 'integer', (c) => c.notNull().references('application.id').onDelete('cascade'))
		.addColumn('field_key', 'text', (c) => c.notNull())
		/** Where the file is kept, relative to the applicants' file storage; never a public URL. */
		.addColumn('storage_key', 'text', (c) => c.notNull().unique())
		.addColumn('original_name', 'text', (c) => c.notNull())
		.addColumn('media_type', 'text', (c) => c.notNull())
		.addColumn('bytes', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('application_file_application').on('application_file').columns(['application_id', 'field_key']).execute();

	await addAutoId(db, db.schema.createTable('call_reviewer'))
		.addColumn('call_id', 'integer', (c) => c.references('open_call.id').onDelete('cascade'))
		.addColumn('application_id', 'integer', (c) => c.references('application.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		// An assignment is to a whole call or to one application, never both.
		.addCheckConstraint('call_reviewer_target', sql`(call_id is null) <> (application_id is null)`)
		.execute();
	await db.schema.createIndex('call_reviewer_call').unique().on('call_reviewer').columns(['call_id', 'user_id']).execute();
	await db.schema.createIndex('call_reviewer_application').unique().on('call_reviewer').columns(['application_id', 'user_id']).execute();
	await db.schema.createIndex('call_reviewer_user').on('call_reviewer').column('user_id').execute();

	await addAutoId(db, db.schema.createTable('review_criterion'))
		.addColumn('call_id', 'integer', (c) => c.notNull().references('open_call.id').onDelete('cascade'))
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight between 1 and 100`))
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('review_criterion_call').on('review_criterion').columns(['call_id', 'position']).execute();

	await addAutoId(db, db.schema.createTable('review_score'))
		.addColumn('application_id', 'integer', (c) => c.notNull().references('application.id').onDelete('cascade'))
		.addColumn('reviewer_id', 'text', (c) => c.notNull())
		.addColumn('criterion_id', 'integer', (c) => c.notNull().references('review_criterion.id').onDelete('cascade'))
		.addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
		/** Cleared with the applicant's personal data: a comment may name them. */
		.addColumn('comment', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('review_score_unique')
		.unique()
		.on('review_score')
		.columns(['application_id', 'reviewer_id', 'criterion_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('review_score').execute();
	await db.schema.dropTable('review_criterion').execute();
	await db.schema.dropTable('call_reviewer').execute();
	await db.schema.dropTable('application_file').execute();
	await db.schema.dropTable('application').execute();
	await db.schema.dropTable('open_call_field').execute();
	await db.schema.dropTable('open_call').execute();
}
