/**
 * The files in deploy/ are what an operator installs: nginx must accept the
 * site as written (with a certificate made here in place of certbot's), and
 * systemd must accept the units and find them hardened. Both tools run for
 * real: nginx and openssl from Debian's packages (.ci/run installs them, as the
 * benchmark does), systemd-analyze from systemd.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const deploy = (name: string) => readFileSync(join(root, 'deploy', name), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'arts-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Directive lines of an nginx file, comments dropped. */
const directives = (text: string) =>
	text
		.split('\n')
		.map((line) => line.replace(/#.*/, '').trim())
		.filter(Boolean);

describe('deploy/nginx-site.conf', () => {
	const site = deploy('nginx-site.conf');
	const proxy = deploy('nginx-proxy.conf');

	it('passes nginx -t, with a self-signed certificate where certbot puts its own', () => {
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=example.org', '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')], { stdio: 'ignore' });
		writeFileSync(join(work, 'arts-proxy.conf'), proxy);
		writeFileSync(
			join(work, 'site.conf'),
			site
				.replaceAll('/etc/nginx/snippets/arts-proxy.conf', join(work, 'arts-proxy.conf'))
				.replaceAll('/etc/letsencrypt/live/example.org/fullchain.pem', join(work, 'cert.pem'))
				.replaceAll('/etc/letsencrypt/live/example.org/privkey.pem', join(work, 'key.pem'))
		);
		const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${join(work, kind)};`).join(' ');
		writeFileSync(
			join(work, 'nginx.conf'),
			`pid ${join(work, 'nginx.pid')};\nerror_log ${join(work, 'error.log')};\nevents {}\nhttp {\n${temp}\ninclude ${join(work, 'site.conf')};\n}\n`
		);
		const result = spawnSync('nginx', ['-t', '-c', join(work, 'nginx.conf'), '-p', work, '-e', join(work, 'error.log')], { encoding: 'utf8' });
		expect(result.stderr).toMatch(/test is successful/);
		expect(result.stderr).not.toMatch(/\[warn\]|\[emerg\]/);
		expect(result.status).toBe(0);
	});

	it('serves HTTPS with HTTP/2 and sends plain HTTP there, keeping certbot’s path open', () => {
		const lines = directives(site);
		expect(lines).toContain('listen 443 ssl http2;');
		expect(lines).toContain('return 301 https://$host$request_uri;');
		expect(lines).toContain('location /.well-known/acme-challenge/ {');
	});

	it('takes uploads as large as the app does (BODY_SIZE_LIMIT=25M)', () => {
		expect(directives(site)).toContain('client_max_body_size 25m;');
		expect(deploy('arts.service')).toMatch(/BODY_SIZE_LIMIT=25M/);
	});

	it('tells the app the visitor’s address in the one place ADDRESS_HEADER=X-Forwarded-For, XFF_DEPTH=1 reads it', () => {
		const lines = directives(proxy);
		// Overwritten, not appended to: a visitor's own X-Forwarded-For counts for nothing.
		expect(lines).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
		expect(lines).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
		expect(lines).toContain('proxy_set_header Host $host;');
		expect(lines).toContain('proxy_set_header X-Request-Id $request_id;');
		// Every location that passes to the app sets them.
		const passes = directives(site).filter((line) => line.startsWith('proxy_pass '));
		const includes = directives(site).filter((line) => line === 'include /etc/nginx/snippets/arts-proxy.conf;');
		expect(passes.length).toBeGreaterThan(0);
		expect(includes).toHaveLength(passes.length);
	});

	it('balances over several processes, resting one that fails, and keeps /metrics for direct scrapes', () => {
		const upstream = /upstream arts_app \{([^}]*)\}/.exec(site)?.[1] ?? '';
		const servers = directives(upstream).filter((line) => line.startsWith('server '));
		expect(servers.length).toBeGreaterThanOrEqual(2);
		for (const server of servers) expect(server).toMatch(/max_fails=\d+ fail_timeout=\d+s;$/);
		expect(directives(proxy)).toContain('proxy_next_upstream error timeout http_502 http_503 http_504;');
		expect(site).toMatch(/location = \/metrics \{\s*return 404;/);
	});

	it('lets every cache keep hashed assets for a year', () => {
		expect(site).toMatch(/location \/_app\/immutable\/ \{[^}]*add_header Cache-Control "public, max-age=31536000, immutable" always;/);
	});
});

describe.each(['arts.service', 'arts@.service'])('deploy/%s', (name) => {
	const unit = deploy(name);
	const settings = new Map<string, string[]>();
	for (const line of unit.split('\n')) {
		const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
		if (match) settings.set(match[1]!, [...(settings.get(match[1]!) ?? []), match[2]!]);
	}
	const value = (key: string) => settings.get(key)?.at(-1);

	it('runs as its own user, hardened', () => {
		expect(value('User')).toBe('arts');
		expect(value('NoNewPrivileges')).toBe('yes');
		expect(value('ProtectSystem')).toBe('strict');
		expect(value('ReadWritePaths')).toBe('/var/lib/arts');
		expect(value('ProtectHome')).toBe('yes');
		expect(value('PrivateTmp')).toBe('yes');
		expect(value('CapabilityBoundingSet')).toBe('');
		expect(value('RestrictAddressFamilies')).toBe('AF_INET AF_INET6 AF_UNIX');
		// V8 writes the code it compiles: this one would stop the app at its start.
		expect(settings.has('MemoryDenyWriteExecute')).toBe(false);
	});

	it('gives the server longer to drain than SHUTDOWN_TIMEOUT before systemd kills it, and restarts it when it fails', () => {
		const shutdown = Number(/SHUTDOWN_TIMEOUT=(\d+)/.exec(unit)?.[1]);
		expect(Number(value('TimeoutStopSec'))).toBeGreaterThan(shutdown);
		expect(value('KillSignal')).toBe('SIGTERM');
		expect(value('Restart')).toBe('on-failure');
		expect(value('EnvironmentFile')).toBe('/etc/arts/arts.env');
	});

	it('passes systemd-analyze verify, and its security review rates it well exposed at most 2 of 10', () => {
		// Where the unit expects the app and its settings, this checkout and an empty file.
		const envFile = join(work, 'arts.env');
		writeFileSync(envFile, '');
		const installed = unit.replaceAll('/srv/arts', root).replaceAll('/etc/arts/arts.env', envFile);
		const file = join(work, name.replace('@.', '@3001.'));
		writeFileSync(file, installed);
		expect(existsSync(join(root, 'node_modules', '.bin', 'node'))).toBe(true);
		const verify = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
		expect(verify.stderr).toBe('');
		expect(verify.status).toBe(0);
		const security = spawnSync('systemd-analyze', ['security', '--offline=true', file], { encoding: 'utf8' });
		const exposure = Number(/Overall exposure level for \S+: ([\d.]+)/.exec(security.stdout + security.stderr)?.[1]);
		expect(exposure, security.stdout).toBeLessThanOrEqual(2);
		expect(security.stderr).not.toMatch(/Unknown key/);
	});
});
