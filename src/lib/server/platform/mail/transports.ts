import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import type { MailTransportName } from '$lib/server/db/schema';
import type { DkimConfig } from '$lib/server/platform/config';

/** One message ready to go out, as the mailer hands it to a transport. */
export interface OutgoingMail {
	/** The `mail_message` row it comes from. */
	id: number;
	/** With angle brackets, e.g. `<…@example.org>`; fixed when the message is queued, so a resend keeps it. */
	messageId: string;
	from: string;
	to: string;
	/** The recipient's language, sent as Content-Language. */
	locale: string;
	subject: string;
	text: string;
	html: string;
	/** Extra headers (e.g. List-Unsubscribe); the mailer has already refused reserved ones. */
	headers: Record<string, string>;
	/** An iCalendar entry: a text/calendar part beside the text and HTML, and the same as an .ics attachment. */
	calendar?: MailCalendar;
	date: Date;
}

export interface MailCalendar {
	method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
	filename: string;
	content: string;
}

export interface SendResult {
	messageId: string;
	/** File name inside the outbox folder, for the outbox transport. */
	outboxFile?: string;
}

export interface MailTransport {
	readonly name: MailTransportName;
	send(mail: OutgoingMail): Promise<SendResult>;
	close(): void;
}

/** The same nodemailer message for every transport, so an outbox file is exactly what SMTP would have carried. */
function toNodemailer(mail: OutgoingMail): SendMailOptions {
	return {
		from: mail.from,
		to: mail.to,
		subject: mail.subject,
		// Two parts of multipart/alternative: clients that cannot or will not show HTML read the text.
		text: mail.text,
		html: mail.html,
		date: mail.date,
		messageId: mail.messageId,
		headers: { ...mail.headers, 'Content-Language': mail.locale },
		...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: mail.calendar.filename, content: mail.calendar.content } } : {})
	};
}

/**
 * Real delivery through the SMTP server in `SMTP_URL`. Timeouts are far shorter
 * than nodemailer's defaults (10 minutes of socket silence) so that a send always
 * ends well within a job's lease; options in the URL's query still win.
 */
export function createSmtpTransport(smtpUrl: string, dkim?: DkimConfig): MailTransport {
	const transporter = nodemailer.createTransport({
		url: smtpUrl,
		...(dkim ? { dkim } : {}),
		connectionTimeout: 30_000,
		greetingTimeout: 30_000,
		socketTimeout: 60_000
	});
	return {
		name: 'smtp',
		async send(mail) {
			const info = await transporter.sendMail(toNodemailer(mail));
			if (info.rejected.length > 0) throw new Error(`The SMTP server refused ${info.rejected.join(', ')}: ${info.response}`);
			return { messageId: info.messageId };
		},
		close: () => transporter.close()
	};
}

/**
 * Without SMTP, each message becomes an RFC 5322 `.eml` file in `outboxDir`,
 * named `<time>-<id>.eml`, which any mail client opens. Nothing is lost in
 * development, and staff see the messages in the admin's outbox.
 */
export function createOutboxTransport(outboxDir: string, dkim?: DkimConfig): MailTransport {
	const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...(dkim ? { dkim } : {}) });
	return {
		name: 'outbox',
		async send(mail) {
			const info = await composer.sendMail(toNodemailer(mail));
			if (!Buffer.isBuffer(info.message)) throw new Error('The message was not composed into a buffer');
			await mkdir(outboxDir, { recursive: true, mode: 0o700 });
			const outboxFile = `${mail.date.toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`;
			const path = join(outboxDir, outboxFile);
			// Written whole or not at all; owner-only, as messages may carry one-time links.
			await writeFile(`${path}.tmp`, info.message, { mode: 0o600 });
			await rename(`${path}.tmp`, path);
			return { messageId: info.messageId, outboxFile };
		},
		close: () => composer.close()
	};
}

export function outboxDirectory(dataDir: string): string {
	return join(dataDir, 'outbox');
}

/** SMTP when `SMTP_URL` is set, otherwise the outbox folder in the data directory. */
export function createMailTransport(config: { smtpUrl: string | undefined; dataDir: string; dkim?: DkimConfig }): MailTransport {
	return config.smtpUrl
		? createSmtpTransport(config.smtpUrl, config.dkim)
		: createOutboxTransport(outboxDirectory(config.dataDir), config.dkim);
}
