import { fail } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import QRCode from 'qrcode';
import type { Cookies } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { formField, formSchema } from '$lib/server/platform/forms';
import {
	changeOwnPassword,
	confirmTwoFactor,
	disableTwoFactor,
	pendingTwoFactor,
	regenerateRecoveryCodes,
	startTwoFactor,
	type FreshRecoveryCodes
} from '$lib/server/people/account.service';
import { forwardAuthCookies } from '$lib/server/people/cookies';
import { mustSetUpTwoFactor, requirePermission } from '$lib/server/people/guard';
import { adminUrls } from '$lib/admin/urls';
import { checkPassword } from '$lib/server/people/password-policy';
import { downloadTicketMinutes, groupKey, recoveryCodesCookie } from '$lib/server/people/recovery-codes';
import type { PasswordCheckResult } from '$lib/server/people/sign-in.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'account.manage-own');
	// A set-up waiting for its first code shows the same secret again: after a wrong code, a reload or a new sign-in.
	const pending = await pendingTwoFactor(app().people, staff);
	const setup = pending && {
		qr: await QRCode.toString(pending.totpURI, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
		key: groupKey(pending.key)
	};
	return { mustSetUpTwoFactor: mustSetUpTwoFactor(staff), setup };
};

/** Lets the person download the codes just shown, for a few minutes. */
function allowDownload(cookies: Cookies, recovery: FreshRecoveryCodes) {
	cookies.set(recoveryCodesCookie, recovery.downloadTicket, {
		path: adminUrls.account,
		httpOnly: true,
		sameSite: 'strict',
		secure: app().config.secureOrigin,
		maxAge: downloadTicketMinutes * 60
	});
}

/** Every form of the page: a password change, the password that confirms a two-factor step, and the app's code. */
const accountForm = formSchema({
	current: formField.text(1024),
	new: formField.text(1024),
	confirm: formField.text(1024),
	password: formField.text(1024),
	code: formField.text(1024)
});

/** A wrong password (400), or too many of them: locked like the sign-in form (429). */
function refused(action: string, result: Extract<PasswordCheckResult<unknown>, { ok: false }>, wrongPassword: string) {
	if (result.reason === 'invalid') return fail(400, { action, problem: wrongPassword });
	const minutes = result.retryAfterMs ? Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) : undefined;
	return fail(429, { action, problem: result.reason, minutes });
}

export const actions = {
	changePassword: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const { current, new: next, confirm } = accountForm.read(await request.formData());
		if (next !== confirm) return fail(400, { action: 'password', problem: 'mismatch' });
		const problem = checkPassword(next, staff.email);
		if (problem) return fail(400, { action: 'password', problem });
		// Every other session of this person ends; this one is renewed.
		const result = await changeOwnPassword(app().people, staff, { current, next, headers: request.headers, ip: getClientAddress() });
		if (!result.ok) return refused('password', result, 'current');
		forwardAuthCookies(result.value.headers, cookies);
		return { action: 'password', done: true };
	},

	startTwoFactor: async ({ locals, url, request, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const password = accountForm.read(await request.formData()).password;
		const result = await startTwoFactor(app().people, staff, { password, headers: request.headers, ip: getClientAddress() });
		if (!result.ok) return refused('two-factor-start', result, 'password');
		if (result.value.method !== 'totp') throw new Error('unexpected two-factor method');
		// The page's load shows the new secret, as on every later visit until it is confirmed.
		return { action: 'two-factor-start', started: true };
	},

	confirmTwoFactor: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const code = accountForm.read(await request.formData()).code.replace(/\s+/g, '');
		let confirmed;
		try {
			confirmed = await confirmTwoFactor(app().people, staff, { code, headers: request.headers, ip: getClientAddress() });
		} catch (error) {
			// The set-up stays as it was: the same secret, shown again by the load.
			if (error instanceof APIError) return fail(400, { action: 'two-factor-confirm', problem: 'code' });
			throw error;
		}
		forwardAuthCookies(confirmed.headers, cookies);
		allowDownload(cookies, confirmed.recovery);
		return { action: 'two-factor-confirm', done: true, backupCodes: confirmed.recovery.codes };
	},

	disableTwoFactor: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		if (staff.role === 'admin') return fail(400, { action: 'two-factor-disable', problem: 'required' });
		const password = accountForm.read(await request.formData()).password;
		// Sessions that passed the second step elsewhere end, as after a password change: only the renewed one stays.
		const result = await disableTwoFactor(app().people, staff, { password, headers: request.headers, ip: getClientAddress() });
		if (!result.ok) return refused('two-factor-disable', result, 'password');
		forwardAuthCookies(result.value.headers, cookies);
		return { action: 'two-factor-disable', done: true };
	},

	regenerateCodes: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const password = accountForm.read(await request.formData()).password;
		const result = await regenerateRecoveryCodes(app().people, staff, { password, headers: request.headers, ip: getClientAddress() });
		if (!result.ok) return refused('codes', result, 'password');
		allowDownload(cookies, result.value);
		return { action: 'codes', backupCodes: result.value.codes };
	}
} satisfies Actions;
