import type { DomainContext, SiteMail } from '$lib/server/platform/domain-context';
import { createRegistrationMail } from './registration-mail';
import type { EventsContext } from './registration.service';

export type { EventsContext };
export { eventRegistrations } from './registration-rules';

/** What the events' commands work with, wired once when the app starts; routes pass `app().events`. */
export function createEventsContext(base: DomainContext, options: SiteMail & { linkSecret: string }): EventsContext {
	return {
		...base,
		linkSecret: options.linkSecret,
		// The mails' clock is the context's: a calendar entry is stamped when the command acts.
		notices: createRegistrationMail({ mailer: options.mailer, origin: options.origin, clock: base.clock })
	};
}
