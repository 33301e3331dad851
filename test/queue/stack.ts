/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The parts of an n8n queue-mode deployment, started on 127.0.0.1 for one test run and stopped
 * at its end: PostgreSQL (its own throw-away cluster), Redis, an n8n main and n8n workers.
 *
 * Every long-running process is spawned in its own process group and listed in a registry file.
 * `stopAll()` stops them; an exit handler and a detached watchdog (watchdog.mjs) kill whatever is
 * left if the test process ends any other way (Ctrl-C, a crash, SIGKILL).
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
	appendFileSync,
	createWriteStream,
	existsSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { chmod, chown, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { freePort } from '../e2e/n8n.mjs';
import type { N8nInstance } from '../e2e/n8n.mjs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Processes: spawned in their own group, registered, always stopped
// ---------------------------------------------------------------------------------------------

export interface Service {
	name: string;
	pid: number;
	child: ChildProcess;
	logFile: string;
	log(): Promise<string>;
	exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
	/** Sends `signal` to the process, then SIGKILL to its group after `graceMs`. */
	stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
	/** Resolves when the process has exited. */
	done: Promise<void>;
}

const running = new Set<Service>();
let registryFile: string | undefined;

function writeRegistry(): void {
	if (!registryFile) return;
	writeFileSync(registryFile, [...running].map((s) => s.pid).join('\n') + '\n');
}

function killAllNow(): void {
	for (const s of running) {
		try {
			process.kill(-s.pid, 'SIGKILL');
		} catch {
			// gone
		}
	}
	running.clear();
	if (registryFile) rmSync(registryFile, { force: true });
}

/** Starts the watchdog and the exit/signal handlers once; `dir` holds the registry file. */
export function guardProcesses(dir: string): void {
	if (registryFile) return;
	registryFile = join(dir, 'queue-test-pids');
	writeFileSync(registryFile, '');
	const watchdog = spawn(
		process.execPath,
		[join(__dirname, 'watchdog.mjs'), String(process.pid), registryFile],
		{ detached: true, stdio: 'ignore' },
	);
	watchdog.unref();
	process.once('exit', killAllNow);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			killAllNow();
			process.exit(130);
		});
	}
}

export function spawnService(
	name: string,
	cmd: string,
	args: string[],
	opts: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string; uid?: number; gid?: number },
): Service {
	const logStream = createWriteStream(opts.logFile, { flags: 'a' });
	const child = spawn(cmd, args, {
		cwd: opts.cwd,
		env: opts.env,
		detached: true, // own process group: Ctrl-C in the terminal does not reach it; we stop it
		stdio: ['ignore', 'pipe', 'pipe'],
		uid: opts.uid,
		gid: opts.gid,
	});
	if (child.pid === undefined) throw new Error(`${name}: could not start ${cmd}`);
	child.stdout!.pipe(logStream);
	child.stderr!.pipe(logStream);
	let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
	const done = new Promise<void>((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			running.delete(service);
			writeRegistry();
			resolve();
		});
		child.on('error', () => resolve());
	});
	const service: Service = {
		name,
		pid: child.pid,
		child,
		logFile: opts.logFile,
		log: () => readFile(opts.logFile, 'utf8').catch(() => ''),
		exited: () => exited,
		done,
		async stop(signal = 'SIGTERM', graceMs = 30_000) {
			if (exited) return;
			try {
				process.kill(child.pid!, signal);
			} catch {
				// already gone
			}
			const timedOut = await Promise.race([
				done.then(() => false),
				sleep(graceMs).then(() => true),
			]);
			if (timedOut) {
				try {
					process.kill(-child.pid!, 'SIGKILL');
				} catch {
					// gone
				}
				await Promise.race([done, sleep(5_000)]);
			}
		},
	};
	running.add(service);
	writeRegistry();
	return service;
}

/** Stops every process still running, newest first (n8n before Redis and Postgres). */
export async function stopAll(): Promise<void> {
	for (const s of [...running].reverse()) await s.stop('SIGTERM', 20_000);
	killAllNow();
}

// ---------------------------------------------------------------------------------------------
// System packages: Debian's redis-server and postgresql
// ---------------------------------------------------------------------------------------------

export const APT_COMMAND = 'apt-get update && apt-get install -y redis-server postgresql';

function which(cmd: string): string | undefined {
	try {
		return (
			execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined
		);
	} catch {
		return undefined;
	}
}

