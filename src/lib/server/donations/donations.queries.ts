import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database, DonationCampaignRow, DonationKind, DonationStatus, WallStatus } from '$lib/server/db/schema';
import { csvFile, type CsvCell } from '$lib/server/platform/csv';
import { bumpSiteVersion } from '$lib/server/platform/site-version';
import { recordAudit, type Actor, type AuditAction } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import type { DonationsContext } from './donations.wiring';
import { pageWindow } from '$lib/server/platform/paging';

/*
 * Reading donations for pages and the admin. Sums are "net": what was paid less
 * what was refunded. bigint sums come back as strings from PostgreSQL, hence Number().
 * Months and years are cut from the ISO text of paid_at (UTC), the same in both engines.
 */

const net = sql<string | number>`coalesce(sum(donation.amount_minor - donation.refunded_minor), 0)`;

export async function findCampaignBySlug(db: Kysely<Database>, slug: string): Promise<DonationCampaignRow | undefined> {
	return db.selectFrom('donation_campaign').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** A campaign that takes gifts now: started (or no start) and not ended. */
export async function findOpenCampaign(db: Kysely<Database>, slug: string, now: Date): Promise<DonationCampaignRow | undefined> {
	const at = now.toISOString();
	return db
		.selectFrom('donation_campaign')
		.selectAll()
		.where('slug', '=', slug)
		.where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', at)]))
		.where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
		.executeTakeFirst();
}

export interface CampaignProgress {
	id: number;
	slug: string;
	title: string;
	currency: string;
	goalMinor: number;
	/** Net of refunds, in the campaign's currency only (gifts in other currencies are not converted). */
	raisedMinor: number;
	donations: number;
	startsAt: string | null;
	endsAt: string | null;
}

/** Every campaign with what it raised in its own currency, newest first. */
export async function campaignProgress(db: Kysely<Database>): Promise<CampaignProgress[]> {
	const rows = await db
		.selectFrom('donation_campaign as c')
		.leftJoin('donation', (join) =>
			join.onRef('donation.campaign_id', '=', 'c.id').onRef('donation.currency', '=', 'c.currency')
		)
		.select([
			'c.id',
			'c.slug',
			'c.title',
			'c.currency',
			'c.goal_minor',
			'c.starts_at',
			'c.ends_at',
			'c.created_at',
			net.as('raised'),
			(eb) => eb.fn.count<string | number>('donation.id').as('donations')
		])
		.groupBy(['c.id', 'c.slug', 'c.title', 'c.currency', 'c.goal_minor', 'c.starts_at', 'c.ends_at', 'c.created_at'])
		.orderBy('c.created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		title: r.title,
		currency: r.currency,
		goalMinor: Number(r.goal_minor),
		raisedMinor: Number(r.raised),
		donations: Number(r.donations),
		startsAt: r.starts_at,
		endsAt: r.ends_at
	}));
}

export interface Total {
	currency: string;
	grossMinor: number;
	refundedMinor: number;
	netMinor: number;
	donations: number;
}

export interface MonthTotal extends Total {
	/** "2026-11" (UTC). */
	month: string;
}

function totalOf(r: { currency: string; gross: string | number; refunded: string | number; count: string | number }): Total {
	return {
		currency: r.currency,
		grossMinor: Number(r.gross),
		refundedMinor: Number(r.refunded),
		netMinor: Number(r.gross) - Number(r.refunded),
		donations: Number(r.count)
	};
}

const gross = sql<string | number>`coalesce(sum(donation.amount_minor), 0)`;
const refunded = sql<string | number>`coalesce(sum(donation.refunded_minor), 0)`;

/** Totals per month and currency, newest month first, for the admin. */
export async function totalsByMonth(db: Kysely<Database>, filters: DonationFilters = {}): Promise<MonthTotal[]> {
	const month = sql<string>`substr(donation.paid_at, 1, 7)`;
	const rows = await applyFilters(db.selectFrom('donation'), filters)
		.select([month.as('month'), 'donation.currency', gross.as('gross'), refunded.as('refunded'), (eb) => eb.fn.countAll<string | number>().as('count')])
		.groupBy([month, 'donation.currency'])
		.orderBy(month, 'desc')
		.orderBy('donation.currency')
		.execute();
	return rows.map((r) => ({ month: r.month, ...totalOf(r) }));
}

