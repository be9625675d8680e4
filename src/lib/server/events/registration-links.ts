import { localizedPath } from '$lib/i18n/paths';

/*
 * Addresses that belong to a registration or a session, made in one place so
 * that the e-mails, the private page and any calendar download agree.
 */

/** The private page of a registration (its confirm step, answers to offers, cancelling): English at the root, other languages under their prefix. */
export function registrationUrl(origin: string, locale: string, token: string): string {
	return `${origin.replace(/\/$/, '')}${localizedPath(`/registrations/${token}`, locale)}`;
}

/**
 * The iCalendar UID of a session, stable for its whole life: calendars match an
 * update or a cancellation to the entry they hold by it. The host (with its
 * port, if any) of the public ORIGIN makes it unique to this site.
 */
export function sessionUid(origin: string, sessionId: number): string {
	return `session-${sessionId}@${new URL(origin).host}`;
}

/** A session's calendar file, for anyone to add it to their calendar (without their language prefix: localize it where it is linked). */
export function sessionCalendarPath(sessionId: number): string {
	return `/events/sessions/${sessionId}/calendar.ics`;
}

/** An online session's start in the reader's own time zone (without their language prefix: localize it where it is linked). */
export function yourTimePath(sessionId: number): string {
	return `/events/sessions/${sessionId}/your-time`;
}
