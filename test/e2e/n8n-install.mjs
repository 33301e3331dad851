// Installs a pinned, real n8n into a cache folder outside the repository and
// reuses it on later runs. Plain Node ESM (no TypeScript) so that it runs on
// Node 20 without a loader, from vitest, vite-node or `node` alike.
//
//   node test/e2e/n8n-install.mjs          # install (or reuse) and print the paths
//
// Cache folder: $WDT_E2E_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-wdt/n8n-<version>.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// 1.123.x is the newest line whose whole dependency tree the reachable
// registry serves; 2.x releases there miss dependencies (@n8n/agents, cssomnom).
export const N8N_VERSION = '1.123.81';

const MARKER = '.wdt-e2e-complete.json';

// The lockfile of a known-good install, so every machine gets the same
// ~1,850 transitive versions (n8n's own ranges would float to newer releases).
// Regenerate: delete it, run this script, copy <cache>/package-lock.json back here.
const LOCKFILE = fileURLToPath(new URL(`./n8n-${N8N_VERSION}.package-lock.json`, import.meta.url));

async function lockSha() {
	try {
		return createHash('sha256')
			.update(await readFile(LOCKFILE))
			.digest('hex')
			.slice(0, 16);
	} catch {
		return null; // no lockfile: resolve afresh
	}
}

/** The cache folder n8n lives in (it need not exist yet). */
export function n8nCacheDir() {
	if (process.env.WDT_E2E_CACHE) return resolve(process.env.WDT_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-wdt', `n8n-${N8N_VERSION}`);
}

/** n8n's CLI entry point inside a cache folder. Run it with `process.execPath`. */
export function n8nBinIn(cacheDir) {
	return join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/**
 * The environment for spawning npm from inside `npm run ...`: npm exports its
 * own config as npm_config_* (ignore_scripts=true and local_prefix=/work/main
 * from this repo among them), which would silently make `npm rebuild` a no-op
 * or point the install at the repository. Keep only the harmless ones.
 */
export function cleanNpmEnv(extra = {}) {
	const keep = new Set([
		'npm_config_cache',
		'npm_config_registry',
		'npm_config_cafile',
		'npm_config_userconfig',
		'npm_config_globalconfig',
	]);
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^npm_/i.test(k) && !keep.has(k.toLowerCase())) continue;
		env[k] = v;
	}
	return { ...env, ...extra };
}

/** Runs a command, resolving with its stdout; rejects with the tail of stdout+stderr on failure. */
export function run(cmd, args, { cwd, env, log, timeoutMs = 20 * 60_000 } = {}) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let stdout = '';
		const onData = (buf) => {
			out += buf;
			if (log) log(String(buf));
		};
		child.stdout.on('data', (buf) => {
			stdout += buf;
			onData(buf);
		});
		child.stderr.on('data', onData);
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolvePromise(stdout);
			else
				reject(
					new Error(
						`${cmd} ${args.join(' ')} (in ${cwd}) failed with ${signal ?? `exit ${code}`}:\n${out.slice(-4000)}`,
					),
				);
		});
	});
}

async function readMarker(cacheDir) {
	try {
		return JSON.parse(await readFile(join(cacheDir, MARKER), 'utf8'));
	} catch {
		return undefined;
	}
}

/** Deletes `<cache>.partial-<pid>` folders left by runs that died (each is ~1.8 GB). */
async function removeStalePartials(cacheDir) {
	const prefix = `${basename(cacheDir)}.partial-`;
	let names = [];
	try {
		names = await readdir(dirname(cacheDir));
	} catch {
		return;
	}
	for (const name of names) {
		if (!name.startsWith(prefix)) continue;
		const pid = Number(name.slice(prefix.length));
		let alive = false;
		try {
			process.kill(pid, 0); // signal 0: only asks whether the process exists
			alive = true;
		} catch {
			// no such process
		}
		if (!alive) await rm(join(dirname(cacheDir), name), { recursive: true, force: true });
	}
}

/**
 * Installs n8n into the cache folder unless a complete install is already there.
 * The install happens in a sibling `.partial` folder that is renamed into place
 * only after it fully worked, so an interrupted run never looks complete.
 *
 * @param {{ log?: (s: string) => void, cacheDir?: string }} [opts]
 * @returns {Promise<{ n8nBin: string, cacheDir: string, version: string, reused: boolean, seconds: number }>}
 */
