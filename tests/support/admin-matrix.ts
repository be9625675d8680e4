/*
 * The admin authorization matrix: every staff page and action, with the roles
 * allowed to use it. tests/http/admin-authorization.test.ts checks each against
 * each role; tests/browser/admin-phone-languages.test.ts opens every page of it
 * on a phone in Nepali and Spanish. Pages with parameters name `missing` (an id
 * nothing has) where a real id is not needed to check who may ask.
 */

export type Role = 'admin' | 'editor' | 'reviewer';
export const all: Role[] = ['admin', 'editor', 'reviewer'];
const staffEditors: Role[] = ['admin', 'editor'];
const adminOnly: Role[] = ['admin'];

export interface Check {
	/** The route's folder under src/routes, as SvelteKit names it. */
	route: string;
	method: 'GET' | 'POST';
	/** The action's name for POST ('default' for a page's only action). */
	action?: string;
	path: string;
	allowed: Role[];
}

export const missing = 999_999;

export const checks: Check[] = [
	{ route: '/admin/(staff)', method: 'GET', path: '/admin', allowed: all },
	{ route: '/admin/(staff)/account', method: 'GET', path: '/admin/account', allowed: all },
	...['changePassword', 'startTwoFactor', 'confirmTwoFactor', 'disableTwoFactor', 'regenerateCodes'].map(
		(action): Check => ({ route: '/admin/(staff)/account', method: 'POST', action, path: `/admin/account?/${action}`, allowed: all })
	),
	{ route: '/admin/(staff)/account/preferences', method: 'GET', path: '/admin/account/preferences', allowed: all },
	{ route: '/admin/(staff)/account/preferences', method: 'POST', action: 'default', path: '/admin/account/preferences', allowed: all },
	// Everyone's own recovery codes, right after they were made (404 otherwise: see admin-two-step-setup.test.ts).
	{ route: '/admin/(staff)/account/recovery-codes', method: 'GET', path: '/admin/account/recovery-codes', allowed: all },
	{ route: '/admin/(staff)/audit', method: 'GET', path: '/admin/audit', allowed: adminOnly },
	// The collective's artists: private addresses and the consent ledger; admins and editors, reviewers see nothing.
	{ route: '/admin/(staff)/artists', method: 'GET', path: '/admin/artists', allowed: staffEditors },
	{ route: '/admin/(staff)/artists/new', method: 'GET', path: '/admin/artists/new', allowed: staffEditors },
	...['create', 'fromApplication'].map(
		(action): Check => ({ route: '/admin/(staff)/artists/new', method: 'POST', action, path: `/admin/artists/new?/${action}`, allowed: staffEditors })
	),
	{ route: '/admin/(staff)/artists/[id=id]', method: 'GET', path: `/admin/artists/${missing}`, allowed: staffEditors },
	...['save', 'invite', 'hide', 'unhide', 'withdraw'].map(
		(action): Check => ({ route: '/admin/(staff)/artists/[id=id]', method: 'POST', action, path: `/admin/artists/${missing}?/${action}`, allowed: staffEditors })
	),
	// Open calls: admins and editors build calls, their forms, reviewers and rubrics.
	{ route: '/admin/(staff)/calls', method: 'GET', path: '/admin/calls', allowed: staffEditors },
	{ route: '/admin/(staff)/calls/new', method: 'GET', path: '/admin/calls/new', allowed: staffEditors },
	{ route: '/admin/(staff)/calls/new', method: 'POST', action: 'save', path: '/admin/calls/new?/save', allowed: staffEditors },
	{ route: '/admin/(staff)/calls/[id=id]', method: 'GET', path: `/admin/calls/${missing}`, allowed: staffEditors },
	...['save', 'status', 'delete'].map(
		(action): Check => ({ route: '/admin/(staff)/calls/[id=id]', method: 'POST', action, path: `/admin/calls/${missing}?/${action}`, allowed: staffEditors })
	),
	{ route: '/admin/(staff)/calls/[id=id]/form', method: 'GET', path: `/admin/calls/${missing}/form`, allowed: staffEditors },
	...['add', 'update', 'remove', 'move'].map(
		(action): Check => ({ route: '/admin/(staff)/calls/[id=id]/form', method: 'POST', action, path: `/admin/calls/${missing}/form?/${action}`, allowed: staffEditors })
	),
	{ route: '/admin/(staff)/calls/[id=id]/reviewers', method: 'GET', path: `/admin/calls/${missing}/reviewers`, allowed: staffEditors },
	...['assign', 'unassign'].map(
		(action): Check => ({ route: '/admin/(staff)/calls/[id=id]/reviewers', method: 'POST', action, path: `/admin/calls/${missing}/reviewers?/${action}`, allowed: staffEditors })
	),
	{ route: '/admin/(staff)/calls/[id=id]/rubric', method: 'GET', path: `/admin/calls/${missing}/rubric`, allowed: staffEditors },
	{ route: '/admin/(staff)/calls/[id=id]/rubric', method: 'POST', action: 'save', path: `/admin/calls/${missing}/rubric?/save`, allowed: staffEditors },
	{ route: '/admin/(staff)/content', method: 'GET', path: '/admin/content', allowed: staffEditors },
	{ route: '/admin/(staff)/content', method: 'POST', action: 'move', path: '/admin/content?/move', allowed: staffEditors },
	{ route: '/admin/(staff)/content', method: 'POST', action: 'delete', path: '/admin/content?/delete', allowed: staffEditors },
	{ route: '/admin/(staff)/content/[type]/[key]', method: 'GET', path: '/admin/content/page/about', allowed: staffEditors },
	{ route: '/admin/(staff)/content/[type]/[key]', method: 'GET', path: '/admin/content/organization/1', allowed: adminOnly },
	...['save', 'preview', 'publish', 'schedule', 'unschedule', 'restore'].flatMap((action): Check[] => [
		{ route: '/admin/(staff)/content/[type]/[key]', method: 'POST', action, path: `/admin/content/page/about?/${action}`, allowed: staffEditors },
		{ route: '/admin/(staff)/content/[type]/[key]', method: 'POST', action, path: `/admin/content/organization/1?/${action}`, allowed: adminOnly }
	]),
	// Events and their kinds are site content: editors write them, publishers (editors and admins) publish them, reviewers see nothing.
	{ route: '/admin/(staff)/content/[type]/[key]', method: 'GET', path: '/admin/content/event/new', allowed: staffEditors },
	{ route: '/admin/(staff)/content/[type]/[key]', method: 'GET', path: `/admin/content/event/${missing}`, allowed: staffEditors },
	{ route: '/admin/(staff)/content/[type]/[key]', method: 'GET', path: '/admin/content/event_kind/new', allowed: staffEditors },
	...['save', 'preview', 'publish', 'schedule', 'unschedule', 'restore'].flatMap((action): Check[] => [
		{ route: '/admin/(staff)/content/[type]/[key]', method: 'POST', action, path: `/admin/content/event/new-0123456789ab?/${action}`, allowed: staffEditors },
		{ route: '/admin/(staff)/content/[type]/[key]', method: 'POST', action, path: `/admin/content/event_kind/${missing}?/${action}`, allowed: staffEditors }
	]),
	{ route: '/admin/(staff)/content/[type]/[key]/compare', method: 'GET', path: '/admin/content/page/about/compare', allowed: staffEditors },
	{ route: '/admin/(staff)/content/[type]/[key]/compare', method: 'GET', path: `/admin/content/event/${missing}/compare`, allowed: staffEditors },
	{ route: '/admin/(staff)/content/preview/[revisionId=id]', method: 'GET', path: `/admin/content/preview/${missing}`, allowed: staffEditors },
	// Donations: the list and its CSV hold donors' personal data (admins only); editors moderate the wall.
	{ route: '/admin/(staff)/donations', method: 'GET', path: '/admin/donations', allowed: adminOnly },
	{ route: '/admin/(staff)/donations/export.csv', method: 'GET', path: '/admin/donations/export.csv', allowed: adminOnly },
	{ route: '/admin/(staff)/donations/wall', method: 'GET', path: '/admin/donations/wall', allowed: staffEditors },
	...['approve', 'reject', 'hide'].map(
		(action): Check => ({ route: '/admin/(staff)/donations/wall', method: 'POST', action, path: `/admin/donations/wall?/${action}`, allowed: staffEditors })
	),
	{ route: '/admin/(staff)/donations/settings', method: 'GET', path: '/admin/donations/settings', allowed: adminOnly },
	{ route: '/admin/(staff)/donations/settings', method: 'POST', action: 'save', path: '/admin/donations/settings?/save', allowed: adminOnly },
	{ route: '/admin/(staff)/donations/settings/campaigns/[id=idOrNew]', method: 'GET', path: '/admin/donations/settings/campaigns/new', allowed: adminOnly },
	{ route: '/admin/(staff)/donations/settings/campaigns/[id=idOrNew]', method: 'GET', path: `/admin/donations/settings/campaigns/${missing}`, allowed: adminOnly },
	{ route: '/admin/(staff)/donations/settings/campaigns/[id=idOrNew]', method: 'POST', action: 'save', path: `/admin/donations/settings/campaigns/${missing}?/save`, allowed: adminOnly },
	// The archive's lists and the events': editors and admins, as for the rest of the site's content.
	{ route: '/admin/(staff)/initiatives', method: 'GET', path: '/admin/initiatives', allowed: staffEditors },
	{ route: '/admin/(staff)/stories', method: 'GET', path: '/admin/stories', allowed: staffEditors },
	{ route: '/admin/(staff)/events', method: 'GET', path: '/admin/events', allowed: staffEditors },
	{ route: '/admin/(staff)/initiatives', method: 'POST', action: 'delete', path: '/admin/initiatives?/delete', allowed: staffEditors },
	{ route: '/admin/(staff)/stories', method: 'POST', action: 'delete', path: '/admin/stories?/delete', allowed: staffEditors },
	{ route: '/admin/(staff)/events', method: 'POST', action: 'delete', path: '/admin/events?/delete', allowed: staffEditors },
	// Pages staff add and the menus (content.edit): editors and admins; every menu change is checked on the server.
	{ route: '/admin/(staff)/pages', method: 'GET', path: '/admin/pages', allowed: staffEditors },
	{ route: '/admin/(staff)/pages', method: 'POST', action: 'delete', path: '/admin/pages?/delete', allowed: staffEditors },
	{ route: '/admin/(staff)/content/[type]/[key]', method: 'GET', path: '/admin/content/custom_page/new', allowed: staffEditors },
	...['save', 'preview', 'publish', 'schedule', 'unschedule', 'restore'].map(
		(action): Check => ({ route: '/admin/(staff)/content/[type]/[key]', method: 'POST', action, path: `/admin/content/custom_page/new-0123456789ab?/${action}`, allowed: staffEditors })
	),
	{ route: '/admin/(staff)/menus', method: 'GET', path: '/admin/menus', allowed: staffEditors },
	...['move', 'show', 'hide', 'add', 'remove'].map(
		(action): Check => ({ route: '/admin/(staff)/menus', method: 'POST', action, path: `/admin/menus?/${action}`, allowed: staffEditors })
	),
	// Works and exhibitions (exhibitions.manage): admins and editors; reviewers see nothing of them.
	{ route: '/admin/(staff)/exhibitions', method: 'GET', path: '/admin/exhibitions', allowed: staffEditors },
	{ route: '/admin/(staff)/exhibitions', method: 'POST', action: 'delete', path: '/admin/exhibitions?/delete', allowed: staffEditors },
	{ route: '/admin/(staff)/exhibitions/[key]', method: 'GET', path: `/admin/exhibitions/${missing}`, allowed: staffEditors },
	{ route: '/admin/(staff)/exhibitions/[key]', method: 'POST', action: 'move', path: `/admin/exhibitions/${missing}?/move`, allowed: staffEditors },
	{ route: '/admin/(staff)/content/[type]/[key]', method: 'GET', path: '/admin/content/exhibition/new', allowed: staffEditors },
	...['save', 'preview', 'publish', 'schedule', 'unschedule', 'restore'].map(
		(action): Check => ({ route: '/admin/(staff)/content/[type]/[key]', method: 'POST', action, path: `/admin/content/exhibition/new-0123456789ab?/${action}`, allowed: staffEditors })
	),
	{ route: '/admin/(staff)/works', method: 'GET', path: '/admin/works', allowed: staffEditors },
	{ route: '/admin/(staff)/works/new', method: 'GET', path: '/admin/works/new', allowed: staffEditors },
	{ route: '/admin/(staff)/works/new', method: 'POST', action: 'default', path: '/admin/works/new', allowed: staffEditors },
	{ route: '/admin/(staff)/works/upload', method: 'GET', path: '/admin/works/upload', allowed: staffEditors },
	{ route: '/admin/(staff)/works/upload', method: 'POST', action: 'default', path: '/admin/works/upload', allowed: staffEditors },
	{ route: '/admin/(staff)/works/[id=id]', method: 'GET', path: `/admin/works/${missing}`, allowed: staffEditors },
	...['save', 'delete'].map((action): Check => ({ route: '/admin/(staff)/works/[id=id]', method: 'POST', action, path: `/admin/works/${missing}?/${action}`, allowed: staffEditors })),
	// An event's sessions and the people registered: those who run events; reviewers see nothing of them.
	{ route: '/admin/(staff)/events/[id=id]/sessions', method: 'GET', path: `/admin/events/${missing}/sessions`, allowed: staffEditors },
	{ route: '/admin/(staff)/events/[id=id]/sessions', method: 'POST', action: 'add', path: `/admin/events/${missing}/sessions?/add`, allowed: staffEditors },
	{ route: '/admin/(staff)/events/[id=id]/sessions/[session=id]', method: 'GET', path: `/admin/events/${missing}/sessions/${missing}`, allowed: staffEditors },
	...['save', 'cancel'].map(
		(action): Check => ({
			route: '/admin/(staff)/events/[id=id]/sessions/[session=id]',
			method: 'POST',
			action,
			path: `/admin/events/${missing}/sessions/${missing}?/${action}`,
			allowed: staffEditors
		})
	),
	// One session's registrations, its door and its message to everyone confirmed: names, addresses and access needs, so only those who run events.
	...(
		[
			['registrations', ['add', 'cancel']],
			['message', ['preview', 'send']],
			['check-in', ['checkIn', 'undo']],
			['door-list', ['checkIn']]
		] as const
	).flatMap(([page, actions]): Check[] => [
		{ route: `/admin/(staff)/events/[id=id]/sessions/[session=id]/${page}`, method: 'GET', path: `/admin/events/${missing}/sessions/${missing}/${page}`, allowed: staffEditors },
		...actions.map(
			(action): Check => ({
				route: `/admin/(staff)/events/[id=id]/sessions/[session=id]/${page}`,
				method: 'POST',
				action,
				path: `/admin/events/${missing}/sessions/${missing}/${page}?/${action}`,
				allowed: staffEditors
			})
		)
	]),
	{
		route: '/admin/(staff)/events/[id=id]/sessions/[session=id]/registrations.csv',
		method: 'GET',
		path: `/admin/events/${missing}/sessions/${missing}/registrations.csv`,
		allowed: staffEditors
	},
	{ route: '/admin/(staff)/backups', method: 'GET', path: '/admin/backups', allowed: adminOnly },
	{ route: '/admin/(staff)/backups', method: 'POST', action: 'now', path: '/admin/backups?/now', allowed: adminOnly },
	{ route: '/admin/(staff)/jobs', method: 'GET', path: '/admin/jobs', allowed: adminOnly },
	{ route: '/admin/(staff)/jobs', method: 'POST', action: 'retry', path: '/admin/jobs?/retry', allowed: adminOnly },
	{ route: '/admin/(staff)/media', method: 'GET', path: '/admin/media', allowed: staffEditors },
	{ route: '/admin/(staff)/media', method: 'POST', action: 'upload', path: '/admin/media?/upload', allowed: staffEditors },
	{ route: '/admin/(staff)/media/[id=id]', method: 'GET', path: `/admin/media/${missing}`, allowed: staffEditors },
	{ route: '/admin/(staff)/media/[id=id]', method: 'POST', action: 'save', path: `/admin/media/${missing}?/save`, allowed: staffEditors },
	{ route: '/admin/(staff)/media/[id=id]/delete', method: 'GET', path: `/admin/media/${missing}/delete`, allowed: staffEditors },
	{ route: '/admin/(staff)/media/[id=id]/delete', method: 'POST', action: 'default', path: `/admin/media/${missing}/delete`, allowed: staffEditors },
	// Newsletter campaigns: admins and editors write, test, schedule and send them.
	{ route: '/admin/(staff)/newsletter', method: 'GET', path: '/admin/newsletter', allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/campaigns/[id=idOrNew]', method: 'GET', path: '/admin/newsletter/campaigns/new', allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/campaigns/[id=idOrNew]', method: 'GET', path: `/admin/newsletter/campaigns/${missing}`, allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/campaigns/[id=idOrNew]', method: 'POST', action: 'save', path: '/admin/newsletter/campaigns/new?/save', allowed: staffEditors },
	...['save', 'test', 'schedule', 'unschedule', 'send', 'pause', 'resume', 'cancel', 'delete'].map(
		(action): Check => ({ route: '/admin/(staff)/newsletter/campaigns/[id=idOrNew]', method: 'POST', action, path: `/admin/newsletter/campaigns/${missing}?/${action}`, allowed: staffEditors })
	),
	{ route: '/admin/(staff)/newsletter/campaigns/[id=idOrNew]/preview', method: 'GET', path: `/admin/newsletter/campaigns/${missing}/preview?locale=es`, allowed: staffEditors },
	// Newsletter subscribers (addresses, the consent ledger, import and export) and topics with the consent text: admins and editors.
	{ route: '/admin/(staff)/newsletter/subscribers', method: 'GET', path: '/admin/newsletter/subscribers', allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/subscribers/export.csv', method: 'GET', path: '/admin/newsletter/subscribers/export.csv', allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/subscribers/[id=id]', method: 'GET', path: `/admin/newsletter/subscribers/${missing}`, allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/subscribers/[id=id]', method: 'POST', action: 'delete', path: `/admin/newsletter/subscribers/${missing}?/delete`, allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/subscribers/import', method: 'GET', path: '/admin/newsletter/subscribers/import', allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/subscribers/import', method: 'POST', action: 'upload', path: '/admin/newsletter/subscribers/import?/upload', allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/subscribers/import/[id=id]', method: 'GET', path: `/admin/newsletter/subscribers/import/${missing}`, allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/subscribers/import/[id=id]/report.csv', method: 'GET', path: `/admin/newsletter/subscribers/import/${missing}/report.csv`, allowed: staffEditors },
	{ route: '/admin/(staff)/newsletter/topics', method: 'GET', path: '/admin/newsletter/topics', allowed: staffEditors },
	...['add', 'rename', 'move', 'delete', 'publish'].map(
		(action): Check => ({ route: '/admin/(staff)/newsletter/topics', method: 'POST', action, path: `/admin/newsletter/topics?/${action}`, allowed: staffEditors })
	),
	// The place picker's town search (JSON) belongs to editing content.
	{ route: '/admin/(staff)/places', method: 'GET', path: '/admin/places?q=patan', allowed: staffEditors },
	// Reviews: everyone who reviews sees their own assignments; anything not assigned to them is a 404 (allowed, in this table's terms).
	{ route: '/admin/(staff)/reviews', method: 'GET', path: '/admin/reviews', allowed: all },
	{ route: '/admin/(staff)/reviews/[applicationId=id]', method: 'GET', path: `/admin/reviews/${missing}`, allowed: all },
	{ route: '/admin/(staff)/reviews/[applicationId=id]', method: 'POST', action: 'save', path: `/admin/reviews/${missing}?/save`, allowed: all },
	{ route: '/admin/(staff)/applications/files/[fileId=id]', method: 'GET', path: `/admin/applications/files/${missing}`, allowed: all },
	{ route: '/admin/(staff)/applications/files/[fileId=id]/thumbnail', method: 'GET', path: `/admin/applications/files/${missing}/thumbnail`, allowed: all },
	{ route: '/admin/(staff)/applications/files/[fileId=id]/preview', method: 'GET', path: `/admin/applications/files/${missing}/preview`, allowed: all },
	// A call's applications, decisions and exports: admins and editors (the demo content's first call, and one that does not exist).
	...['/admin/calls/1', `/admin/calls/${missing}`].flatMap((call): Check[] => [
		{ route: '/admin/(staff)/calls/[id=id]/applications', method: 'GET', path: `${call}/applications`, allowed: staffEditors },
		...['shortlist', 'decide'].flatMap((action): Check[] => [
			{ route: '/admin/(staff)/calls/[id=id]/applications', method: 'POST', action, path: `${call}/applications?/${action}`, allowed: staffEditors },
			{ route: '/admin/(staff)/calls/[id=id]/applications/[applicationId=id]', method: 'POST', action, path: `${call}/applications/${missing}?/${action}`, allowed: staffEditors }
		]),
		{ route: '/admin/(staff)/calls/[id=id]/applications/[applicationId=id]', method: 'GET', path: `${call}/applications/1`, allowed: staffEditors },
		{ route: '/admin/(staff)/calls/[id=id]/decisions', method: 'GET', path: `${call}/decisions`, allowed: staffEditors },
		...['saveTemplate', 'resetTemplate', 'send'].map(
			(action): Check => ({ route: '/admin/(staff)/calls/[id=id]/decisions', method: 'POST', action, path: `${call}/decisions?/${action}`, allowed: staffEditors })
		),
		{ route: '/admin/(staff)/calls/[id=id]/export.csv', method: 'GET', path: `${call}/export.csv`, allowed: staffEditors },
		{ route: '/admin/(staff)/calls/[id=id]/files.zip', method: 'GET', path: `${call}/files.zip`, allowed: staffEditors }
	]),
	{ route: '/admin/(staff)/outbox', method: 'GET', path: '/admin/outbox', allowed: adminOnly },
	{ route: '/admin/(staff)/outbox/[id=id]', method: 'GET', path: '/admin/outbox/1', allowed: adminOnly },
	{ route: '/admin/(staff)/outbox/[id=id]/raw', method: 'GET', path: '/admin/outbox/1/raw', allowed: adminOnly },
	{ route: '/admin/(staff)/staff', method: 'GET', path: '/admin/staff', allowed: adminOnly },
	...['invite', 'reinvite', 'role', 'disable'].map(
		(action): Check => ({ route: '/admin/(staff)/staff', method: 'POST', action, path: `/admin/staff?/${action}`, allowed: adminOnly })
	)
];
