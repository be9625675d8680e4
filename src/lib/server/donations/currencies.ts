import { numberFormat } from '$lib/i18n/intl';

/*
 * How Stripe counts each currency's minor unit: the one place that knows it.
 * Stripe's list (docs.stripe.com/currencies#zero-decimal): amounts in these are
 * whole units (¥500 is 500). Most others have two decimals (IDR included: Rp 10.000
 * is 1000000). A few are special:
 * - ISK is zero-decimal for people but sent to Stripe with two decimals, whole
 *   krónur only (kr 500 is 50000);
 * - HUF and TWD have two decimals in the API but Stripe pays out only whole units,
 *   so people type whole amounts;
 * - BHD, JOD, KWD, OMR and TND have three decimals and the last one must be 0.
 */

const zeroDecimal = new Set([
	'BIF',
	'CLP',
	'DJF',
	'GNF',
	'JPY',
	'KMF',
	'KRW',
	'MGA',
	'PYG',
	'RWF',
	'UGX',
	'VND',
	'VUV',
	'XAF',
	'XOF',
	'XPF'
]);
const threeDecimal = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
/** Two decimals in the API, whole units for people. */
const wholeUnitsOnly = new Set(['ISK', 'HUF', 'TWD']);

/** ISO 4217 codes the platform offers (Stripe supports more; this keeps the settings honest). */
export const isoCurrencyPattern = /^[A-Z]{3}$/;

export function normalizeCurrency(code: string): string {
	return code.trim().toUpperCase();
}

/** Digits after the point in Stripe's integer amounts: 0 for JPY, 2 for USD and IDR, 3 for KWD. */
export function minorUnitExponent(currency: string): 0 | 2 | 3 {
	const code = normalizeCurrency(currency);
	if (zeroDecimal.has(code)) return 0;
	if (threeDecimal.has(code)) return 3;
	return 2;
}

/** Digits after the point a person may type: 0 for JPY and ISK, 2 for USD, 2 for KWD (Stripe wants the third 0). */
export function inputDecimals(currency: string): 0 | 2 {
	const code = normalizeCurrency(currency);
	if (zeroDecimal.has(code) || wholeUnitsOnly.has(code)) return 0;
	return 2;
}

/**
 * A typed amount ("10", "10.5", "10.50", "1,000"? no: only digits and one point)
 * in the currency's minor units, or undefined when it is not an amount in that
 * currency (too many decimals, not a number). Exact: no floating point.
 */
export function toMinorUnits(typed: string, currency: string): number | undefined {
	const text = typed.trim();
	const match = /^(\d{1,12})(?:[.,](\d+))?$/.exec(text);
	if (!match) return undefined;
	const [, whole, fraction = ''] = match;
	if (fraction.length > inputDecimals(currency)) return undefined;
	const exponent = minorUnitExponent(currency);
	const minor = BigInt(whole!) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, '0') || '0');
	if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
	return Number(minor);
}

/** Minor units back to the decimal string a form shows ("5.00" → "5", "12.50" stays). */
export function toDecimalString(minor: number, currency: string): string {
	const exponent = minorUnitExponent(currency);
	if (exponent === 0) return String(minor);
	const factor = 10 ** exponent;
	const whole = Math.trunc(minor / factor);
	const fraction = String(minor % factor).padStart(exponent, '0').slice(0, inputDecimals(currency));
	return /^0*$/.test(fraction) ? String(whole) : `${whole}.${fraction}`;
}

/** "US$25.00", "२५.०० अमेरिकी डलर", "Rp 150.000,00": the amount as the donor's language writes it. */
export function formatMoney(minor: number, currency: string, locale: string): string {
	const code = normalizeCurrency(currency);
	const exponent = minorUnitExponent(code);
	const decimals = inputDecimals(code) === 0 ? 0 : undefined;
	return numberFormat(locale, {
		style: 'currency',
		currency: code,
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals
	}).format(minor / 10 ** exponent);
}
