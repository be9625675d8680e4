import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import DKIM from 'nodemailer/lib/dkim';
import MailComposer from 'nodemailer/lib/mail-composer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { DkimConfig } from '$lib/server/platform/config';

/*
 * Sending many messages, one recipient each, with the moment of hand-over under
 * the caller's control.
 *
 * An SMTP server takes responsibility for a message when it reads the line with a
 * single dot that ends the DATA; until then, a dropped connection means the
 * message is discarded. So the sender writes the whole message, then calls the
 * caller's `handOver` (which records the delivery as sent in the database), and
 * only after that commit writes the final dot. A process killed before the commit
 * leaves the delivery unsent and the server discards the partial message; killed
 * after it, the dot is at most one socket write away. That closes the window in
 * which a message could arrive and still be sent again after a restart down to
 * the few microseconds between the commit and that write.
 */

export interface BulkMessage {
	from: string;
	to: string;
	/** The whole RFC 5322 message, CRLF line endings. */
	raw: Buffer;
}

/** Records the delivery as sent; false means "do not deliver after all" (the claim was lost). */
export type HandOver = () => Promise<boolean>;

export class BulkSendError extends Error {
	/** The server refused the recipient itself (RCPT TO); with `permanent`, the address bounces. */
	readonly recipientRejected: boolean;
	/** A 5xx answer: trying again will not help. */
	readonly permanent: boolean;
	/**
	 * True when the failure came after `handOver` committed and without an answer
	 * from the server: the message may have arrived, so it must not be sent again.
	 */
	readonly uncertain: boolean;
	readonly responseCode: number | undefined;
	constructor(message: string, details: { recipientRejected: boolean; permanent: boolean; uncertain: boolean; responseCode?: number }) {
		super(message);
		this.name = 'BulkSendError';
		this.recipientRejected = details.recipientRejected;
		this.permanent = details.permanent;
		this.uncertain = details.uncertain;
		this.responseCode = details.responseCode;
	}
}

export interface BulkTransport {
	readonly name: 'smtp' | 'outbox';
	/** How many messages may be on their way at once (one connection each); more senders wait their turn. */
	readonly lanes: number;
	/** Sends one message on the first free connection. Throws BulkSendError. */
	send(message: BulkMessage, handOver: HandOver): Promise<void>;
	close(): void;
}

export interface ComposeInput {
	from: string;
	to: string;
	subject: string;
	text: string;
	html: string;
	messageId: string;
	date: Date;
	locale: string;
	headers: Record<string, string>;
}

/** One message as bytes, DKIM-signed when configured: the same for SMTP and the outbox. */
export function createBulkComposer(dkim: DkimConfig | undefined) {
	const signer = dkim ? new DKIM(dkim) : null;
	return async function compose(input: ComposeInput): Promise<Buffer> {
		const composer = new MailComposer({
			from: input.from,
			to: input.to,
			subject: input.subject,
			text: input.text,
			html: input.html,
			messageId: input.messageId,
			date: input.date,
			headers: { ...input.headers, 'Content-Language': input.locale },
			newline: 'windows'
		});
		const raw = await composer.compile().build();
		if (!signer) return raw;
		return Buffer.concat(await signer.sign(raw).toArray());
	};
}

/** The message, then — once `handOver` resolves true — its end, which makes SMTP write the final dot. */
function handingOver(raw: Buffer, handOver: HandOver, state: { handedOver: boolean }): Readable {
	let started = false;
	return new Readable({
		read() {
			// Called when the server has said "354 go ahead" and the connection starts reading.
			if (started) return;
			started = true;
			this.push(raw);
			handOver().then(
				(proceed) => {
					if (!proceed) return this.destroy(new Error('The delivery was taken over elsewhere; not sent'));
					state.handedOver = true;
					this.push(null);
				},
				(error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error)))
			);
		}
	});
}

interface SmtpError extends Error {
	code?: string;
	responseCode?: number;
	command?: string;
}

function classify(error: SmtpError, handedOver: boolean): BulkSendError {
	const code = error.responseCode;
	const answered = typeof code === 'number' && code >= 400;
	return new BulkSendError(error.message, {
		recipientRejected: error.code === 'EENVELOPE' && answered,
		permanent: answered && code >= 500,
		// After the commit, only an explicit refusal proves the message did not arrive.
		uncertain: handedOver && !answered,
		responseCode: code
	});
}

