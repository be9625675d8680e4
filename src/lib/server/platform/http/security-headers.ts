/**
 * Headers every response carries. The Content-Security-Policy itself is set by
 * SvelteKit (svelte.config.js), which knows the hashes of its own inline scripts.
 */
export function applySecurityHeaders(headers: Headers, options: { secureOrigin: boolean; camera?: boolean }): void {
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set(
		'Permissions-Policy',
		`camera=${options.camera ? '(self)' : '()'}, microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()`
	);
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (options.secureOrigin) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}

/**
 * The only pages that may ask for the camera, by SvelteKit route id: the door's
 * check-in, which reads the QR code on a ticket. Everywhere else the camera stays off.
 */
export const cameraRoutes: ReadonlySet<string> = new Set(['/admin/(staff)/events/[id=id]/sessions/[session=id]/check-in']);

/** For a response SvelteKit set no policy on (an endpoint's, a file's): nothing may load, frame or base on it. */
export const lockedDownPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** The policy with inline style attributes allowed too; scripts stay as strict. */
export function withInlineStyles(policy: string): string {
	return policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
}

/** The policy with forms also allowed to lead to `origins` (a payment provider's pages). */
export function withFormTargets(policy: string, origins: string[]): string {
	return policy.replace("form-action 'self'", `form-action 'self' ${origins.join(' ')}`);
}
