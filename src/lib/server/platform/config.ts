import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The environment the app reads, each variable with its default and its
 * expected form. Everything is optional: the defaults give a working site.
 */
const environmentSchema = z.object({
	PORT: z.coerce
		.number({ error: 'a whole number from 1 to 65535, e.g. 3000' })
		.int('a whole number from 1 to 65535, e.g. 3000')
		.min(1, 'a whole number from 1 to 65535, e.g. 3000')
		.max(65535, 'a whole number from 1 to 65535, e.g. 3000')
		.default(3000),
	ORIGIN: z
		.url({ protocol: /^https?$/, error: 'an http or https URL without a path, e.g. https://example.org' })
		.refine((value) => new URL(value).pathname === '/', 'an http or https URL without a path, e.g. https://example.org')
		.optional(),
	DATA_DIR: z.string().min(1, 'a folder path, e.g. ./data').default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\/\S+$/, 'a PostgreSQL URL, e.g. postgres://user:password@localhost:5432/dbname')
		.optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\/\S+$/, 'an SMTP URL, e.g. smtp://user:password@mail.example.org:587')
		.optional(),
	MAIL_FROM: z.string().min(3, 'an e-mail address, e.g. "Name <hello@example.org>"').optional(),
	STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_\S+$/, 'a Stripe secret key starting with sk_ or rk_').optional(),
	STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\S+$/, 'a Stripe webhook secret starting with whsec_').optional(),
	// Where the Stripe client sends API requests instead of api.stripe.com: a stand-in on
	// loopback in tests, or a proxy when self-hosting behind one. Unset in production.
	STRIPE_API_BASE: z
		.url({ protocol: /^https?$/, error: 'an http or https URL without a path, e.g. http://127.0.0.1:12111' })
		.refine((value) => new URL(value).pathname === '/', 'an http or https URL without a path, e.g. http://127.0.0.1:12111')
		.optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});

export interface Config {
	port: number;
	origin: string;
	secureOrigin: boolean;
	dataDir: string;
	databaseUrl: string | undefined;
	sqlitePath: string;
	smtpUrl: string | undefined;
	mailFrom: string | undefined;
	/** apiBase: STRIPE_API_BASE, where API requests go instead of https://api.stripe.com. */
	stripe: { secretKey: string; webhookSecret: string | undefined; apiBase?: string } | undefined;
	logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
	readonly problems: string[];
	constructor(problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
		this.problems = problems;
	}
}

/** Reads the configuration; an empty string counts as unset. Throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
	const present = Object.fromEntries(
		Object.keys(environmentSchema.shape)
			.map((key) => [key, env[key]?.trim()])
			.filter(([, value]) => value !== undefined && value !== '')
	);
	const parsed = environmentSchema.safeParse(present);
	if (!parsed.success) {
		throw new ConfigError(
			parsed.error.issues.map((issue) => {
				const name = String(issue.path[0]);
				return `${name} must be ${issue.message} (it is "${describeValue(name, present[name])}")`;
			})
		);
	}
	const e = parsed.data;
	const origin = (e.ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
	const dataDir = resolve(e.DATA_DIR);
	return {
		port: e.PORT,
		origin,
		secureOrigin: origin.startsWith('https:'),
		dataDir,
		databaseUrl: e.DATABASE_URL,
		sqlitePath: resolve(dataDir, 'site.sqlite'),
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		stripe: e.STRIPE_SECRET_KEY
			? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiBase: e.STRIPE_API_BASE?.replace(/\/$/, '') }
			: undefined,
		logLevel: e.LOG_LEVEL
	};
}

const secretNames = new Set(['DATABASE_URL', 'SMTP_URL', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']);

/** Never echo a secret back, even a malformed one. */
function describeValue(name: string, value: unknown): string {
	if (value === undefined) return '';
	return secretNames.has(name) ? '(hidden)' : String(value);
}
