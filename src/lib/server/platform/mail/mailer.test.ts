import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getJob } from '$lib/server/platform/jobs/job-queue';
import { createJobWorker } from '$lib/server/platform/jobs/job-worker';
import { getMailMessage, listMailMessages, readOutboxFile } from './mail-outbox';
import { writeICalendar } from '$lib/server/shared/icalendar';
import { mailLayout } from './mail-layout';
import { createMailer, mailSendJobKind, type MailToQueue } from './mailer';
import { createOutboxTransport, createSmtpTransport } from './transports';
import { useTestDatabase } from '../../../../../tests/support/test-database';
import { waitFor } from '../../../../../tests/support/waiting';

const from = 'Micro Galleries <hello@micro-galleries.example>';

function nepaliInvitation(key: string, overrides: Partial<MailToQueue> = {}): MailToQueue {
	return {
		idempotencyKey: key,
		to: 'sita@example.org',
		locale: 'ne',
		subject: 'माइक्रो ग्यालेरीमा स्वागत छ',
		text: 'नमस्ते सीता,\n\nतपाईंलाई टोलीमा निम्तो दिइएको छ।',
		html: mailLayout({ locale: 'ne', title: 'स्वागत छ', bodyHtml: '<p>नमस्ते सीता, तपाईंलाई टोलीमा निम्तो दिइएको छ।</p>' }),
		...overrides
	};
}

