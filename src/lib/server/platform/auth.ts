import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { Kysely } from 'kysely';
import type { DialectName } from '$lib/server/db/connect';
import type { Logger } from './logger';

export interface AuthOptions {
	db: Kysely<any>;
	dialect: DialectName;
	secret: string;
	origin: string;
	secureCookies: boolean;
	appName: string;
	/** The recovery codes of a new set-up or a renewal (the people domain chooses their alphabet). */
	generateRecoveryCodes: () => string[];
	/** Where better-auth's own messages go: the app's JSON log, instead of coloured lines of its own. */
	log?: Logger;
	/** Only for tests, which count the passwords really checked; otherwise better-auth's own scrypt. */
	passwordHasher?: PasswordHasher;
}

/** How better-auth hashes and checks passwords (its `emailAndPassword.password` option). */
export interface PasswordHasher {
	hash(password: string): Promise<string>;
	verify(data: { hash: string; password: string }): Promise<boolean>;
}

/**
 * better-auth, wired to the app's database: e-mail and password sign-in with
 * sessions stored in the database, TOTP two-factor with recovery codes. Staff
 * accounts are created by invitation only, so public sign-up is off. The app
 * calls it from its own form actions (which work without JavaScript) rather
 * than through its HTTP endpoints, and keeps its own throttle and audit log.
 */
export function createAuth(options: AuthOptions) {
	return betterAuth({
		appName: options.appName,
		baseURL: options.origin,
		secret: options.secret,
		database: { db: options.db, type: options.dialect },
		telemetry: { enabled: false },
		logger: options.log ? { level: 'info', log: betterAuthLogLine(options.log) } : undefined,
		emailAndPassword: {
			enabled: true,
			disableSignUp: true,
			minPasswordLength: 12,
			maxPasswordLength: 256,
			revokeSessionsOnPasswordReset: true,
			password: options.passwordHasher
		},
		user: {
			additionalFields: {
				role: { type: 'string', required: false, defaultValue: 'reviewer', input: false },
				locale: { type: 'string', required: false, defaultValue: 'en', input: false },
				disabledAt: { type: 'string', required: false, input: false },
				timeZone: { type: 'string', required: false, input: false }
			}
		},
		// The upper bound; the app ends a staff session unused for STAFF_SESSION_IDLE_MINUTES (people/staff-session.ts).
		session: {
			expiresIn: 60 * 60 * 24 * 7,
			updateAge: 60 * 60 * 24,
			// Every request checks the database, so ending a session takes effect at once.
			cookieCache: { enabled: false }
		},
		// The app's own form actions throttle sign-in (people/sign-in-throttle.ts).
		rateLimit: { enabled: false },
		advanced: {
			useSecureCookies: options.secureCookies,
			cookiePrefix: 'arts',
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, path: '/' }
		},
		plugins: [
			twoFactor({
				issuer: options.appName,
				backupCodeOptions: { amount: 10, customBackupCodesGenerate: options.generateRecoveryCodes },
				// Staff open the two-factor step right after the password: five minutes is enough.
				twoFactorCookieMaxAge: 5 * 60
			})
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;

/** A better-auth message as a line of the app's log: its level, its text, what it added (an error as `err`). */
function betterAuthLogLine(log: Logger) {
	return (level: 'debug' | 'info' | 'warn' | 'error', message: string, ...args: unknown[]) => {
		const err = args.find((arg) => arg instanceof Error);
		const details = args.filter((arg) => arg !== err);
		log[level]({ source: 'better-auth', ...(err ? { err } : {}), ...(details.length > 0 ? { details } : {}) }, message);
	};
}
