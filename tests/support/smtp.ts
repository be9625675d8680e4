import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSinkOptions {
	/** Answers to RCPT TO for some addresses, e.g. `{ 'gone@example.org': 550 }` (5xx permanent, 4xx temporary). */
	rejectRecipients?: Record<string, number>;
}

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
export async function startSmtpSink(options: SmtpSinkOptions = {}) {
	const messages: { raw: Buffer; parsed: ParsedMail; envelopeTo: string[] }[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			const code = options.rejectRecipients?.[address.address.toLowerCase()];
			if (!code) return callback();
			const error = new Error(code >= 500 ? 'No such mailbox here' : 'Mailbox busy, try again later') as Error & { responseCode: number };
			error.responseCode = code;
			callback(error);
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', async () => {
				const raw = Buffer.concat(chunks);
				messages.push({ raw, parsed: await simpleParser(raw), envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
				callback();
			});
		}
	});
	// A client killed mid-message (the SIGKILL tests) resets its connection: the message is discarded, which is the point.
	server.on('error', () => undefined);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const port = (server.server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		async waitFor(predicate: (m: ParsedMail) => boolean, timeoutMs = 10_000): Promise<ParsedMail> {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = messages.find((m) => predicate(m.parsed));
				if (found) return found.parsed;
				if (Date.now() > deadline) throw new Error(`no such message arrived; got: ${messages.map((m) => m.parsed.subject).join(' | ')}`);
				await new Promise((r) => setTimeout(r, 50));
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
