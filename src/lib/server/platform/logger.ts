import pino from 'pino';
import { currentRequest } from './observability/request-context.ts'; // .ts: the server entry loads this file outside the bundle

/**
 * Structured JSON logs on standard output, one object per line. Secrets are
 * redacted by key wherever they appear. A line written while a request is
 * handled, by any code, carries that request's id (`requestId`), the one its
 * answer sends in X-Request-Id, so a visitor's report leads to its lines.
 */
export function createLogger(level: string = 'info') {
	return pino({
		level,
		base: undefined,
		timestamp: pino.stdTimeFunctions.isoTime,
		formatters: { level: (label) => ({ level: label }) },
		mixin: () => {
			const request = currentRequest();
			return request ? { requestId: request.id } : {};
		},
		redact: {
			paths: ['*.password', '*.secret', '*.token', '*.authorization', '*.cookie', '*.databaseUrl', '*.smtpUrl'],
			censor: '***'
		}
	});
}

export type Logger = ReturnType<typeof createLogger>;
