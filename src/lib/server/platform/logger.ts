import pino from 'pino';

/**
 * Structured JSON logs on standard output, one object per line. Secrets are
 * redacted by key wherever they appear.
 */
export function createLogger(level: string = 'info') {
	return pino({
		level,
		base: undefined,
		timestamp: pino.stdTimeFunctions.isoTime,
		formatters: { level: (label) => ({ level: label }) },
		redact: {
			paths: ['*.password', '*.secret', '*.token', '*.authorization', '*.cookie', '*.databaseUrl', '*.smtpUrl'],
			censor: '***'
		}
	});
}

export type Logger = ReturnType<typeof createLogger>;
