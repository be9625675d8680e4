import { locales } from '$lib/i18n/locales';

/**
 * Pages reached by a private link: a subscriber's (confirm, preferences,
 * unsubscribe), an applicant's (/applications/<token>), a registrant's
 * (/registrations/<token>, with its calendar file) and an artist's
 * (/artists/profile/<token>): the token in the address makes each one personal. Never cached,
 * never sent as a referrer (hooks.server.ts), and never given a picture of their own
 * for link previews (routes/share would have to open them).
 */
export const privateLinkPath = new RegExp(`^(?:/(?:${locales.join('|')}))?/(?:newsletter/(?:confirm|preferences|unsubscribe)|applications|registrations|artists/profile)/`);
