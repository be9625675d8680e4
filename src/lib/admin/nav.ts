import type { Permission } from '$lib/people/roles';

/** The admin's sections, each shown only to those who may open it. */
export const adminNav: { href: string; label: string; permission: Permission }[] = [
	{ href: '/admin', label: 'Dashboard', permission: 'dashboard.view' },
	{ href: '/admin/content', label: 'Site content', permission: 'content.edit' },
	{ href: '/admin/media', label: 'Media', permission: 'media.manage' },
	{ href: '/admin/calls', label: 'Open calls', permission: 'calls.manage' },
	{ href: '/admin/reviews', label: 'My reviews', permission: 'applications.review' },
	{ href: '/admin/newsletter', label: 'Newsletter', permission: 'newsletter.campaigns' },
	{ href: '/admin/newsletter/subscribers', label: 'Subscribers', permission: 'newsletter.subscribers' },
	{ href: '/admin/donations', label: 'Donations', permission: 'donations.view' },
	{ href: '/admin/donations/wall', label: 'Donor wall', permission: 'donations.moderate' },
	{ href: '/admin/outbox', label: 'Outbox', permission: 'outbox.view' },
	{ href: '/admin/jobs', label: 'Jobs', permission: 'jobs.manage' },
	{ href: '/admin/staff', label: 'Staff', permission: 'staff.manage' },
	{ href: '/admin/audit', label: 'Audit log', permission: 'audit.view' },
	{ href: '/admin/account', label: 'My account', permission: 'account.manage-own' }
];
