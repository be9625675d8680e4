import type { DomainContext, SiteMail } from '$lib/server/platform/domain-context';
import type { Auth } from '$lib/server/platform/auth';
import type { StaffMail } from './people.service';
import { createStaffMail } from './staff-mail';

/** What the staff accounts' commands work with, wired once when the app starts; routes (and the CLI) pass `app().people`. */
export interface PeopleContext extends DomainContext {
	/** Invitations and password resets. */
	readonly mail: StaffMail;
	/** better-auth: passwords, sessions, two-step codes. */
	readonly auth: Auth;
	/** The public ORIGIN, for the one-time links. */
	readonly origin: string;
}

export function createPeopleContext(base: DomainContext, options: SiteMail & { auth: Auth }): PeopleContext {
	return { ...base, mail: createStaffMail(options), auth: options.auth, origin: options.origin };
}
