import { m } from '$lib/paraglide/messages';

/*
 * An audit entry in words for the dashboard: "signed in", "changed an open
 * call". The audit log page keeps the exact codes; here a person reads what
 * happened. Families of actions name what they touched; the verb comes from
 * the last part of the code.
 */

const families: Record<string, () => string> = {
	content: m.admin_activity_thing_content,
	media: m.admin_activity_thing_media,
	job: m.admin_activity_thing_job,
	donation: m.admin_activity_thing_donation,
	newsletter: m.admin_activity_thing_newsletter,
	call: m.admin_activity_thing_call,
	event: m.admin_activity_thing_event,
	artist: m.admin_activity_thing_artist,
	backup: m.admin_activity_thing_backup,
	staff: m.admin_activity_thing_staff
};

const exact: Record<string, () => string> = {
	'sign-in.succeeded': m.admin_activity_signed_in,
	'sign-in.failed': m.admin_activity_sign_in_failed,
	'sign-in.locked': m.admin_activity_sign_in_locked,
	'sign-out': m.admin_activity_signed_out,
	'two-factor.enabled': m.admin_activity_two_factor_on,
	'two-factor.disabled': m.admin_activity_two_factor_off,
	'two-factor.failed': m.admin_activity_two_factor_failed,
	'recovery-codes.regenerated': m.admin_activity_recovery_codes,
	'password.changed': m.admin_activity_password_changed,
	'password.reset': m.admin_activity_password_reset,
	'staff.invited': m.admin_activity_staff_invited,
	'staff.role-changed': m.admin_activity_staff_role,
	'staff.disabled': m.admin_activity_staff_disabled,
	'staff.enabled': m.admin_activity_staff_enabled
};

function verbOf(what: string): 'created' | 'deleted' | 'published' | 'sent' | 'changed' {
	if (/(created|added|uploaded|invited|requested|daily|import-started)$/.test(what)) return 'created';
	if (/(deleted|removed|erased|discarded|cancelled|rejected|hidden|withdrawn)$/.test(what)) return 'deleted';
	if (/(published|opened|reopened|approved|shown|restored)$/.test(what)) return 'published';
	if (/(sent|send|queued|exported|downloaded)$/.test(what)) return 'sent';
	return 'changed';
}

export function activityWords(action: string): string {
	const known = exact[action];
	if (known) return known();
	const dot = action.indexOf('.');
	const family = families[dot > 0 ? action.slice(0, dot) : ''];
	if (!family) return m.admin_activity_other();
	const thing = family();
	switch (verbOf(action.slice(dot + 1))) {
		case 'created':
			return m.admin_activity_created({ thing });
		case 'deleted':
			return m.admin_activity_deleted({ thing });
		case 'published':
			return m.admin_activity_published({ thing });
		case 'sent':
			return m.admin_activity_sent({ thing });
		default:
			return m.admin_activity_changed({ thing });
	}
}
