/**
 * Who may do what in the admin. One table, used by every page and action on the
 * server (and by the admin's navigation, to hide what a person cannot open).
 */
export const roles = ['admin', 'editor', 'reviewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = {
	'dashboard.view': ['admin', 'editor', 'reviewer'],
	'account.manage-own': ['admin', 'editor', 'reviewer'],
	'content.edit': ['admin', 'editor'],
	'content.publish': ['admin', 'editor'],
	'media.manage': ['admin', 'editor'],
	// Photos no published page shows yet (the library's, a draft's in its preview); the public gets 404.
	'media.preview': ['admin', 'editor'],
	'settings.edit': ['admin'],
	'staff.manage': ['admin'],
	'audit.view': ['admin'],
	'jobs.manage': ['admin'],
	// An archive holds everything, password hashes and the site's secret among it: admins only.
	'backups.manage': ['admin'],
	// Messages hold one-time links (invitations, password resets): admins only.
	'outbox.view': ['admin'],
	// Scoring and commenting on the applications assigned to oneself; reviewers see nothing else of a call.
	'applications.review': ['admin', 'editor', 'reviewer'],
	// Building calls and their forms, assigning reviewers, the rubric, every application
	// of a call with its files, shortlisting, decisions and their e-mails, export.
	'calls.manage': ['admin', 'editor'],
	// The donations list and its CSV hold donors' names, e-mail addresses and
	// amounts (personal data): admins only, like the outbox. The donor wall shows
	// only what donors agreed to publish (a name and a message, never an e-mail or
	// an amount), so editors, who run the site's content, may moderate it.
	'donations.view': ['admin'],
	'donations.moderate': ['admin', 'editor'],
	// Currencies, amounts, receipt text and campaigns change what donors are asked for.
	'donations.manage': ['admin'],
	// Subscribers' addresses, the consent ledger, import and export: personal data,
	// but running the newsletter is everyday work for editors as well as admins.
	'newsletter.subscribers': ['admin', 'editor'],
	// Writing, testing, scheduling and sending campaigns, topics and the consent text.
	'newsletter.campaigns': ['admin', 'editor'],
	// Events' sessions and the people registered for them (names, addresses, access needs): those who run events.
	'events.manage': ['admin', 'editor'],
	// Works (edited directly, public at once where shown) and virtual exhibitions (published as content).
	'exhibitions.manage': ['admin', 'editor'],
	// Artists' profiles: their private addresses, their consent ledger, hiding and withdrawals.
	'collective.manage': ['admin', 'editor']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function can(role: string | undefined | null, permission: Permission): boolean {
	return isRole(role) && (permissions[permission] as readonly Role[]).includes(role);
}
