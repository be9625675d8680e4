import type { Kysely } from 'kysely';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { isTimeZone } from '$lib/i18n/staff-clock';
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
		timeZone: input.timeZone,
		notifyApplications: input.notifyApplications as ApplicationNotice
	};
	await db
		.updateTable('user')
		.set(preferences)
		.where('id', '=', userId)
		.execute();
	return preferences;
}
