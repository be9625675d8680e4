import { createHash, createHmac, randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { locales, type Locale } from '$lib/i18n/locales';
import type { Database, EventSessionRow, RegistrationRow } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import type { DomainContext } from '$lib/server/platform/domain-context';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { activeStatuses, fits, freePlaces, offerFreePlaces, inSessionTransaction, takeSession, type Offer } from './registration-rules';

/*
 * Registration without an account. A person registers for one session with a
 * name, an address, a party size and the answers the event asks for; nothing is
 * theirs until they confirm the address through the link e-mailed to them (its
 * page shows a button, so a mail scanner that follows links confirms nothing).
 * While unconfirmed, the registration holds its places for the event's hold time
 * if there is room; confirming takes them for good, or, when the session is full
 * by then, puts the person on the waiting list. Freed places (a cancellation, a
 * smaller party, a hold or an offer that ran out, a larger capacity) are offered
 * to the waiting list in order (registration-rules.ts).
 *
 * Each registration has one private link: an HMAC of its id, address and
 * creation time under the app's secret, so every e-mail can carry it again and a
 * copy of the database (which keeps only its hash) opens nothing.
 */

/** What the registrant is told, by e-mail in their language (events/registration-mail.ts writes them). */
export interface RegistrationNotices {
	/** Confirm your address (also for "you are already registered": the same answer either way). */
	confirmRequest(trx: Transaction<Database>, registration: RegistrationRow, token: string): Promise<void>;
	confirmed(trx: Transaction<Database>, registration: RegistrationRow, token: string): Promise<void>;
	waiting(trx: Transaction<Database>, registration: RegistrationRow, token: string): Promise<void>;
	offered(trx: Transaction<Database>, registration: RegistrationRow, token: string, expiresAt: string): Promise<void>;
	/** The registration is cancelled: as the person asked, or by staff (`by: 'staff'`), which the e-mail says. */
	cancelled(trx: Transaction<Database>, registration: RegistrationRow, token: string, by?: 'registrant' | 'staff'): Promise<void>;
	/** The session moved (another time or place): `before` is what they were told until now. */
	moved(trx: Transaction<Database>, registration: RegistrationRow, token: string, before: EventSessionRow): Promise<void>;
	/** Staff cancelled the session: the registration is cancelled with it. */
	sessionCancelled(trx: Transaction<Database>, registration: RegistrationRow, token: string): Promise<void>;
	/** The session is near: a confirmed registration is reminded a day or an hour before (reminders.ts says when). */
	reminder(trx: Transaction<Database>, registration: RegistrationRow, token: string, kind: ReminderKind): Promise<void>;
	/** Staff wrote to everyone confirmed: their subject and text, queued once per message `id` (session-message.service.ts). */
	staffMessage(trx: Transaction<Database>, registration: RegistrationRow, token: string, message: StaffMessage): Promise<void>;
}

/** A message staff write to a session's confirmed registrants, as typed (plain text); `id` makes it one message per person. */
export interface StaffMessage {
	id: string;
	subject: string;
	body: string;
}

/** The reminders an event may send, each switched on or off per event (`remind_day_before`, `remind_hour_before`). */
export type ReminderKind = 'day' | 'hour';

export interface EventsContext extends DomainContext {
	/** The app's secret, from which the registrations' private links are derived. */
	readonly linkSecret: string;
	readonly notices: RegistrationNotices;
}

/** How long a confirm link works; an unconfirmed registration expires with it. */
export const confirmLinkLifetimeMs = 7 * 24 * 3_600_000;

// ---------------------------------------------------------------------------
// Private links and ticket codes

export function registrationToken(secret: string, registration: Pick<RegistrationRow, 'id' | 'email' | 'created_at'>): string {
	const mac = createHmac('sha256', secret).update(`registration\u0000${registration.id}\u0000${registration.email}\u0000${registration.created_at}`).digest('base64url');
	return `${registration.id}.${mac}`;
}

export function hashRegistrationToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

/** Letters and digits that cannot be mistaken for one another when read out at a door. */
const codeAlphabet = 'ACDEFGHJKMNPQRTUVWXY34679';

function newTicketCode(): string {
	let code = '';
	for (let i = 0; i < 6; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
	return code;
}

/** A registration by its private link, or undefined: a wrong, old or made-up link finds nothing. */
export async function findByToken(db: Kysely<Database>, token: string): Promise<RegistrationRow | undefined> {
	if (!/^\d+\.[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
	return db.selectFrom('registration').selectAll().where('token_hash', '=', hashRegistrationToken(token)).executeTakeFirst();
}

// ---------------------------------------------------------------------------
// Registering

export const registrationInput = z.object({
	sessionId: z.number().int().positive(),
	name: z.string().trim().min(1, 'required').max(200, 'too-long'),
	email: z.email('email').max(254, 'too-long').transform((value) => value.trim().toLowerCase()),
	partySize: z.number().int().min(1, 'party-size'),
	locale: z.enum(locales),
	answers: z.record(z.string(), z.string().max(2000, 'too-long')).default({}),
	/** The consent text as the person saw it beside the box they ticked. */
	consentText: z.string().trim().min(1, 'consent').max(4000)
});
export type RegistrationInput = z.input<typeof registrationInput>;

export type RegistrationWindow = 'open' | 'not-yet' | 'closed' | 'cancelled' | 'past';

/** Whether `session` takes registrations at `now`. */
export function registrationWindow(session: Pick<EventSessionRow, 'status' | 'starts_at' | 'registration_opens_at' | 'registration_closes_at'>, now: Date): RegistrationWindow {
	const at = now.toISOString();
	if (session.status === 'cancelled') return 'cancelled';
	if (session.starts_at <= at) return 'past';
	if (session.registration_opens_at && at < session.registration_opens_at) return 'not-yet';
	if (session.registration_closes_at && at >= session.registration_closes_at) return 'closed';
	return 'open';
}

async function sessionWithEvent(db: Kysely<Database>, sessionId: number) {
	return db
		.selectFrom('event_session')
		.innerJoin('event', 'event.id', 'event_session.event_id')
		.selectAll('event_session')
		.select(['event.party_max', 'event.questions', 'event.hold_minutes', 'event.offer_hours'])
		.where('event_session.id', '=', sessionId)
		.executeTakeFirst();
}

/**
 * Registers a person for a session and e-mails them the link to confirm. The
 * answer is the same whether or not the address was registered already (then the
 * e-mail says so and carries the existing link): a form must not tell a stranger
 * who is coming. Throws ValidationError for bad input, and for a session that
 * does not take registrations now (`session`: the window).
 */
export async function register(context: EventsContext, input: RegistrationInput): Promise<void> {
	const parsed = registrationInput.safeParse(input);
	if (!parsed.success) throw new ValidationError(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'form'), issue.message])));
	const value = parsed.data;
	const now = context.clock();
	const at = now.toISOString();
	await inSessionTransaction(context.db, value.sessionId, async (trx) => {
		const session = await sessionWithEvent(trx, value.sessionId);
		if (!session) throw new NotFoundError(`session ${value.sessionId}`);
		const window = registrationWindow(session, now);
		if (window !== 'open') throw new ValidationError({ session: window });
		const issues = answerIssues(session.questions, value.answers);
		if (value.partySize > session.party_max) issues.partySize = 'party-size';
		if (Object.keys(issues).length > 0) throw new ValidationError(issues);

		const existing = await trx
			.selectFrom('registration')
			.selectAll()
			.where('session_id', '=', session.id)
			.where('email', '=', value.email)
			.where('status', 'in', activeStatuses)
			.executeTakeFirst();
		if (existing) {
			await context.notices.confirmRequest(trx, existing, registrationToken(context.linkSecret, existing));
			return;
		}
		const free = await freePlaces(trx, session, at);
		const holdExpiresAt = fits(free, value.partySize) ? new Date(now.getTime() + session.hold_minutes * 60_000).toISOString() : null;
		const created = await insertRegistration(trx, {
			session_id: session.id,
			name: value.name,
			email: value.email,
			locale: value.locale,
			party_size: value.partySize,
			answers: JSON.stringify(value.answers),
			consent_text: value.consentText,
			status: 'unconfirmed',
			hold_expires_at: holdExpiresAt,
			created_at: at,
			updated_at: at
		});
		const token = registrationToken(context.linkSecret, created);
		await trx.updateTable('registration').set({ token_hash: hashRegistrationToken(token) }).where('id', '=', created.id).execute();
		await context.notices.confirmRequest(trx, created, token);
	});
}

