import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Localized } from '$lib/i18n/locales';
import { parseLocalized, stringifyLocalized } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { isoCurrencyPattern, normalizeCurrency } from './currencies';
import type { DonationsContext } from './donations.wiring';

/** What staff decide: the currencies offered, and per currency the preset amounts and the limits (minor units). */
export interface CurrencyRule {
	presets: number[];
	min: number;
	max: number;
}

export interface DonationSettings {
	currencies: string[];
	rules: Record<string, CurrencyRule>;
	receiptNote: Localized;
	otherWays: Localized;
}

const minor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ruleSchema = z
	.object({ presets: z.array(minor).max(8), min: minor, max: minor })
	.refine((r) => r.min <= r.max, 'the minimum is above the maximum')
	.refine((r) => r.presets.every((p) => p >= r.min && p <= r.max), 'a preset is outside the minimum and maximum');

const settingsSchema = z
	.object({
		currencies: z.array(z.string().transform(normalizeCurrency).pipe(z.string().regex(isoCurrencyPattern))).min(1).max(20),
		rules: z.record(z.string(), ruleSchema),
		receiptNote: z.custom<Localized>(),
		otherWays: z.custom<Localized>()
	})
	.refine((s) => s.currencies.every((c) => s.rules[c]), 'every currency needs its amounts');

export async function getDonationSettings(db: Kysely<Database>): Promise<DonationSettings> {
	const row = await db.selectFrom('donation_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
	return {
		currencies: JSON.parse(row.currencies) as string[],
		rules: JSON.parse(row.currency_rules) as Record<string, CurrencyRule>,
		receiptNote: parseLocalized(row.receipt_note),
		otherWays: parseLocalized(row.other_ways)
	};
}

/** Saves the settings (for the admin page; /donate shows them); throws a ZodError naming what is wrong. */
export async function saveDonationSettings(donations: DonationsContext, actor: Actor, input: DonationSettings): Promise<void> {
	const settings = settingsSchema.parse(input);
	await runCommand(donations, actor, async ({ trx, now, audit, publicPagesChanged }) => {
		await trx
			.updateTable('donation_settings')
			.set({
				currencies: JSON.stringify(settings.currencies),
				currency_rules: JSON.stringify(Object.fromEntries(settings.currencies.map((c) => [c, settings.rules[c]]))),
				receipt_note: stringifyLocalized(settings.receiptNote),
				other_ways: stringifyLocalized(settings.otherWays),
				updated_at: now.toISOString()
			})
			.where('id', '=', 1)
			.execute();
		await publicPagesChanged();
		await audit({ action: 'donation.settings-changed', subject: 'donation-settings', detail: { currencies: input.currencies } });
	});
}
