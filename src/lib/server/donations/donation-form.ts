import { z } from 'zod';
import { inputDecimals, normalizeCurrency, toMinorUnits } from './currencies';
import type { DonationSettings } from './donation-settings';

/*
 * The public donation form. Field names are the names of its inputs; a refused
 * form gives, per field, a code (not words) that the page turns into a message
 * in the visitor's language: e.g. `donate_error_amount_below_minimum`.
 */

export const donationFieldLimits = { name: 80, email: 254, message: 280, campaign: 100 } as const;

export type DonationFormField = 'amount' | 'currency' | 'kind' | 'campaign' | 'name' | 'email' | 'message';

export type DonationFormErrorCode =
	| 'amount_required'
	| 'amount_invalid'
	| 'amount_below_minimum'
	| 'amount_above_maximum'
	| 'currency_unknown'
	| 'kind_invalid'
	| 'campaign_unknown'
	| 'name_too_long'
	| 'email_invalid'
	| 'message_too_long';

export type DonationFormIssues = Partial<Record<DonationFormField, DonationFormErrorCode>>;

/** A checked request to give: the amount is what the donor chose, in minor units of an offered currency. */
export interface DonationRequest {
	amountMinor: number;
	currency: string;
	kind: 'one-off' | 'monthly';
	campaignSlug: string | null;
	name: string | null;
	email: string | null;
	message: string | null;
	wallConsent: boolean;
}

/** The posted form as the strings of its inputs; a checkbox is present ('on') or absent. */
export type DonationFormInput = Partial<Record<string, string | undefined>>;

const optionalText = (max: number) =>
	z
		.string()
		.optional()
		.transform((v) => v?.replace(/\s+/g, ' ').trim() ?? '')
		.pipe(z.string().max(max))
		.transform((v) => (v === '' ? null : v));

function schemaFor(settings: DonationSettings) {
	return z
		.object({
			// A preset's value, or "other" (or nothing) to use the typed custom amount.
			amount: z.string().max(40).optional(),
			custom_amount: z.string().max(40).optional(),
			currency: z
				.string()
				.max(10)
				.optional()
				.transform((v) => normalizeCurrency(v ?? ''))
				.refine((c) => settings.currencies.includes(c), { error: 'currency_unknown', abort: true }),
			kind: z.enum(['one-off', 'monthly'], { error: 'kind_invalid' }),
			campaign: z
				.string()
				.optional()
				.transform((v) => v?.trim() ?? '')
				.pipe(z.string().max(donationFieldLimits.campaign, 'campaign_unknown').regex(/^[a-z0-9-]*$/, 'campaign_unknown'))
				.transform((v) => (v === '' ? null : v)),
			name: optionalText(donationFieldLimits.name),
			email: z
				.string()
				.optional()
				.transform((v) => v?.trim() ?? '')
				.pipe(z.union([z.literal(''), z.email('email_invalid').max(donationFieldLimits.email, 'email_invalid')]))
				.transform((v) => (v === '' ? null : v.toLowerCase())),
			message: optionalText(donationFieldLimits.message),
			wall_consent: z.string().optional()
		})
		.transform((form, ctx): DonationRequest => {
			const rule = settings.rules[form.currency]!;
			const typed = form.amount && form.amount !== 'other' ? form.amount : (form.custom_amount ?? '');
			let amountMinor = 0;
			if (typed.trim() === '') {
				ctx.addIssue({ code: 'custom', path: ['amount'], message: 'amount_required' });
			} else {
				const minor = toMinorUnits(typed, form.currency);
				if (minor === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'amount_invalid' });
				else if (minor < rule.min) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'amount_below_minimum' });
				else if (minor > rule.max) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'amount_above_maximum' });
				else amountMinor = minor;
			}
			return {
				amountMinor,
				currency: form.currency,
				kind: form.kind,
				campaignSlug: form.campaign,
				name: form.name,
				email: form.email,
				message: form.message,
				wallConsent: form.wall_consent !== undefined && form.wall_consent !== ''
			};
		});
}

const fallbackCodes: Record<DonationFormField, DonationFormErrorCode> = {
	amount: 'amount_invalid',
	currency: 'currency_unknown',
	kind: 'kind_invalid',
	campaign: 'campaign_unknown',
	name: 'name_too_long',
	email: 'email_invalid',
	message: 'message_too_long'
};

/** Checks the posted form against the staff's settings. Unknown fields are dropped. */
export function parseDonationForm(
	input: DonationFormInput,
	settings: DonationSettings
): { ok: true; request: DonationRequest } | { ok: false; issues: DonationFormIssues } {
	const result = schemaFor(settings).safeParse(input);
	if (result.success) return { ok: true, request: result.data };
	const issues: DonationFormIssues = {};
	for (const issue of result.error.issues) {
		const field = (issue.path[0] === 'custom_amount' ? 'amount' : issue.path[0]) as DonationFormField;
		if (!(field in fallbackCodes) || issues[field]) continue;
		const code = issue.message as DonationFormErrorCode;
		issues[field] = isErrorCode(code) && code.startsWith(field) ? code : fallbackCodes[field];
	}
	// The amount is checked in the object's transform, which zod skips when another
	// field failed: check it here too, so that every error shows at once.
	if (!issues.amount && !issues.currency) {
		const amount = amountIssue(input, settings);
		if (amount) issues.amount = amount;
	}
	return { ok: false, issues };
}

function amountIssue(input: DonationFormInput, settings: DonationSettings): DonationFormErrorCode | undefined {
	const currency = normalizeCurrency(input.currency ?? '');
	const rule = settings.rules[currency];
	if (!rule || !settings.currencies.includes(currency)) return undefined;
	const typed = input.amount && input.amount !== 'other' ? input.amount : (input.custom_amount ?? '');
	if (typed.trim() === '') return 'amount_required';
	if (typed.length > 40) return 'amount_invalid';
	const minor = toMinorUnits(typed, currency);
	if (minor === undefined) return 'amount_invalid';
	if (minor < rule.min) return 'amount_below_minimum';
	if (minor > rule.max) return 'amount_above_maximum';
	return undefined;
}

/** Reads a posted FormData into the form's input (first value of each field, strings only). */
export function donationFormInput(form: FormData): DonationFormInput {
	const input: DonationFormInput = {};
	for (const name of ['amount', 'custom_amount', 'currency', 'kind', 'campaign', 'name', 'email', 'message', 'wall_consent']) {
		const value = form.get(name);
		if (typeof value === 'string') input[name] = value.slice(0, 2000);
	}
	return input;
}

/** For the page: how many decimals the custom amount accepts in a currency (the input's step). */
export { inputDecimals };

const errorCodes: ReadonlySet<string> = new Set<DonationFormErrorCode>([
	'amount_required',
	'amount_invalid',
	'amount_below_minimum',
	'amount_above_maximum',
	'currency_unknown',
	'kind_invalid',
	'campaign_unknown',
	'name_too_long',
	'email_invalid',
	'message_too_long'
]);

function isErrorCode(code: string): code is DonationFormErrorCode {
	return errorCodes.has(code);
}
