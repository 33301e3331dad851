// Helpers that drive a real n8n (installed by ./n8n-install.mjs) for the
// end-to-end tests: community-package install, CLI import/execute, and a
// background `n8n start` driven through its REST API. Plain Node ESM.
//
// Everything talks to 127.0.0.1 only.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

import {
	cleanNpmEnv,
	ensureN8n,
	n8nEnv,
	N8N_VERSION,
	N8N_VERSIONS,
	resolveN8nVersion,
	run,
} from './n8n-install.mjs';

export { ensureN8n, n8nEnv, N8N_VERSION, N8N_VERSIONS, resolveN8nVersion };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------
// Instance: one throw-away user folder + the env to run n8n against it.
// ---------------------------------------------------------------------------

/**
 * Installs/reuses one n8n version (default N8N_VERSION) and makes a fresh user folder.
 *
 * @param {{ version?: string, userFolder?: string, env?: Record<string,string|undefined>, log?: (s:string)=>void }} [opts]
 * @returns {Promise<{ version: string, n8nBin: string, nodeBin: string, expressionEngine: 'vm'|'legacy', cacheDir: string, userFolder: string, env: Record<string,string> }>}
 */
export async function prepareN8n(opts = {}) {
	const { version, n8nBin, nodeBin, expressionEngine, cacheDir } = await ensureN8n({
		version: opts.version,
		log: opts.log,
	});
	const userFolder = opts.userFolder ?? (await mkdtemp(join(tmpdir(), `wdt-e2e-n8n-${version}-`)));
	await mkdir(userFolder, { recursive: true });
	const env = n8nEnv(userFolder, opts.env, { version, nodeBin, expressionEngine });
	return { version, n8nBin, nodeBin, expressionEngine, cacheDir, userFolder, env };
}

/**
 * Where n8n keeps community packages: `<N8N_USER_FOLDER>/.n8n/nodes` (n8n puts
 * its own `.n8n` folder inside the user folder; `nodes/` directly in the user
 * folder is NOT scanned).
 */
export function nodesDir(userFolder) {
	return join(userFolder, '.n8n', 'nodes');
}

// ---------------------------------------------------------------------------
// Community package: pack + install the way n8n 1.123 does it.
// ---------------------------------------------------------------------------

/** `npm pack` a package folder; returns the absolute tarball path. */
export async function packPackage(pkgDir, destDir) {
	await mkdir(destDir, { recursive: true });
	const out = await run('npm', ['pack', '--json', '--pack-destination', destDir], {
		cwd: pkgDir,
		// No prepack/prepare scripts: the caller builds dist/ first.
		env: cleanNpmEnv({ npm_config_ignore_scripts: 'true' }),
	});
	// stdout holds only the JSON array (notices go to stderr).
	const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
	return join(destDir, basename(filename));
}

/**
 * Installs a package tarball into `<userFolder>/.n8n/nodes` exactly like n8n's
 * CommunityPackagesService.downloadPackage (1.123): untar into
 * nodes/node_modules/<name>, strip dev/peer/optional dependencies from its
 * package.json, `npm install` its own dependencies inside it with scripts off,
 * and record it in nodes/package.json. n8n then loads every
 * nodes/node_modules/n8n-nodes-* at start-up, as `<package>.<node name>`.
 * (The installed_packages DB table is only for the UI's list; loading does not need it.)
 *
 * @returns {Promise<{ name: string, version: string, dir: string }>}
 */
