import { buildIfNeeded } from '../../scripts/build-if-needed.ts';

/** The HTTP and browser suites run against the built app, as `npm start` serves it. */
export default function setup() {
	if (!buildIfNeeded()) throw new Error('The build failed');
}
