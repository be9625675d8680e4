import { hostname, networkInterfaces } from 'node:os';

/*
 * The names of the machine the server runs on, for a first run with ORIGIN unset:
 * someone opens the site as http://127.0.0.1:3000, http://localhost:3000 or, from a
 * phone on the same network, http://192.168.1.20:3000, and each is the same site.
 * Only names that are this machine's, written literally (localhost, a loopback
 * address, its host name, the address of one of its network interfaces): never a
 * name looked up in DNS, which anyone's domain can point at 127.0.0.1.
 */

/** An address as URL writes a host name: lower case, IPv6 without brackets or zone. */
function bare(host: string): string {
	return host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

/** This machine's names and addresses, read each time: a laptop's address changes as it moves between networks. */
export function thisMachineNames(): Set<string> {
	const names = new Set(['localhost', '::1']);
	const name = hostname().toLowerCase();
	if (name) names.add(name).add(`${name}.local`);
	for (const addresses of Object.values(networkInterfaces())) {
		for (const address of addresses ?? []) {
			// A link-local IPv6 address needs its zone (fe80::1%eth0), which a browser's address cannot carry.
			if (address.family === 'IPv6' && address.scopeid) continue;
			// As URL writes it (compressed, lower case).
			names.add(address.family === 'IPv6' ? bare(new URL(`http://[${address.address}]/`).hostname) : address.address);
		}
	}
	return names;
}

const loopbackV4 = /^127(?:\.\d{1,3}){3}$/;

/**
 * Whether a form's Origin is a page of this very server opened under another name
 * of this machine: http, the server's port, a name of this machine, and the
 * request sent to that same name (its Host), so the page and the form are one site.
 */
export function isThisMachineOrigin(origin: string | null, request: { host: string | null; port: number }): boolean {
	if (!origin || !request.host) return false;
	let url: URL;
	let host: URL;
	try {
		url = new URL(origin);
		host = new URL(`http://${request.host}`);
	} catch {
		return false;
	}
	if (url.protocol !== 'http:' || url.origin !== origin) return false;
	if (Number(url.port || 80) !== request.port || url.host !== host.host) return false;
	const name = bare(url.hostname);
	return loopbackV4.test(name) || thisMachineNames().has(name);
}

/**
 * The addresses to open the site at, for the start log: with the server on every
 * interface, localhost and each network address (a phone on the same network uses
 * those); otherwise the one it listens on.
 */
export function addressesToOpen(listenHost: string, port: number): string[] {
	const url = (host: string) => `http://${host.includes(':') ? `[${host}]` : host}${port === 80 ? '' : `:${port}`}`;
	if (listenHost !== '0.0.0.0' && listenHost !== '::' && listenHost !== '') return [url(listenHost)];
	const lan = Object.values(networkInterfaces())
		.flatMap((addresses) => addresses ?? [])
		.filter((address) => !address.internal && address.family === 'IPv4')
		.map((address) => url(address.address));
	return [url('localhost'), ...new Set(lan)];
}
