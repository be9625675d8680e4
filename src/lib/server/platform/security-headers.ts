/**
 * Headers every response carries. The Content-Security-Policy itself is set by
 * SvelteKit (svelte.config.js), which knows the hashes of its own inline scripts.
 */
export function applySecurityHeaders(headers: Headers, options: { secureOrigin: boolean }): void {
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()'
	);
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (options.secureOrigin) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}
