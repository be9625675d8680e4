import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSinkOptions {
	/** Answers to RCPT TO for some addresses, e.g. `{ 'gone@example.org': 550 }` (5xx permanent, 4xx temporary). */
	rejectRecipients?: Record<string, number>;
	/**
	 * Addresses whose first message the server keeps, but whose "250" never reaches
	 * the client: the connection drops right after the final dot, as when the network
	 * fails at that moment. The client cannot know whether the message arrived.
	 */
	loseFirstAnswerFor?: string[];
}

/** A real SMTP server on loopback that keeps every message it receives (takes responsibility for, at the final dot), parsed. */
export async function startSmtpSink(options: SmtpSinkOptions = {}) {
	const messages: { raw: Buffer; parsed: ParsedMail; envelopeTo: string[] }[] = [];
	const sockets = new Set<Socket>();
	const answersToLose = new Set(options.loseFirstAnswerFor?.map((address) => address.toLowerCase()));
	// Messages complete (their final dot read) but not yet in `messages`.
	let reading = 0;
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
				reading++;
				const raw = Buffer.concat(chunks);
				const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
				messages.push({ raw, parsed: await simpleParser(raw), envelopeTo });
				reading--;
				const unanswered = envelopeTo.find((to) => answersToLose.has(to.toLowerCase()));
				if (unanswered) {
					answersToLose.delete(unanswered.toLowerCase());
					for (const socket of sockets) if (socket.remotePort === session.remotePort) socket.destroy();
					return;
				}
				callback();
			});
		}
	});
	// A client killed mid-message (the SIGKILL tests) resets its connection: the message is discarded, which is the point.
	server.on('error', () => undefined);
	server.server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
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
		/**
		 * Cuts every open connection, as a client's death does (its system closes its
		 * sockets): a message without its final dot is discarded, one with it is kept.
		 */
		dropConnections() {
			for (const socket of sockets) socket.destroy();
		},
		/**
		 * Resolves once no client is connected and every message whose final dot came
		 * in is in `messages`: after a client is killed, what the server took from it
		 * is all there.
		 */
		async idle(timeoutMs = 10_000): Promise<void> {
			const deadline = Date.now() + timeoutMs;
			const busy = () => server.connections.size > 0 || sockets.size > 0 || reading > 0;
			// Twice in a row: a message's end is handled a moment after its connection's last bytes.
			for (let quiet = 0; quiet < 2; quiet = busy() ? 0 : quiet + 1) {
				if (Date.now() > deadline) throw new Error(`the SMTP sink still has ${server.connections.size} connections`);
				await new Promise((r) => setTimeout(r, 20));
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
