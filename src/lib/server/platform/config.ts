import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
	// DKIM signing of outgoing mail: all three, or none. The key is PEM text or the path of a PEM file.
	DKIM_DOMAIN: z
		.string()
		.regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'a domain name, e.g. example.org')
		.optional(),
	DKIM_SELECTOR: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'a DNS label, e.g. mail2026').optional(),
	DKIM_PRIVATE_KEY: z.string().min(1, 'a PEM private key, or the path of a file holding one').optional(),
	// Newsletter campaigns: messages per minute a new campaign is sent at (staff can change it per campaign).
	NEWSLETTER_SEND_RATE: z.coerce
		.number({ error: 'a whole number of messages per minute from 1 to 60000, e.g. 600' })
		.int('a whole number of messages per minute from 1 to 60000, e.g. 600')
		.min(1, 'a whole number of messages per minute from 1 to 60000, e.g. 600')
		.max(60000, 'a whole number of messages per minute from 1 to 60000, e.g. 600')
		.default(600),
	// Staff sessions unused for this long end: the person signs in again.
	STAFF_SESSION_IDLE_MINUTES: z.coerce
		.number({ error: 'a whole number of minutes from 5 to 10080, e.g. 720' })
		.int('a whole number of minutes from 5 to 10080, e.g. 720')
		.min(5, 'a whole number of minutes from 5 to 10080, e.g. 720')
		.max(10080, 'a whole number of minutes from 5 to 10080, e.g. 720')
		.default(720),
	// Newsletter sign-ups (each may send a confirmation e-mail to the address typed) per hour:
	// from one network address, and for the whole site, so the form cannot be used to mail
	// strangers in bulk or spoil the sender's reputation. Raise them for a big launch.
	NEWSLETTER_SIGNUPS_PER_IP: z.coerce
		.number({ error: 'a whole number of sign-ups per hour from 1 to 100000, e.g. 20' })
		.int('a whole number of sign-ups per hour from 1 to 100000, e.g. 20')
		.min(1, 'a whole number of sign-ups per hour from 1 to 100000, e.g. 20')
		.max(100000, 'a whole number of sign-ups per hour from 1 to 100000, e.g. 20')
		.default(20),
	NEWSLETTER_SIGNUPS_PER_HOUR: z.coerce
		.number({ error: 'a whole number of sign-ups per hour from 1 to 1000000, e.g. 300' })
		.int('a whole number of sign-ups per hour from 1 to 1000000, e.g. 300')
		.min(1, 'a whole number of sign-ups per hour from 1 to 1000000, e.g. 300')
		.max(1000000, 'a whole number of sign-ups per hour from 1 to 1000000, e.g. 300')
		.default(300),
	// The bearer token /metrics asks for; unset, the app has no /metrics.
	METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,}$/, 'at least 16 printable characters without spaces, e.g. from `openssl rand -hex 32`').optional(),
	// S3-compatible object storage for shared files (platform/storage): all of endpoint, bucket and
	// both keys, or none (then files stay under DATA_DIR). Path style: on for MinIO, s3rver and most
	// self-hosted services; off for AWS's virtual-hosted buckets.
	S3_ENDPOINT: z
		.url({ protocol: /^https?$/, error: 'an http or https URL, e.g. https://s3.eu-central-1.amazonaws.com' })
		.optional(),
	S3_BUCKET: z
		.string()
		.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name: 3 to 63 lower-case letters, digits, dots or hyphens')
		.optional(),
	S3_REGION: z.string().regex(/^[a-z0-9-]+$/, 'a region name, e.g. us-east-1 or auto').default('us-east-1'),
	S3_ACCESS_KEY_ID: z.string().min(1, 'an access key id').optional(),
	S3_SECRET_ACCESS_KEY: z.string().min(1, 'a secret access key').optional(),
	S3_FORCE_PATH_STYLE: z.enum(['on', 'off'], 'on or off').default('on'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/** Whether the demo content's photos are made (in the background, after the first start). */
	DEMO_PHOTOS: z.enum(['on', 'off'], 'on or off').default('on')
});

