import type { Role } from '$lib/people/roles';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in staff member on /admin routes; null when nobody is signed in. */
			staff: {
				id: string;
				name: string;
				email: string;
				role: Role;
				locale: string;
				twoFactorEnabled: boolean;
				sessionToken: string;
			} | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
