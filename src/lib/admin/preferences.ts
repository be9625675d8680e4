import { m } from '$lib/paraglide/messages';

/** The choices of e-mails about new applications, worded in the request's language. */
export function applicationNoticeChoices(): { value: 'none' | 'each' | 'daily'; label: string }[] {
	return [
		{ value: 'none', label: m.admin_preferences_notify_none() },
		{ value: 'each', label: m.admin_preferences_notify_each() },
		{ value: 'daily', label: m.admin_preferences_notify_daily() }
	];
}