/** Totals per currency, for one campaign, a filter, or everything. */
export async function totalsByCurrency(db: Kysely<Database>, filters: DonationFilters = {}): Promise<Total[]> {
	const rows = await applyFilters(db.selectFrom('donation'), filters)
		.select(['donation.currency', gross.as('gross'), refunded.as('refunded'), (eb) => eb.fn.countAll<string | number>().as('count')])
		.groupBy('donation.currency')
		.orderBy('donation.currency')
		.execute();
	return rows.map(totalOf);
}

export interface TransparencyTotal {
	year: string;
	/** null: gifts to no campaign. */
	campaignSlug: string | null;
	campaignTitle: string | null;
	currency: string;
	netMinor: number;
	donations: number;
}

/** For the public transparency page: net totals per year, campaign and currency; no personal data. */
export async function transparencyTotals(db: Kysely<Database>): Promise<TransparencyTotal[]> {
	const year = sql<string>`substr(donation.paid_at, 1, 4)`;
	const rows = await db
		.selectFrom('donation')
		.leftJoin('donation_campaign as c', 'c.id', 'donation.campaign_id')
		.select([year.as('year'), 'c.slug', 'c.title', 'donation.currency', net.as('net'), (eb) => eb.fn.countAll<string | number>().as('count')])
		.groupBy([year, 'c.slug', 'c.title', 'donation.currency'])
		.orderBy(year, 'desc')
		.orderBy('c.slug')
		.orderBy('donation.currency')
		.execute();
	return rows.map((r) => ({
		year: r.year,
		campaignSlug: r.slug,
		campaignTitle: r.title,
		currency: r.currency,
		netMinor: Number(r.net),
		donations: Number(r.count)
	}));
}

export interface WallEntry {
	id: number;
	/** null: the donor gave no name ("Anonymous" on the page). */
	name: string | null;
	message: string | null;
	paidAt: string;
	campaignSlug: string | null;
	/** The language the donor used the form in (their name and message are as they wrote them). */
	locale: string;
}

/** The donor wall: approved entries only, newest first; never an e-mail or an amount. */
export async function approvedWallEntries(
	db: Kysely<Database>,
	options: { campaignId?: number; limit?: number } = {}
): Promise<WallEntry[]> {
	let query = db
		.selectFrom('donation')
		.leftJoin('donation_campaign as c', 'c.id', 'donation.campaign_id')
		.select(['donation.id', 'donation.donor_name', 'donation.message', 'donation.paid_at', 'donation.donor_locale', 'c.slug'])
		.where('donation.wall_status', '=', 'approved')
		.where('donation.wall_consent', '=', 1)
		.where('donation.status', '=', 'paid');
	if (options.campaignId !== undefined) query = query.where('donation.campaign_id', '=', options.campaignId);
	const rows = await query
		.orderBy('donation.paid_at', 'desc')
		.orderBy('donation.id', 'desc')
		.limit(Math.min(options.limit ?? 50, 200))
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.donor_name, message: r.message, paidAt: r.paid_at, campaignSlug: r.slug, locale: r.donor_locale }));
}

