/**
 * `npm start`: check the configuration, build the app when its sources are newer
 * than the last build, then serve it. Migrations and demo content run inside the
 * server's start-up (src/hooks.server.ts), before it accepts requests.
 */
import { configOrExit } from './command-config.ts';
import { buildIfNeeded, serverEntry } from './build-if-needed.ts';

const config = configOrExit();

if (!buildIfNeeded()) {
	console.error('The build failed; see the messages above.');
	process.exit(1);
}

// adapter-node reads these; give it the same defaults the app uses. ORIGIN stays as the operator
// left it: unset, the server entry gives adapter-node the default and the app knows it was not chosen.
process.env.PORT = String(config.port);
process.env.SHUTDOWN_TIMEOUT ??= '10';
// adapter-node refuses request bodies over 512 KB by default. Photo uploads may be
// 20 MB (mediaLimits.maxBytes), plus the form's other fields and multipart framing.
process.env.BODY_SIZE_LIMIT ??= '25M';
await import(serverEntry);