export async function installCommunityPackage(userFolder, tarball) {
	const root = nodesDir(userFolder);
	await mkdir(join(root, 'node_modules'), { recursive: true });
	const rootPkg = join(root, 'package.json');
	if (!existsSync(rootPkg)) {
		await writeFile(
			rootPkg,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}

	// Read the name from the tarball itself, not from the file name.
	const stage = await mkdtemp(join(tmpdir(), 'wdt-e2e-pkg-'));
	await run('tar', ['-xzf', resolve(tarball), '-C', stage, '--strip-components=1'], { cwd: stage });
	const manifest = JSON.parse(await readFile(join(stage, 'package.json'), 'utf8'));
	const { name, version } = manifest;
	if (!/^(@[^/]+\/)?n8n-nodes-/.test(name)) {
		throw new Error(`${name}: n8n only loads packages named n8n-nodes-* or @scope/n8n-nodes-*`);
	}
	await rm(stage, { recursive: true, force: true });

	const dir = join(root, 'node_modules', name);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	await run('tar', ['-xzf', resolve(tarball), '-C', dir, '--strip-components=1'], { cwd: root });
	// n8n-workflow must come from n8n itself (NODE_PATH), never a second copy.
	const { devDependencies, peerDependencies, optionalDependencies, ...kept } = manifest;
	await writeFile(join(dir, 'package.json'), JSON.stringify(kept, null, 2));
	await run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: dir, env: cleanNpmEnv() },
	);
	const rootJson = JSON.parse(await readFile(rootPkg, 'utf8'));
	rootJson.dependencies = { ...rootJson.dependencies, [name]: version };
	await writeFile(rootPkg, JSON.stringify(rootJson, null, 2));
	return { name, version, dir };
}

// ---------------------------------------------------------------------------
// CLI: import and execute.
// ---------------------------------------------------------------------------

/**
 * Runs `n8n <args>` against the instance and resolves with what it printed;
 * never rejects on a non-zero exit (the caller decides).
 *
 * @returns {Promise<{ code: number|null, signal: string|null, stdout: string, stderr: string }>}
 */
export async function n8nCli(inst, args, { env, timeoutMs = 5 * 60_000 } = {}) {
	// stdout and stderr go to files, not pipes: n8n ends with process.exit(), which cuts off
	// output still queued for a pipe (seen on a busy machine: `execute` lost the end of its
	// IRun). Writes to a file are synchronous, so nothing is lost.
	const dir = await mkdtemp(join(tmpdir(), 'wdt-e2e-cli-'));
	const brokerPort = await freePort();
	const outFile = join(dir, 'stdout');
	const errFile = join(dir, 'stderr');
	const [out, err] = await Promise.all([open(outFile, 'w'), open(errFile, 'w')]);
	try {
		const { code, signal } = await new Promise((resolvePromise, reject) => {
			const child = spawn(inst.nodeBin, [inst.n8nBin, ...args], {
				cwd: inst.userFolder,
				env: { ...inst.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env },
				stdio: ['ignore', out.fd, err.fd],
			});
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
			child.on('close', (exitCode, exitSignal) => {
				clearTimeout(timer);
				resolvePromise({ code: exitCode, signal: exitSignal });
			});
		});
		const [stdout, stderr] = await Promise.all([
			readFile(outFile, 'utf8'),
			readFile(errFile, 'utf8'),
		]);
		return { code, signal, stdout, stderr };
	} finally {
		await Promise.allSettled([out.close(), err.close()]);
		await rm(dir, { recursive: true, force: true });
	}
}

function describeFailure(what, r) {
	return `${what} failed (exit ${r.code ?? r.signal}):\n--- stdout ---\n${r.stdout.slice(-6000)}\n--- stderr ---\n${r.stderr.slice(-6000)}`;
}

/** Writes `data` (array or object) to a JSON file in the user folder unless it is already a path. */
async function asInputFile(inst, data, prefix) {
	if (typeof data === 'string') return resolve(data);
	const dir = join(inst.userFolder, 'import');
	await mkdir(dir, { recursive: true });
	const file = join(dir, `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.json`);
	await writeFile(file, JSON.stringify(data, null, 2));
	return file;
}

/**
 * `n8n import:credentials --input file.json`. Give plain (unencrypted) `data`:
 * n8n encrypts an object `data` with N8N_ENCRYPTION_KEY on import (a string is
 * taken as already encrypted). Each credential needs `id`, `name`, `type`,
 * `data`. The file must hold an array; one object is wrapped here. Importing
 * the same `id` again overwrites it.
 */
