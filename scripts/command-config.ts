import { ConfigError, loadConfig, type Config } from '../src/lib/server/platform/config.ts';

/**
 * The configuration `npm start` reads, for the commands (`npm start`, backup,
 * restore, storage): a bad setting is said in words a person reads, without a
 * stack, and ends the command with `exitCode`.
 */
export function configOrExit(exitCode = 1): Config {
	try {
		return loadConfig(process.env);
	} catch (error) {
		if (error instanceof ConfigError) {
			console.error(error.message);
			process.exit(exitCode);
		}
		throw error;
	}
}
