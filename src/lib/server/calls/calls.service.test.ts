import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseTimeAfter } from '$lib/server/db/sql-functions';
import { createTestDatabase } from '$lib/server/db/test-database';
import { submitApplication } from './applications.service';
import { application, basicFields, callInput, openCall } from '../../../../tests/support/call-test-data';
import { auditBookmark, callsContext, expectNothingLeftWhenTheAuditEntryFails, testStaff } from '../../../../tests/support/domain-contexts';
import {
	addField,
	applicationCounts,
	callFormValues,
	createCall,
	deleteCall,
	getCall,
	isAcceptingSubmissions,
	listCalls,
	listFields,
	removeField,
	reorderFields,
	setCallStatus,
	updateCall,
	updateField
} from './calls.service';
import type { CallsContext } from './calls.wiring';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let calls: CallsContext;

beforeAll(async () => {
	handle = await createTestDatabase();
	calls = callsContext(handle.db);
});
afterAll(() => handle.dispose());
beforeEach(async () => {
	await handle.db.deleteFrom('application').execute();
	await handle.db.deleteFrom('open_call').execute();
});

describe('calls', () => {
	it('are created as drafts, with the wall times staff typed kept as UTC instants of the call’s zone', async () => {
		const id = await createCall(
			calls, testStaff,
			callInput({ slug: 'guerrilla-gallery-kit', opensAt: '2027-03-01T09:00', deadlineAt: '2027-03-28T23:59', timeZone: 'Asia/Kathmandu' })
		);
		const call = await getCall(handle.db, id);
		expect(call).toMatchObject({
			slug: 'guerrilla-gallery-kit',
			status: 'draft',
			opensAt: '2027-03-01T03:15:00.000Z',
			deadlineAt: '2027-03-28T18:14:00.000Z',
			timeZone: 'Asia/Kathmandu',
			retentionDays: 365,
			maxSubmissionsPerPerson: null,
			blindReview: false
		});
		// The edit form shows what staff typed.
		expect(callFormValues(call!)).toMatchObject({ opensAt: '2027-03-01T09:00', deadlineAt: '2027-03-28T23:59' });
		expect(await listCalls(handle.db)).toEqual([]);
		expect((await listCalls(handle.db, { includeDrafts: true })).map((c) => c.id)).toEqual([id]);
	});

	it('place a deadline typed in the skipped hour at the moment the clocks change', async () => {
		const id = await createCall(calls, testStaff, callInput({ opensAt: '2027-03-01T00:00', deadlineAt: '2027-03-28T02:30', timeZone: 'Europe/Madrid' }));
		expect((await getCall(handle.db, id))?.deadlineAt).toBe('2027-03-28T01:00:00.000Z');
		await updateCall(calls, testStaff, id, callInput({ slug: 'moved', opensAt: '2027-10-01T00:00', deadlineAt: '2027-10-31T02:30', timeZone: 'Europe/Madrid' }));
		expect((await getCall(handle.db, id))?.deadlineAt).toBe('2027-10-31T00:30:00.000Z');
	});

	it('refuse a bad slug, a missing English title, an unknown zone, a deadline before opening and odd limits', async () => {
		await expect(createCall(calls, testStaff, callInput({ slug: 'Not A Slug' }))).rejects.toMatchObject({ issues: { slug: 'slug_invalid' } });
		await expect(createCall(calls, testStaff, callInput({ title: { es: 'Solo español' } }))).rejects.toMatchObject({ issues: { 'title.en': 'required' } });
		await expect(createCall(calls, testStaff, callInput({ timeZone: 'Europe/Atlantis' }))).rejects.toMatchObject({ issues: { timeZone: 'time_zone_invalid' } });
		await expect(createCall(calls, testStaff, callInput({ timeZone: '+05:45' }))).rejects.toMatchObject({ issues: { timeZone: 'time_zone_invalid' } });
		await expect(
			createCall(calls, testStaff, callInput({ opensAt: '2027-03-28T10:00', deadlineAt: '2027-03-28T10:00' }))
		).rejects.toMatchObject({ issues: { deadlineAt: 'deadline_before_opening' } });
		await expect(createCall(calls, testStaff, callInput({ deadlineAt: '2027-02-30T10:00' }))).rejects.toMatchObject({ issues: { deadlineAt: 'date_invalid' } });
		await expect(createCall(calls, testStaff, callInput({ maxSubmissionsPerPerson: 0 }))).rejects.toMatchObject({
			issues: { maxSubmissionsPerPerson: 'limit_invalid' }
		});
		await expect(createCall(calls, testStaff, callInput({ retentionDays: 5 }))).rejects.toMatchObject({ issues: { retentionDays: 'retention_invalid' } });
		await expect(createCall(calls, testStaff, callInput({ kind: 'sponsors' as never }))).rejects.toMatchObject({ issues: { kind: 'kind_invalid' } });
		await createCall(calls, testStaff, callInput({ slug: 'taken' }));
		await expect(createCall(calls, testStaff, callInput({ slug: 'taken' }))).rejects.toMatchObject({ issues: { slug: 'slug_taken' } });
	});

	it('keep only safe HTML in the description and eligibility', async () => {
		const id = await createCall(
			calls, testStaff,
			callInput({ description: { en: '<p onclick="x()">Hi<script>alert(1)</script></p>' }, eligibility: { en: 'Artists living in Nepal' } })
		);
		const call = await getCall(handle.db, id);
		expect(call?.description.en).toBe('<p>Hi</p>');
		expect(call?.eligibility.en).toBe('<p>Artists living in Nepal</p>');
	});

	it('open only with a form and a consent text', async () => {
		const id = await createCall(calls, testStaff, callInput({ consentText: {} }));
		await expect(setCallStatus(calls, testStaff, id, 'open')).rejects.toMatchObject({
			issues: { fields: 'fields_required', 'consentText.en': 'consent_text_required' }
		});
		await addField(calls, testStaff, id, basicFields[0]!);
		await updateCall(calls, testStaff, id, callInput({ slug: (await getCall(handle.db, id))!.slug }));
		await setCallStatus(calls, testStaff, id, 'open');
		expect((await getCall(handle.db, id))?.status).toBe('open');
	});
});

