import type { DomainContext, SiteMail } from '$lib/server/platform/domain-context';
import type { ApplicationFileStorage } from './application-files';
import { createCallsMail, type CallsMail } from './application-mail';

/** What the calls' commands work with, wired once when the app starts; routes pass `app().calls`. */
export interface CallsContext extends DomainContext {
	/** The e-mails to applicants. */
	readonly mail: CallsMail;
	/** Applicants' files (DATA_DIR/applications), never public. */
	readonly storage: ApplicationFileStorage;
}

export function createCallsContext(base: DomainContext, options: SiteMail & { storage: ApplicationFileStorage }): CallsContext {
	return { ...base, mail: createCallsMail(options), storage: options.storage };
}
