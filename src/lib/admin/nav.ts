import type { Permission } from '$lib/people/roles';
import { adminUrls } from '$lib/admin/urls';

/** The admin's sections, each shown only to those who may open it. */
export const adminNav: { href: string; label: string; permission: Permission }[] = [
	{ href: adminUrls.dashboard, label: 'Dashboard', permission: 'dashboard.view' },
	{ href: adminUrls.content.list, label: 'Site content', permission: 'content.edit' },
	{ href: adminUrls.archive.initiatives, label: 'Initiatives', permission: 'content.edit' },
	{ href: adminUrls.archive.stories, label: 'Stories', permission: 'content.edit' },
	{ href: adminUrls.archive.events, label: 'Events', permission: 'content.edit' },
	{ href: adminUrls.artists.list, label: 'Artists', permission: 'collective.manage' },
	{ href: adminUrls.exhibitions.list, label: 'Exhibitions', permission: 'exhibitions.manage' },
	{ href: adminUrls.exhibitions.works, label: 'Works', permission: 'exhibitions.manage' },
	{ href: adminUrls.media.list, label: 'Media', permission: 'media.manage' },
	{ href: adminUrls.calls.list, label: 'Open calls', permission: 'calls.manage' },
	{ href: adminUrls.reviews.list, label: 'My reviews', permission: 'applications.review' },
	{ href: adminUrls.newsletter.campaigns, label: 'Newsletter', permission: 'newsletter.campaigns' },
	{ href: adminUrls.newsletter.subscribers, label: 'Subscribers', permission: 'newsletter.subscribers' },
	{ href: adminUrls.donations.list, label: 'Donations', permission: 'donations.view' },
	{ href: adminUrls.donations.wall, label: 'Donor wall', permission: 'donations.moderate' },
	{ href: adminUrls.outbox.list, label: 'Outbox', permission: 'outbox.view' },
	{ href: adminUrls.jobs, label: 'Jobs', permission: 'jobs.manage' },
	{ href: adminUrls.backups, label: 'Backups', permission: 'backups.manage' },
	{ href: adminUrls.staff, label: 'Staff', permission: 'staff.manage' },
	{ href: adminUrls.audit, label: 'Audit log', permission: 'audit.view' },
	{ href: adminUrls.account, label: 'My account', permission: 'account.manage-own' }
];
