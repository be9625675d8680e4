/**
 * Graceful shutdown: on SIGTERM the server stops accepting connections,
 * finishes the request in flight and the job its worker is running, closes the
 * database and exits with code 0 (what systemd and a rolling upgrade expect).
 */
import { once } from 'node:events';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseHtml, startTestServer, type TestServer } from '../support/http';

let site: TestServer;
beforeAll(async () => {
	site = await startTestServer();
});
afterAll(async () => {
	await site?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(port: number): Promise<Socket> {
	const socket = connect(port, '127.0.0.1');
	await once(socket, 'connect');
	return socket;
}

async function refused(port: number): Promise<string> {
	const socket = connect(port, '127.0.0.1');
	try {
		await once(socket, 'connect');
		return 'accepted';
	} catch (error) {
		return (error as NodeJS.ErrnoException).code ?? String(error);
	} finally {
		socket.destroy();
	}
}

it('SIGTERM lets the request in flight finish, then the server closes the database and exits with 0', async () => {
	const child = site.server.process;
	const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

	// A request is in flight: its first lines have arrived, the rest is still on its way.
	const socket = await open(site.server.port);
	let received = '';
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => (received += chunk));
	const closed = once(socket, 'close');
	socket.write(`GET /ne/about HTTP/1.1\r\nHost: localhost:${site.server.port}\r\n`);
	await sleep(300);

	child.kill('SIGTERM');
	await sleep(500);
	expect(child.exitCode, 'the server must wait for the request in flight').toBeNull();
	expect(await refused(site.server.port), 'a new connection after SIGTERM').toBe('ECONNREFUSED');

	socket.write('Accept-Encoding: identity\r\n\r\n');
	await closed;

	const [head = '', body = ''] = [received.slice(0, received.indexOf('\r\n\r\n')), received.slice(received.indexOf('\r\n\r\n') + 4)];
	expect(head.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
	const length = /^content-length:\s*(\d+)$/im.exec(head)?.[1];
	expect(Number(length)).toBe(Buffer.byteLength(body));
	expect(parseHtml(body).html?.attribs.lang).toBe('ne');
	expect(body.trimEnd()).toMatch(/<\/html>$/);

	const timeout = sleep(8_000).then(() => ['timed out', null] as const);
	const [code, signal] = await Promise.race([exited, timeout]);
	expect(signal).toBeNull();
	expect(code, site.server.output()).toBe(0);
	expect(site.server.output()).toMatch(/"msg":"database closed"/);
});

it('SIGTERM lets the job being run finish (an e-mail half sent) before the database closes, and exits with 0', { timeout: 60_000 }, async () => {
	// An SMTP server that takes the message, then holds its "250" until the test lets it go.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	let received = 0;
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			stream.resume();
			stream.on('end', () => {
				received++;
				void released.then(() => callback());
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
	const mailing = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
	try {
		const database = await mailing.openDatabase();
		const consent = await database.db.selectFrom('newsletter_consent_text').select('version').orderBy('version', 'desc').executeTakeFirstOrThrow();
		const signUp = await fetch(`${mailing.origin}/newsletter`, {
			method: 'POST',
			body: new URLSearchParams({ email: 'drain@example.org', locale: 'en', topics: 'news', consent: 'yes', consent_version: String(consent.version), source: '/newsletter' }),
			headers: { origin: mailing.origin, accept: 'text/html' },
			redirect: 'manual'
		});
		expect(signUp.status).toBe(200);
		// The confirmation e-mail's job is running: its message is at the SMTP server, unanswered.
		const deadline = Date.now() + 15_000;
		while (received === 0 && Date.now() < deadline) await sleep(20);
		expect(received).toBe(1);

		const child = mailing.server.process;
		const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
		child.kill('SIGTERM');
		// Stopped accepting: only now does the SMTP server answer.
		while ((await refused(mailing.server.port)) !== 'ECONNREFUSED' && Date.now() < deadline) await sleep(20);
		expect(await refused(mailing.server.port)).toBe('ECONNREFUSED');
		release();

		const timeout = sleep(15_000).then(() => ['timed out', null] as const);
		const [code, signal] = await Promise.race([exited, timeout]);
		expect(signal).toBeNull();
		expect(code, mailing.server.output()).toBe(0);
		const output = mailing.server.output();
		expect(output.indexOf('"msg":"job worker stopped"'), output).toBeGreaterThan(-1);
		expect(output.indexOf('"msg":"database closed"')).toBeGreaterThan(output.indexOf('"msg":"job worker stopped"'));
		// The job finished and said so before the database closed.
		const mail = await database.db.selectFrom('mail_message').select('status').where('to_address', '=', 'drain@example.org').executeTakeFirstOrThrow();
		expect(mail.status).toBe('sent');
		const jobs = await database.db.selectFrom('job').select(['kind', 'status']).where('status', 'in', ['running', 'pending']).where('kind', 'like', 'mail%').execute();
		expect(jobs).toEqual([]);
	} finally {
		release();
		await mailing.stop();
		await new Promise<void>((resolve) => smtp.close(() => resolve()));
	}
});
