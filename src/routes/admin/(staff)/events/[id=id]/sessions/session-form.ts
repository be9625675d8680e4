import { m } from '$lib/paraglide/messages';
import { formField, formSchema } from '$lib/server/platform/forms';
import type { EventSessionRow } from '$lib/server/db/schema';
import type { SessionInput } from '$lib/server/events/session.service';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';
import { locales } from '$lib/i18n/locales';
import { instantToZonedWallTime } from '$lib/server/shared/zoned-time';

/*
 * The session form the staff pages share: read as typed (so a refused form is
 * shown again as it was), turned into the domain's input, and the domain's
 * issue codes said in words.
 */

export const sessionForm = formSchema({
	startsLocal: formField.trimmed(20),
	endsLocal: formField.trimmed(20),
	timeZone: formField.trimmed(100),
	online: formField.ticked(),
	onlineUrl: formField.trimmed(2000),
	venueName: formField.trimmed(200),
	venueAddress: formField.trimmed(500),
	country: formField.trimmed(2),
	latitude: formField.trimmed(30),
	longitude: formField.trimmed(30),
	capacity: formField.trimmed(10),
	registrationOpensLocal: formField.trimmed(20),
	registrationClosesLocal: formField.trimmed(20),
	...Object.fromEntries(locales.map((l) => [`directions.${l}`, formField.text(2000)]))
});

export type SessionFormValues = Record<string, string | boolean>;

export function formValues(form: FormData): SessionFormValues {
	return sessionForm.read(form) as SessionFormValues;
}

/** Typed numbers stay as typed until the domain checks them: a word where a number goes is refused, not read as none. */
function number(value: string): number | null {
	return value === '' ? null : Number(value.replace(',', '.'));
}

export function sessionInputOf(values: SessionFormValues): SessionInput {
	const text = (name: string) => String(values[name] ?? '');
	return {
		startsLocal: text('startsLocal'),
		endsLocal: text('endsLocal'),
		timeZone: text('timeZone'),
		online: values.online === true,
		onlineUrl: text('onlineUrl'),
		venueName: text('venueName'),
		venueAddress: text('venueAddress'),
		country: text('country'),
		latitude: number(text('latitude')),
		longitude: number(text('longitude')),
		capacity: text('capacity') === '' ? null : Number(text('capacity')),
		registrationOpensLocal: text('registrationOpensLocal'),
		registrationClosesLocal: text('registrationClosesLocal'),
		directions: Object.fromEntries(locales.map((l) => [l, text(`directions.${l}`)]).filter(([, value]) => value !== ''))
	};
}

/** The form's values for a session as it is. */
export function valuesOf(session: EventSessionRow): SessionFormValues {
	const directions = JSON.parse(session.directions) as Record<string, string>;
	const local = (instant: string | null) => (instant ? instantToLocal(instant, session.time_zone) : '');
	return {
		startsLocal: session.starts_local,
		endsLocal: session.ends_local,
		timeZone: session.time_zone,
		online: session.online === 1,
		onlineUrl: session.online_url ?? '',
		venueName: session.venue_name,
		venueAddress: session.venue_address,
		country: session.country,
		latitude: session.latitude === null ? '' : String(session.latitude),
		longitude: session.longitude === null ? '' : String(session.longitude),
		capacity: session.capacity === null ? '' : String(session.capacity),
		registrationOpensLocal: local(session.registration_opens_at),
		registrationClosesLocal: local(session.registration_closes_at),
		...Object.fromEntries(locales.map((l) => [`directions.${l}`, directions[l] ?? '']))
	};
}

function instantToLocal(instant: string, timeZone: string): string {
	return instantToZonedWallTime(instant, timeZone).slice(0, 16);
}

/** The domain's issue codes, in the staff's words. */
export function issueMessages(issues: Record<string, string>): Record<string, string> {
	const words: Record<string, () => string> = {
		'wall-time': m.events_issue_wall_time,
		'time-zone': m.events_issue_time_zone,
		'ends-before-start': m.events_issue_ends_before_start,
		required: m.events_issue_required,
		'https-url': m.events_issue_https_url,
		country: m.events_issue_country,
		'both-coordinates': m.events_issue_both_coordinates,
		coordinate: m.events_issue_coordinate,
		capacity: m.events_issue_capacity,
		'closes-before-opens': m.events_issue_closes_before_opens,
		cancelled: m.events_issue_cancelled,
		'too-long': m.events_issue_too_long
	};
	return Object.fromEntries(
		Object.entries(issues).map(([field, code]) => {
			const below = /^below-taken:(\d+)$/.exec(code);
			if (below) return [field, m.events_issue_below_taken({ count: Number(below[1]) })];
			return [field, (words[code] ?? m.events_issue_check)()];
		})
	);
}

export const sessionAnswers: DomainErrorAnswers = {
	get notFound() {
		return m.events_session_not_found();
	}
};