interface Question {
	key: string;
	required?: boolean;
}

function answerIssues(questionsJson: string, answers: Record<string, string>): Record<string, string> {
	const questions = JSON.parse(questionsJson) as Question[];
	const issues: Record<string, string> = {};
	for (const question of questions) {
		if (question.required && !answers[question.key]?.trim()) issues[`answers.${question.key}`] = 'required';
	}
	return issues;
}

type NewRegistration = Omit<RegistrationRow, 'id' | 'token_hash' | 'code' | 'waiting_since' | 'offer_expires_at' | 'confirmed_at' | 'cancelled_at' | 'checked_in_at' | 'checked_in_by'>;

/** Inserts with a fresh ticket code (drawn again in the rare case it is taken) and a placeholder hash replaced at once. */
async function insertRegistration(trx: Transaction<Database>, row: NewRegistration): Promise<RegistrationRow> {
	for (let attempt = 0; ; attempt++) {
		const code = newTicketCode();
		const taken = await trx.selectFrom('registration').select('id').where('code', '=', code).executeTakeFirst();
		if (taken && attempt < 20) continue;
		return trx
			.insertInto('registration')
			.values({ ...row, code, token_hash: `pending:${code}:${row.created_at}` })
			.returningAll()
			.executeTakeFirstOrThrow();
	}
}

