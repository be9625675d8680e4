/**
 * Graceful shutdown: on SIGTERM the server stops accepting connections,
 * finishes the request in flight, closes the database and exits with code 0.
 */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
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
