import type { Migration } from 'kysely';
import * as siteContent from './2026-11-26-01-site-content';
import * as jobsAndMail from './2026-11-26-02-jobs-and-mail';
import * as media from './2026-11-26-03-media';
import * as staffAccounts from './2026-11-26-04-staff-accounts';
import * as contentRevisions from './2026-11-26-05-content-revisions';
import * as pagePhoto from './2026-11-26-06-page-photo';
import * as donations from './2026-11-26-07-donations';
import * as donorLinks from './2026-11-26-08-donor-links';
import * as newsletter from './2026-11-26-09-newsletter';
import * as newsletterCampaigns from './2026-11-26-10-newsletter-campaigns';
import * as newsletterImport from './2026-11-26-11-newsletter-import';
import * as openCalls from './2026-11-26-12-open-calls';
import * as newsletterTranslations from './2026-11-26-13-newsletter-translations';
import * as openCallMail from './2026-11-26-14-open-call-mail';
import * as applicationAttempts from './2026-11-26-15-application-attempts';
import * as staffThrottles from './2026-12-02-01-staff-throttles';
import * as throttleAttempts from './2026-12-02-02-throttle-attempts';
import * as mediaPublicKey from './2026-12-02-03-media-public-key';
import * as archive from './2026-12-02-04-archive';
import * as search from './2026-12-02-05-search';
import * as deliveryHandOver from './2026-12-03-01-delivery-hand-over';
import * as events from './2026-12-03-02-events';
import * as mailCalendar from './2026-12-03-03-mail-calendar';
import * as registrationDue from './2026-12-03-04-registration-due';
import * as collective from './2026-12-04-01-collective';
import * as artistsExtra from './2026-12-04-02-artists-extra';
import * as mediaTiles from './2026-12-04-05-media-tiles';
import * as backups from './2026-12-04-20-backups';
import * as staffPreferences from './2026-12-04-30-staff-preferences';
import * as newsletterWordNe from './2026-12-04-41-newsletter-word-ne';
import * as callCover from './2026-12-04-42-call-cover';
import * as customPagesAndMenus from './2026-12-05-10-custom-pages-and-menus';

/**
 * Every migration, by name. Names start with the date so that they sort in the
 * order they were written; a migration never changes once it has landed.
 */
export const migrations: Record<string, Migration> = {
	'2026-11-26-01-site-content': siteContent,
	'2026-11-26-02-jobs-and-mail': jobsAndMail,
	'2026-11-26-03-media': media,
	'2026-11-26-04-staff-accounts': staffAccounts,
	'2026-11-26-05-content-revisions': contentRevisions,
	'2026-11-26-06-page-photo': pagePhoto,
	'2026-11-26-07-donations': donations,
	'2026-11-26-08-donor-links': donorLinks,
	'2026-11-26-09-newsletter': newsletter,
	'2026-11-26-10-newsletter-campaigns': newsletterCampaigns,
	'2026-11-26-11-newsletter-import': newsletterImport,
	'2026-11-26-12-open-calls': openCalls,
	'2026-11-26-13-newsletter-translations': newsletterTranslations,
	'2026-11-26-14-open-call-mail': openCallMail,
	'2026-11-26-15-application-attempts': applicationAttempts,
	'2026-12-02-01-staff-throttles': staffThrottles,
	'2026-12-02-02-throttle-attempts': throttleAttempts,
	'2026-12-02-03-media-public-key': mediaPublicKey,
	'2026-12-02-04-archive': archive,
	'2026-12-02-05-search': search,
	'2026-12-03-01-delivery-hand-over': deliveryHandOver,
	'2026-12-03-02-events': events,
	'2026-12-03-03-mail-calendar': mailCalendar,
	'2026-12-03-04-registration-due': registrationDue,
	'2026-12-04-01-collective': collective,
	'2026-12-04-02-artists-extra': artistsExtra,
	'2026-12-04-05-media-tiles': mediaTiles,
	'2026-12-04-20-backups': backups,
	'2026-12-04-30-staff-preferences': staffPreferences,
	'2026-12-04-41-newsletter-word-ne': newsletterWordNe,
	'2026-12-04-42-call-cover': callCover,
	'2026-12-05-10-custom-pages-and-menus': customPagesAndMenus
};