describe('deleting a call', () => {
	it('removes a draft without applications, with its form', async () => {
		const id = await createCall(calls, testStaff, callInput());
		await addField(calls, testStaff, id, basicFields[0]!);
		await deleteCall(calls, testStaff, id);
		expect(await getCall(handle.db, id)).toBeUndefined();
		expect(await listFields(handle.db, id)).toEqual([]);
	});

	it('refuses a call that is or was open, or has applications, and a call that is not there', async () => {
		const open = await openCall(handle.db);
		await expect(deleteCall(calls, testStaff, open)).rejects.toMatchObject({ issues: { call: 'not_a_draft' } });
		await submitApplication(handle.db, { callId: open, input: application() });
		await setCallStatus(calls, testStaff, open, 'close');
		await expect(deleteCall(calls, testStaff, open)).rejects.toMatchObject({ issues: { call: 'not_a_draft' } });
		await setCallStatus(calls, testStaff, open, 'draft');
		await expect(deleteCall(calls, testStaff, open)).rejects.toMatchObject({ issues: { call: 'has_applications' } });
		expect(await getCall(handle.db, open)).toBeDefined();
		await expect(deleteCall(calls, testStaff, 999_999)).rejects.toThrow(/call 999999/);
	});
});

describe('applicationCounts', () => {
	it('counts submitted and draft applications per call, not withdrawn ones', async () => {
		const first = await openCall(handle.db);
		const second = await openCall(handle.db);
		await submitApplication(handle.db, { callId: first, input: application({ email: 'a@example.org' }) });
		await submitApplication(handle.db, { callId: first, input: application({ email: 'b@example.org' }) });
		const at = new Date().toISOString();
		await handle.db
			.insertInto('application')
			.values([
				{ call_id: first, applicant_email: 'c@example.org', applicant_name: 'C', status: 'draft', created_at: at, updated_at: at },
				{ call_id: second, applicant_email: 'd@example.org', applicant_name: 'D', status: 'withdrawn', created_at: at, updated_at: at }
			])
			.execute();
		const counts = await applicationCounts(handle.db);
		expect(counts.get(first)).toEqual({ submitted: 2, draft: 1 });
		expect(counts.get(second)).toBeUndefined();
	});
});

