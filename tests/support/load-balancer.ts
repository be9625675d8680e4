import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * nginx (Debian's package) in front of several app processes on loopback, as the
 * README's production set-up has it (deploy/nginx-site.conf, with its proxy
 * settings included as they are: the visitor's address in X-Forwarded-For for
 * ADDRESS_HEADER=x-forwarded-for and XFF_DEPTH=1, a failed connection or a 503
 * passed to the next process), round robin. For tests, `X-Test-Upstream: <n>` sends a request to the
 * n-th process only (still through nginx), and every answer names the process
 * that gave it in `X-Upstream`.
 */

export interface LoadBalancer {
	origin: string;
	port: number;
	/** nginx's error log so far. */
	errors(): string;
	stop(): Promise<void>;
}

/** nginx, installed from Debian's packages when missing (as `npm run bench` does; the tests run as root on these machines). */
export function nginxPath(): string {
	const found = () => ['nginx', '/usr/sbin/nginx'].find((candidate) => spawnSync('sh', ['-c', `command -v ${candidate}`]).status === 0);
	let path = found();
	if (!path) {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
		spawnSync('apt-get', ['install', '-y', '-qq', 'nginx-light'], { stdio: 'ignore', env });
		path = found();
	}
	if (!path) throw new Error('nginx is not installed and could not be: apt-get install -y nginx-light');
	return path;
}

/** deploy/nginx-proxy.conf: what nginx tells the app about each request, and when it tries the next process. */
const proxySnippet = join(import.meta.dirname, '..', '..', 'deploy', 'nginx-proxy.conf');

export async function startLoadBalancer(port: number, upstreamPorts: number[]): Promise<LoadBalancer> {
	const dir = mkdtempSync(join(tmpdir(), 'arts-balancer-'));
	chmodSync(dir, 0o755);
	const servers = (ports: number[]) => ports.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join(' ');
	const config = join(dir, 'nginx.conf');
	writeFileSync(
		config,
		`daemon off;
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
	access_log off;
	client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
	client_max_body_size 25m;
	upstream app { ${servers(upstreamPorts)} keepalive 32; keepalive_timeout 4s; }
${upstreamPorts.map((p, i) => `	upstream app_${i} { ${servers([p])} keepalive 8; keepalive_timeout 4s; }`).join('\n')}
	map $http_x_test_upstream $pool { default app; ${upstreamPorts.map((_, i) => `${i} app_${i};`).join(' ')} }
	server {
		listen 127.0.0.1:${port};
		location / {
			# The production site's proxy settings, as an operator installs them.
			include ${proxySnippet};
			proxy_pass http://$pool;
			proxy_set_header X-Test-Upstream "";
			add_header X-Upstream $upstream_addr always;
		}
	}
}
`
	);
	const nginx: ChildProcess = spawn(nginxPath(), ['-c', config, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	nginx.stderr?.on('data', (chunk) => (stderr += chunk));
	const errors = () => {
		try {
			return stderr + readFileSync(join(dir, 'error.log'), 'utf8');
		} catch {
			return stderr;
		}
	};
	for (const deadline = Date.now() + 10_000; ; ) {
		if (nginx.exitCode !== null) throw new Error(`nginx stopped: ${errors()}`);
		const up = await new Promise<boolean>((resolve) => {
			const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
				res.resume();
				resolve(true);
			});
			req.on('error', () => resolve(false));
			req.end();
		});
		if (up) break;
		if (Date.now() > deadline) throw new Error(`nginx did not start: ${errors()}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return {
		origin: `http://localhost:${port}`,
		port,
		errors,
		async stop() {
			if (nginx.exitCode === null) {
				const exited = new Promise((resolve) => nginx.once('exit', resolve));
				nginx.kill('SIGQUIT');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