/** Only entries with the donor's consent get a wall status; false when there is no such entry. */
async function updateWallStatus(db: Kysely<Database>, donationId: number, status: WallStatus): Promise<boolean> {
	const result = await db
		.updateTable('donation')
		.set({ wall_status: status })
		.where('id', '=', donationId)
		.where('wall_consent', '=', 1)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** A donor-wall entry's status, set directly (tests, the demo); staff go through `moderateWallEntry`. */
export async function setWallStatus(db: Kysely<Database>, donationId: number, status: WallStatus): Promise<boolean> {
	const changed = await updateWallStatus(db, donationId, status);
	// The donor wall is on /donate, a cached public page.
	if (changed) await bumpSiteVersion(db);
	return changed;
}

/** What staff can do with a donor-wall entry, and the audit entry each leaves. */
export const wallModerations = {
	approve: { status: 'approved', audit: 'donation.wall-approved' },
	reject: { status: 'rejected', audit: 'donation.wall-rejected' },
	hide: { status: 'rejected', audit: 'donation.wall-hidden' }
} as const satisfies Record<string, { status: WallStatus; audit: AuditAction }>;

/** Staff moderation of a donor-wall entry. Only entries with the donor's consent can be approved; false when there is no such entry. */
export async function moderateWallEntry(donations: DonationsContext, actor: Actor, donationId: number, moderation: keyof typeof wallModerations): Promise<boolean> {
	const { status, audit: action } = wallModerations[moderation];
	return runCommand(donations, actor, async ({ trx, audit, publicPagesChanged }) => {
		if (!(await updateWallStatus(trx, donationId, status))) return false;
		await publicPagesChanged();
		await audit({ action, subject: `donation:${donationId}` });
		return true;
	});
}

export interface DonationFilters {
	campaignId?: number;
	/** Inclusive lower bound on paid_at, ISO text (e.g. "2026-01-01"). */
	from?: string;
	/** Exclusive upper bound on paid_at. */
	to?: string;
	currency?: string;
	kind?: DonationKind;
	status?: DonationStatus;
	wallStatus?: WallStatus;
}

function applyFilters<O>(query: SelectQueryBuilder<Database, 'donation', O>, f: DonationFilters) {
	let q = query;
	if (f.campaignId !== undefined) q = q.where('donation.campaign_id', '=', f.campaignId);
	if (f.from) q = q.where('donation.paid_at', '>=', f.from);
	if (f.to) q = q.where('donation.paid_at', '<', f.to);
	if (f.currency) q = q.where('donation.currency', '=', f.currency.toUpperCase());
	if (f.kind) q = q.where('donation.kind', '=', f.kind);
	if (f.status) q = q.where('donation.status', '=', f.status);
	if (f.wallStatus) q = q.where('donation.wall_status', '=', f.wallStatus);
	return q;
}

export interface AdminDonation {
	id: number;
	paidAt: string;
	kind: DonationKind;
	amountMinor: number;
	refundedMinor: number;
	currency: string;
	status: DonationStatus;
	campaignSlug: string | null;
	donorName: string | null;
	donorEmail: string | null;
	donorLocale: string;
	message: string | null;
	wallConsent: boolean;
	wallStatus: WallStatus;
	stripePaymentIntentId: string | null;
	stripeInvoiceId: string | null;
	stripeSubscriptionId: string | null;
}

function adminQuery(db: Kysely<Database>, filters: DonationFilters) {
	return applyFilters(db.selectFrom('donation'), filters)
		.leftJoin('donation_campaign as c', 'c.id', 'donation.campaign_id')
		.select([
			'donation.id',
			'donation.paid_at',
			'donation.kind',
			'donation.amount_minor',
			'donation.refunded_minor',
			'donation.currency',
			'donation.status',
			'c.slug as campaign_slug',
			'donation.donor_name',
			'donation.donor_email',
			'donation.donor_locale',
			'donation.message',
			'donation.wall_consent',
			'donation.wall_status',
			'donation.stripe_payment_intent_id',
			'donation.stripe_invoice_id',
			'donation.stripe_subscription_id'
		])
		.orderBy('donation.paid_at', 'desc')
		.orderBy('donation.id', 'desc');
}

type AdminRow = Awaited<ReturnType<ReturnType<typeof adminQuery>['execute']>>[number];

function toAdminDonation(r: AdminRow): AdminDonation {
	return {
		id: r.id,
		paidAt: r.paid_at,
		kind: r.kind,
		amountMinor: Number(r.amount_minor),
		refundedMinor: Number(r.refunded_minor),
		currency: r.currency,
		status: r.status,
		campaignSlug: r.campaign_slug,
		donorName: r.donor_name,
		donorEmail: r.donor_email,
		donorLocale: r.donor_locale,
		message: r.message,
		wallConsent: r.wall_consent === 1,
		wallStatus: r.wall_status,
		stripePaymentIntentId: r.stripe_payment_intent_id,
		stripeInvoiceId: r.stripe_invoice_id,
		stripeSubscriptionId: r.stripe_subscription_id
	};
}

/** The admin list: filtered, newest first, one page at a time (page counts from 1). */
export async function listDonations(
	db: Kysely<Database>,
	filters: DonationFilters = {},
	paging: { page?: number; perPage?: number } = {}
): Promise<{ rows: AdminDonation[]; total: number; page: number; perPage: number }> {
	const { page, size: perPage, offset } = pageWindow(paging.page, paging.perPage, { maxSize: 500 });
	const [rows, count] = await Promise.all([
		adminQuery(db, filters).limit(perPage).offset(offset).execute(),
		applyFilters(db.selectFrom('donation'), filters)
			.select((eb) => eb.fn.countAll<string | number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	return { rows: rows.map(toAdminDonation), total: Number(count.n), page, perPage };
}

export const donationCsvHeader = [
	'id',
	'paid_at',
	'kind',
	'amount',
	'refunded',
	'currency',
	'status',
	'campaign',
	'donor_name',
	'donor_email',
	'donor_locale',
	'message',
	'wall_consent',
	'wall_status',
	'stripe_payment_intent',
	'stripe_invoice',
	'stripe_subscription'
] as const;

/** The CSV export's rows (header first), amounts in minor units as stored. */
async function donationCsvRows(db: Kysely<Database>, filters: DonationFilters = {}): Promise<CsvCell[][]> {
	const rows = await adminQuery(db, filters).execute();
	return [
		[...donationCsvHeader],
		...rows.map(toAdminDonation).map((d) => [
			d.id,
			d.paidAt,
			d.kind,
			d.amountMinor,
			d.refundedMinor,
			d.currency,
			d.status,
			d.campaignSlug,
			d.donorName,
			d.donorEmail,
			d.donorLocale,
			d.message,
			d.wallConsent ? '1' : '0',
			d.wallStatus,
			d.stripePaymentIntentId,
			d.stripeInvoiceId,
			d.stripeSubscriptionId
		])
	];
}

/**
 * The CSV export as a file (platform/csv.ts: a byte-order mark, nothing a
 * spreadsheet could run as a formula), with how many donations it holds.
 */
export async function donationsCsv(db: Kysely<Database>, filters: DonationFilters = {}): Promise<{ text: string; donations: number }> {
	const rows = await donationCsvRows(db, filters);
	return { text: csvFile(rows), donations: rows.length - 1 };
}

/** A donor's active monthly gifts by e-mail, for the self-service portal link. */
export async function activeSubscriptionsByEmail(db: Kysely<Database>, email: string) {
	return db
		.selectFrom('donation_subscription')
		.select(['stripe_subscription_id', 'stripe_customer_id', 'donor_locale', 'amount_minor', 'currency'])
		.where('donor_email', '=', email.trim().toLowerCase())
		.where('status', '=', 'active')
		.execute();
}

/**
 * The CSV export for `actor`, after the audit entry that says who took which
 * part of the list (`shownFilters`, as typed) and from where: personal data leaves the app.
 */
export async function exportDonations(
	donations: DonationsContext,
	actor: Actor,
	filters: DonationFilters,
	options: { shownFilters: Record<string, string>; ip: string | null }
): Promise<{ text: string; donations: number }> {
	const csv = await donationsCsv(donations.db, filters);
	await recordAudit(
		donations.db,
		{ action: 'donation.exported', actor, subject: 'donations', detail: { rows: csv.donations, filters: options.shownFilters }, ip: options.ip },
		donations.clock().toISOString()
	);
	return csv;
}
