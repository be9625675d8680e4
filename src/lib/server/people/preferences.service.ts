import type { Kysely } from 'kysely';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { currentZoneName, isTimeZone } from '$lib/i18n/staff-clock';
import type { ApplicationNotice, Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';

/*
 * What a staff member chooses for themselves: the admin's language (also that
 * of the e-mails the app sends them), the time zone their times are shown in,
 * and which e-mails about new applications they want. Nobody else changes
 * them, so they are not in the audit log.
 */

export const applicationNotices = ['none', 'each', 'daily'] as const satisfies readonly ApplicationNotice[];

export interface StaffPreferences {
	locale: Locale;
	timeZone: string | null;
	notifyApplications: ApplicationNotice;
}

export async function preferencesOf(db: Kysely<Database>, userId: string): Promise<StaffPreferences> {
	const row = await db.selectFrom('user').select(['locale', 'timeZone', 'notifyApplications']).where('id', '=', userId).executeTakeFirstOrThrow();
	return {
		locale: isLocale(row.locale) ? row.locale : 'en',
		timeZone: isTimeZone(row.timeZone) ? row.timeZone : null,
		notifyApplications: (applicationNotices as readonly string[]).includes(row.notifyApplications) ? row.notifyApplications : 'none'
	};
}

/** What a person chose on their welcome page: their name as colleagues see it, their language and zone. Checked before the link is used. */
export function checkWelcomeChoices(input: { name: string; locale: string; timeZone: string }): Record<string, string> {
	const issues: Record<string, string> = {};
	if (input.name.trim().length > 120) issues.name = 'too-long';
	// Left out (a form without them), they stay as they are: the admin asks again later.
	if (input.locale && !isLocale(input.locale)) issues.locale = 'invalid';
	if (input.timeZone && !isTimeZone(input.timeZone)) issues.timeZone = 'invalid';
	return issues;
}

export async function saveWelcomeChoices(db: Kysely<Database>, userId: string, input: { name: string; locale: string; timeZone: string }): Promise<void> {
	const name = input.name.trim();
	const changes = {
		...(name ? { name } : {}),
		...(input.locale ? { locale: input.locale } : {}),
		...(input.timeZone ? { timeZone: currentZoneName(input.timeZone) } : {})
	};
	if (Object.keys(changes).length === 0) return;
	await db.updateTable('user').set(changes).where('id', '=', userId).execute();
}

/** Saves all three; a language, zone or choice the admin does not know is refused, naming the field. */
export async function savePreferences(
	db: Kysely<Database>,
	userId: string,
	input: { locale: string; timeZone: string; notifyApplications: string }
): Promise<StaffPreferences> {
	const issues: Record<string, string> = {};
	if (!isLocale(input.locale)) issues.locale = 'invalid';
	if (!isTimeZone(input.timeZone)) issues.timeZone = 'invalid';
	if (!(applicationNotices as readonly string[]).includes(input.notifyApplications)) issues.notifyApplications = 'invalid';
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	const preferences = {
		locale: input.locale as Locale,
		timeZone: currentZoneName(input.timeZone),
		notifyApplications: input.notifyApplications as ApplicationNotice
	};
	await db
		.updateTable('user')
		.set(preferences)
		.where('id', '=', userId)
		.execute();
	return preferences;
}
