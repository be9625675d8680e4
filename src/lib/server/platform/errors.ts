/** Typed domain errors; `http/domain-errors.ts` turns them into HTTP answers in one place. */
export class NotFoundError extends Error {
	constructor(what: string) {
		super(`Not found: ${what}`);
		this.name = 'NotFoundError';
	}
}

export class ValidationError extends Error {
	readonly issues: Record<string, string>;
	constructor(issues: Record<string, string>) {
		super('Invalid input');
		this.name = 'ValidationError';
		this.issues = issues;
	}
}

export class ForbiddenError extends Error {
	constructor(message = 'Forbidden') {
		super(message);
		this.name = 'ForbiddenError';
	}
}