export async function ensureN8n(opts = {}) {
	const cacheDir = opts.cacheDir ?? n8nCacheDir();
	const log = opts.log ?? (() => {});
	const started = Date.now();
	await removeStalePartials(cacheDir);
	const lock = await lockSha();
	const isComplete = (m) => m?.version === N8N_VERSION && (m.lock ?? null) === lock;
	if (isComplete(await readMarker(cacheDir)) && existsSync(n8nBinIn(cacheDir))) {
		return { n8nBin: n8nBinIn(cacheDir), cacheDir, version: N8N_VERSION, reused: true, seconds: 0 };
	}

	const work = `${cacheDir}.partial-${process.pid}`;
	await rm(work, { recursive: true, force: true });
	await mkdir(work, { recursive: true });
	await writeFile(
		join(work, 'package.json'),
		JSON.stringify(
			{
				name: 'wdt-e2e-n8n',
				private: true,
				description: 'Pinned n8n for the n8n-nodes-wdt end-to-end tests (generated).',
				dependencies: { n8n: N8N_VERSION },
				// xlsx's own dependency URL points at a CDN this machine cannot reach;
				// 0.18.5 is the last release published to the npm registry.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		) + '\n',
	);
	// An .npmrc of its own, so neither this repo's nor the caller's settings apply.
	await writeFile(join(work, '.npmrc'), 'audit=false\nfund=false\nupdate-notifier=false\n');
	if (lock) await copyFile(LOCKFILE, join(work, 'package-lock.json'));

	const env = cleanNpmEnv();
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	// Scripts off: several optional dependencies try to download prebuilt
	// binaries (unreachable here) or build native code n8n does not need.
	log(`[n8n-install] npm install n8n@${N8N_VERSION} in ${work}\n`);
	// `npm install`, not `npm ci`: npm ci rejects this lockfile (it lacks some
	// other platforms' optional msgpackr-extract binaries). --prefer-offline
	// takes cached metadata as is; the versions are pinned by the lockfile anyway.
	await run(
		npm,
		[
			'install',
			'--ignore-scripts',
			'--prefer-offline',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{
			cwd: work,
			env,
			log,
		},
	);
	// The one native module n8n cannot start without: build it from source
	// against Node's headers (sqlite3's prebuilt download is unreachable).
	log('[n8n-install] npm rebuild sqlite3\n');
	await run(npm, ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], {
		cwd: work,
		env,
		log,
	});
	// Prove the binding loads and the CLI starts before calling it complete.
	await run(process.execPath, ['-e', "require('sqlite3'); console.log('sqlite3 ok')"], {
		cwd: work,
		env,
		log,
	});
	const version = (
		await run(process.execPath, [n8nBinIn(work), '--version'], { cwd: work, env })
	).trim();
	if (!version.split('\n').pop().includes(N8N_VERSION)) {
		throw new Error(`n8n --version printed ${JSON.stringify(version)}, expected ${N8N_VERSION}`);
	}

	const seconds = Math.round((Date.now() - started) / 1000);
	await writeFile(
		join(work, MARKER),
		JSON.stringify({
			version: N8N_VERSION,
			lock,
			node: process.version,
			installedAt: new Date().toISOString(),
			seconds,
		}) + '\n',
	);
	await mkdir(dirname(cacheDir), { recursive: true });
	// Another process may have finished first; keep its copy (it may be in use).
	if (isComplete(await readMarker(cacheDir))) {
		await rm(work, { recursive: true, force: true });
		return { n8nBin: n8nBinIn(cacheDir), cacheDir, version: N8N_VERSION, reused: true, seconds };
	}
	await rm(cacheDir, { recursive: true, force: true }); // an old, incomplete one
	await rename(work, cacheDir);
	log(`[n8n-install] n8n ${N8N_VERSION} ready in ${seconds}s at ${cacheDir}\n`);
	return { n8nBin: n8nBinIn(cacheDir), cacheDir, version: N8N_VERSION, reused: false, seconds };
}

/**
 * The environment for running n8n: a throw-away user folder, nothing phoning
 * home, and only loopback traffic.
 *
 * @param {string} userFolder  N8N_USER_FOLDER; n8n keeps `.n8n/` (database, config) and `nodes/` in it.
 * @param {Record<string, string | undefined>} [extra]  more variables; `undefined` removes one.
 */
export function n8nEnv(userFolder, extra = {}) {
	const env = {
		...cleanNpmEnv(),
		N8N_USER_FOLDER: userFolder,
		// 1.123's default expression engine needs a task runner; the legacy one
		// evaluates in-process.
		N8N_EXPRESSION_ENGINE: 'legacy',
		// No separate task-runner process (it would need its own port and launcher).
		N8N_RUNNERS_ENABLED: 'false',
		// Nothing phones home: telemetry, version checks, templates, license renewals.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		// Plain-HTTP login on 127.0.0.1 needs a non-secure cookie.
		N8N_SECURE_COOKIE: 'false',
		// Listen on loopback only.
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: '5678',
		// A fixed key: credentials imported by one command are readable by the next.
		N8N_ENCRYPTION_KEY: 'wdt-e2e-throwaway-encryption-key',
		// The user folder is made by the tests, so its file mode is whatever umask gave.
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Loaded packages come only from <userFolder>/nodes; never reinstall from the registry.
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// Silences the sqlite-driver deprecation warning and uses the pooled (WAL) driver.
		DB_SQLITE_POOL_SIZE: '2',
		N8N_LOG_LEVEL: 'info',
		GENERIC_TIMEZONE: 'Asia/Shanghai',
		TZ: 'Asia/Shanghai',
		// Any proxy set for the registry must not catch loopback requests.
		NO_PROXY: ['127.0.0.1', 'localhost', process.env.NO_PROXY].filter(Boolean).join(','),
		no_proxy: ['127.0.0.1', 'localhost', process.env.no_proxy].filter(Boolean).join(','),
	};
	// Under vitest, NODE_ENV=test (and VITEST*) are inherited. n8n reads NODE_ENV=test as its own
	// unit-test mode (@n8n/backend-common `inTest`): an in-memory database and a silent logger,
	// so imports vanish, `n8n execute` prints nothing and `n8n start` exits.
	delete env.NODE_ENV;
	for (const k of Object.keys(env)) if (/^VITEST/.test(k) || k === 'TEST') delete env[k];
	for (const [k, v] of Object.entries(extra)) {
		if (v === undefined) delete env[k];
		else env[k] = String(v);
	}
	return env;
}

// `node test/e2e/n8n-install.mjs` installs (or reuses) and prints where.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const t0 = Date.now();
	const quiet = process.argv.includes('--quiet');
	ensureN8n({ log: quiet ? undefined : (s) => process.stderr.write(s) })
		.then((r) => {
			console.log(JSON.stringify({ ...r, wallSeconds: (Date.now() - t0) / 1000 }, null, 2));
		})
		.catch((err) => {
			console.error(err.message ?? err);
			process.exit(1);
		});
}
