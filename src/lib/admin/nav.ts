import type { Permission } from '$lib/people/roles';
import { adminUrls } from '$lib/admin/urls';
import { m } from '$lib/paraglide/messages';

/*
 * The admin's sections, grouped by task. The top row shows the groups (each
 * opens its first section the person may see); the second row, the sections of
 * the group the page belongs to. Seven words fit a phone's width where the
 * twenty-one sections wrapped to five rows. Labels are functions: they are
 * read in the language of the request, not of the module's first import.
 */

export interface NavItem {
	href: string;
	label: () => string;
	permission: Permission;
}

export interface NavGroup {
	id: 'content' | 'calls' | 'newsletter' | 'donations' | 'people' | 'system';
	label: () => string;
	items: NavItem[];
}

export const dashboardItem: NavItem = { href: adminUrls.dashboard, label: m.admin_nav_dashboard, permission: 'dashboard.view' };

export const adminNavGroups: NavGroup[] = [
	{
		id: 'content',
		label: m.admin_nav_group_content,
		items: [
			{ href: adminUrls.content.list, label: m.admin_nav_site_content, permission: 'content.edit' },
			{ href: adminUrls.archive.initiatives, label: m.admin_nav_initiatives, permission: 'content.edit' },
			{ href: adminUrls.archive.stories, label: m.admin_nav_stories, permission: 'content.edit' },
			{ href: adminUrls.archive.events, label: m.admin_nav_events, permission: 'content.edit' },
			{ href: adminUrls.pages.list, label: m.pagesadmin_nav_pages, permission: 'content.edit' },
			{ href: adminUrls.pages.menus, label: m.pagesadmin_nav_menus, permission: 'content.edit' },
			{ href: adminUrls.artists.list, label: m.admin_nav_artists, permission: 'collective.manage' },
			{ href: adminUrls.exhibitions.list, label: m.admin_nav_exhibitions, permission: 'exhibitions.manage' },
			{ href: adminUrls.exhibitions.works, label: m.admin_nav_works, permission: 'exhibitions.manage' },
			{ href: adminUrls.media.list, label: m.admin_nav_media, permission: 'media.manage' }
		]
	},
	{
		id: 'calls',
		label: m.admin_nav_group_calls,
		items: [
			{ href: adminUrls.calls.list, label: m.admin_nav_calls, permission: 'calls.manage' },
			{ href: adminUrls.reviews.list, label: m.admin_nav_reviews, permission: 'applications.review' }
		]
	},
	{
		id: 'newsletter',
		label: m.admin_nav_group_newsletter,
		items: [
			{ href: adminUrls.newsletter.campaigns, label: m.admin_nav_campaigns, permission: 'newsletter.campaigns' },
			{ href: adminUrls.newsletter.subscribers, label: m.admin_nav_subscribers, permission: 'newsletter.subscribers' }
		]
	},
	{
		id: 'donations',
		label: m.admin_nav_group_donations,
		items: [
			{ href: adminUrls.donations.list, label: m.admin_nav_donations, permission: 'donations.view' },
			{ href: adminUrls.donations.wall, label: m.admin_nav_donor_wall, permission: 'donations.moderate' }
		]
	},
	{
		id: 'people',
		label: m.admin_nav_group_people,
		items: [
			{ href: adminUrls.staff, label: m.admin_nav_staff, permission: 'staff.manage' },
			{ href: adminUrls.account, label: m.admin_nav_account, permission: 'account.manage-own' },
			{ href: adminUrls.preferences, label: m.admin_nav_preferences, permission: 'account.manage-own' }
		]
	},
	{
		id: 'system',
		label: m.admin_nav_group_system,
		items: [
			{ href: adminUrls.outbox.list, label: m.admin_nav_outbox, permission: 'outbox.view' },
			{ href: adminUrls.jobs, label: m.admin_nav_jobs, permission: 'jobs.manage' },
			{ href: adminUrls.backups, label: m.admin_nav_backups, permission: 'backups.manage' },
			{ href: adminUrls.audit, label: m.admin_nav_audit, permission: 'audit.view' }
		]
	}
];

/** Every section as one list, the dashboard first (the authorization tests walk it). */
export const adminNav: NavItem[] = [dashboardItem, ...adminNavGroups.flatMap((group) => group.items)];

/** The groups this person sees, each with only the sections they may open. */
export function navFor(allowed: readonly Permission[]): NavGroup[] {
	return adminNavGroups
		.map((group) => ({ ...group, items: group.items.filter((item) => allowed.includes(item.permission)) }))
		.filter((group) => group.items.length > 0);
}

/** The section an address belongs to: the longest matching one (/admin/donations/wall is the wall, not also the list). */
export function currentSection(pathname: string, items: readonly NavItem[]): NavItem | undefined {
	const matches = (href: string) => (href === adminUrls.dashboard ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
	return items.filter((item) => matches(item.href)).sort((a, b) => b.href.length - a.href.length)[0];
}
