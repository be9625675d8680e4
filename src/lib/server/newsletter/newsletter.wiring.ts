import type { DomainContext, SiteMail } from '$lib/server/platform/domain-context';
import { createNewsletterMail } from './newsletter-mail';
import type { NewsletterMail } from './newsletter.service';

/** What the newsletter's commands work with, wired once when the app starts; routes pass `app().newsletter`. */
export interface NewsletterContext extends DomainContext {
	/** The newsletter's own e-mails: confirm links, welcomes, campaign tests. */
	readonly mail: NewsletterMail;
}

export function createNewsletterContext(base: DomainContext, options: SiteMail & { linkSecret: string }): NewsletterContext {
	return { ...base, mail: createNewsletterMail({ mailer: options.mailer, origin: options.origin, secret: options.linkSecret }) };
}
