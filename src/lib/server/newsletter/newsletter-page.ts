import type { Kysely } from 'kysely';
import { isLocale, localeNames, locales, type Locale, type Text } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { pickJson } from '$lib/server/shared/localized-text';
import type { Database } from '$lib/server/db/schema';
import { formField, formSchema } from '$lib/server/platform/forms';
import { subscribeFieldLimits, topicKeys, type SubscribeErrorCode, type SubscribeInput } from './newsletter.service';

/*
 * What the public newsletter pages show, prepared on the server in the visitor's
 * language, and how their forms are read.
 */

export interface ConsentTextView {
	version: number;
	text: Text;
}

/** The latest consent text, in the visitor's language (else English), with its version for the form to send back. */
export async function currentConsentText(db: Kysely<Database>, locale: Locale): Promise<ConsentTextView | null> {
	const row = await db
		.selectFrom('newsletter_consent_text')
		.select(['version', 'text'])
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ? { version: row.version, text: pickJson(row.text, locale) } : null;
}

export interface TopicView {
	key: string;
	name: Text;
}

export async function topicViews(db: Kysely<Database>, locale: Locale): Promise<TopicView[]> {
	const rows = await db.selectFrom('newsletter_topic').select(['key', 'name']).orderBy('position').orderBy('id').execute();
	return rows.map((row) => ({ key: row.key, name: pickJson(row.name, locale) }));
}

/** The languages a subscriber may choose, each named in itself. */
export const languageOptions = locales.map((locale) => ({ value: locale, label: localeNames[locale] }));

/** Everything the sign-up form needs. */
export async function signUpForm(db: Kysely<Database>, locale: Locale) {
	const [consent, topics] = await Promise.all([currentConsentText(db, locale), topicViews(db, locale)]);
	return { consent, topics, languages: languageOptions, limits: subscribeFieldLimits };
}

/** The form fields a refused sign-up shows again, exactly as typed. */
export interface SubscribeFormValues {
	email: string;
	name: string;
	locale: string;
	topics: string[];
	consent: boolean;
	/** The page the sign-up started on, kept when the form is shown again. */
	source: string;
}

/** The fields whose errors the page shows beside them (the consent text version's beside the consent box). */
export type SubscribeFormField = 'email' | 'name' | 'locale' | 'topics' | 'consent';

/** The sign-up form, full or short (`form=short`), with the trap field (`website`) people leave empty. */
const subscribeForm = formSchema({
	form: formField.text(20),
	email: formField.text(1000),
	name: formField.text(1000),
	locale: formField.text(100),
	topics: formField.list(200, 100),
	consent: formField.ticked(),
	consent_version: formField.version(),
	source: formField.text(1000),
	website: formField.text(1000)
});

/** A same-site path to record as the sign-up's source page; anything else is replaced by `fallback`. */
function sourcePageOf(value: string, fallback: string): string {
	return /^\/[^\s\\]{0,299}$/.test(value) && !value.startsWith('//') ? value : fallback;
}

/**
 * Reads the sign-up form: the full one on /newsletter, or the short one in the
 * footer (`form=short`: address and consent only, in the page's language, for
 * every topic). Returns the command for `subscribe`, what to show again if it is
 * refused, and whether the hidden trap field was filled in (a robot).
 */
export async function readSubscribeForm(
	db: Kysely<Database>,
	form: FormData,
	context: { locale: Locale; path: string }
): Promise<{ input: SubscribeInput; values: SubscribeFormValues; trapped: boolean }> {
	const posted = subscribeForm.read(form);
	const short = posted.form === 'short';
	const topics = short ? await topicKeys(db) : posted.topics;
	const source = sourcePageOf(posted.source, context.path);
	const values: SubscribeFormValues = {
		email: posted.email,
		name: posted.name,
		locale: short || !posted.locale ? context.locale : posted.locale,
		topics,
		consent: posted.consent,
		source
	};
	return {
		input: {
			email: values.email,
			name: values.name,
			locale: values.locale,
			topics,
			consent: values.consent,
			// Anything but a whole number is a version that does not exist (0), refused beside the consent box.
			consentTextVersion: posted.consent_version,
			sourcePage: source
		},
		values: { ...values, locale: isLocale(values.locale) ? values.locale : context.locale },
		trapped: posted.website !== ''
	};
}

/** Each refused field's message in the visitor's language, keyed by the field it belongs beside. */
export function subscribeErrorMessages(issues: Record<string, string>): Partial<Record<SubscribeFormField, string>> {
	const messages: Record<SubscribeErrorCode, () => string> = {
		email_invalid: () => m.newsletter_error_email_invalid(),
		name_too_long: () => m.newsletter_error_name_too_long({ max: subscribeFieldLimits.name }),
		locale_invalid: () => m.newsletter_error_locale_invalid(),
		topic_unknown: () => m.newsletter_error_topic_unknown(),
		consent_required: () => m.newsletter_error_consent_required(),
		consent_text_unknown: () => m.newsletter_error_consent_text_unknown()
	};
	const fieldOf = (field: string): SubscribeFormField =>
		field === 'consentTextVersion' ? 'consent' : (['email', 'name', 'locale', 'topics', 'consent'] as const).find((f) => f === field) ?? 'email';
	const result: Partial<Record<SubscribeFormField, string>> = {};
	for (const [field, code] of Object.entries(issues)) {
		const message = messages[code as SubscribeErrorCode]?.() ?? m.newsletter_error_too_large();
		result[fieldOf(field)] ??= message;
	}
	return result;
}