export interface Config {
	port: number;
	origin: string;
	/**
	 * Whether the operator set ORIGIN. Unset (a first run on someone's own machine), `origin`
	 * is http://localhost:PORT and a form sent from another name of this machine is accepted
	 * (platform/http/this-machine.ts); set, only that one origin is.
	 */
	originConfigured: boolean;
	secureOrigin: boolean;
	dataDir: string;
	databaseUrl: string | undefined;
	sqlitePath: string;
	smtpUrl: string | undefined;
	mailFrom: string | undefined;
	/** apiBase: STRIPE_API_BASE, where API requests go instead of https://api.stripe.com. */
	stripe: { secretKey: string; webhookSecret: string | undefined; apiBase?: string } | undefined;
	/** Signing of every outgoing message, when configured. */
	dkim: DkimConfig | undefined;
	/** Default messages per minute for a new campaign. */
	newsletterSendRate: number;
	/** A staff session unused for longer than this is signed out. */
	staffSessionIdleMs: number;
	/** Newsletter sign-ups per hour, from one network address and for the whole site. */
	newsletterSignUpLimits: { perIp: number; site: number };
	logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
	/** The bearer token for /metrics; undefined: no metrics are served. */
	metricsToken: string | undefined;
	/** Make the demo content's photos when the demo is seeded (off in tests: each makes ~40 photos). */
	demoPhotos: boolean;
	/** The S3-compatible bucket shared files go to, when configured; otherwise they stay under dataDir. */
	s3: S3Config | undefined;
}

export interface S3Config {
	endpoint: string;
	bucket: string;
	region: string;
	accessKeyId: string;
	secretAccessKey: string;
	/** Buckets addressed as <endpoint>/<bucket> rather than <bucket>.<endpoint host>. */
	forcePathStyle: boolean;
}

export interface DkimConfig {
	domainName: string;
	keySelector: string;
	/** PEM text. */
	privateKey: string;
}

/**
 * adapter-node reads only ORIGIN, so with ORIGIN unset scripts/serve.ts gives it the
 * default and sets this beside it: the app still knows that the operator chose none.
 */
export const originDefaultedMarker = 'ORIGIN_DEFAULTED';

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
	const dkim = dkimConfig(e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY);
	const origin = (e.ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
	const dataDir = resolve(e.DATA_DIR);
	return {
		port: e.PORT,
		origin,
		originConfigured: e.ORIGIN !== undefined && env[originDefaultedMarker] !== 'on',
		secureOrigin: origin.startsWith('https:'),
		dataDir,
		databaseUrl: e.DATABASE_URL,
		sqlitePath: resolve(dataDir, 'site.sqlite'),
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		stripe: e.STRIPE_SECRET_KEY
			? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiBase: e.STRIPE_API_BASE?.replace(/\/$/, '') }
			: undefined,
		dkim,
		newsletterSendRate: e.NEWSLETTER_SEND_RATE,
		staffSessionIdleMs: e.STAFF_SESSION_IDLE_MINUTES * 60_000,
		newsletterSignUpLimits: { perIp: e.NEWSLETTER_SIGNUPS_PER_IP, site: e.NEWSLETTER_SIGNUPS_PER_HOUR },
		logLevel: e.LOG_LEVEL,
		metricsToken: e.METRICS_TOKEN,
		demoPhotos: e.DEMO_PHOTOS === 'on',
		s3: s3Config(e)
	};
}

function s3Config(e: z.infer<typeof environmentSchema>): S3Config | undefined {
	const parts = [e.S3_ENDPOINT, e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY];
	const given = parts.filter((value) => value !== undefined).length;
	if (given === 0) return undefined;
	if (given < parts.length) {
		throw new ConfigError([
			'S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set all four to keep files in a bucket, or none to keep them under DATA_DIR'
		]);
	}
	return {
		endpoint: e.S3_ENDPOINT!.replace(/\/$/, ''),
		bucket: e.S3_BUCKET!,
		region: e.S3_REGION,
		accessKeyId: e.S3_ACCESS_KEY_ID!,
		secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
		forcePathStyle: e.S3_FORCE_PATH_STYLE === 'on'
	};
}

function dkimConfig(domain: string | undefined, selector: string | undefined, key: string | undefined): DkimConfig | undefined {
	const given = [domain, selector, key].filter((value) => value !== undefined).length;
	if (given === 0) return undefined;
	if (given < 3) {
		throw new ConfigError([
			'DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY go together: set all three to sign mail, or none'
		]);
	}
	let pem = key!.replace(/\\n/g, '\n');
	if (!pem.includes('-----BEGIN')) {
		try {
			pem = readFileSync(pem, 'utf8');
		} catch {
			throw new ConfigError(['DKIM_PRIVATE_KEY must be a PEM private key, or the path of a readable file holding one']);
		}
	}
	try {
		createPrivateKey(pem);
	} catch {
		// Never echo the key itself.
		throw new ConfigError(['DKIM_PRIVATE_KEY must be a PEM private key (RSA or Ed25519); the one given could not be read']);
	}
	return { domainName: domain!.toLowerCase(), keySelector: selector!, privateKey: pem };
}

const secretNames = new Set(['DATABASE_URL', 'SMTP_URL', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'DKIM_PRIVATE_KEY', 'METRICS_TOKEN', 'S3_SECRET_ACCESS_KEY']);

/** Never echo a secret back, even a malformed one. */
function describeValue(name: string, value: unknown): string {
	if (value === undefined) return '';
	return secretNames.has(name) ? '(hidden)' : String(value);
}