export async function importCredentials(inst, credentialsOrFile) {
	const data =
		typeof credentialsOrFile === 'string' || Array.isArray(credentialsOrFile)
			? credentialsOrFile
			: [credentialsOrFile];
	const input = await asInputFile(inst, data, 'credentials');
	const r = await n8nCli(inst, ['import:credentials', `--input=${input}`]);
	if (r.code !== 0) throw new Error(describeFailure('n8n import:credentials', r));
	return r;
}

/**
 * `n8n import:workflow --input file.json`: one workflow or an array of them
 * (one CLI call boots n8n once, ~5 s, so import several together). Give each
 * an `id` (16 characters at most: `n8n execute` ignores longer ids) so it can
 * be executed by id; the same `id` again overwrites. Imported workflows are
 * always inactive (`--activeState=fromJson` is refused outside queue mode);
 * activate through REST.
 */
export async function importWorkflow(inst, workflowOrFile) {
	const input = await asInputFile(inst, workflowOrFile, 'workflow');
	const r = await n8nCli(inst, ['import:workflow', `--input=${input}`]);
	if (r.code !== 0) throw new Error(describeFailure('n8n import:workflow', r));
	return r;
}

// ANSI colour codes: n8n colours its console log lines.
const ANSI = /\x1b\[[0-9;]*m/g;
// With N8N_LOG_LEVEL=debug every console line gets a header ("07:20:46.811   info    ")
// and a metadata suffix (` { "file": "base-command.js", ... }`), the JSON included.
const JSON_START = /^(?:\d{2}:\d{2}:\d{2}\.\d{3}\s+\w+\s+)?\{$/;
const JSON_END = /^\}(?:\s+\{.*\})?$/;

/**
 * Finds the run result (n8n's IRun) that `n8n execute --rawOutput` prints with
 * JSON.stringify(data, null, 2): a line that is `{` up to a line that is `}`
 * (nested lines are indented, and JSON strings never hold a raw newline).
 * Log lines before or after it, colours, and debug-level line headers are
 * skipped. On a failed run n8n logs the same IRun after "Execution error:".
 * Returns undefined if there is none.
 */
export function parseExecuteOutput(output) {
	const lines = output.replace(ANSI, '').split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		if (!JSON_START.test(lines[i])) continue;
		for (let j = i + 1; j < lines.length; j++) {
			if (!/^\S/.test(lines[j])) continue; // still inside the object
			if (JSON_END.test(lines[j])) {
				try {
					const value = JSON.parse(['{', ...lines.slice(i + 1, j), '}'].join('\n'));
					if (value && typeof value === 'object' && value.data?.resultData) return value;
				} catch {
					// not this one; keep looking
				}
			}
			break;
		}
	}
	return undefined;
}

/**
 * `n8n execute --id <id> --rawOutput`. The workflow must start with a Manual
 * Trigger (or an Execute Workflow Trigger).
 *
 * @returns {Promise<{ ok: boolean, run?: object, runData?: object, error?: object, lastNodeExecuted?: string, code: number|null, stdout: string, stderr: string }>}
 *   `run` is n8n's IRun; `runData[nodeName][0].data.main[0]` holds a node's output items.
 */
export async function executeWorkflow(inst, id, opts = {}) {
	// The IRun is printed through n8n's logger at level info: with
	// N8N_LOG_LEVEL=warn/error/silent, or N8N_LOG_OUTPUT=file, it is not printed at all.
	const env = { ...opts.env, N8N_LOG_OUTPUT: 'console' };
	const level = env.N8N_LOG_LEVEL ?? inst.env.N8N_LOG_LEVEL;
	if (level !== 'debug') env.N8N_LOG_LEVEL = 'info';
	const r = await n8nCli(inst, ['execute', `--id=${id}`, '--rawOutput'], { ...opts, env });
	// On success the IRun is on stdout; on failure n8n logs it (also as `{ ... }`).
	const run = parseExecuteOutput(r.stdout) ?? parseExecuteOutput(r.stderr);
	const error = run?.data?.resultData?.error;
	return {
		// n8n 2.39's `execute` was seen ending by a signal after printing a complete, successful
		// run (exit null). The printed IRun is what n8n recorded, so a whole, error-free run counts;
		// a non-zero exit code does not.
		ok: (r.code === 0 || (r.code === null && r.signal !== null)) && !!run && !error,
		run,
		runData: run?.data?.resultData?.runData,
		lastNodeExecuted: run?.data?.resultData?.lastNodeExecuted,
		error,
		...r,
	};
}