/**
 * SMTP over `lanes` long-lived connections (SMTP_URL, as for the mailer). A
 * connection is opened on first use and reused; after any error it is closed and
 * the next message opens a fresh one.
 */
export function createSmtpBulkTransport(smtpUrl: string, options: { lanes?: number } = {}): BulkTransport {
	const url = parseConnectionUrl(smtpUrl);
	const lanes = Math.max(1, options.lanes ?? 4);
	const connections: (SMTPConnection | null)[] = Array.from({ length: lanes }, () => null);
	// Lanes not in use, and senders waiting for one (two campaigns may send at once).
	const free = Array.from({ length: lanes }, (_, lane) => lane);
	const waiting: ((lane: number) => void)[] = [];
	const acquire = (): Promise<number> => {
		const lane = free.pop();
		return lane !== undefined ? Promise.resolve(lane) : new Promise((resolve) => waiting.push(resolve));
	};
	const releaseLane = (lane: number) => {
		const next = waiting.shift();
		if (next) next(lane);
		else free.push(lane);
	};

	function drop(lane: number) {
		const connection = connections[lane];
		connections[lane] = null;
		connection?.close();
	}

	function open(lane: number): Promise<SMTPConnection> {
		const existing = connections[lane];
		if (existing) return Promise.resolve(existing);
		return new Promise((resolve, reject) => {
			const connection = new SMTPConnection({
				host: url.host,
				port: url.port,
				secure: url.secure,
				connectionTimeout: 30_000,
				greetingTimeout: 30_000,
				socketTimeout: 60_000
			});
			let settled = false;
			connection.on('error', (error: Error) => {
				if (connections[lane] === connection) connections[lane] = null;
				if (!settled) {
					settled = true;
					reject(error);
				}
			});
			connection.once('end', () => {
				if (connections[lane] === connection) connections[lane] = null;
			});
			connection.connect(() => {
				const ready = () => {
					settled = true;
					connections[lane] = connection;
					resolve(connection);
				};
				if (!url.auth?.user) return ready();
				connection.login({ user: url.auth.user, pass: url.auth.pass ?? '' }, (error) => {
					if (error) {
						settled = true;
						connection.close();
						return reject(error);
					}
					ready();
				});
			});
		});
	}

	async function sendOn(lane: number, message: BulkMessage, handOver: HandOver): Promise<void> {
		let connection: SMTPConnection;
		try {
			connection = await open(lane);
		} catch (error) {
			throw classify(error as SmtpError, false);
		}
		const state = { handedOver: false };
		await new Promise<void>((resolve, reject) => {
			connection.send({ from: message.from, to: [message.to], size: message.raw.length }, handingOver(message.raw, handOver, state), (error) => {
				if (!error) return resolve();
				// A refused recipient leaves the connection usable; anything else may have left it mid-message.
				if ((error as SmtpError).code === 'EENVELOPE') connection.reset(() => undefined);
				else drop(lane);
				reject(classify(error as SmtpError, state.handedOver));
			});
		});
	}

	return {
		name: 'smtp',
		lanes,
		async send(message, handOver) {
			const lane = await acquire();
			try {
				await sendOn(lane, message, handOver);
			} finally {
				releaseLane(lane);
			}
		},
		close() {
			for (let lane = 0; lane < lanes; lane++) {
				const connection = connections[lane];
				connections[lane] = null;
				connection?.quit();
			}
		}
	};
}

/**
 * Without SMTP, each message becomes an .eml file in the outbox folder, named as
 * the mailer's are. The file appears (by rename) only after the hand-over.
 */
export function createOutboxBulkTransport(outboxDir: string): BulkTransport {
	let sequence = 0;
	return {
		name: 'outbox',
		lanes: 1,
		async send(message, handOver) {
			await mkdir(outboxDir, { recursive: true, mode: 0o700 });
			const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-campaign-${process.pid}-${sequence++}.eml`;
			const path = join(outboxDir, name);
			await writeFile(`${path}.tmp`, message.raw, { mode: 0o600 });
			if (!(await handOver())) {
				await unlink(`${path}.tmp`);
				throw new BulkSendError('The delivery was taken over elsewhere; not sent', {
					recipientRejected: false,
					permanent: false,
					uncertain: false
				});
			}
			await rename(`${path}.tmp`, path);
		},
		close() {}
	};
}
