import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { Mailer } from '$lib/server/platform/mail/mailer';

/*
 * What every domain is wired with, once, when the app starts (app.ts and each
 * domain's `<domain>.wiring.ts`). A domain's context adds its own collaborators
 * (its e-mails, file storage, payment provider) to these; routes pass
 * `app().<domain>` to the domain's commands and nothing else.
 */
export interface DomainContext {
	/** Each command opens its own transaction on it; functions that join a caller's transaction take `db` first instead. */
	readonly db: Kysely<Database>;
	/** The moment a command acts at (tests fix it). */
	readonly clock: () => Date;
	/** The cached site version of this process, forgotten once a command committed a change the public pages show. */
	readonly siteVersion: { invalidate(): void };
}

/** What a domain's e-mails are made from: the one mailer (which queues in the caller's transaction) and the public address for links. */
export interface SiteMail {
	readonly mailer: Pick<Mailer, 'queue' | 'from'>;
	/** The public ORIGIN, e.g. `https://art.example.org`. */
	readonly origin: string;
}