// ---------------------------------------------------------------------------
// The registrant's own steps, by their private link

export type ConfirmOutcome = 'confirmed' | 'waiting' | 'already' | 'expired';

/**
 * Confirms the address: takes the places if they are free (this registration's
 * own hold counts as free for it), or puts the person on the waiting list. A
 * second confirmation changes nothing. Checked and written in one transaction
 * that holds the session, so the last place goes to exactly one person.
 */
export async function confirm(context: EventsContext, token: string): Promise<ConfirmOutcome> {
	return withRegistration(context, token, async (trx, registration, session, now) => {
		if (registration.status !== 'unconfirmed') return registration.status === 'expired' ? 'expired' : 'already';
		if (Date.parse(registration.created_at) + confirmLinkLifetimeMs <= now.getTime()) return 'expired';
		const at = now.toISOString();
		const free = await freePlaces(trx, session, at, registration.id);
		const confirmed = fits(free, registration.party_size);
		const updated = await trx
			.updateTable('registration')
			.set(
				confirmed
					? { status: 'confirmed', confirmed_at: at, hold_expires_at: null, updated_at: at }
					: { status: 'waiting', waiting_since: at, hold_expires_at: null, updated_at: at }
			)
			.where('id', '=', registration.id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await (confirmed ? context.notices.confirmed : context.notices.waiting)(trx, updated, token);
		return confirmed ? 'confirmed' : 'waiting';
	});
}

/** Cancels a registration, a place on the waiting list or an open offer; the places go to the waiting list. */
export async function cancel(context: EventsContext, token: string): Promise<boolean> {
	return withRegistration(context, token, async (trx, registration, session, now) => {
		if (!activeStatuses.includes(registration.status)) return false;
		const at = now.toISOString();
		const status = registration.status === 'waiting' ? 'left' : registration.status === 'offered' ? 'declined' : 'cancelled';
		const updated = await trx
			.updateTable('registration')
			.set({ status, cancelled_at: at, hold_expires_at: null, offer_expires_at: null, updated_at: at })
			.where('id', '=', registration.id)
			.returningAll()
			.executeTakeFirstOrThrow();
		if (status === 'cancelled') await context.notices.cancelled(trx, updated, token);
		await offerFreedPlaces(context, trx, session, now);
		return true;
	});
}

export type OfferAnswer = 'accepted' | 'declined' | 'gone';

/** Takes up an offer (its places were kept for this person until it ends) or declines it. */
export async function answerOffer(context: EventsContext, token: string, accept: boolean): Promise<OfferAnswer> {
	return withRegistration(context, token, async (trx, registration, session, now) => {
		const at = now.toISOString();
		if (registration.status !== 'offered' || !registration.offer_expires_at || registration.offer_expires_at <= at) return 'gone';
		const updated = await trx
			.updateTable('registration')
			.set(accept ? { status: 'confirmed', confirmed_at: at, offer_expires_at: null, updated_at: at } : { status: 'declined', offer_expires_at: null, updated_at: at })
			.where('id', '=', registration.id)
			.returningAll()
			.executeTakeFirstOrThrow();
		if (accept) await context.notices.confirmed(trx, updated, token);
		else await offerFreedPlaces(context, trx, session, now);
		return accept ? 'accepted' : 'declined';
	});
}

/**
 * Takes the person off the waiting list, also while places are offered to them
 * (then the offer goes to the next in line). Unlike declining an offer, it says
 * "I no longer want places": the registration ends as `left`. False when the
 * registration is not on the list (any more).
 */
export async function leaveWaitingList(context: EventsContext, token: string): Promise<boolean> {
	return withRegistration(context, token, async (trx, registration, session, now) => {
		if (registration.status !== 'waiting' && registration.status !== 'offered') return false;
		const at = now.toISOString();
		await trx
			.updateTable('registration')
			.set({ status: 'left', cancelled_at: at, offer_expires_at: null, updated_at: at })
			.where('id', '=', registration.id)
			.execute();
		await offerFreedPlaces(context, trx, session, now);
		return true;
	});
}

/**
 * Where a registration on the waiting list stands: 1 for the first in line.
 * Counts who confirmed earlier and still waits (the list's order, then the id);
 * null for a registration not waiting.
 */
export async function waitingListPosition(db: Kysely<Database>, registration: Pick<RegistrationRow, 'id' | 'session_id' | 'status' | 'waiting_since'>): Promise<number | null> {
	if (registration.status !== 'waiting' || registration.waiting_since === null) return null;
	const since = registration.waiting_since;
	const ahead = await db
		.selectFrom('registration')
		.select((eb) => eb.fn.countAll<number | string>().as('count'))
		.where('session_id', '=', registration.session_id)
		.where('status', '=', 'waiting')
		.where((eb) => eb.or([eb('waiting_since', '<', since), eb.and([eb('waiting_since', '=', since), eb('id', '<', registration.id)])]))
		.executeTakeFirstOrThrow();
	return Number(ahead.count) + 1;
}

export type PartyChange = 'changed' | 'no-room' | 'too-large' | 'not-possible';

/**
 * Changes the party size of a confirmed registration: fewer people always (the
 * places go to the waiting list), more only when the places are free now.
 */
export async function changePartySize(context: EventsContext, token: string, size: number): Promise<PartyChange> {
	return withRegistration(context, token, async (trx, registration, session, now) => {
		if (!Number.isInteger(size) || size < 1 || size > session.party_max) return 'too-large';
		if (registration.status !== 'confirmed' && registration.status !== 'waiting') return 'not-possible';
		const at = now.toISOString();
		if (registration.status === 'confirmed' && size > registration.party_size && !fits(await freePlaces(trx, session, at, registration.id), size)) return 'no-room';
		await trx.updateTable('registration').set({ party_size: size, updated_at: at }).where('id', '=', registration.id).execute();
		if (size < registration.party_size) await offerFreedPlaces(context, trx, session, now);
		return 'changed';
	});
}

type Session = NonNullable<Awaited<ReturnType<typeof sessionWithEvent>>>;

/** Runs `work` on the registration a link names, in a transaction that holds its session. */
async function withRegistration<T>(
	context: EventsContext,
	token: string,
	work: (trx: Transaction<Database>, registration: RegistrationRow, session: Session, now: Date) => Promise<T>
): Promise<T> {
	const found = await findByToken(context.db, token);
	if (!found) throw new NotFoundError('registration');
	return inSessionTransaction(context.db, found.session_id, async (trx) => {
		// The moment is read once the session is held, so confirmation times and the waiting
		// list follow the order in which the changes were made, across processes too.
		const now = context.clock();
		// Read again under the session's lock: another request may have changed it meanwhile.
		const registration = await trx.selectFrom('registration').selectAll().where('id', '=', found.id).executeTakeFirstOrThrow();
		const session = await sessionWithEvent(trx, registration.session_id);
		if (!session) throw new NotFoundError('session');
		return work(trx, registration, session, now);
	});
}

/**
 * Offers the places free now to the session's waiting list and tells each person
 * offered. Call inside the transaction that took the session.
 */
export async function offerFreedPlaces(
	context: EventsContext,
	trx: Transaction<Database>,
	session: Pick<EventSessionRow, 'id' | 'capacity' | 'status'> & { offer_hours: number },
	now: Date
): Promise<Offer[]> {
	if (session.status === 'cancelled') return [];
	const offers = await offerFreePlaces(trx, session, session.offer_hours, now);
	for (const offer of offers) await context.notices.offered(trx, offer.registration, registrationToken(context.linkSecret, offer.registration), offer.expiresAt);
	return offers;
}

// ---------------------------------------------------------------------------
// Staff's steps: adding someone by hand, cancelling for someone

export const staffRegistrationInput = z.object({
	name: z.string().trim().min(1, 'required').max(200, 'too-long'),
	email: z.email('email').max(254, 'too-long').transform((value) => value.trim().toLowerCase()),
	partySize: z.number({ error: 'party-size' }).int('party-size').min(1, 'party-size'),
	locale: z.enum(locales, { error: 'locale' })
});
export type StaffRegistrationInput = z.input<typeof staffRegistrationInput>;

export interface StaffAdded {
	id: number;
	code: string;
	/** Confirmed when the places were free, else on the waiting list. */
	status: 'confirmed' | 'waiting';
}

/**
 * Staff register someone by hand (a phone call, a walk-in): the address needs
 * no confirming, since staff vouch for it, so the person is confirmed at once
 * when the places are free and on the waiting list otherwise, by the same rules
 * and under the same session lock as everyone else, never past capacity. They are
 * e-mailed as if they had confirmed themselves. Open until the session ends, even
 * after registration closed (the door). ValidationError: `email` already
 * registered, `partySize` above the event's largest party, `session` cancelled or over.
 */
export async function addRegistrationByStaff(context: EventsContext, actor: Actor, sessionId: number, input: StaffRegistrationInput): Promise<StaffAdded> {
	const parsed = staffRegistrationInput.safeParse(input);
	if (!parsed.success) {
		const issues: Record<string, string> = {};
		for (const issue of parsed.error.issues) issues[String(issue.path[0] ?? 'form')] ??= issue.message;
		throw new ValidationError(issues);
	}
	const value = parsed.data;
	return runCommand(context, actor, async ({ trx, now, audit }) => {
		await takeSession(trx, sessionId);
		const session = await sessionWithEvent(trx, sessionId);
		if (!session) throw new NotFoundError(`session ${sessionId}`);
		const at = now.toISOString();
		if (session.status === 'cancelled') throw new ValidationError({ session: 'cancelled' });
		if (session.ends_at <= at) throw new ValidationError({ session: 'past' });
		if (value.partySize > session.party_max) throw new ValidationError({ partySize: `party-max:${session.party_max}` });
		const existing = await trx
			.selectFrom('registration')
			.select('id')
			.where('session_id', '=', sessionId)
			.where('email', '=', value.email)
			.where('status', 'in', activeStatuses)
			.executeTakeFirst();
		if (existing) throw new ValidationError({ email: 'already-registered' });

		const confirmed = fits(await freePlaces(trx, session, at), value.partySize);
		const created = await insertRegistration(trx, {
			session_id: sessionId,
			name: value.name,
			email: value.email,
			locale: value.locale,
			party_size: value.partySize,
			answers: '{}',
			consent_text: `Added by staff (${actor.email}) on the person's behalf.`,
			status: confirmed ? 'confirmed' : 'waiting',
			hold_expires_at: null,
			created_at: at,
			updated_at: at
		});
		const token = registrationToken(context.linkSecret, created);
		const registration = await trx
			.updateTable('registration')
			.set(confirmed ? { token_hash: hashRegistrationToken(token), confirmed_at: at } : { token_hash: hashRegistrationToken(token), waiting_since: at })
			.where('id', '=', created.id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await (confirmed ? context.notices.confirmed : context.notices.waiting)(trx, registration, token);
		const status = confirmed ? 'confirmed' : 'waiting';
		await audit({ action: 'event.registration-added', subject: `event:${session.event_id}`, detail: { session: sessionId, registration: created.id, status, partySize: value.partySize } });
		return { id: created.id, code: created.code, status };
	});
}

export type StaffCancelOutcome = { cancelled: false } | { cancelled: true; told: boolean; offered: number };

/**
 * Staff cancel a registration (confirmed, waiting, offered or unconfirmed): the
 * person is told it was the organizers (unless they never confirmed their
 * address: nobody is written to twice who never answered once), and the places
 * freed are offered to the waiting list in order. A registration no longer active
 * is left as it is.
 */
export async function cancelRegistrationByStaff(context: EventsContext, actor: Actor, sessionId: number, registrationId: number): Promise<StaffCancelOutcome> {
	return runCommand(context, actor, async ({ trx, now, audit }) => {
		await takeSession(trx, sessionId);
		const registration = await trx.selectFrom('registration').selectAll().where('id', '=', registrationId).where('session_id', '=', sessionId).executeTakeFirst();
		if (!registration) throw new NotFoundError(`registration ${registrationId} of session ${sessionId}`);
		const session = await sessionWithEvent(trx, sessionId);
		if (!session) throw new NotFoundError(`session ${sessionId}`);
		if (!activeStatuses.includes(registration.status)) return { cancelled: false };
		const at = now.toISOString();
		const updated = await trx
			.updateTable('registration')
			.set({ status: 'cancelled', cancelled_at: at, hold_expires_at: null, offer_expires_at: null, updated_at: at })
			.where('id', '=', registration.id)
			.returningAll()
			.executeTakeFirstOrThrow();
		const told = registration.status !== 'unconfirmed';
		if (told) await context.notices.cancelled(trx, updated, registrationToken(context.linkSecret, updated), 'staff');
		const offered = (await offerFreedPlaces(context, trx, session, now)).length;
		await audit({
			action: 'event.registration-cancelled',
			subject: `event:${session.event_id}`,
			detail: { session: sessionId, registration: registration.id, was: registration.status, told, offered }
		});
		return { cancelled: true, told, offered };
	});
}

// ---------------------------------------------------------------------------
// Time running out

/**
 * Ends what has run out at `now`: holds (their places go back; the person may
 * still confirm, and then joins the waiting list if the session filled up),
 * offers not taken up (lapsed: off the list), and registrations never confirmed
 * within the link's lifetime (expired). Then offers what was freed. Returns how
 * many registrations changed. Run by the jobs queue every few minutes.
 */
export async function expireRunOut(context: EventsContext): Promise<number> {
	const now = context.clock();
	const at = now.toISOString();
	const unconfirmedBefore = new Date(now.getTime() - confirmLinkLifetimeMs).toISOString();
	const due = await context.db
		.selectFrom('registration')
		.select('session_id')
		.distinct()
		.where((eb) =>
			eb.or([
				eb.and([eb('status', '=', 'unconfirmed'), eb('hold_expires_at', '<=', at)]),
				eb.and([eb('status', '=', 'unconfirmed'), eb('created_at', '<=', unconfirmedBefore)]),
				eb.and([eb('status', '=', 'offered'), eb('offer_expires_at', '<=', at)])
			])
		)
		.execute();
	let changed = 0;
	for (const { session_id: sessionId } of due) {
		changed += await inSessionTransaction(context.db, sessionId, async (trx) => {
			const session = await sessionWithEvent(trx, sessionId);
			if (!session) return 0;
			const expired = await trx
				.updateTable('registration')
				.set({ status: 'expired', hold_expires_at: null, updated_at: at })
				.where('session_id', '=', sessionId)
				.where('status', '=', 'unconfirmed')
				.where('created_at', '<=', unconfirmedBefore)
				.executeTakeFirst();
			const holds = await trx
				.updateTable('registration')
				.set({ hold_expires_at: null, updated_at: at })
				.where('session_id', '=', sessionId)
				.where('status', '=', 'unconfirmed')
				.where('hold_expires_at', '<=', at)
				.executeTakeFirst();
			const lapsed = await trx
				.updateTable('registration')
				.set({ status: 'lapsed', offer_expires_at: null, updated_at: at })
				.where('session_id', '=', sessionId)
				.where('status', '=', 'offered')
				.where('offer_expires_at', '<=', at)
				.executeTakeFirst();
			await offerFreedPlaces(context, trx, session, now);
			return Number(expired.numUpdatedRows) + Number(holds.numUpdatedRows) + Number(lapsed.numUpdatedRows);
		});
	}
	return changed;
}

/** The language a registration's e-mails are written in. */
export function registrationLocale(registration: Pick<RegistrationRow, 'locale'>): Locale {
	return (locales as readonly string[]).includes(registration.locale) ? (registration.locale as Locale) : 'en';
}
