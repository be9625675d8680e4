import type { RequestEvent } from '@sveltejs/kit';
import type { Logger } from '../logger';

let warnedAboutAddress = false;

/**
 * Behind a reverse proxy, ADDRESS_HEADER names the header with the visitor's
 * address, and adapter-node throws when a request lacks it (or has fewer
 * X-Forwarded-For entries than XFF_DEPTH), which made a sign-in or an
 * application a 500. Such a request did not come through the proxy (or the
 * proxy does not set the header), so the address of its connection, which
 * cannot be forged, counts instead for the limits and the audit log; so it does
 * for an empty header. The first one is logged: if it was the proxy, every
 * visitor now shares its address.
 */
export function withConnectionAddressFallback(event: RequestEvent, log: () => Pick<Logger, 'warn'>): void {
	const fromAdapter = event.getClientAddress;
	event.getClientAddress = () => {
		let problem: unknown = new Error('The address header is empty');
		try {
			const address = fromAdapter();
			if (address) return address;
		} catch (error) {
			problem = error;
		}
		const connection = event.platform?.req.socket.remoteAddress;
		if (!connection) throw problem;
		if (!warnedAboutAddress) {
			warnedAboutAddress = true;
			log().warn(
				{ address: connection, reason: problem instanceof Error ? problem.message : String(problem) },
				'a request came without the address header set by ADDRESS_HEADER (and XFF_DEPTH); its connection address counts instead'
			);
		}
		return connection;
	};
}
