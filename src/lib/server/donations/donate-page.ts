import type { Kysely } from 'kysely';
import { dateTimeFormat, displayNames } from '$lib/i18n/intl';
import type { Locale, Text } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { pick, pickJson } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import { formatMoney, toDecimalString } from './currencies';
import { donationFieldLimits, type DonationFormErrorCode, type DonationFormField, type DonationFormIssues } from './donation-form';
import type { DonationSettings } from './donation-settings';
import { approvedWallEntries, campaignProgress, type CampaignProgress } from './donations.queries';

/*
 * What the public donation pages show, prepared on the server in the visitor's
 * language: formatted money, dates, translated error messages.
 */

export function formatDate(iso: string, locale: Locale): string {
	return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

function currencyName(code: string, locale: Locale): string {
	try {
		const name = displayNames([locale], { type: 'currency' }).of(code);
		return name && name !== code ? `${code} · ${name}` : code;
	} catch {
		return code;
	}
}

function isOpen(c: Pick<CampaignProgress, 'startsAt' | 'endsAt'>, now: Date): boolean {
	const at = now.toISOString();
	return (c.startsAt === null || c.startsAt <= at) && (c.endsAt === null || c.endsAt > at);
}

export interface CampaignView {
	slug: string;
	title: Text;
	raised: string;
	goal: string;
	raisedMinor: number;
	goalMinor: number;
	dates: string | null;
}

export interface WallView {
	id: number;
	name: string | null;
	message: string | null;
	/** The language the donor used the form in; their words are shown as written. */
	lang: string;
}

/** Open campaigns with their progress, and the approved donor wall. */
export async function donatePageContent(db: Kysely<Database>, locale: Locale, now = new Date()) {
	const [progress, wall] = await Promise.all([campaignProgress(db), approvedWallEntries(db, { limit: 30 })]);
	const campaigns: CampaignView[] = progress
		.filter((c) => isOpen(c, now))
		.map((c) => ({
			slug: c.slug,
			title: pickJson(c.title, locale),
			raised: formatMoney(c.raisedMinor, c.currency, locale),
			goal: formatMoney(c.goalMinor, c.currency, locale),
			raisedMinor: Math.max(0, c.raisedMinor),
			goalMinor: c.goalMinor,
			dates:
				c.startsAt && c.endsAt
					? m.donate_campaign_dates({ start: formatDate(c.startsAt, locale), end: formatDate(c.endsAt, locale) })
					: c.endsAt
						? m.donate_campaign_until({ date: formatDate(c.endsAt, locale) })
						: null
		}));
	const entries: WallView[] = wall.map((w) => ({ id: w.id, name: w.name, message: w.message, lang: w.locale }));
	return { campaigns, wall: entries };
}

/** The form's choices: presets of the first currency, every offered currency for a typed amount. */
export function donateFormOptions(settings: DonationSettings, locale: Locale) {
	const presetCurrency = settings.currencies[0]!;
	const rule = settings.rules[presetCurrency]!;
	return {
		presetCurrency,
		presetCurrencyName: currencyName(presetCurrency, locale),
		presets: rule.presets.map((minor, i) => {
			const amount = formatMoney(minor, presetCurrency, locale);
			return { value: toDecimalString(minor, presetCurrency), label: i === 0 ? m.donate_preset_coffee({ amount }) : amount };
		}),
		currencies: settings.currencies.map((code) => ({ code, label: currencyName(code, locale) })),
		limits: donationFieldLimits
	};
}

/** The "other ways to give" text staff wrote, as paragraphs, or null when they wrote none. */
export function otherWaysText(settings: DonationSettings, locale: Locale): { paragraphs: string[]; lang: Locale } | null {
	const text = pick(settings.otherWays, locale);
	const paragraphs = text.text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
	return paragraphs.length ? { paragraphs, lang: text.lang } : null;
}

/** Each refused field's message in the visitor's language. */
export function donateErrorMessages(issues: DonationFormIssues, settings: DonationSettings, currency: string, locale: Locale) {
	const code = settings.rules[currency] ? currency : settings.currencies[0]!;
	const rule = settings.rules[code]!;
	const text: Record<DonationFormErrorCode, () => string> = {
		amount_required: () => m.donate_error_amount_required(),
		amount_invalid: () => m.donate_error_amount_invalid(),
		amount_below_minimum: () => m.donate_error_amount_below_minimum({ min: formatMoney(rule.min, code, locale) }),
		amount_above_maximum: () => m.donate_error_amount_above_maximum({ max: formatMoney(rule.max, code, locale) }),
		currency_unknown: () => m.donate_error_currency_unknown(),
		kind_invalid: () => m.donate_error_kind_invalid(),
		campaign_unknown: () => m.donate_error_campaign_unknown(),
		name_too_long: () => m.donate_error_name_too_long({ max: donationFieldLimits.name }),
		email_invalid: () => m.donate_error_email_invalid(),
		message_too_long: () => m.donate_error_message_too_long({ max: donationFieldLimits.message })
	};
	const messages: Partial<Record<DonationFormField, string>> = {};
	for (const [field, issue] of Object.entries(issues) as [DonationFormField, DonationFormErrorCode][]) messages[field] = text[issue]();
	return messages;
}

