import type { RegistrationRow } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/platform/errors';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import type { EventsContext } from './registration.service';

/*
 * Checking people in at the door. Only a confirmed registration can be checked
 * in: someone waiting, with an offer or cancelled has no places to take. A check
 * in records when and by whom (the staff member's address); doing it again
 * changes nothing and says who was first, since two people may work one door.
 * Each change is audited; the conditional updates (`checked_in_at is null`) make
 * the first of two simultaneous check-ins the one recorded.
 */

export type CheckIn =
	| { outcome: 'checked-in'; at: string; by: string }
	| { outcome: 'already'; at: string; by: string }
	| { outcome: 'not-confirmed'; status: RegistrationRow['status'] };

async function registrationOf(db: EventsContext['db'], sessionId: number, registrationId: number) {
	const row = await db.selectFrom('registration').selectAll().where('id', '=', registrationId).where('session_id', '=', sessionId).executeTakeFirst();
	if (!row) throw new NotFoundError(`registration ${registrationId} of session ${sessionId}`);
	return row;
}

async function eventOf(db: EventsContext['db'], sessionId: number): Promise<number> {
	const row = await db.selectFrom('event_session').select('event_id').where('id', '=', sessionId).executeTakeFirst();
	if (!row) throw new NotFoundError(`session ${sessionId}`);
	return row.event_id;
}

/** Checks one confirmed registration in (idempotent: the first check-in stands). */
export async function checkIn(context: EventsContext, actor: Actor, sessionId: number, registrationId: number): Promise<CheckIn> {
	return runCommand(context, actor, async ({ trx, now, audit }) => {
		const eventId = await eventOf(trx, sessionId);
		const registration = await registrationOf(trx, sessionId, registrationId);
		if (registration.status !== 'confirmed') return { outcome: 'not-confirmed', status: registration.status };
		const at = now.toISOString();
		const updated = await trx
			.updateTable('registration')
			.set({ checked_in_at: at, checked_in_by: actor.email, updated_at: at })
			.where('id', '=', registrationId)
			.where('status', '=', 'confirmed')
			.where('checked_in_at', 'is', null)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) {
			const first = await registrationOf(trx, sessionId, registrationId);
			return { outcome: 'already', at: first.checked_in_at ?? at, by: first.checked_in_by ?? '' };
		}
		await audit({ action: 'event.checked-in', subject: `event:${eventId}`, detail: { session: sessionId, registration: registrationId } });
		return { outcome: 'checked-in', at, by: actor.email };
	});
}

/** Takes a check-in back (a wrong person tapped); false when there was none. */
export async function undoCheckIn(context: EventsContext, actor: Actor, sessionId: number, registrationId: number): Promise<boolean> {
	return runCommand(context, actor, async ({ trx, now, audit }) => {
		const eventId = await eventOf(trx, sessionId);
		const registration = await registrationOf(trx, sessionId, registrationId);
		if (registration.checked_in_at === null) return false;
		await trx.updateTable('registration').set({ checked_in_at: null, checked_in_by: null, updated_at: now.toISOString() }).where('id', '=', registrationId).execute();
		await audit({
			action: 'event.check-in-undone',
			subject: `event:${eventId}`,
			detail: { session: sessionId, registration: registrationId, was: { at: registration.checked_in_at, by: registration.checked_in_by } }
		});
		return true;
	});
}

/**
 * Checks in several confirmed registrations at once, as ticked on the printed
 * door list afterwards. Those checked in already keep their first check-in; ids
 * of another session, or not confirmed, are passed over. Returns how many were
 * checked in now; one audit entry names them.
 */
export async function checkInMany(context: EventsContext, actor: Actor, sessionId: number, registrationIds: readonly number[]): Promise<number> {
	const ids = [...new Set(registrationIds)];
	if (ids.length === 0) return 0;
	return runCommand(context, actor, async ({ trx, now, audit }) => {
		const eventId = await eventOf(trx, sessionId);
		const at = now.toISOString();
		let done: number[] = [];
		// Chunks keep each statement within both engines' parameter limits.
		for (let i = 0; i < ids.length; i += 500) {
			const rows = await trx
				.updateTable('registration')
				.set({ checked_in_at: at, checked_in_by: actor.email, updated_at: at })
				.where('session_id', '=', sessionId)
				.where('id', 'in', ids.slice(i, i + 500))
				.where('status', '=', 'confirmed')
				.where('checked_in_at', 'is', null)
				.returning('id')
				.execute();
			done = done.concat(rows.map((row) => row.id));
		}
		if (done.length > 0) await audit({ action: 'event.checked-in', subject: `event:${eventId}`, detail: { session: sessionId, registrations: done.sort((a, b) => a - b), from: 'door-list' } });
		return done.length;
	});
}
