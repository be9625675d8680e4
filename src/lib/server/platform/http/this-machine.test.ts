import { hostname, networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { addressesToOpen, isThisMachineOrigin } from './this-machine';

const port = 3000;
const lanAddress = Object.values(networkInterfaces())
	.flatMap((addresses) => addresses ?? [])
	.find((address) => !address.internal && address.family === 'IPv4')?.address;

describe('isThisMachineOrigin', () => {
	it.each([
		['http://127.0.0.1:3000', '127.0.0.1:3000'],
		['http://127.0.0.2:3000', '127.0.0.2:3000'],
		['http://localhost:3000', 'localhost:3000'],
		['http://[::1]:3000', '[::1]:3000'],
		[`http://${hostname().toLowerCase()}:3000`, `${hostname().toLowerCase()}:3000`],
		...(lanAddress ? [[`http://${lanAddress}:3000`, `${lanAddress}:3000`]] : [])
	])('accepts a page of this server at %s', (origin, host) => {
		expect(isThisMachineOrigin(origin, { host, port })).toBe(true);
	});

	it.each([
		['another site', 'https://evil.example', '127.0.0.1:3000'],
		['a name pointed at this machine by DNS', 'http://evil.example:3000', 'evil.example:3000'],
		['another port of this machine', 'http://127.0.0.1:3001', '127.0.0.1:3000'],
		['https on the same name (another origin)', 'https://127.0.0.1:3000', '127.0.0.1:3000'],
		['a page sent to another name than its own', 'http://127.0.0.1:3000', 'localhost:3000'],
		['no Origin', null, '127.0.0.1:3000'],
		['the opaque origin', 'null', '127.0.0.1:3000'],
		['an origin with a path', 'http://127.0.0.1:3000/x', '127.0.0.1:3000'],
		['credentials in the origin', 'http://a:b@127.0.0.1:3000', '127.0.0.1:3000'],
		['no Host', 'http://127.0.0.1:3000', null]
	])('refuses %s', (_what, origin, host) => {
		expect(isThisMachineOrigin(origin, { host, port })).toBe(false);
	});
});

describe('addressesToOpen', () => {
	it('is localhost and the network addresses when listening everywhere, else the address listened on', () => {
		const everywhere = addressesToOpen('0.0.0.0', port);
		expect(everywhere[0]).toBe('http://localhost:3000');
		if (lanAddress) expect(everywhere).toContain(`http://${lanAddress}:3000`);
		expect(everywhere.some((address) => address.includes('127.0.0.1'))).toBe(false);
		expect(addressesToOpen('127.0.0.1', port)).toEqual(['http://127.0.0.1:3000']);
		expect(addressesToOpen('::1', 80)).toEqual(['http://[::1]']);
	});
});
