import { fail } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import QRCode from 'qrcode';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { recordAudit } from '$lib/server/people/audit';
import { forwardAuthCookies } from '$lib/server/people/cookies';
import { mustSetUpTwoFactor, requirePermission } from '$lib/server/people/guard';
import { checkPassword } from '$lib/server/people/password-policy';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'account.manage-own');
	return { mustSetUpTwoFactor: mustSetUpTwoFactor(staff) };
};

const field = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 1024);

export const actions: Actions = {
	changePassword: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const form = await request.formData();
		const current = field(form, 'current');
		const next = field(form, 'new');
		if (next !== field(form, 'confirm')) return fail(400, { action: 'password', problem: 'mismatch' });
		const problem = checkPassword(next, staff.email);
		if (problem) return fail(400, { action: 'password', problem });
		const { db, auth } = app();
		try {
			// Every other session of this person ends; this one is renewed.
			const { headers } = await auth.api.changePassword({
				body: { currentPassword: current, newPassword: next, revokeOtherSessions: true },
				headers: request.headers,
				returnHeaders: true
			});
			forwardAuthCookies(headers, cookies);
		} catch (error) {
			if (error instanceof APIError) return fail(400, { action: 'password', problem: 'current' });
			throw error;
		}
		await recordAudit(db, { action: 'password.changed', actor: staff, ip: getClientAddress() });
		return { action: 'password', done: true };
	},

	startTwoFactor: async ({ locals, url, request }) => {
		requirePermission(locals, url, 'account.manage-own');
		const password = field(await request.formData(), 'password');
		try {
			const result = await app().auth.api.enableTwoFactor({ body: { password }, headers: request.headers });
			if (result.method !== 'totp') throw new Error('unexpected two-factor method');
			const qr = await QRCode.toString(result.totpURI, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
			const secret = new URL(result.totpURI).searchParams.get('secret') ?? '';
			return { action: 'two-factor-setup', qr, secret, backupCodes: result.backupCodes };
		} catch (error) {
			if (error instanceof APIError) return fail(400, { action: 'two-factor-start', problem: 'password' });
			throw error;
		}
	},

	confirmTwoFactor: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const code = field(await request.formData(), 'code').replace(/\s+/g, '');
		const { db, auth } = app();
		try {
			const { headers } = await auth.api.verifyTOTP({ body: { code }, headers: request.headers, returnHeaders: true });
			forwardAuthCookies(headers, cookies);
		} catch (error) {
			if (error instanceof APIError) return fail(400, { action: 'two-factor-confirm', problem: 'code' });
			throw error;
		}
		await recordAudit(db, { action: 'two-factor.enabled', actor: staff, ip: getClientAddress() });
		return { action: 'two-factor-confirm', done: true };
	},

	disableTwoFactor: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		if (staff.role === 'admin') return fail(400, { action: 'two-factor-disable', problem: 'required' });
		const password = field(await request.formData(), 'password');
		const { db, auth } = app();
		try {
			const { headers } = await auth.api.disableTwoFactor({ body: { password }, headers: request.headers, returnHeaders: true });
			forwardAuthCookies(headers, cookies);
		} catch (error) {
			if (error instanceof APIError) return fail(400, { action: 'two-factor-disable', problem: 'password' });
			throw error;
		}
		await recordAudit(db, { action: 'two-factor.disabled', actor: staff, ip: getClientAddress() });
		return { action: 'two-factor-disable', done: true };
	},

	regenerateCodes: async ({ locals, url, request, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const password = field(await request.formData(), 'password');
		const { db, auth } = app();
		try {
			const result = await auth.api.generateBackupCodes({ body: { password }, headers: request.headers });
			await recordAudit(db, { action: 'recovery-codes.regenerated', actor: staff, ip: getClientAddress() });
			return { action: 'codes', backupCodes: result.backupCodes };
		} catch (error) {
			if (error instanceof APIError) return fail(400, { action: 'codes', problem: 'password' });
			throw error;
		}
	}
};