describe('a call’s form', () => {
	it('adds fields at the end, with unique keys, and reorders them', async () => {
		const id = await openCall(handle.db);
		expect((await listFields(handle.db, id)).map((f) => f.key)).toEqual(basicFields.map((f) => f.key));
		await expect(addField(calls, testStaff, id, { key: 'phone', type: 'short_text', label: { en: 'Phone again' } })).rejects.toMatchObject({
			issues: { key: 'key_taken' }
		});
		const order = ['country', 'project_title', 'statement', 'phone', 'backup_email', 'id_scan', 'images'];
		await reorderFields(calls, testStaff, id, order);
		expect((await listFields(handle.db, id)).map((f) => f.key)).toEqual(order);
		await expect(reorderFields(calls, testStaff, id, order.slice(1))).rejects.toMatchObject({ issues: { fields: 'order_invalid' } });
		await expect(reorderFields(calls, testStaff, id, [...order.slice(1, 6), 'country', 'country'])).rejects.toMatchObject({ issues: { fields: 'order_invalid' } });
	});

	it('changes a field freely until applications exist, then keeps its key and type', async () => {
		const id = await openCall(handle.db);
		const phone = (await listFields(handle.db, id)).find((f) => f.key === 'phone')!;
		await updateField(calls, testStaff, phone.id, { key: 'mobile', type: 'short_text', label: { en: 'Mobile', ne: 'मोबाइल' }, contact: true });
		expect((await listFields(handle.db, id)).find((f) => f.id === phone.id)).toMatchObject({ key: 'mobile', label: { en: 'Mobile', ne: 'मोबाइल' } });

		await submitApplication(handle.db, { callId: id, input: application({ answers: { project_title: 'A', country: 'NP' } }) });
		await expect(updateField(calls, testStaff, phone.id, { key: 'phone', type: 'short_text', label: { en: 'Phone' } })).rejects.toMatchObject({
			issues: { key: 'key_locked' }
		});
		await expect(updateField(calls, testStaff, phone.id, { key: 'mobile', type: 'url', label: { en: 'Mobile' } })).rejects.toMatchObject({
			issues: { type: 'type_locked' }
		});
		// Labels and help may still be improved.
		await updateField(calls, testStaff, phone.id, { key: 'mobile', type: 'short_text', label: { en: 'Mobile number' }, contact: true });
		await removeField(calls, testStaff, phone.id);
		expect((await listFields(handle.db, id)).some((f) => f.id === phone.id)).toBe(false);
	});
});

describe('isAcceptingSubmissions', () => {
	it('follows the status and the dates', async () => {
		const id = await openCall(handle.db);
		expect(await isAcceptingSubmissions(handle.db, id)).toBe(true);
		await setCallStatus(calls, testStaff, id, 'close');
		expect(await isAcceptingSubmissions(handle.db, id)).toBe(false);

		const later = await openCall(handle.db, { opensAt: '2099-01-01T00:00', deadlineAt: '2099-02-01T00:00' });
		expect(await isAcceptingSubmissions(handle.db, later)).toBe(false);
		expect(await isAcceptingSubmissions(handle.db, 999_999)).toBe(false);
	});

	it('reads the database’s clock: a deadline one second ahead passes while the test waits', async () => {
		const id = await openCall(handle.db);
		await handle.db
			.updateTable('open_call')
			.set({ deadline_at: databaseTimeAfter(handle.dialect, 1000) })
			.where('id', '=', id)
			.execute();
		expect(await isAcceptingSubmissions(handle.db, id)).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 1200));
		expect(await isAcceptingSubmissions(handle.db, id)).toBe(false);
		// The row holds the database's own idea of the moment, not the app's.
		const row = await sql<{ deadline: string }>`select deadline_at as deadline from open_call where id = ${id}`.execute(handle.db);
		expect(row.rows[0]?.deadline).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});
});

describe('a change to a call and its audit entry', () => {
	it('commit together: when the entry cannot be written, the call and the public pages’ version stay as they were', async () => {
		const id = await createCall(calls, testStaff, callInput({ slug: 'walls-as-they-were' }));
		const renamed = callInput({ slug: 'walls-renamed' });
		await expectNothingLeftWhenTheAuditEntryFails(handle.db, (failing) => updateCall({ ...calls, db: failing }, testStaff, id, renamed));
		expect((await getCall(handle.db, id))?.slug).toBe('walls-as-they-were');

		const audit = await auditBookmark(handle.db);
		await updateCall(calls, testStaff, id, renamed);
		expect((await getCall(handle.db, id))?.slug).toBe('walls-renamed');
		expect(await audit.entries()).toEqual([{ action: 'call.changed', actor_email: testStaff.email, subject: `call:${id}`, detail: { slug: 'walls-renamed' } }]);
	});
});