/** The newest /usr/lib/postgresql/<n>/bin, or the folder of an initdb on PATH. */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const versions = readdirSync(root)
			.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length) return join(root, versions[0], 'bin');
	}
	const initdb = which('initdb');
	return initdb ? initdb.replace(/\/initdb$/, '') : undefined;
}

export interface SystemTools {
	redisServer: string;
	pgBin: string;
	installed: boolean;
}

/**
 * Finds redis-server and PostgreSQL's initdb/postgres. When one is missing: installs both from
 * Debian's packages if running as root, else fails naming the exact command.
 */
export async function ensureSystemPackages(log: (s: string) => void): Promise<SystemTools> {
	const found = () => ({ redisServer: which('redis-server'), pgBin: postgresBinDir() });
	let tools = found();
	let installed = false;
	if (!tools.redisServer || !tools.pgBin) {
		if (process.getuid?.() !== 0) {
			throw new Error(
				`Redis and PostgreSQL are needed (missing: ${[!tools.redisServer && 'redis-server', !tools.pgBin && 'postgresql'].filter(Boolean).join(', ')}). Install them with:\n  sudo sh -c '${APT_COMMAND}'`,
			);
		}
		log(`[queue] installing Redis and PostgreSQL: ${APT_COMMAND}\n`);
		await run('sh', ['-c', APT_COMMAND], {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			timeoutMs: 15 * 60_000,
		});
		installed = true;
		tools = found();
		if (!tools.redisServer || !tools.pgBin)
			throw new Error(`"${APT_COMMAND}" ran but redis-server or initdb is still missing`);
	}
	return { redisServer: tools.redisServer!, pgBin: tools.pgBin!, installed };
}

