// Installs pinned, real n8n versions into a cache folder outside the repository
// and reuses them on later runs. Plain Node ESM (no TypeScript) so that it runs
// on Node 20 without a loader, from vitest, vite-node or `node` alike.
//
//   node test/e2e/n8n-install.mjs [--n8n 1|2|<version>|all] [--quiet]
//
// Cache root: $WDT_E2E_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-wdt. It holds
// n8n-<version>/ for each n8n and node-<version>/ for a Node that an n8n needs and this
// machine lacks (n8n 2.x needs Node >= 24).

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The n8n versions the end-to-end test runs, each with the Node it runs on.
 * - 1.123.x runs on this machine's Node (20). Its default expression engine needs a task
 *   runner, so it uses the in-process `legacy` engine.
 * - 2.x needs Node >= 24: the registry's `node-<platform>-<arch>` package ships a complete
 *   Node (bin/node and include/node headers). 2.40 and 2.41 miss dependencies on this
 *   registry (@n8n/agents, @n8n/ai-node-sdk, cssomnom); 2.39.10 is the newest that installs.
 *   Its default expression engine (`vm`, on isolated-vm's linux-x64 prebuild) is used when
 *   isolated-vm loads under that Node, else `legacy` (recorded in the cache marker).
 */
export const N8N_RELEASES = Object.freeze({
	'1.123.81': { node: null },
	'2.39.10': { node: '24.22.3' },
});
export const N8N_VERSIONS = Object.freeze(Object.keys(N8N_RELEASES));
/** The default n8n (the one `npm start` uses without --n8n). */
export const N8N_VERSION = '1.123.81';

/** Resolves `1`, `2`, `1.123.81` or `2.39.10` to a version in N8N_RELEASES. */
export function resolveN8nVersion(choice = N8N_VERSION) {
	const wanted = String(choice).replace(/^v/, '');
	const found = N8N_VERSIONS.find((v) => v === wanted || v.split('.')[0] === wanted);
	if (!found) {
		throw new Error(
			`n8n ${JSON.stringify(choice)} is not one of the tested versions (${N8N_VERSIONS.join(', ')}); give 1, 2 or one of those.`,
		);
	}
	return found;
}

const MARKER = '.wdt-e2e-complete.json';

// The lockfile of a known-good install, so every machine gets the same ~1,850–2,400
// transitive versions (n8n's own ranges would float to newer releases).
// Regenerate: delete it, run this script, copy <cache>/n8n-<version>/package-lock.json back here.
const lockfileOf = (version) =>
	fileURLToPath(new URL(`./n8n-${version}.package-lock.json`, import.meta.url));

async function fileSha(file) {
	try {
		return createHash('sha256')
			.update(await readFile(file))
			.digest('hex')
			.slice(0, 16);
	} catch {
		return null;
	}
}

/** The cache root (it need not exist yet). */
export function n8nCacheRoot() {
	if (process.env.WDT_E2E_CACHE) return resolve(process.env.WDT_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-wdt');
}

/** The cache folder of one n8n version (it need not exist yet). */
export function n8nCacheDir(version = N8N_VERSION) {
	return join(n8nCacheRoot(), `n8n-${version}`);
}

/** n8n's CLI entry point inside a cache folder. Run it with the version's Node. */
export function n8nBinIn(cacheDir) {
	return join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/**
 * The environment for spawning npm from inside `npm run ...`: npm exports its
 * own config as npm_config_* (ignore_scripts=true and local_prefix=<repo>
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

async function readMarker(dir) {
	try {
		return JSON.parse(await readFile(join(dir, MARKER), 'utf8'));
	} catch {
		return undefined;
	}
}

/** Deletes `<dir>.partial-<pid>` folders left by runs that died (an n8n one is ~1.8 GB). */
async function removeStalePartials(dir) {
	const prefix = `${basename(dir)}.partial-`;
	let names = [];
	try {
		names = await readdir(dirname(dir));
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
		if (!alive) await rm(join(dirname(dir), name), { recursive: true, force: true });
	}
}

/**
 * Builds a cache entry: `build(work)` fills `<dir>.partial-<pid>`, which is renamed to `dir`
 * only after it fully worked (with a marker written last), so an interrupted or failed run
 * never looks complete and leaves nothing behind.
 */
async function buildInto(dir, isComplete, build) {
	await removeStalePartials(dir);
	const work = `${dir}.partial-${process.pid}`;
	await rm(work, { recursive: true, force: true });
	await mkdir(work, { recursive: true });
	let marker;
	try {
		marker = await build(work);
		await writeFile(join(work, MARKER), JSON.stringify(marker) + '\n');
	} catch (error) {
		await rm(work, { recursive: true, force: true });
		throw error;
	}
	// Another process may have finished first; keep its copy (it may be in use).
	const theirs = await readMarker(dir);
	if (isComplete(theirs)) {
		await rm(work, { recursive: true, force: true });
		return theirs;
	}
	await rm(dir, { recursive: true, force: true }); // an old or incomplete one
	await rename(work, dir);
	return marker;
}

const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** An .npmrc of its own, so neither this repo's nor the caller's home settings apply. */
const OWN_NPMRC = 'audit=false\nfund=false\nupdate-notifier=false\n';

/**
 * The Node that runs a given n8n: this process's own, or a registry-packaged one in the cache.
 * `nodeDir` holds bin/node and include/node (the headers node-gyp compiles sqlite3 against).
 *
 * @returns {Promise<{ nodeBin: string, nodeDir: string, version: string }>}
 */
export async function ensureNode(nodeVersion, { log = () => {} } = {}) {
	if (!nodeVersion) {
		const nodeDir = resolve(dirname(process.execPath), '..');
		assertHeaders(nodeDir, process.version.slice(1));
		return { nodeBin: process.execPath, nodeDir, version: process.version.slice(1) };
	}
	const pkg = `node-${process.platform}-${process.arch}`;
	const dir = join(n8nCacheRoot(), `node-${nodeVersion}`);
	const nodeDir = join(dir, 'node_modules', pkg);
	const nodeBin = join(nodeDir, 'bin', 'node');
	const isComplete = (m) => m?.node === nodeVersion && m?.pkg === pkg;
	if (!(isComplete(await readMarker(dir)) && existsSync(nodeBin))) {
		log(`[n8n-install] npm install ${pkg}@${nodeVersion} in ${dir}\n`);
		await buildInto(dir, isComplete, async (work) => {
			await writeFile(join(work, '.npmrc'), OWN_NPMRC);
			await writeFile(
				join(work, 'package.json'),
				JSON.stringify({ name: 'wdt-e2e-node', private: true }) + '\n',
			);
			await run(
				npmCmd,
				['install', `${pkg}@${nodeVersion}`, '--ignore-scripts', '--no-save', '--loglevel=error'],
				{ cwd: work, env: cleanNpmEnv(), log },
			).catch((error) => {
				throw new Error(
					`Node ${nodeVersion} (needed by n8n 2.x) could not be installed from the registry package ${pkg}: ${error.message}`,
				);
			});
			const got = (await run(join(work, 'node_modules', pkg, 'bin', 'node'), ['--version'])).trim();
			if (got !== `v${nodeVersion}`)
				throw new Error(`${pkg} ran as ${got}, expected v${nodeVersion}`);
			assertHeaders(join(work, 'node_modules', pkg), nodeVersion);
			return { node: nodeVersion, pkg, installedAt: new Date().toISOString() };
		});
	}
	return { nodeBin, nodeDir, version: nodeVersion };
}

/** node-gyp needs the Node's C headers; without them it would try to download them and fail slowly. */
function assertHeaders(nodeDir, version) {
	if (!existsSync(join(nodeDir, 'include', 'node', 'node.h'))) {
		throw new Error(
			`Node ${version}'s C headers are missing (no ${join(nodeDir, 'include', 'node', 'node.h')}), so sqlite3 cannot be compiled for n8n: install a Node that ships them (the nodejs.org builds do; on Debian/Ubuntu add the libnode-dev or nodejs-dev package).`,
		);
	}
}

/** PATH with the given Node's bin folder first, so npm, node-gyp and n8n's children use that Node. */
function pathWith(nodeBin) {
	return [dirname(nodeBin), process.env.PATH].filter(Boolean).join(delimiter);
}

/**
 * Installs one n8n version into its cache folder unless a complete install is already there.
 *
 * @param {{ version?: string, log?: (s: string) => void, cacheDir?: string }} [opts]
 * @returns {Promise<{ n8nBin: string, nodeBin: string, cacheDir: string, version: string, expressionEngine: 'vm' | 'legacy', reused: boolean, seconds: number }>}
 */
export async function ensureN8n(opts = {}) {
	const version = resolveN8nVersion(opts.version);
	const cacheDir = opts.cacheDir ?? n8nCacheDir(version);
	const log = opts.log ?? (() => {});
	const started = Date.now();
	const node = await ensureNode(N8N_RELEASES[version].node, { log });
	const lockfile = lockfileOf(version);
	const committedLock = await fileSha(lockfile);
	// `lock`: the committed lockfile the install started from; `installedLock`: the lockfile npm
	// left (npm adds entries; a lockfile generated by a first install is committed as is).
	const isComplete = (m) =>
		m?.version === version &&
		m.nodeVersion === node.version &&
		(committedLock === null || m.lock === committedLock || m.installedLock === committedLock);
	const result = (marker, reused) => ({
		n8nBin: n8nBinIn(cacheDir),
		nodeBin: node.nodeBin,
		cacheDir,
		version,
		expressionEngine: marker.expressionEngine,
		reused,
		seconds: reused ? 0 : Math.round((Date.now() - started) / 1000),
	});
	const existing = await readMarker(cacheDir);
	if (isComplete(existing) && existsSync(n8nBinIn(cacheDir))) return result(existing, true);

	const env = cleanNpmEnv({ PATH: pathWith(node.nodeBin) });
	const marker = await buildInto(cacheDir, isComplete, async (work) => {
		await writeFile(
			join(work, 'package.json'),
			JSON.stringify(
				{
					name: 'wdt-e2e-n8n',
					private: true,
					description: 'Pinned n8n for the n8n-nodes-wdt end-to-end tests (generated).',
					dependencies: { n8n: version },
					// xlsx's own dependency URL points at a CDN this machine cannot reach;
					// 0.18.5 is the last release published to the npm registry.
					overrides: { xlsx: '0.18.5' },
				},
				null,
				2,
			) + '\n',
		);
		await writeFile(join(work, '.npmrc'), OWN_NPMRC);
		if (committedLock) await copyFile(lockfile, join(work, 'package-lock.json'));
		// Scripts off: several optional dependencies try to download prebuilt binaries
		// (unreachable here) or build native code n8n does not need.
		// `npm install`, not `npm ci`: npm ci rejects these lockfiles (they lack some other
		// platforms' optional binaries). --prefer-offline takes cached metadata as is; the
		// versions are pinned by the lockfile anyway.
		log(`[n8n-install] npm install n8n@${version} (Node ${node.version}) in ${work}\n`);
		await run(
			npmCmd,
			[
				'install',
				'--ignore-scripts',
				'--prefer-offline',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
			],
			// n8n 2.x is ~2,400 packages: on a busy 2-core machine this took over 20 minutes.
			{ cwd: work, env, log, timeoutMs: 60 * 60_000 },
		);
		// The one native module n8n cannot start without: compiled from source against the
		// running Node's own headers, passed explicitly (sqlite3's prebuilt download is
		// unreachable, and node-gyp would otherwise try to download the headers).
		log(`[n8n-install] npm rebuild sqlite3 --nodedir=${node.nodeDir}\n`);
		await run(
			npmCmd,
			[
				'rebuild',
				'sqlite3',
				'--ignore-scripts=false',
				`--nodedir=${node.nodeDir}`,
				'--loglevel=error',
			],
			{ cwd: work, env, log },
		);
		// Prove the binding loads and the CLI starts before calling it complete.
		await run(node.nodeBin, ['-e', "require('sqlite3'); console.log('sqlite3 ok')"], {
			cwd: work,
			env,
			log,
		});
		const printed = (
			await run(node.nodeBin, [n8nBinIn(work), '--version'], { cwd: work, env })
		).trim();
		if (!printed.split('\n').pop().includes(version)) {
			throw new Error(`n8n --version printed ${JSON.stringify(printed)}, expected ${version}`);
		}
		return {
			version,
			nodeVersion: node.version,
			lock: committedLock,
			installedLock: await fileSha(join(work, 'package-lock.json')),
			expressionEngine: await pickExpressionEngine(version, node.nodeBin, work, env),
			installedAt: new Date().toISOString(),
			seconds: Math.round((Date.now() - started) / 1000),
		};
	});
	log(`[n8n-install] n8n ${version} ready in ${result(marker, false).seconds}s at ${cacheDir}\n`);
	return result(marker, false);
}

/**
 * n8n 2.x's default expression engine (`vm`) runs expressions in isolated-vm; it works when
 * isolated-vm's prebuilt binding loads under that Node. 1.x's default needs a task runner,
 * so 1.x always uses `legacy`.
 */
async function pickExpressionEngine(version, nodeBin, dir, env) {
	if (Number(version.split('.')[0]) < 2) return 'legacy';
	try {
		await run(
			nodeBin,
			['-e', "const ivm = require('isolated-vm'); new ivm.Isolate({ memoryLimit: 8 }).dispose()"],
			{ cwd: join(dir, 'node_modules', 'n8n'), env },
		);
		return 'vm';
	} catch {
		return 'legacy';
	}
}

/**
 * The environment for running n8n: a throw-away user folder, nothing phoning
 * home, and only loopback traffic.
 *
 * @param {string} userFolder  N8N_USER_FOLDER; n8n keeps `.n8n/` (database, config) and `nodes/` in it.
 * @param {Record<string, string | undefined>} [extra]  more variables; `undefined` removes one.
 * @param {{ version?: string, nodeBin?: string, expressionEngine?: 'vm' | 'legacy' }} [runtime]  from ensureN8n():
 *   the Node that runs this n8n (first on PATH) and the expression engine that works with it.
 */
export function n8nEnv(userFolder, extra = {}, runtime = {}) {
	const env = {
		...cleanNpmEnv(runtime.nodeBin ? { PATH: pathWith(runtime.nodeBin) } : {}),
		N8N_USER_FOLDER: userFolder,
		// 1.123's default engine needs a task runner, `legacy` evaluates in-process; 2.x's
		// default (`vm`, isolated-vm) runs in-process too.
		N8N_EXPRESSION_ENGINE: runtime.expressionEngine ?? 'legacy',
		// No separate task-runner process (it would need its own port and launcher).
		N8N_RUNNERS_ENABLED: 'false',
		// n8n's outbound features that a setting switches off (names from @n8n/config and
		// n8n's community-packages module, 1.123 and 2.39): telemetry (telemetry.n8n.io,
		// PostHog), version notices and "what's new" (api.n8n.io), templates (api.n8n.io),
		// dynamic banners, the verified community-node list (api.n8n.io/api/community-nodes),
		// AI features, and license renewal (license.n8n.io).
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		// n8n 2.x's MCP registry refreshes its server list from api.n8n.io/api/mcp-servers at
		// start-up; it has no setting of its own, so its module is switched off (1.x has none).
		...(Number(String(runtime.version ?? '1').split('.')[0]) >= 2
			? { N8N_DISABLED_MODULES: 'mcp-registry' }
			: {}),
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

/** The versions named by `--n8n <1|2|version|all>` (default: all) in an argument list. */
export function versionsFromArgs(argv, fallback = 'all') {
	const i = argv.indexOf('--n8n');
	const choice =
		i >= 0 ? argv[i + 1] : (argv.find((a) => a.startsWith('--n8n='))?.slice(6) ?? fallback);
	if (choice === undefined) throw new Error('--n8n needs a value: 1, 2, a version or all');
	return choice === 'all' ? [...N8N_VERSIONS] : [resolveN8nVersion(choice)];
}

// `node test/e2e/n8n-install.mjs [--n8n 1|2|<version>|all]` installs (or reuses) and prints where
// (default: $WDT_E2E_N8N, else all; the e2e test reads the same variable).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const t0 = Date.now();
	const quiet = process.argv.includes('--quiet');
	(async () => {
		const results = [];
		// One after the other: two installs at once would only compete for the same 2 cores.
		for (const version of versionsFromArgs(
			process.argv.slice(2),
			process.env.WDT_E2E_N8N || 'all',
		)) {
			results.push(
				await ensureN8n({ version, log: quiet ? undefined : (s) => process.stderr.write(s) }),
			);
		}
		console.log(JSON.stringify({ results, wallSeconds: (Date.now() - t0) / 1000 }, null, 2));
	})().catch((err) => {
		console.error(err.message ?? err);
		process.exit(1);
	});
}