/** The output items (json only) of a node in an IRun's runData. */
export function nodeOutput(runData, nodeName, { runIndex = 0, output = 0 } = {}) {
	const task = runData?.[nodeName]?.[runIndex];
	if (!task)
		throw new Error(
			`node "${nodeName}" did not run (ran: ${Object.keys(runData ?? {}).join(', ')})`,
		);
	if (task.error) throw new Error(`node "${nodeName}" failed: ${task.error.message}`);
	return (task.data?.main?.[output] ?? []).map((item) => item.json);
}

// ---------------------------------------------------------------------------
// Server: `n8n start` in the background, driven over REST.
// ---------------------------------------------------------------------------

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolvePromise, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolvePromise(port));
		});
	});
}

/**
 * Starts `n8n start` on a free loopback port and waits until its REST API
 * answers. Output goes to `<userFolder>/n8n-start.log`.
 *
 * @returns {Promise<{ baseUrl: string, port: number, pid: number, logFile: string, log: () => Promise<string>, stop: () => Promise<void>, child: import('node:child_process').ChildProcess }>}
 */
export async function startN8n(inst, { port, env, timeoutMs = 300_000 } = {}) {
	port ??= await freePort();
	const logFile = join(inst.userFolder, 'n8n-start.log');
	const logStream = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(inst.nodeBin, [inst.n8nBin, 'start'], {
		cwd: inst.userFolder,
		// n8n 2.x opens its task broker (default port 5679) even with runners off; a port of
		// its own lets several n8n processes (a CLI run beside `n8n start`, two test runs) coexist.
		env: {
			...inst.env,
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(logStream);
	child.stderr.pipe(logStream);
	let exited = null;
	const exitPromise = new Promise((r) =>
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			r(exited);
		}),
	);

	const baseUrl = `http://127.0.0.1:${port}`;
	const server = {
		baseUrl,
		port,
		pid: child.pid,
		child,
		logFile,
		log: () => readFile(logFile, 'utf8').catch(() => ''),
		stop: () => stopN8n(server),
		exited: () => exited,
		_exitPromise: exitPromise,
	};

	// /healthz answers as soon as Express listens; /healthz/readiness once the
	// DB is migrated; /rest/settings only once the REST controllers are mounted.
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited) {
			throw new Error(
				`n8n start exited early (${exited.code ?? exited.signal}):\n${(await server.log()).slice(-6000)}`,
			);
		}
		if (Date.now() > deadline) {
			await stopN8n(server);
			throw new Error(
				`n8n start did not become ready in ${timeoutMs} ms:\n${(await server.log()).slice(-6000)}`,
			);
		}
		try {
			const ready = await fetch(`${baseUrl}/healthz/readiness`);
			if (ready.ok) {
				const settings = await fetch(`${baseUrl}/rest/settings`);
				if (settings.ok) return server;
			}
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
}

/**
 * Stops the n8n started by startN8n: SIGTERM (n8n shuts down gracefully,
 * finishing running executions), then SIGKILL after `graceMs`.
 */
export async function stopN8n(server, { graceMs = 30_000 } = {}) {
	if (server.exited()) return;
	server.child.kill('SIGTERM');
	const timer = sleep(graceMs).then(() => 'timeout');
	if ((await Promise.race([server._exitPromise, timer])) === 'timeout') {
		server.child.kill('SIGKILL');
		await server._exitPromise;
	}
}

/**
 * fetch, with one retry of a GET whose kept-alive connection the server had just closed
 * ("other side closed": n8n's HTTP server drops idle sockets after 5 s, and on a busy machine
 * the client can pick one up at that moment). Anything else, and every non-GET, fails as is.
 */
async function fetchOnce(method, url, init) {
	try {
		return await fetch(url, init);
	} catch (error) {
		if (method !== 'GET' || error?.cause?.code !== 'UND_ERR_SOCKET') throw error;
		return await fetch(url, init);
	}
}

/**
 * A tiny REST client holding the `n8n-auth` cookie. n8n's REST responses wrap
 * their payload as `{ data: ... }`; `request` unwraps it.
 */
export class N8nRest {
	constructor(baseUrl, cookie = '') {
		this.baseUrl = baseUrl;
		this.cookie = cookie;
	}

	async request(method, path, body) {
		const res = await fetchOnce(method, `${this.baseUrl}${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		for (const c of res.headers.getSetCookie?.() ?? []) {
			const m = /^n8n-auth=([^;]*)/.exec(c);
			if (m) this.cookie = `n8n-auth=${m[1]}`;
		}
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (!res.ok) {
			const err = new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 2000)}`);
			err.status = res.status;
			err.body = json ?? text;
			throw err;
		}
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	get(path) {
		return this.request('GET', path);
	}
	post(path, body = {}) {
		return this.request('POST', path, body);
	}
	patch(path, body = {}) {
		return this.request('PATCH', path, body);
	}

	/**
	 * POST /rest/owner/setup (only on a fresh instance). Also logs in: the
	 * response sets the n8n-auth cookie. The password needs 8+ characters, a
	 * digit and an upper-case letter.
	 */
	setupOwner({ email, firstName, lastName, password }) {
		return this.post('/rest/owner/setup', { email, firstName, lastName, password });
	}

	/** POST /rest/login. 1.123 takes `emailOrLdapLoginId`, not `email`. */
	login({ email, password }) {
		return this.post('/rest/login', { emailOrLdapLoginId: email, password });
	}

	/**
	 * n8n's own credential test (what the editor's credential modal runs):
	 * POST /rest/credentials/test with `{ credentials: { id, name, type, data } }`.
	 * - `id` is required and must be a stored credential the user can read
	 *   (403 otherwise); `type` must be a loaded credential type.
	 * - `data` is what gets tested; it may differ from the stored data (e.g. a
	 *   wrong secret). Without `data` the test fails ("... does not have any
	 *   credentials of type ... set"). Values equal to n8n's redaction
	 *   placeholder (as returned by getCredential(id, true)) are restored from
	 *   the stored credential.
	 *
	 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}  (HTTP 200 either way)
	 */
	testCredential({ id, name = '', type, data }) {
		return this.post('/rest/credentials/test', { credentials: { id, name, type, data } });
	}

	/** GET /rest/credentials/:id?includeData=true (secrets come back redacted). */
	getCredential(id, includeData = false) {
		return this.get(
			`/rest/credentials/${encodeURIComponent(id)}${includeData ? '?includeData=true' : ''}`,
		);
	}

	getWorkflow(id) {
		return this.get(`/rest/workflows/${encodeURIComponent(id)}`);
	}

	/**
	 * Activates a workflow: POST /rest/workflows/:id/activate with the current
	 * `versionId` (required in 1.123). Rejects with n8n's message when the
	 * trigger fails to start (e.g. a poll that throws on the first test run).
	 */
	async activateWorkflow(id) {
		const { versionId } = await this.getWorkflow(id);
		return this.post(`/rest/workflows/${encodeURIComponent(id)}/activate`, { versionId });
	}

	deactivateWorkflow(id) {
		return this.post(`/rest/workflows/${encodeURIComponent(id)}/deactivate`, {});
	}

	/**
	 * GET /rest/executions, newest first, optionally for one workflow.
	 * @returns {Promise<{ count: number, estimated: boolean, results: Array<{ id: string, workflowId: string, mode: string, status: string, startedAt: string, stoppedAt: string }> }>}
	 */
	listExecutions({ workflowId, status, limit = 100 } = {}) {
		const filter = {};
		if (workflowId) filter.workflowId = workflowId;
		if (status) filter.status = Array.isArray(status) ? status : [status];
		const q = new URLSearchParams({ filter: JSON.stringify(filter), limit: String(limit) });
		return this.get(`/rest/executions?${q}`);
	}

	/** A GET outside /rest that still needs the session cookie (e.g. /types/*.json, /icons/*). */
	async raw(path) {
		return await fetchOnce('GET', `${this.baseUrl}/${path.replace(/^\//, '')}`, {
			headers: this.cookie ? { cookie: this.cookie } : {},
		});
	}

	/**
	 * The node types n8n has loaded, from the editor's /types/nodes.json
	 * (needs the login cookie once an owner exists). Community types appear
	 * as `<package>.<node>`, e.g. `n8n-nodes-wdt.wdt`.
	 * @returns {Promise<Array<{ name: string, displayName: string, version: number|number[], icon?: unknown, iconUrl?: string | { light: string, dark: string }, credentials?: object[] }>>}
	 */
	async nodeTypes() {
		const res = await this.raw('/types/nodes.json');
		if (!res.ok) throw new Error(`/types/nodes.json → ${res.status}`);
		return await res.json();
	}

	/** The credential types n8n has loaded, from /types/credentials.json. */
	async credentialTypes() {
		const res = await this.raw('/types/credentials.json');
		if (!res.ok) throw new Error(`/types/credentials.json → ${res.status}`);
		return await res.json();
	}

	/**
	 * Fetches each icon URL of a node type (light and dark) as the editor
	 * does; rejects if one does not resolve to an image.
	 * @returns {Promise<Array<{ url: string, status: number, contentType: string|null, bytes: number }>>}
	 */
	async fetchNodeIcons(nodeType) {
		const urls =
			typeof nodeType.iconUrl === 'string'
				? [nodeType.iconUrl]
				: Object.values(nodeType.iconUrl ?? {});
		if (!urls.length)
			throw new Error(`${nodeType.name} has no iconUrl (icon: ${JSON.stringify(nodeType.icon)})`);
		const out = [];
		for (const url of urls) {
			const res = await this.raw(url);
			const bytes = (await res.arrayBuffer()).byteLength;
			const contentType = res.headers.get('content-type');
			if (!res.ok || !/^image\//.test(contentType ?? '') || !bytes) {
				throw new Error(
					`${nodeType.name} icon ${url} → ${res.status} ${contentType} (${bytes} bytes)`,
				);
			}
			out.push({ url, status: res.status, contentType, bytes });
		}
		return out;
	}

	/** GET /rest/executions/:id — `data` is n8n's flatted (circular-safe) string of the IRun's data. */
	getExecution(id) {
		return this.get(`/rest/executions/${encodeURIComponent(id)}`);
	}
}

/** Default owner for throw-away instances. */
export const DEFAULT_OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Owner-Pass1',
});

/**
 * A REST client logged in as the owner: sets the owner up on a fresh instance
 * (GET /rest/settings says `userManagement.showSetupOnFirstLoad: true`; the
 * setup response already sets the cookie), otherwise logs in.
 */
export async function ownerClient(server, owner = DEFAULT_OWNER) {
	const rest = new N8nRest(server.baseUrl);
	const settings = await rest.get('/rest/settings');
	if (settings?.userManagement?.showSetupOnFirstLoad) await rest.setupOwner(owner);
	if (!rest.cookie) await rest.login(owner);
	return rest;
}

/** Polls `fn` until it returns a truthy value or the time is up. */
export async function waitFor(
	fn,
	{ timeoutMs = 60_000, intervalMs = 500, what = 'condition' } = {},
) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(intervalMs);
	}
}
