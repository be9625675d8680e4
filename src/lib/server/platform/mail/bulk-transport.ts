import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import DKIM from 'nodemailer/lib/dkim';
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';
import * as qp from 'nodemailer/lib/qp';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { DkimConfig } from '$lib/server/platform/config';

/*
 * Sending many messages, one recipient each, with the moment of hand-over under
 * the caller's control.
 *
 * An SMTP server takes responsibility for a message when it has read the line with
 * a single dot that ends the DATA, and says so with its 250 answer; until the dot,
 * a dropped connection means the message is discarded. So the sender writes the
 * whole message, then calls the caller's `handOver` (which records in the database
 * that the message may now arrive, and checks the delivery is still the caller's),
 * and only after that writes the final dot. `send` resolves on the server's 250:
 * only then is the message delivered, and the caller records it so.
 *
 * Recording it as sent before the dot would lose it to a process killed between
 * that commit and the dot's write (the server then discards the message, and the
 * record says sent). Between the dot and the caller's record of the 250, no order
 * of writes can tell a restarted process whether the server has the message; the
 * caller treats that as not delivered and sends it again (see campaign-sender.ts).
 */

export interface BulkMessage {
	from: string;
	to: string;
	/** The whole RFC 5322 message, CRLF line endings. */
	raw: Buffer;
}

/**
 * Called when the whole message is written, before its final dot: records that the
 * server may have it from now on. False means "do not deliver after all" (the claim
 * was lost); the connection is then dropped and the server discards the message.
 */
export type HandOver = () => Promise<boolean>;

export class BulkSendError extends Error {
	/** The server refused the recipient itself (RCPT TO); with `permanent`, the address bounces. */
	readonly recipientRejected: boolean;
	/** A 5xx answer: trying again will not help. */
	readonly permanent: boolean;
	/**
	 * True when the failure came after `handOver` and without an answer from the
	 * server (the connection dropped or timed out after the final dot): the message
	 * may or may not have arrived.
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
	/** Sends one message on the first free connection; resolves when the server has taken it. Throws BulkSendError. */
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

/**
 * One message as bytes, DKIM-signed when configured: the same for SMTP and the
 * outbox. nodemailer's composer takes about 3 ms a message, most of a campaign's
 * time, for a structure that never changes here: multipart/alternative with a
 * text and an HTML part. So the message is written directly, with nodemailer's
 * own encoders for headers (RFC 2047 words, folding) and bodies: quoted-printable
 * for text that is mostly ASCII, base64 for the rest (Nepali), as nodemailer
 * chooses. The parts that repeat (sender, subject) are encoded once.
 */
export function createBulkComposer(dkim: DkimConfig | undefined) {
	const signer = dkim ? new DKIM(dkim) : null;
	const encoded = new Map<string, string>();
	const once = (kind: string, value: string, encode: (v: string) => string) => {
		const key = `${kind}\u0000${value}`;
		let result = encoded.get(key);
		if (result === undefined) {
			if (encoded.size > 1000) encoded.clear();
			encoded.set(key, (result = encode(value)));
		}
		return result;
	};
	return async function compose(input: ComposeInput): Promise<Buffer> {
		const boundary = `--_bulk_${randomBytes(12).toString('hex')}`;
		const headers = [
			header('From', once('address', input.from, encodeAddress)),
			header('To', once('address', input.to, encodeAddress)),
			header('Subject', once('text', input.subject, encodeText)),
			header('Message-ID', input.messageId),
			header('Date', input.date.toUTCString().replace(/GMT/, '+0000')),
			header('MIME-Version', '1.0'),
			header('Content-Language', input.locale),
			...Object.entries(input.headers).map(([name, value]) => header(name, value)),
			header('Content-Type', `multipart/alternative; boundary="${boundary}"`)
		];
		const raw = Buffer.from(
			`${headers.join('\r\n')}\r\n\r\n` +
				`--${boundary}\r\n${part('text/plain', input.text)}\r\n` +
				`--${boundary}\r\n${part('text/html', input.html)}\r\n` +
				`--${boundary}--\r\n`,
			'utf8'
		);
		if (!signer) return raw;
		return Buffer.concat(await signer.sign(raw).toArray());
	};
}

function header(name: string, value: string): string {
	// Values are single lines (the mailer refuses line breaks in subjects); folded at 76 like nodemailer's.
	return mimeFuncs.foldLines(`${name}: ${value.replace(/[\r\n]+/g, ' ')}`, 76);
}

function encodeText(value: string): string {
	return mimeFuncs.isPlainText(value) ? value : mimeFuncs.encodeWords(value, 'Q', 52, true);
}

/** `Name <a@b.org>` with the name encoded when it needs to be; a bare address as it is. */
function encodeAddress(value: string): string {
	const [parsed] = addressparser(value);
	if (!parsed || !('address' in parsed) || !parsed.address) return value;
	if (!parsed.name) return parsed.address;
	const name = mimeFuncs.isPlainText(parsed.name)
		? /^[\w ]*$/.test(parsed.name)
			? parsed.name
			: mimeFuncs.quoteString(parsed.name)
		: mimeFuncs.encodeWords(parsed.name, 'Q', 52, true);
	return `${name} <${parsed.address}>`;
}

/** One body part: quoted-printable when at least half the text is ASCII, base64 otherwise. */
function part(type: string, content: string): string {
	const text = content.replace(/\r?\n/g, '\r\n');
	let ascii = 0;
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 128) ascii++;
	if (ascii >= text.length / 2) {
		return `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp.wrap(qp.encode(text), 76)}`;
	}
	const base64 = Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
	return `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64.replace(/\r\n$/, '')}`;
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
		// After the hand-over, only an explicit refusal proves the message did not arrive.
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
				const failure = classify(error as SmtpError, state.handedOver);
				// A refused recipient leaves the connection usable once reset (before the lane is given to the
				// next message); anything else may have left it mid-message.
				if ((error as SmtpError).code !== 'EENVELOPE') {
					drop(lane);
					return reject(failure);
				}
				let settled = false;
				const settle = (broken: boolean) => {
					if (settled) return;
					settled = true;
					clearTimeout(timer);
					if (broken) drop(lane);
					reject(failure);
				};
				// A server that never answers RSET must not keep the lane forever.
				const timer = setTimeout(() => settle(true), 30_000);
				connection.reset((resetError) => settle(Boolean(resetError)));
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
 * the mailer's are. The file appears (by rename) only after the hand-over, and
 * `send` resolves once it is there.
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