/** An SMTP server on loopback that keeps what it receives. */
async function startSmtpServer() {
	const received: { to: string[]; raw: Buffer }[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		received,
		url: `smtp://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

function header(mail: ParsedMail, name: string): unknown {
	return mail.headers.get(name);
}

describe('the mailer', () => {
	const handle = useTestDatabase('mail_message', 'job');
	let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
	let outboxDir: string;

	beforeAll(async () => {
		smtp = await startSmtpServer();
		outboxDir = join(mkdtempSync(join(tmpdir(), 'arts-outbox-')), 'outbox');
	});
	afterAll(async () => {
		await smtp.close();
		rmSync(join(outboxDir, '..'), { recursive: true, force: true });
	});
	beforeEach(() => {
		smtp.received.length = 0;
	});

	it('queues without sending, then a job sends it over SMTP with text and HTML parts and every header', async () => {
		const mailer = createMailer({ transport: createSmtpTransport(smtp.url), from });
		const message = nepaliInvitation('invitation:1');
		const queued = await mailer.queue(handle.db, message);
		expect(queued.created).toBe(true);
		expect(smtp.received).toHaveLength(0);
		const job = await getJob(handle.db, queued.jobId);
		expect(job).toMatchObject({ kind: mailSendJobKind, status: 'pending' });

		const before = Date.now();
		const worker = createJobWorker(handle.db, { handlers: mailer.jobHandlers });
		expect(await worker.runOnce()).toBe(1);
		expect(smtp.received).toHaveLength(1);
		expect(smtp.received[0]?.to).toEqual(['sita@example.org']);

		const mail = await simpleParser(smtp.received[0]!.raw);
		expect(mail.subject).toBe(message.subject);
		expect(mail.text?.trim()).toBe(message.text);
		expect(mail.html).toContain('नमस्ते सीता, तपाईंलाई टोलीमा निम्तो दिइएको छ।');
		expect(mail.html).toContain('<html lang="ne" dir="ltr">');
		expect((header(mail, 'content-type') as { value: string }).value).toBe('multipart/alternative');
		expect(header(mail, 'content-language')).toBe('ne');
		expect(mail.from?.value).toEqual([{ name: 'Micro Galleries', address: 'hello@micro-galleries.example' }]);
		expect(mail.date).toBeInstanceOf(Date);
		expect(Math.abs(mail.date!.getTime() - before)).toBeLessThan(60_000);

		const row = await getMailMessage(handle.db, queued.mailMessageId);
		expect(row).toMatchObject({ status: 'sent', transport: 'smtp', outbox_file: null, error: null });
		expect(mail.messageId).toBe(row?.message_id);
		expect(mail.messageId).toMatch(/^<[0-9a-f-]+@micro-galleries\.example>$/);
		expect(row?.sent_at).not.toBeNull();
		expect((await getJob(handle.db, queued.jobId))?.status).toBe('done');
	});

	it('carries a calendar entry as a text/calendar part and an .ics attachment, the same after a resend', async () => {
		const mailer = createMailer({ transport: createSmtpTransport(smtp.url), from });
		const ics = writeICalendar({
			prodId: '-//Micro Galleries//Events//EN',
			method: 'REQUEST',
			createdAt: '2026-12-01T10:00:00.000Z',
			events: [
				{
					uid: 'session-7@micro-galleries.example',
					sequence: 2,
					start: '2026-12-20T15:00',
					end: '2026-12-20T17:00',
					timeZone: 'Asia/Kathmandu',
					status: 'CONFIRMED',
					summary: 'पेस्ट-अप कार्यशाला',
					lastModified: '2026-12-01T10:00:00.000Z',
					organizer: { name: 'Micro Galleries', email: 'hello@micro-galleries.example' },
					attendee: { name: 'Sita', email: 'sita@example.org' }
				}
			]
		});
		const queued = await mailer.queue(handle.db, nepaliInvitation('registration-confirmed:7', { calendar: { method: 'REQUEST', filename: 'workshop.ics', content: ics } }));
		await createJobWorker(handle.db, { handlers: mailer.jobHandlers }).runOnce();
		const mail = await simpleParser(smtp.received[0]!.raw);
		expect(mail.text?.trim()).toContain('नमस्ते सीता');
		const calendars = mail.attachments.filter((a) => /calendar|ics/.test(a.contentType));
		expect(calendars.length).toBeGreaterThanOrEqual(1);
		for (const part of calendars) expect(part.content.toString('utf8').replace(/\r\n /g, '')).toContain('SUMMARY:पेस्ट-अप कार्यशाला');
		expect(smtp.received[0]!.raw.toString('utf8')).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);
		const row = await getMailMessage(handle.db, queued.mailMessageId);
		expect(JSON.parse(row!.calendar!)).toEqual({ method: 'REQUEST', filename: 'workshop.ics', content: ics });
	});

	it('queues one message and one job per idempotency key', async () => {
		const mailer = createMailer({ transport: createSmtpTransport(smtp.url), from });
		const first = await mailer.queue(handle.db, nepaliInvitation('receipt:pi_1'));
		const again = await mailer.queue(handle.db, nepaliInvitation('receipt:pi_1', { subject: 'changed' }));
		expect(again).toEqual({ ...first, created: false });
		expect(await handle.db.selectFrom('mail_message').select('subject').execute()).toEqual([
			{ subject: nepaliInvitation('x').subject }
		]);
		expect(await handle.db.selectFrom('job').select('id').execute()).toHaveLength(1);
	});

	it("is part of the caller's transaction: a change that rolls back leaves no message behind", async () => {
		const mailer = createMailer({ transport: createSmtpTransport(smtp.url), from });
		await expect(
			handle.db.transaction().execute(async (trx) => {
				await mailer.queue(trx, nepaliInvitation('invitation:rolled-back'));
				throw new Error('the invitation could not be saved');
			})
		).rejects.toThrow('could not be saved');
		expect(await handle.db.selectFrom('mail_message').select('id').execute()).toEqual([]);
		expect(await handle.db.selectFrom('job').select('id').execute()).toEqual([]);
	});

	it('refuses a message without a known language, or one that sets a header the mailer owns', async () => {
		const mailer = createMailer({ transport: createSmtpTransport(smtp.url), from });
		await expect(mailer.queue(handle.db, nepaliInvitation('bad:1', { locale: 'fr' as never }))).rejects.toThrow();
		await expect(
			mailer.queue(handle.db, nepaliInvitation('bad:2', { headers: { 'Content-Language': 'en' } }))
		).rejects.toThrow();
		await expect(mailer.queue(handle.db, nepaliInvitation('bad:3', { subject: 'Hi\r\nBcc: x@example.org' }))).rejects.toThrow();
		await expect(mailer.queue(handle.db, nepaliInvitation('bad:4', { html: '' }))).rejects.toThrow();
		expect(await handle.db.selectFrom('mail_message').select('id').execute()).toEqual([]);

		await mailer.queue(handle.db, nepaliInvitation('ok:1', { headers: { 'List-Unsubscribe': '<https://example.org/u/1>' } }));
		await createJobWorker(handle.db, { handlers: mailer.jobHandlers }).runOnce();
		expect(smtp.received[0]!.raw.toString()).toMatch(/(^|\r\n)List-Unsubscribe: <https:\/\/example\.org\/u\/1>\r\n/);
	});

	it('does not send a message again when its job runs twice, as after a restart', async () => {
		const mailer = createMailer({ transport: createSmtpTransport(smtp.url), from });
		const queued = await mailer.queue(handle.db, nepaliInvitation('invitation:2'));
		const job = await getJob(handle.db, queued.jobId);
		const send = mailer.jobHandlers[mailSendJobKind]!;
		await send(handle.db, job!);
		expect(smtp.received).toHaveLength(1);
		await send(handle.db, job!);
		expect(smtp.received).toHaveLength(1);

		// The process died after sending but before marking the job done: the job runs again on restart.
		await handle.db.updateTable('job').set({ status: 'pending' }).where('id', '=', queued.jobId).execute();
		expect(await createJobWorker(handle.db, { handlers: mailer.jobHandlers }).runOnce()).toBe(1);
		expect(smtp.received).toHaveLength(1);
		expect((await getJob(handle.db, queued.jobId))?.status).toBe('done');
		expect(await mailer.sendQueuedMail(handle.db, queued.mailMessageId)).toBe('already-sent');
	});

	it('keeps the error on the message while retrying, and marks it failed when the attempts run out', async () => {
		const closed = await startSmtpServer();
		await closed.close(); // nothing listens on its port any more
		const mailer = createMailer({ transport: createSmtpTransport(closed.url), from, maxAttempts: 2 });
		const queued = await mailer.queue(handle.db, nepaliInvitation('invitation:3'));
		const worker = createJobWorker(handle.db, { handlers: mailer.jobHandlers });

		await worker.runOnce();
		let row = await getMailMessage(handle.db, queued.mailMessageId);
		expect(row?.status).toBe('queued');
		expect(row?.error).toMatch(/ECONNREFUSED/);
		expect((await getJob(handle.db, queued.jobId))?.status).toBe('pending');

		await handle.db.updateTable('job').set({ run_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', queued.jobId).execute();
		await worker.runOnce();
		row = await getMailMessage(handle.db, queued.mailMessageId);
		expect(row?.status).toBe('failed');
		expect(row?.sent_at).toBeNull();
		const job = await getJob(handle.db, queued.jobId);
		expect(job?.status).toBe('failed');
		expect(job?.last_error).toMatch(/ECONNREFUSED/);
	});

	it('without SMTP, writes each message as a parseable .eml file in the outbox and lists it', async () => {
		const mailer = createMailer({ transport: createOutboxTransport(outboxDir), from });
		const queued = await mailer.queue(
			handle.db,
			nepaliInvitation('newsletter:5:ana', {
				to: 'ana@example.org',
				locale: 'es',
				subject: 'Boletín de noviembre',
				text: 'Hola Ana, estas son las noticias.',
				html: mailLayout({ locale: 'es', title: 'Boletín', bodyHtml: '<p>Hola Ana, estas son las noticias.</p>' })
			})
		);
		expect(readdirSync(join(outboxDir, '..'))).toEqual([]); // nothing written before the job runs
		await createJobWorker(handle.db, { handlers: mailer.jobHandlers }).runOnce();

		const row = await getMailMessage(handle.db, queued.mailMessageId);
		expect(row).toMatchObject({ status: 'sent', transport: 'outbox', to_address: 'ana@example.org', locale: 'es' });
		expect(row?.outbox_file).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-${queued.mailMessageId}\\.eml$`));
		expect(readdirSync(outboxDir)).toEqual([row!.outbox_file]);

		const raw = readFileSync(join(outboxDir, row!.outbox_file!));
		expect(raw.toString('latin1')).toMatch(/\r\n\r\n/); // CRLF line ends, as RFC 5322 has them
		const mail = await simpleParser(raw);
		expect(mail.subject).toBe('Boletín de noviembre');
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('ana@example.org');
		expect(mail.text?.trim()).toBe('Hola Ana, estas son las noticias.');
		expect(mail.html).toContain('<p>Hola Ana, estas son las noticias.</p>');
		expect(header(mail, 'content-language')).toBe('es');
		expect(mail.date).toBeInstanceOf(Date);
		expect(mail.messageId).toBe(row?.message_id);

		expect(await readOutboxFile(outboxDir, row!)).toEqual(raw);
		expect(await readOutboxFile(outboxDir, { outbox_file: '../secrets.eml' })).toBeUndefined();
		expect(await readOutboxFile(outboxDir, { outbox_file: null })).toBeUndefined();

		const list = await listMailMessages(handle.db);
		expect(list.total).toBe(1);
		expect(list.messages[0]).toMatchObject({ id: queued.mailMessageId, subject: 'Boletín de noviembre', status: 'sent' });
		expect(list.messages[0]).not.toHaveProperty('html_body');
	});

	it('lists messages newest first, by status, a page at a time', async () => {
		const mailer = createMailer({ transport: createOutboxTransport(outboxDir), from });
		const ids: number[] = [];
		for (let i = 0; i < 3; i++) ids.push((await mailer.queue(handle.db, nepaliInvitation(`list:${i}`))).mailMessageId);
		await mailer.sendQueuedMail(handle.db, ids[0]!);

		const queued = await listMailMessages(handle.db, { status: 'queued', pageSize: 1, page: 2 });
		expect(queued.total).toBe(2);
		expect(queued.messages.map((m) => m.id)).toEqual([ids[1]]);
		expect((await listMailMessages(handle.db, { status: 'sent' })).messages.map((m) => m.id)).toEqual([ids[0]]);
		expect((await listMailMessages(handle.db)).messages.map((m) => m.id)).toEqual([ids[2], ids[1], ids[0]]);
	});

	it('delivers queued mail end to end through a running worker', async () => {
		const mailer = createMailer({ transport: createSmtpTransport(smtp.url), from });
		const worker = createJobWorker(handle.db, { handlers: mailer.jobHandlers, pollIntervalMs: 20, concurrency: 2 });
		worker.start();
		try {
			for (const name of ['ana', 'budi', 'carlos']) {
				await mailer.queue(handle.db, nepaliInvitation(`welcome:${name}`, { to: `${name}@example.org` }));
			}
			await waitFor(() => smtp.received.length === 3);
		} finally {
			await worker.stop();
		}
		expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(['ana@example.org', 'budi@example.org', 'carlos@example.org']);
		const rows = await handle.db.selectFrom('mail_message').select('status').execute();
		expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
		const jobs = await handle.db.selectFrom('job').select('status').execute();
		expect(jobs.map((j) => j.status)).toEqual(['done', 'done', 'done']);
	});
});
