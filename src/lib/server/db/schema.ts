import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

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
	/** Localized: where pinned figures come from. */
	figures_source: Generated<Json>;
	updated_at: Timestamp;
}

export interface PageTable {
	key: string;
	title: Json;
	summary: Json;
	body: Json;
	/** A photo from the media library, shown at the top of the page. */
	image_id: number | null;
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

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/** The durable jobs queue: claimed with a lease, retried with backoff, kept when it keeps failing. */
export interface JobTable {
	id: Generated<number>;
	kind: string;
	payload: Generated<Json>;
	idempotency_key: string | null;
	status: Generated<JobStatus>;
	/** Counted when a job is claimed, so a job that kills its worker still runs out of attempts. */
	attempts: Generated<number>;
	max_attempts: Generated<number>;
	run_at: Timestamp;
	locked_by: string | null;
	locked_until: Timestamp | null;
	last_error: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
	finished_at: Timestamp | null;
}

export type MailStatus = 'queued' | 'sent' | 'failed';
export type MailTransportName = 'smtp' | 'outbox';

/** Every e-mail the app sends, kept so that no message goes out twice and staff can see what went out. */
export interface MailMessageTable {
	id: Generated<number>;
	idempotency_key: string;
	to_address: string;
	locale: string;
	subject: string;
	text_body: string;
	html_body: string;
	/** Extra headers as a JSON object of strings. */
	headers: Generated<Json>;
	/** JSON { method, filename, content }: an iCalendar entry the message carries, or null. */
	calendar: ColumnType<string | null, string | null | undefined, string | null>;
	status: Generated<MailStatus>;
	message_id: string | null;
	transport: MailTransportName | null;
	outbox_file: string | null;
	error: string | null;
	created_at: Timestamp;
	sent_at: Timestamp | null;
}

export interface Database {
	app_meta: AppMetaTable;
	organization: OrganizationTable;
	page: PageTable;
	pillar: ListItemTable;
	activity: ListItemTable;
	core_value: ListItemTable;
	testimonial: TestimonialTable;
	job: JobTable;
	mail_message: MailMessageTable;
	user: UserTable;
	session: SessionTable;
	account: AccountTable;
	staff_link: StaffLinkTable;
	sign_in_attempt: SignInAttemptTable;
	password_reset_request: PasswordResetRequestTable;
	throttle_attempt: ThrottleAttemptTable;
	audit_event: AuditEventTable;
	media: MediaTable;
	media_variant: MediaVariantTable;
	content_revision: ContentRevisionTable;
	donation_campaign: DonationCampaignTable;
	donation: DonationTable;
	donation_subscription: DonationSubscriptionTable;
	stripe_event: StripeEventTable;
	donation_settings: DonationSettingsTable;
	donor_link: DonorLinkTable;
	newsletter_topic: NewsletterTopicTable;
	newsletter_consent_text: NewsletterConsentTextTable;
	subscriber: SubscriberTable;
	subscriber_token: SubscriberTokenTable;
	consent_event: ConsentEventTable;
	newsletter_campaign: NewsletterCampaignTable;
	newsletter_delivery: NewsletterDeliveryTable;
	subscriber_import: SubscriberImportTable;
	subscriber_import_issue: SubscriberImportIssueTable;
}

/** What data functions take first: the database or a transaction on it, so one function serves both. */
export type Db = Kysely<Database> | Transaction<Database>;

/*
 * Staff accounts. user, session and account belong to better-auth and keep its
 * column names; their dates come back as Date (PostgreSQL) or text (SQLite).
 */
type AuthDate = ColumnType<Date | string, Date | string, Date | string>;
type AuthFlag = ColumnType<boolean | number | null, boolean | number | null, boolean | number | null>;

export interface UserTable {
	id: string;
	name: string;
	email: string;
	emailVerified: AuthFlag;
	image: string | null;
	createdAt: AuthDate;
	updatedAt: AuthDate;
	twoFactorEnabled: AuthFlag;
	role: string;
	locale: string;
	disabledAt: string | null;
	/** IANA zone the admin shows this person's times in; null until they choose it. */
	timeZone: ColumnType<string | null, string | null | undefined, string | null>;
	dashboardSeenAt: ColumnType<string | null, string | null | undefined, string | null>;
	notifyApplications: ColumnType<ApplicationNotice, ApplicationNotice | undefined, ApplicationNotice>;
}

/** Which e-mails a staff member gets about new applications to the calls they handle. */
export type ApplicationNotice = 'none' | 'each' | 'daily';

export interface SessionTable {
	id: string;
	expiresAt: AuthDate;
	token: string;
	createdAt: AuthDate;
	updatedAt: AuthDate;
	ipAddress: string | null;
	userAgent: string | null;
	userId: string;
}

export interface AccountTable {
	id: string;
	accountId: string;
	providerId: string;
	userId: string;
	password: string | null;
	createdAt: AuthDate;
	updatedAt: AuthDate;
}

export interface StaffLinkTable {
	token_hash: string;
	purpose: 'invitation' | 'password-reset';
	user_id: string;
	expires_at: Timestamp;
	used_at: Timestamp | null;
	created_by: string | null;
	created_at: Timestamp;
}

export interface SignInAttemptTable {
	/** Set when the attempt is recorded, before its password is checked; null on rows from before. */
	id: string | null;
	email: string;
	ip: string;
	/** 0 until the password proved right (so an attempt still being checked counts as a failure). */
	succeeded: Flag;
	at: Timestamp;
}

export interface PasswordResetRequestTable {
	email: string;
	ip: string;
	at: Timestamp;
}

/** One attempt counted against one limit; see platform/throttle.ts. */
export interface ThrottleAttemptTable {
	id: Generated<number>;
	scope: string;
	key: string;
	at: Timestamp;
}

export interface AuditEventTable {
	id: Generated<number>;
	at: Timestamp;
	actor_id: string | null;
	actor_email: string | null;
	action: string;
	subject: string | null;
	detail: Json;
	ip: string | null;
}

export type ListTable = 'pillar' | 'activity' | 'core_value';

export type OrganizationRow = Selectable<OrganizationTable>;
export type PageRow = Selectable<PageTable>;
export type ListItemRow = Selectable<ListItemTable>;
export type NewListItem = Insertable<ListItemTable>;
export type TestimonialRow = Selectable<TestimonialTable>;
export type NewTestimonial = Insertable<TestimonialTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;
export type JobRow = Selectable<JobTable>;
export type MailMessageRow = Selectable<MailMessageTable>;

/** 'processing' from upload until the media.process job has made the variants; only 'ready' photos reach pages. */
export type MediaStatus = 'processing' | 'ready' | 'failed';

/** An uploaded photo. Its files are the variants; the upload itself is kept only until processed. */
export interface MediaTable {
	id: Generated<number>;
	/** Names the photo's files in public URLs: 128 random bits, base64url (ids count up and could be guessed). */
	public_key: string;
	original_name: string;
	/** Detected from the content, not taken from the upload. */
	mime_type: string;
	/** Upright size: of the upload while processing, of the largest variant once ready. */
	width: number;
	height: number;
	/** Size of the upload. */
	bytes: number;
	alt: Json;
	caption: Json | null;
	/** #rrggbb shown while the photo loads; known once ready. */
	color: string | null;
	status: Generated<MediaStatus>;
	/** Why processing failed, in words for staff; null otherwise. */
	error: string | null;
	created_by: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
	/**
	 * The image service (IIIF level 0 tiles and info.json under "<media id>/iiif/"):
	 * the size it describes and its tile size; all null until the tiles are stored.
	 */
	iiif_width: ColumnType<number | null, number | null | undefined, number | null>;
	iiif_height: ColumnType<number | null, number | null | undefined, number | null>;
	iiif_tile_size: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface MediaVariantTable {
	media_id: number;
	format: 'avif' | 'webp' | 'jpeg';
	width: number;
	height: number;
	bytes: number;
	/** Relative to the media storage: "<media id>/<width>.<ext>". */
	path: string;
}

export type MediaRow = Selectable<MediaTable>;
export type NewMedia = Insertable<MediaTable>;
export type MediaUpdate = Updateable<MediaTable>;
export type MediaVariantRow = Selectable<MediaVariantTable>;
export type NewMediaVariant = Insertable<MediaVariantTable>;

export type ContentRevisionStatus = 'draft' | 'scheduled' | 'published' | 'superseded';

/** A whole-item snapshot of site content as staff saved it (see content/revisions.service.ts). */
export interface ContentRevisionTable {
	id: Generated<number>;
	/** 'organization' | 'page' | 'pillar' | 'activity' | 'core_value' | 'testimonial'. */
	item_type: string;
	/** The page key, the list row's id, '1' for the organization, or 'new-…' for an item not yet published. */
	item_key: string;
	/** The item's editable fields as JSON. */
	data: Json;
	status: ContentRevisionStatus;
	/** The revision the editor started from; null when there was none. */
	base_revision_id: number | null;
	author_id: string | null;
	author_email: string | null;
	created_at: Timestamp;
	publish_at: Timestamp | null;
	published_at: Timestamp | null;
}

export type ContentRevisionRow = Selectable<ContentRevisionTable>;

/** bigint on PostgreSQL, which the driver returns as a string: read through Number(). */
type MinorAmount = ColumnType<number | string, number, number>;

/** A fundraising goal in one currency, with optional dates. */
export interface DonationCampaignTable {
	id: Generated<number>;
	slug: string;
	title: Json;
	description: Generated<Json>;
	goal_minor: MinorAmount;
	currency: string;
	starts_at: Timestamp | null;
	ends_at: Timestamp | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export type DonationKind = 'one-off' | 'monthly';
export type WallStatus = 'none' | 'pending' | 'approved' | 'rejected';
export type DonationStatus = 'paid' | 'refunded';

/** One payment: a one-off gift, or one month of a monthly gift. Amounts come from Stripe's objects only. */
export interface DonationTable {
	id: Generated<number>;
	stripe_checkout_session_id: string | null;
	stripe_payment_intent_id: string | null;
	stripe_invoice_id: string | null;
	stripe_subscription_id: string | null;
	stripe_customer_id: string | null;
	kind: DonationKind;
	amount_minor: MinorAmount;
	currency: string;
	campaign_id: number | null;
	donor_name: string | null;
	donor_email: string | null;
	donor_locale: Generated<string>;
	message: string | null;
	wall_consent: Generated<Flag>;
	wall_status: Generated<WallStatus>;
	status: Generated<DonationStatus>;
	refunded_minor: ColumnType<number | string, number | undefined, number>;
	paid_at: Timestamp;
	created_at: Timestamp;
}

/** A monthly gift as a whole, by its Stripe subscription. */
export interface DonationSubscriptionTable {
	stripe_subscription_id: string;
	stripe_customer_id: string | null;
	donor_email: string | null;
	donor_locale: Generated<string>;
	amount_minor: MinorAmount;
	currency: string;
	campaign_id: number | null;
	status: Generated<'active' | 'ended'>;
	ended_at: Timestamp | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

/** A Stripe event handled once, by its id. */
export interface StripeEventTable {
	id: string;
	type: string;
	received_at: Timestamp;
	processed_at: Timestamp | null;
}

/** The single row (id 1) of staff-edited donation settings; see donations/donation-settings.ts. */
export interface DonationSettingsTable {
	id: number;
	currencies: Json;
	currency_rules: Json;
	receipt_note: Generated<Json>;
	other_ways: Generated<Json>;
	updated_at: Timestamp;
}

export type DonationCampaignRow = Selectable<DonationCampaignTable>;
export type DonationRow = Selectable<DonationTable>;
export type NewDonation = Insertable<DonationTable>;
export type DonationSubscriptionRow = Selectable<DonationSubscriptionTable>;

/** A one-time link to Stripe's customer portal for a monthly donor; see donations/donor-links.ts. */
export interface DonorLinkTable {
	token_hash: string;
	donor_email: string;
	stripe_customer_id: string;
	locale: Generated<string>;
	expires_at: Timestamp;
	used_at: Timestamp | null;
	created_at: Timestamp;
}

/* The newsletter; see newsletter/CONTEXT.md for the terms. */
export interface NewsletterTopicTable {
	id: Generated<number>;
	key: string;
	/** Localized JSON. */
	name: Json;
	position: Generated<number>;
}

/** A consent text never changes once published: a new wording is a new version. */
export interface NewsletterConsentTextTable {
	id: Generated<number>;
	version: number;
	/** Localized JSON. */
	text: Json;
	created_at: Timestamp;
}

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced';

export interface SubscriberTable {
	id: Generated<number>;
	/** Always lower case. */
	email: string;
	name: string | null;
	locale: Generated<string>;
	status: SubscriberStatus;
	paused: Generated<Flag>;
	/** JSON array of topic keys. */
	topics: Generated<Json>;
	consent_text_version: number;
	created_at: Timestamp;
	confirmed_at: Timestamp | null;
	unsubscribed_at: Timestamp | null;
	updated_at: Timestamp;
	bounced_at: Timestamp | null;
	bounce_reason: string | null;
}

export type SubscriberTokenPurpose = 'confirm' | 'preferences' | 'unsubscribe';

export interface SubscriberTokenTable {
	/** SHA-256 of the token, base64url; the token itself is only in the e-mail. */
	hash: string;
	subscriber_id: number;
	purpose: SubscriberTokenPurpose;
	expires_at: Timestamp | null;
	used_at: Timestamp | null;
	created_at: Timestamp;
}

export type ConsentAction = 'subscribed' | 'confirmed' | 'preferences-changed' | 'unsubscribed' | 'imported' | 'deleted';

export interface ConsentEventTable {
	id: Generated<number>;
	/** Null once the subscriber is deleted; `email_hash` keeps the entry attributable. */
	subscriber_id: number | null;
	email_hash: string;
	action: ConsentAction;
	consent_text_version: number | null;
	source_page: string | null;
	method: string;
	at: Timestamp;
	detail: Generated<Json>;
}

export type SubscriberRow = Selectable<SubscriberTable>;
export type ConsentEventRow = Selectable<ConsentEventTable>;
export type NewsletterTopicRow = Selectable<NewsletterTopicTable>;

export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled';

export interface NewsletterCampaignTable {
	id: Generated<number>;
	/** Localized JSON. */
	subject: Json;
	preview_text: Generated<Json>;
	/** Localized JSON of sanitized HTML. */
	body_html: Generated<Json>;
	/** JSON arrays of topic keys and locales; empty means all. */
	topics: Generated<Json>;
	locales: Generated<Json>;
	status: CampaignStatus;
	/** Messages per minute. */
	send_rate: number;
	scheduled_at: Timestamp | null;
	started_at: Timestamp | null;
	finished_at: Timestamp | null;
	recipient_count: Generated<number>;
	created_by: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'skipped';

export interface NewsletterDeliveryTable {
	id: Generated<number>;
	campaign_id: number;
	subscriber_id: number | null;
	status: DeliveryStatus;
	locale: string | null;
	attempts: Generated<number>;
	claimed_by: string | null;
	lease_until: Timestamp | null;
	next_attempt_at: Timestamp | null;
	message_id: string | null;
	error: string | null;
	sent_at: Timestamp | null;
	/** The last copy handed to the mail server whose answer was not recorded: while not `sent`, the delivery is in doubt. */
	handed_over_at: Timestamp | null;
}

export type NewsletterCampaignRow = Selectable<NewsletterCampaignTable>;
export type NewsletterDeliveryRow = Selectable<NewsletterDeliveryTable>;
export type SubscriberImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** A staff import of subscribers from a CSV file, run as a job in chunks (see newsletter/subscriber-import.ts). */
export interface SubscriberImportTable {
	id: Generated<number>;
	status: SubscriberImportStatus;
	file_name: string;
	/** The uploaded file as UTF-8 text, kept so a stopped import resumes; '' once done. */
	csv: string;
	default_locale: string;
	/** JSON array of topic keys, for rows that name none. */
	default_topics: Generated<Json>;
	consent_statement: string;
	total_rows: number;
	processed_rows: Generated<number>;
	imported_count: Generated<number>;
	skipped_count: Generated<number>;
	error_count: Generated<number>;
	failure: string | null;
	created_by: string | null;
	created_by_email: string | null;
	created_at: Timestamp;
	started_at: Timestamp | null;
	finished_at: Timestamp | null;
	updated_at: Timestamp;
}

export type SubscriberImportIssueKind = 'error' | 'skipped';

/** One row of an import that was not imported, and why. */
export interface SubscriberImportIssueTable {
	id: Generated<number>;
	import_id: number;
	/** As a spreadsheet numbers it: the header is row 1. */
	row_number: number;
	kind: SubscriberImportIssueKind;
	email: string;
	value: string;
	reason: string;
}

export type SubscriberImportRow = Selectable<SubscriberImportTable>;
export type SubscriberImportIssueRow = Selectable<SubscriberImportIssueTable>;

/*
 * Open calls; see calls/CONTEXT.md for the terms. The tables join `Database`
 * through interface merging, so this block stays in one piece at the end.
 */
export interface Database {
	open_call: OpenCallTable;
	open_call_field: OpenCallFieldTable;
	application: ApplicationTable;
	application_file: ApplicationFileTable;
	call_reviewer: CallReviewerTable;
	review_criterion: ReviewCriterionTable;
	review_score: ReviewScoreTable;
	call_decision_template: CallDecisionTemplateTable;
}

export type CallKind = 'artists' | 'hosts' | 'volunteers';
export type CallStatus = 'draft' | 'open' | 'closed';

export interface OpenCallTable {
	id: Generated<number>;
	slug: string;
	kind: CallKind;
	/** Localized JSON; description and eligibility are sanitized rich text. */
	title: Json;
	summary: Generated<Json>;
	description: Generated<Json>;
	eligibility: Generated<Json>;
	consent_text: Generated<Json>;
	opens_at: Timestamp;
	deadline_at: Timestamp;
	/** IANA name, e.g. 'Asia/Kathmandu'. */
	time_zone: string;
	status: CallStatus;
	max_submissions_per_person: number | null;
	retention_days: number;
	blind_review: Generated<Flag>;
	personal_data_purged_at: Timestamp | null;
	/** A photo of the media library; null for none. */
	cover_media_id: Generated<number | null>;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export type CallFieldType =
	| 'short_text'
	| 'long_text'
	| 'email'
	| 'country'
	| 'single_choice'
	| 'multiple_choice'
	| 'yes_no'
	| 'url'
	| 'number'
	| 'date'
	| 'file';

export interface OpenCallFieldTable {
	id: Generated<number>;
	call_id: number;
	key: string;
	position: number;
	type: CallFieldType;
	/** Localized JSON. */
	label: Json;
	help: Generated<Json>;
	required: Generated<Flag>;
	contact: Generated<Flag>;
	/** JSON; its shape depends on `type` (see calls/call-fields.ts). */
	options: Generated<Json>;
}

export type ApplicationStatus = 'draft' | 'submitted' | 'withdrawn';
export type ApplicationDecision = 'accepted' | 'waitlisted' | 'declined';

export interface ApplicationTable {
	id: Generated<number>;
	call_id: number;
	/** Always lower case; null once erased. */
	applicant_email: string | null;
	applicant_name: string | null;
	locale: Generated<string>;
	status: ApplicationStatus;
	/** JSON object: field key → answer. */
	answers: Generated<Json>;
	token_hash: string | null;
	consented_at: Timestamp | null;
	eligibility_confirmed_at: Timestamp | null;
	submitted_at: Timestamp | null;
	withdrawn_at: Timestamp | null;
	shortlisted: Generated<Flag>;
	decision: ApplicationDecision | null;
	decided_at: Timestamp | null;
	personal_data_erased_at: Timestamp | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface ApplicationFileTable {
	id: Generated<number>;
	application_id: number;
	field_key: string;
	storage_key: string;
	original_name: string;
	media_type: string;
	bytes: number;
	created_at: Timestamp;
}

/** A reviewer assigned to a whole call (`call_id`) or to one application (`application_id`). */
export interface CallReviewerTable {
	id: Generated<number>;
	call_id: number | null;
	application_id: number | null;
	user_id: string;
	created_at: Timestamp;
}

export interface ReviewCriterionTable {
	id: Generated<number>;
	call_id: number;
	/** Localized JSON. */
	label: Json;
	weight: number;
	position: number;
}

export interface ReviewScoreTable {
	id: Generated<number>;
	application_id: number;
	reviewer_id: string;
	criterion_id: number;
	/** 1 to 5. */
	score: number;
	comment: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

/** Staff's wording of one decision e-mail of a call; see calls/application-mail.ts. */
export interface CallDecisionTemplateTable {
	id: Generated<number>;
	call_id: number;
	decision: ApplicationDecision;
	/** Localized JSON with the placeholders {name} and {call}. */
	subject: Generated<Json>;
	body: Generated<Json>;
	updated_at: Timestamp;
}

export type OpenCallRow = Selectable<OpenCallTable>;
export type OpenCallFieldRow = Selectable<OpenCallFieldTable>;
export type ApplicationRow = Selectable<ApplicationTable>;
export type ApplicationFileRow = Selectable<ApplicationFileTable>;
export type ReviewCriterionRow = Selectable<ReviewCriterionTable>;
export type ReviewScoreRow = Selectable<ReviewScoreTable>;

/*
 * The archive: initiatives with their places, and stories. Live tables, written
 * by publishing a content revision.
 */
export interface Database {
	initiative_kind: ArchiveTermTable;
	initiative_program: ArchiveTermTable;
	initiative: InitiativeTable;
	initiative_place: InitiativePlaceTable;
	story: StoryTable;
	story_initiative: StoryInitiativeTable;
}

/** A kind or a program: a staff-defined term with a name per language. */
export interface ArchiveTermTable {
	id: Generated<number>;
	position: number;
	key: string;
	name: Json;
	updated_at: Timestamp;
}

export interface InitiativeTable {
	id: Generated<number>;
	slug: string;
	kind_id: number;
	program_id: number | null;
	title: Json;
	summary: Json;
	body: Json;
	theme: Json;
	start_date: string;
	end_date: string | null;
	start_year: number;
	end_year: number;
	figures: Json;
	/** bigint on PostgreSQL, which the driver returns as a string. */
	participants: ColumnType<number | string, number, number>;
	credits: Json;
	gallery: Json;
	cover_media_id: number | null;
	call_ids: Json;
	published_at: Timestamp;
	updated_at: Timestamp;
}

export interface InitiativePlaceTable {
	id: Generated<number>;
	initiative_id: number;
	position: number;
	name: string;
	city: string;
	country: string;
	latitude: number | null;
	longitude: number | null;
	virtual: number;
}

export interface StoryTable {
	id: Generated<number>;
	slug: string;
	title: Json;
	standfirst: Json;
	body: Json;
	cover_media_id: number | null;
	author_name: string;
	published_on: string;
	tags: Json;
	published_at: Timestamp;
	updated_at: Timestamp;
}

export interface StoryInitiativeTable {
	story_id: number;
	initiative_id: number;
	position: number;
}

/*
 * The site's search index; see db/search.ts. Each engine keeps its full-text
 * index beside this table (a generated tsvector on PostgreSQL, the search_fts
 * FTS5 table on SQLite), reached only from db/search.ts.
 */
export interface Database {
	search_document: SearchDocumentTable;
}

export type SearchKind = 'initiative' | 'story' | 'call' | 'page' | 'event' | 'exhibition' | 'artist' | 'custom_page';

/** One item (`kind`, `key`) in one language it is written in, as plain text. */
export interface SearchDocumentTable {
	id: Generated<number>;
	kind: SearchKind;
	key: string;
	locale: string;
	title: string;
	body: string;
	/** The public path without the language prefix, e.g. `/initiatives/patan-2018`. */
	path: string;
	updated_at: Timestamp;
}

/*
 * Events with free registration (events/): the event is site content written by
 * publishing; its sessions and their registrations are changed by staff and
 * registrants' commands.
 */
export interface Database {
	event_kind: ArchiveTermTable;
	event: EventTable;
	event_session: EventSessionTable;
	registration: RegistrationTable;
}

export interface EventTable {
	id: Generated<number>;
	slug: string;
	kind_id: number;
	initiative_id: number | null;
	title: Json;
	summary: Json;
	body: Json;
	cover_media_id: number | null;
	organizer_name: string;
	organizer_email: string;
	access: Json;
	party_max: Generated<number>;
	questions: Generated<Json>;
	hold_minutes: Generated<number>;
	offer_hours: Generated<number>;
	remind_day_before: Generated<number>;
	remind_hour_before: Generated<number>;
	published_at: Timestamp;
	updated_at: Timestamp;
}

export type EventSessionStatus = 'scheduled' | 'cancelled';

export interface EventSessionTable {
	id: Generated<number>;
	event_id: number;
	starts_local: string;
	ends_local: string;
	time_zone: string;
	starts_at: Timestamp;
	ends_at: Timestamp;
	online: Generated<number>;
	online_url: string | null;
	venue_name: Generated<string>;
	venue_address: Generated<string>;
	country: Generated<string>;
	latitude: number | null;
	longitude: number | null;
	directions: Generated<Json>;
	capacity: number | null;
	registration_opens_at: Timestamp | null;
	registration_closes_at: Timestamp | null;
	status: Generated<EventSessionStatus>;
	moved_at: Timestamp | null;
	sequence: Generated<number>;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export type RegistrationStatus = 'unconfirmed' | 'confirmed' | 'waiting' | 'offered' | 'cancelled' | 'expired' | 'declined' | 'left' | 'lapsed';

export interface RegistrationTable {
	id: Generated<number>;
	session_id: number;
	token_hash: string;
	code: string;
	name: string;
	email: string;
	locale: string;
	party_size: number;
	answers: Generated<Json>;
	consent_text: string;
	status: RegistrationStatus;
	hold_expires_at: Timestamp | null;
	waiting_since: Timestamp | null;
	offer_expires_at: Timestamp | null;
	confirmed_at: Timestamp | null;
	cancelled_at: Timestamp | null;
	checked_in_at: Timestamp | null;
	checked_in_by: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export type EventRow = Selectable<EventTable>;
export type EventSessionRow = Selectable<EventSessionTable>;
export type RegistrationRow = Selectable<RegistrationTable>;

/*
 * The artist collective and virtual exhibitions (collective/): profiles the
 * artists own, their consent ledger and private links, their works, and
 * exhibitions (site content written by publishing) with their ordered works.
 */
export interface Database {
	artist_consent_text: ArtistConsentTextTable;
	artist: ArtistTable;
	artist_consent_event: ArtistConsentEventTable;
	artist_link: ArtistLinkTable;
	artwork: ArtworkTable;
	artwork_artist: ArtworkArtistTable;
	exhibition: ExhibitionTable;
	exhibition_work: ExhibitionWorkTable;
}

export type ArtistConsentPurpose = 'directory' | 'photo' | 'city' | 'contact' | 'credit_name' | 'guardian';

export interface ArtistConsentTextTable {
	id: Generated<number>;
	version: number;
	texts: Json;
	created_at: Timestamp;
}

export interface ArtistTable {
	id: Generated<number>;
	slug: string;
	name: string;
	pronouns: Generated<string>;
	city: Generated<string>;
	country: Generated<string>;
	languages: Generated<Json>;
	bio: Generated<Json>;
	mediums: Generated<Json>;
	links: Generated<Json>;
	portrait_media_id: number | null;
	email: string;
	locale: Generated<string>;
	minor: Generated<number>;
	guardian_name: Generated<string>;
	guardian_email: Generated<string>;
	consent_directory: Generated<number>;
	consent_photo: Generated<number>;
	consent_city: Generated<number>;
	consent_contact: Generated<number>;
	consent_credit_name: Generated<number>;
	consent_guardian: Generated<number>;
	hidden: Generated<number>;
	hidden_reason: Generated<string>;
	credit_wording: Generated<Json>;
	application_id: number | null;
	listed_at: Timestamp | null;
	created_by: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface ArtistConsentEventTable {
	id: Generated<number>;
	artist_id: number | null;
	email_hash: string;
	purpose: ArtistConsentPurpose;
	granted: number;
	consent_text_version: number;
	given_by: 'artist' | 'guardian' | 'staff';
	method: string;
	staff_user_id: string | null;
	at: Timestamp;
}

export interface ArtistLinkTable {
	hash: string;
	artist_id: number;
	expires_at: Timestamp;
	revoked_at: Timestamp | null;
	last_used_at: Timestamp | null;
	created_at: Timestamp;
}

export interface ArtworkTable {
	id: Generated<number>;
	title: Json;
	year: number | null;
	medium: Generated<Json>;
	dimensions: Generated<string>;
	images: Generated<Json>;
	description: Generated<Json>;
	credit: Generated<string>;
	licence: Generated<string>;
	created_by: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface ArtworkArtistTable {
	artwork_id: number;
	artist_id: number;
	position: number;
}

export interface ExhibitionTable {
	id: Generated<number>;
	slug: string;
	title: Json;
	summary: Json;
	curatorial_text: Json;
	languages: Generated<Json>;
	curator_ids: Generated<Json>;
	curator_names: Generated<string>;
	opens_on: string;
	closes_on: string | null;
	permanent: Generated<number>;
	cover_media_id: number | null;
	sections: Generated<Json>;
	initiative_id: number | null;
	published_at: Timestamp;
	updated_at: Timestamp;
}

export interface ExhibitionWorkTable {
	exhibition_id: number;
	position: number;
	artwork_id: number;
	caption: Generated<Json>;
	section_key: Generated<string>;
}

export type ArtistRow = Selectable<ArtistTable>;
export type ArtworkRow = Selectable<ArtworkTable>;
export type ExhibitionRow = Selectable<ExhibitionTable>;

/* Backups (src/lib/server/backup). */
export interface Database {
	backup_run: BackupRunTable;
}

export type BackupTrigger = 'daily' | 'staff' | 'command';
export type BackupStatus = 'running' | 'done' | 'failed';

export interface BackupRunTable {
	id: Generated<number>;
	trigger: BackupTrigger;
	status: BackupStatus;
	/** Where the archive is in the storage, under backups/. */
	storage_key: string;
	started_at: Timestamp;
	finished_at: Timestamp | null;
	bytes: number | null;
	rows: number | null;
	files: number | null;
	/** Why it failed, in a line. */
	error: string | null;
	/** When retention deleted the archive. */
	deleted_at: Timestamp | null;
}

/* Pages staff add, and the header and footer menus (src/lib/server/content). */
export interface Database {
	custom_page: CustomPageTable;
	menu_entry: MenuEntryTable;
}

export interface CustomPageTable {
	id: Generated<number>;
	slug: string;
	title: Json;
	summary: Json;
	body: Json;
	image_id: number | null;
	published_at: Timestamp;
	updated_at: Timestamp;
}

export type MenuName = 'header' | 'footer';

export interface MenuEntryTable {
	id: Generated<number>;
	menu: MenuName;
	position: number;
	/** A built-in page's name, or null for a custom page (`page_id`). */
	builtin: string | null;
	page_id: number | null;
	visible: Generated<number>;
	updated_at: Timestamp;
}
