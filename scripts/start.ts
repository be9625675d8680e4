/**
 * `npm start`: check the configuration, build the app when its sources are newer
 * than the last build, then serve it. Migrations and demo content run inside the
 * server's start-up (src/hooks.server.ts), before it accepts requests.
 */
import { configOrExit } from './command-config.ts';
import { buildIfNeeded, serverEntry } from './build-if-needed.ts';

const config = configOrExit();

/*
 * `npm start` runs this through `sh -c` (package.json), and a SIGTERM sent to npm
 * reaches npm and the shell, which end without passing it on: the server would go
 * on holding the port with nobody to stop it. So when the process that started
 * this one goes away, this one stops too, as it does on SIGTERM (scripts/serve.ts):
 * requests in flight finish, the database closes. Under systemd the parent is
 * systemd itself and never changes.
 */
const parent = process.ppid;
const orphaned = () => process.ppid !== parent;

if (!buildIfNeeded()) {
	console.error('The build failed; see the messages above.');
	process.exit(1);
}
// Stopped while building: nobody is waiting for this server.
if (orphaned()) process.exit(0);

// adapter-node reads these; give it the same defaults the app uses. ORIGIN stays as the operator
// left it: unset, the server entry gives adapter-node the default and the app knows it was not chosen.
process.env.PORT = String(config.port);
process.env.SHUTDOWN_TIMEOUT ??= '10';
// adapter-node refuses request bodies over 512 KB by default. Photo uploads may be
// 20 MB (mediaLimits.maxBytes), plus the form's other fields and multipart framing.
process.env.BODY_SIZE_LIMIT ??= '25M';
await import(serverEntry);

const parentWatch = setInterval(() => {
	if (!orphaned()) return;
	clearInterval(parentWatch);
	process.kill(process.pid, 'SIGTERM');
}, 250);
parentWatch.unref();