function run(
	cmd: string,
	args: string[],
	opts: {
		env?: NodeJS.ProcessEnv;
		timeoutMs?: number;
		uid?: number;
		gid?: number;
		cwd?: string;
	} = {},
): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			cmd,
			args,
			{
				env: opts.env,
				cwd: opts.cwd,
				timeout: opts.timeoutMs ?? 120_000,
				killSignal: 'SIGKILL',
				maxBuffer: 512 * 1024 * 1024,
				uid: opts.uid,
				gid: opts.gid,
			},
			(error, stdout, stderr) => {
				if (error)
					reject(new Error(`${cmd} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
				else resolve(stdout);
			},
		);
	});
}

async function waitUntil(
	what: string,
	check: () => Promise<boolean>,
	service: Service,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (service.exited())
			throw new Error(
				`${service.name} exited while starting:\n${(await service.log()).slice(-4000)}`,
			);
		if (await check().catch(() => false)) return;
		if (Date.now() > deadline) {
			await service.stop('SIGKILL', 1_000);
			throw new Error(
				`${what} not ready after ${timeoutMs} ms:\n${(await service.log()).slice(-4000)}`,
			);
		}
		await sleep(300);
	}
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a cluster of its own in a temp folder, trust auth on 127.0.0.1
// ---------------------------------------------------------------------------------------------

export interface Postgres {
	port: number;
	service: Service;
	/** Runs SQL with psql; rows split on \x1e, fields on \x1f. */
	query(sql: string, database?: string): Promise<string[][]>;
	createDatabase(name: string): Promise<void>;
}

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function postgresUser(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const id = (flag: string) =>
		Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

export async function startPostgres(tools: SystemTools, dir: string): Promise<Postgres> {
	const user = postgresUser();
	const dataDir = join(dir, 'pgdata');
	await mkdir(dir, { recursive: true });
	if (user.uid !== undefined) {
		// mkdtemp makes the parent 0700: the postgres user must be able to pass through it.
		await chmod(dirname(dir), 0o711);
		await chown(dir, user.uid, user.gid!);
	}
	const env = { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C', HOME: dir };
	await run(
		join(tools.pgBin, 'initdb'),
		['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
		{ ...user, env, cwd: dir },
	);
	const port = await freePort();
	const service = spawnService(
		'postgres',
		join(tools.pgBin, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			'-k',
			dir, // the Unix socket goes into our folder, not /var/run/postgresql
			'-c',
			'listen_addresses=127.0.0.1',
			// A throw-away database: durability off, speed on.
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=100',
		],
		{ ...user, env, cwd: dir, logFile: join(dir, 'postgres.log') },
	);
	const psql = which('psql') ?? join(tools.pgBin, 'psql');
	const query = async (sql: string, database = 'postgres') => {
		const out = await run(
			psql,
			[
				'-X',
				'-q',
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				database,
				'-A',
				'-t',
				'-F',
				'\x1f',
				'-R',
				'\x1e',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{ env: { PATH: process.env.PATH, PGCONNECT_TIMEOUT: '5' }, timeoutMs: 60_000 },
		);
		const text = out.replace(/\n$/, '');
		return text === '' ? [] : text.split('\x1e').map((row) => row.split('\x1f'));
	};
	await waitUntil(
		'postgres',
		async () => (await query('SELECT 1'))[0]?.[0] === '1',
		service,
		60_000,
	);
	return {
		port,
		service,
		query,
		createDatabase: async (name) => {
			await query(`CREATE DATABASE "${name}"`);
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Redis: no persistence, loopback only
// ---------------------------------------------------------------------------------------------

export interface Redis {
	port: number;
	service: Service;
}

export async function startRedis(tools: SystemTools, dir: string): Promise<Redis> {
	await mkdir(dir, { recursive: true });
	const port = await freePort();
	const service = spawnService(
		'redis',
		tools.redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--protected-mode',
			'yes',
		],
		{ cwd: dir, logFile: join(dir, 'redis.log'), env: { PATH: process.env.PATH } },
	);
	const cli = which('redis-cli');
	await waitUntil(
		'redis',
		async () =>
			cli
				? (
						await run(cli, ['-h', '127.0.0.1', '-p', String(port), 'PING'], { timeoutMs: 5_000 })
					).trim() === 'PONG'
				: /Ready to accept connections/.test(await service.log()),
		service,
		30_000,
	);
	return { port, service };
}

// ---------------------------------------------------------------------------------------------
// n8n: a main (`n8n start`) and workers (`n8n worker`)
// ---------------------------------------------------------------------------------------------

export interface N8nProcess extends Service {
	/** The main's REST/webhook base URL, or the worker's health-check URL. */
	baseUrl: string;
	port: number;
}

/** The Node that runs this n8n: the e2e installer may give a version its own (`nodeBin`). */
function nodeFor(inst: N8nInstance): string {
	return (inst as N8nInstance & { nodeBin?: string }).nodeBin ?? process.execPath;
}

/** Where a task-runner broker would listen, if this n8n starts one: not the shared default 5679. */
async function ownRunnerPort(): Promise<Record<string, string>> {
	return { N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
}

/** Starts `n8n start` and waits until its REST API answers. */
export async function startMain(
	inst: N8nInstance,
	name: string,
	env: Record<string, string>,
	timeoutMs = 180_000,
): Promise<N8nProcess> {
	const port = Number(env.N8N_PORT) || (await freePort());
	const service = spawnService(name, nodeFor(inst), [inst.n8nBin, 'start'], {
		cwd: inst.userFolder,
		env: { ...inst.env, ...env, N8N_PORT: String(port), ...(await ownRunnerPort()) },
		logFile: join(inst.userFolder, `${name}.log`),
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitUntil(
		name,
		async () =>
			(await fetch(`${baseUrl}/healthz/readiness`)).ok &&
			(await fetch(`${baseUrl}/rest/settings`)).ok,
		service,
		timeoutMs,
	);
	return Object.assign(service, { baseUrl, port });
}

/** Starts `n8n worker` with its health check on a free port and waits until it is ready. */
export async function startWorker(
	inst: N8nInstance,
	name: string,
	env: Record<string, string>,
	concurrency: number,
	timeoutMs = 180_000,
): Promise<N8nProcess> {
	const port = await freePort();
	const service = spawnService(
		name,
		nodeFor(inst),
		[inst.n8nBin, 'worker', `--concurrency=${concurrency}`],
		{
			cwd: inst.userFolder,
			env: {
				...inst.env,
				...env,
				...(await ownRunnerPort()),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(port),
				N8N_PORT: String(port),
			},
			logFile: join(inst.userFolder, `${name}.log`),
		},
	);
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitUntil(
		name,
		async () =>
			(await fetch(`${baseUrl}/healthz/readiness`)).ok &&
			/n8n worker is now ready/.test(await service.log()),
		service,
		timeoutMs,
	);
	return Object.assign(service, { baseUrl, port });
}

/** Appends a line to a log file (the test's own notes beside the processes' logs). */
export function note(file: string, line: string): void {
	appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
}
