import { m } from '$lib/paraglide/messages';
import { formSchema, localizedFields, localizedOf, localizedValues } from '$lib/server/platform/forms';
import { normalizeCurrency, toDecimalString, toMinorUnits } from './currencies';
import type { CurrencyRule, DonationSettings } from './donation-settings';

/*
 * The admin's donation settings form, as text fields: one row per currency
 * (`currency.0`, `presets.0`, `min.0`, `max.0`; amounts typed in whole units as
 * donors see them, "5 10 25"), and the receipt note and "other ways to give" per
 * language (`receiptNote.en`, `otherWays.es`…). parseSettingsValues gives the
 * settings for saveDonationSettings, or a message per field.
 */

export type SettingsValues = Record<string, string>;

export const maxCurrencyRows = 20;
const maxPresets = 8;
const textLimit = 4000;
/** The translated texts: `receiptNote.<language>`, `otherWays.<language>`. */
const localizedTexts = formSchema({ ...localizedFields('receiptNote', textLimit), ...localizedFields('otherWays', textLimit) });

/** ISO 4217 codes the runtime knows (Intl's list), so a typo like "USS" is caught. */
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** The form's values for the stored settings, with one empty row to add a currency. */
export function settingsValues(settings: DonationSettings): SettingsValues {
	const values: SettingsValues = {};
	settings.currencies.forEach((code, i) => {
		const rule = settings.rules[code];
		values[`currency.${i}`] = code;
		values[`presets.${i}`] = rule ? rule.presets.map((p) => toDecimalString(p, code)).join(' ') : '';
		values[`min.${i}`] = rule ? toDecimalString(rule.min, code) : '';
		values[`max.${i}`] = rule ? toDecimalString(rule.max, code) : '';
	});
	const blank = settings.currencies.length;
	if (blank < maxCurrencyRows) for (const f of ['currency', 'presets', 'min', 'max']) values[`${f}.${blank}`] = '';
	return { ...values, ...localizedValues('receiptNote', settings.receiptNote), ...localizedValues('otherWays', settings.otherWays) };
}

/** How many currency rows a set of values holds. */
export function currencyRowCount(values: SettingsValues): number {
	let n = 0;
	while (n < maxCurrencyRows && `currency.${n}` in values) n++;
	return n;
}

/** Reads the posted form into values (text only, bounded), ready to parse or to show again. */
export function settingsValuesFromForm(form: FormData): SettingsValues {
	const read = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, textLimit) : '';
	};
	const values: SettingsValues = {};
	for (let i = 0; i < maxCurrencyRows && form.has(`currency.${i}`); i++) {
		for (const f of ['currency', 'presets', 'min', 'max']) values[`${f}.${i}`] = read(`${f}.${i}`);
	}
	return { ...values, ...localizedTexts.read(form) };
}

export function parseSettingsValues(
	values: SettingsValues
): { ok: true; settings: DonationSettings } | { ok: false; issues: Record<string, string> } {
	const issues: Record<string, string> = {};
	const currencies: string[] = [];
	const rules: Record<string, CurrencyRule> = {};
	const text = (name: string) => (values[name] ?? '').trim();

	for (let i = 0; i < currencyRowCount(values); i++) {
		const typed = ['currency', 'presets', 'min', 'max'].map((f) => text(`${f}.${i}`));
		if (typed.every((t) => t === '')) continue; // an empty row: nothing to add
		const code = normalizeCurrency(typed[0]!);
		if (code === '') {
			issues[`currency.${i}`] = m.donations_issue_currency_missing();
			continue;
		}
		if (!/^[A-Z]{3}$/.test(code) || !knownCurrencies.has(code)) {
			issues[`currency.${i}`] = m.donations_issue_currency_unknown();
			continue;
		}
		if (currencies.includes(code)) {
			issues[`currency.${i}`] = m.donations_issue_currency_twice({ code });
			continue;
		}
		const amount = (field: 'min' | 'max') => {
			const raw = text(`${field}.${i}`);
			if (raw === '') {
				issues[`${field}.${i}`] = field === 'min' ? m.donations_issue_min_missing() : m.donations_issue_max_missing();
				return undefined;
			}
			const minor = toMinorUnits(raw, code);
			if (!minor) issues[`${field}.${i}`] = field === 'min' ? m.donations_issue_min_invalid({ code }) : m.donations_issue_max_invalid({ code });
			return minor || undefined;
		};
		const min = amount('min');
		const max = amount('max');
		if (min !== undefined && max !== undefined && min > max) issues[`max.${i}`] = m.donations_issue_max_below_min();

		const presetTexts = text(`presets.${i}`).split(/\s*;\s*|,\s+|\s+/).filter(Boolean);
		const presets: number[] = [];
		if (presetTexts.length > maxPresets) issues[`presets.${i}`] = m.donations_issue_presets_too_many({ max: maxPresets });
		else {
			for (const p of presetTexts) {
				const minor = toMinorUnits(p, code);
				if (!minor) {
					issues[`presets.${i}`] = m.donations_issue_preset_invalid({ amount: p, code });
					break;
				}
				if ((min !== undefined && minor < min) || (max !== undefined && minor > max)) {
					issues[`presets.${i}`] = m.donations_issue_preset_outside({ amount: p });
					break;
				}
				presets.push(minor);
			}
		}
		currencies.push(code);
		if (min !== undefined && max !== undefined) rules[code] = { presets, min, max };
	}
	if (currencies.length === 0 && Object.keys(issues).length === 0) issues['currency.0'] = m.donations_issue_no_currency();

	const trimmed = (texts: Record<string, string>) => Object.fromEntries(Object.entries(texts).map(([l, t]) => [l, t.trim()]));
	const localized = { receiptNote: trimmed(localizedOf(values, 'receiptNote')), otherWays: trimmed(localizedOf(values, 'otherWays')) };
	if (!localized.receiptNote.en) {
		issues['receiptNote.en'] = m.donations_issue_receipt_en();
	}
	if (!localized.otherWays.en) {
		issues['otherWays.en'] = m.donations_issue_other_en();
	}

	if (Object.keys(issues).length > 0) return { ok: false, issues };
	return {
		ok: true,
		settings: {
			currencies,
			rules,
			receiptNote: { ...localized.receiptNote, en: localized.receiptNote.en! },
			otherWays: { ...localized.otherWays, en: localized.otherWays.en! }
		}
	};
}
