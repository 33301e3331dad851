/* eslint-disable -- dev tooling, never shipped: the community-node lint rules (no node:fs, no process, no console, …) are for node code. */
/**
 * `npm start [-- --n8n 1|2]`: try the nodes in a real n8n against the local WDT simulator.
 * `--n8n` (or WDT_N8N) picks the n8n major: 1 → 1.123.81 (the default), 2 → 2.39.10.
 *
 * 1. installs (or reuses) that pinned n8n in the cache folder (test/e2e/n8n-install.mjs; n8n 2.x
 *    also gets its own Node 24 there),
 * 2. packs this package (build it first: `npm start` does) and installs it as a community
 *    package into a persistent user folder per n8n version, `.n8n-dev/n8n-<version>/`
 *    (gitignored), unless that exact tarball is already installed,
 * 3. starts the WDT simulator with demo data on 127.0.0.1:5680 (or the next free port),
 * 4. imports the credential "WDT API (simulator)" pointing at it, every examples/*.json
 *    and a ready-to-run demo workflow, all wired to that credential (same ids every time, so a
 *    re-run overwrites them instead of adding copies),
 * 5. starts n8n on 127.0.0.1:5678 (or the next free port), sets up the owner account (or logs in),
 *    checks that our node types are loaded and the credential test passes, and prints how to log in.
 *
 * Ctrl-C stops n8n and the simulator. Everything listens on 127.0.0.1 only, and n8n's outbound
 * features that settings can switch off are off (test/e2e/n8n-install.mjs, n8nEnv).
 *
 * Environment: WDT_N8N (1 or 2), WDT_DEV_FOLDER (user folder, default
 * <repo>/.n8n-dev/n8n-<version>), WDT_N8N_PORT (default 5678), WDT_SIM_PORT (default 5680),
 * WDT_SIM_LATENCY_MS.
 *
 * `startDev()` is exported for scripts/screenshots.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	importCredentials,
	importWorkflow,
	installCommunityPackage,
	N8N_VERSION,
	nodesDir,
	resolveN8nVersion,
	ownerClient,
	packPackage,
	prepareN8n,
	startN8n,
	type N8nInstance,
	type N8nRest,
	type N8nServer,
} from '../test/e2e/n8n.mjs';
import {
	DEFAULT_SELLER,
	DEMO_ORDERS,
	DEMO_PENDING_LOGISTICS,
	DEMO_REFUNDS,
	DEMO_SELF_OWNED_SHOP,
	DEMO_STOCK,
	demoExamples,
	demoFlowExamples,
	formatCst,
	GOODS_QUERY,
	INVOICES,
	masterDataOf,
	PURCHASE_ORDERS,
	PURCHASE_STOCKINS,
	REFUND_STOCKINS,
	startSimulator,
	STOCKTAKES,
	TRANSFERS,
	type WdtSimulator,
} from '../test/simulator';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEV_OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'WDT',
	lastName: 'Demo',
	password: 'Wdt-Demo-Pass1',
});

export const CREDENTIAL_ID = 'wdtSimulatorCred'; // n8n ids: 16 characters at most
export const CREDENTIAL_NAME = 'WDT API (simulator)';
export const DEMO_WORKFLOW_ID = 'wdtDemoSimulator';
const PACKAGE_PREFIX = 'n8n-nodes-wdt.';
const INSTALLED_MARKER = '.wdt-dev-installed.json';

export interface StartOptions {
	/** n8n to run: 1, 2 or a tested version (default: $WDT_N8N or N8N_VERSION). */
	n8n?: string;
	/** N8N_USER_FOLDER (default: $WDT_DEV_FOLDER or <repo>/.n8n-dev). */
	userFolder?: string;
	/** First n8n port tried (default: $WDT_N8N_PORT or 5678); the next free one is taken. */
	n8nPort?: number;
	/** First simulator port tried (default: $WDT_SIM_PORT or 5680). */
	simPort?: number;
	owner?: { email: string; firstName: string; lastName: string; password: string };
	/** Progress lines (default: stderr). */
	log?: (line: string) => void;
}

export interface ImportedWorkflow {
	id: string;
	name: string;
	file?: string;
	url: string;
}

export interface DevEnvironment {
	inst: N8nInstance;
	server: N8nServer;
	sim: WdtSimulator;
	/** REST client logged in as the owner (holds the n8n-auth cookie). */
	rest: N8nRest;
	editorUrl: string;
	owner: { email: string; password: string };
	credential: { id: string; name: string; url: string };
	workflows: ImportedWorkflow[];
	/** Human-readable summary of the simulator's demo data. */
	demoData: string[];
	/** Writes and look-ups to try, with numbers the demo data accepts. */
	examples: string[];
	timings: Record<string, number>;
	stop(): Promise<void>;
}

// ---------------------------------------------------------------------------

/** Resolves with the first port from `first` on that 127.0.0.1 can bind. */
async function firstFreePort(first: number, tries = 20): Promise<number> {
	for (let port = first; port < first + tries; port++) {
		const free = await new Promise<boolean>((ok) => {
			const srv = createServer();
			srv.once('error', () => ok(false));
			srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
		});
		if (free) return port;
	}
	throw new Error(`no free port on 127.0.0.1 in ${first}–${first + tries - 1}`);
}

async function startSimulatorNear(first: number): Promise<WdtSimulator> {
	for (let port = first; port < first + 20; port++) {
		try {
			return await startSimulator({
				seed: 'demo',
				port,
				latencyMs: Number(process.env.WDT_SIM_LATENCY_MS ?? 0),
			});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
		}
	}
	throw new Error(`no free port for the simulator on 127.0.0.1 in ${first}–${first + 19}`);
}

async function sha256File(file: string): Promise<string> {
	return createHash('sha256')
		.update(await readFile(file))
		.digest('hex');
}

/**
 * Packs the repo (dist/ must be built) and installs the tarball into the user folder, unless
 * a tarball with the same hash is already installed there (npm pack output is reproducible).
 */
async function installThisPackage(
	userFolder: string,
): Promise<{ reused: boolean; version: string }> {
	if (!existsSync(join(REPO_ROOT, 'dist', 'nodes', 'Wdt', 'Wdt.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first (`npm start` does).');
	}
	const packDir = await mkdtemp(join(tmpdir(), 'wdt-dev-pack-'));
	try {
		const tgz = await packPackage(REPO_ROOT, packDir);
		const sha = await sha256File(tgz);
		const markerFile = join(userFolder, INSTALLED_MARKER);
		const marker = JSON.parse(await readFile(markerFile, 'utf8').catch(() => '{}'));
		const pkgDir = join(nodesDir(userFolder), 'node_modules', 'n8n-nodes-wdt');
		if (marker.sha === sha && existsSync(join(pkgDir, 'package.json'))) {
			return { reused: true, version: marker.version };
		}
		const { version } = await installCommunityPackage(userFolder, tgz);
		await writeFile(markerFile, JSON.stringify({ sha, version, tarball: basename(tgz) }) + '\n');
		return { reused: false, version };
	} finally {
		await rm(packDir, { recursive: true, force: true });
	}
}

type WorkflowJson = {
	id?: string;
	name: string;
	nodes: Array<{ type: string; credentials?: Record<string, { id: string; name: string }> }>;
	[key: string]: unknown;
};

/** Points every WDT node's wdtApi credential at the simulator credential. */
function wireCredential(workflow: WorkflowJson): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type.startsWith(PACKAGE_PREFIX)
				? {
						...node,
						credentials: {
							...node.credentials,
							wdtApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME },
						},
					}
				: node,
		),
	};
}

/** A stable id (≤16 characters) for an example file, so a re-import overwrites it. */
function exampleId(file: string): string {
	return 'wdtex' + createHash('sha1').update(basename(file)).digest('hex').slice(0, 11);
}

/** A workflow that runs as is against the simulator: reads, and one create. */
export function demoWorkflow(): WorkflowJson {
	const wdt = (name: string, position: [number, number], parameters: Record<string, unknown>) => ({
		parameters,
		id: createHash('sha1')
			.update(name)
			.digest('hex')
			.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*/, '$1-$2-$3-$4-$5'),
		name,
		type: 'n8n-nodes-wdt.wdt',
		typeVersion: 1,
		position,
		credentials: { wdtApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	});
	const trigger = 'When clicking ‘Execute workflow’';
	const nodes = [
		{
			parameters: {},
			id: '0b6f7c1e-5d1a-4f51-9a51-2f3d1c9a0001',
			name: trigger,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 200],
		},
		wdt('Purchase applies, last 7 days', [300, 0], {
			resource: 'purchaseApply',
			operation: 'getMany',
			startTime: '={{ $now.minus({ days: 7 }).toISO() }}',
			returnAll: true,
		}),
		wdt('Cancelled stockouts, last 6 hours', [300, 200], {
			resource: 'salesStockout',
			operation: 'getManyCancelled',
			startTime: '={{ $now.minus({ hours: 6 }).toISO() }}',
			returnAll: true,
		}),
		wdt('Create a purchase apply', [300, 400], {
			resource: 'purchaseApply',
			operation: 'create',
			warehouseNo: 'WH01',
			remark: 'Created from n8n (demo, simulator)',
			isSubmit: false,
			lines: {
				line: [
					{ specNo: 'TS-001-BLK-M', num: 5, providerNo: 'GYS001' },
					{ specNo: 'MUG-350', num: 12, providerNo: 'GYS002' },
				],
			},
		}),
	];
	const to = (name: string) => ({ node: name, type: 'main', index: 0 });
	return {
		id: DEMO_WORKFLOW_ID,
		name: 'WDT demo: try it against the simulator',
		nodes,
		connections: {
			[trigger]: {
				main: [
					[
						to('Purchase applies, last 7 days'),
						to('Cancelled stockouts, last 6 hours'),
						to('Create a purchase apply'),
					],
				],
			},
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

async function loadWorkflows(): Promise<Array<{ workflow: WorkflowJson; file?: string }>> {
	const dir = join(REPO_ROOT, 'examples');
	const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
	const out: Array<{ workflow: WorkflowJson; file?: string }> = [{ workflow: demoWorkflow() }];
	for (const file of files) {
		const json = JSON.parse(await readFile(join(dir, file), 'utf8')) as WorkflowJson;
		out.push({
			workflow: wireCredential({ ...json, id: exampleId(file), active: false }),
			file: `examples/${file}`,
		});
	}
	return out;
}

function describeDemoData(sim: WdtSimulator): string[] {
	const applies = [...sim.purchaseApplies.keys()];
	const otherOuts = [...sim.otherOuts.keys()];
	const stockouts = [...sim.stockouts.values()];
	const cancelled = stockouts.filter((s) => s.cancelled).length;
	const count = (method: string) => sim.records(method).size;
	return [
		`${applies.length} purchase applies, two in every status, created over the last ~4 days`,
		`${otherOuts.length} other-out orders, one in every status (${otherOuts[0]} … ${otherOuts[otherOuts.length - 1]})`,
		`${stockouts.length} sales stockouts modified in the last 6 hours, ${cancelled} of them cancelled (some completed since: status 110)`,
		`${count(DEMO_ORDERS)} sales orders modified in the last 6 hours, ${count(DEMO_REFUNDS)} refunds over the last 10 days, ${count(GOODS_QUERY)} goods, stock of ${count(DEMO_STOCK)} SKU × warehouse pairs, ${count(DEMO_PENDING_LOGISTICS)} tracking numbers pending`,
		`${count(PURCHASE_ORDERS)} purchase orders and ${count(PURCHASE_STOCKINS)} of their stock-ins, ${count(TRANSFERS)} transfers, ${count(STOCKTAKES)} stock counts, ${count(REFUND_STOCKINS)} refund stock-ins and ${count(INVOICES)} invoices over the last 6 days; stock movements in the last hour; ${demoFlowExamples(sim).pendingSyncIds.length} platform goods waiting for a stock sync`,
		`shops TMALL01, JD01, DY01 and ${DEMO_SELF_OWNED_SHOP} (self-owned: for Sales Order → Push and Logistics Sync)`,
		`warehouses WH01, WH02, 上海仓; SKUs TS-001-BLK-M, TS-001-WHT-L, MUG-350, CABLE-C-1M; suppliers ${masterDataOf(
			sim,
		)
			.providers.map((provider) => provider.providerNo)
			.join(', ')}`,
		`simulated now: ${formatCst(sim.clock.now())} (China Standard Time); the data lives in memory and resets on every start`,
	];
}

/** Writes to try, with numbers the demo data accepts (each can be done once per start). */
function describeExamples(sim: WdtSimulator): string[] {
	const examples = demoExamples(sim);
	const flows = demoFlowExamples(sim);
	return [
		`Purchase Apply → Cancel, Order Numbers ${examples.cancellableApplies.join(',')}`,
		`Purchase Apply → Stop, Order Numbers ${examples.stoppableApply}`,
		`Other Out → Cancel, Order Numbers ${examples.cancellableOtherOuts.slice(0, 2).join(',')}`,
		`Sales Order → Get, Look Up By Platform Order Number, Number ${examples.selfOwnedOrderTid}`,
		`Purchase Order → Cancel, Order Numbers ${flows.cancellablePurchaseOrders.join(',')}`,
		`Transfer → Cancel, Order Numbers ${flows.cancellableTransfers.join(',')}`,
	];
}

// ---------------------------------------------------------------------------

/** Starts simulator + n8n with everything imported. Call `stop()` when done. */
export async function startDev(opts: StartOptions = {}): Promise<DevEnvironment> {
	const log = opts.log ?? ((line: string) => process.stderr.write(`[start] ${line}\n`));
	const owner = opts.owner ?? DEV_OWNER;
	const version = resolveN8nVersion(opts.n8n ?? process.env.WDT_N8N ?? N8N_VERSION);
	// One folder per n8n version: a 2.x database cannot be opened by 1.x again.
	const userFolder = resolve(
		opts.userFolder ?? process.env.WDT_DEV_FOLDER ?? join(REPO_ROOT, '.n8n-dev', `n8n-${version}`),
	);
	const timings: Record<string, number> = {};
	let t = Date.now();
	const lap = (name: string) => {
		timings[name] = (Date.now() - t) / 1000;
		t = Date.now();
	};

	await mkdir(userFolder, { recursive: true });
	log(`n8n ${version}: installing or reusing it (a first install takes 5–15 minutes) …`);
	const inst = await prepareN8n({
		version,
		userFolder,
		log: (s: string) => process.stderr.write(s),
	});
	lap('ensureN8n');

	const installed = await installThisPackage(userFolder);
	log(
		`package n8n-nodes-wdt@${installed.version} ${installed.reused ? 'already installed (same build)' : 'installed'} in ${nodesDir(userFolder)}`,
	);
	lap('installPackage');

	const sim = await startSimulatorNear(opts.simPort ?? Number(process.env.WDT_SIM_PORT ?? 5680));
	let server: N8nServer | undefined;
	try {
		log(`simulator listening on ${sim.url}`);
		lap('simulator');

		const credential = {
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: 'wdtApi',
			data: {
				sid: DEFAULT_SELLER.sid,
				key: DEFAULT_SELLER.key,
				secret: DEFAULT_SELLER.secret,
				salt: DEFAULT_SELLER.salt,
				environment: 'custom',
				baseUrl: sim.url,
			},
		};
		const workflows = await loadWorkflows();
		// Both imports boot n8n's CLI (~5 s each). On a fresh folder the first one creates and
		// migrates the database, so they run one after the other; later they run together.
		const fresh = !existsSync(join(userFolder, '.n8n', 'database.sqlite'));
		log(`importing the credential and ${workflows.length} workflows …`);
		if (fresh) {
			await importCredentials(inst, [credential]);
			await importWorkflow(
				inst,
				workflows.map((w) => w.workflow),
			);
		} else {
			await Promise.all([
				importCredentials(inst, [credential]),
				importWorkflow(
					inst,
					workflows.map((w) => w.workflow),
				),
			]);
		}
		lap('import');

		const n8nPort = await firstFreePort(opts.n8nPort ?? Number(process.env.WDT_N8N_PORT ?? 5678));
		log(
			`starting n8n on 127.0.0.1:${n8nPort} (15–25 s; log: ${join(userFolder, 'n8n-start.log')}) …`,
		);
		server = await startN8n(inst, {
			port: n8nPort,
			env: { WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/` },
		});
		lap('n8nStart');

		let rest: N8nRest;
		try {
			rest = await ownerClient(server, owner);
		} catch (error) {
			throw new Error(
				`could not log in as ${owner.email} (did you change the owner's password in ${userFolder}? ` +
					`delete that folder to start afresh): ${(error as Error).message}`,
			);
		}
		const types = await rest.nodeTypes();
		const ours = types.filter((type) => type.name.startsWith(PACKAGE_PREFIX)).map((x) => x.name);
		if (!ours.includes('n8n-nodes-wdt.wdt') || !ours.includes('n8n-nodes-wdt.wdtTrigger')) {
			throw new Error(
				`n8n did not load our nodes (found: ${ours.join(', ') || 'none'}); see ${server.logFile}`,
			);
		}
		const test = await rest.testCredential(credential);
		if (test.status !== 'OK')
			log(`warning: the credential test said ${test.status}: ${test.message}`);
		lap('checks');

		const editorUrl = server.baseUrl;
		const running = server;
		let stopping: Promise<void> | undefined;
		return {
			inst,
			server,
			sim,
			rest,
			editorUrl,
			owner: { email: owner.email, password: owner.password },
			credential: {
				id: CREDENTIAL_ID,
				name: CREDENTIAL_NAME,
				url: `${editorUrl}/home/credentials/${CREDENTIAL_ID}`,
			},
			workflows: workflows.map(({ workflow, file }) => ({
				id: workflow.id!,
				name: workflow.name,
				file,
				url: `${editorUrl}/workflow/${workflow.id}`,
			})),
			demoData: describeDemoData(sim),
			examples: describeExamples(sim),
			timings,
			stop: () =>
				(stopping ??= Promise.allSettled([running.stop(), sim.close()]).then(() => undefined)),
		};
	} catch (error) {
		await Promise.allSettled([server?.stop(), sim.close()]);
		throw error;
	}
}

// ---------------------------------------------------------------------------

/** The demo credential in full, as the credential form names its fields. */
export function demoCredentialLines(baseUrl: string): string[] {
	return [
		`Seller Account (sid)  ${DEFAULT_SELLER.sid}`,
		`API Key (appkey)      ${DEFAULT_SELLER.key}`,
		`Secret                ${DEFAULT_SELLER.secret}`,
		`Salt                  ${DEFAULT_SELLER.salt}`,
		`Environment           Custom URL`,
		`Base URL              ${baseUrl}`,
	];
}

/** `--n8n 2`, `--n8n=2` or nothing (then WDT_N8N or the default). */
function n8nChoice(argv: string[]): string | undefined {
	const i = argv.findIndex((a) => a === '--n8n' || a.startsWith('--n8n='));
	if (i < 0) return undefined;
	const value = argv[i].includes('=') ? argv[i].slice('--n8n='.length) : argv[i + 1];
	if (!value) throw new Error('--n8n needs a value: 1 or 2 (or a tested version)');
	return value;
}

async function main(): Promise<void> {
	const started = Date.now();
	const dev = await startDev({ n8n: n8nChoice(process.argv.slice(2)) });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const line = '─'.repeat(78);
	const out = [
		'',
		line,
		`  n8n ${dev.inst.version} with n8n-nodes-wdt is running (ready in ${seconds} s: ${Object.entries(
			dev.timings,
		)
			.map(([k, v]) => `${k} ${v.toFixed(1)}`)
			.join(', ')})`,
		line,
		`  Editor        ${dev.editorUrl}`,
		`  Log in with   ${dev.owner.email}  /  ${dev.owner.password}`,
		'',
		`  WDT simulator ${dev.sim.url}   (fake demo data, in memory)`,
		...dev.demoData.map((d) => `    • ${d}`),
		'',
		'  Try (each write works once per start; the data resets when you restart):',
		...dev.examples.map((e) => `    • ${e}`),
		'',
		`  Credential    "${dev.credential.name}"  ${dev.credential.url}`,
		"                the simulator's demo seller: fake values, not a WDT account",
		...demoCredentialLines(dev.sim.url).map((line) => `                ${line}`),
		'',
		'  Workflows (re-imported on every start; your edits to these ids are overwritten):',
		...dev.workflows.map(
			(w) =>
				`    • ${w.name}\n      ${w.url}${w.file ? `   (${w.file})` : '   ← runs as is: open it, click "Execute workflow"'}`,
		),
		'',
		'  The examples also use Google Sheets / email nodes: add your own credentials for those.',
		`  User folder   ${dev.inst.userFolder}  (delete it to start afresh)`,
		`  Node          ${dev.inst.nodeBin}; expression engine: ${dev.inst.expressionEngine}`,
		`  Outbound      n8n's telemetry, version checks, templates, banners, AI and license renewal are`,
		`                switched off; see docs/development.md ("What n8n contacts").`,
		`  n8n log       ${dev.server.logFile}`,
		'',
		'  Press Ctrl-C to stop n8n and the simulator.',
		line,
		'',
	];
	console.log(out.join('\n'));

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		process.stderr.write(`\n[start] ${signal}: stopping n8n and the simulator …\n`);
		dev.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
	dev.server.child.once('exit', (code, signal) => {
		if (stopping) return;
		stopping = true;
		process.stderr.write(`[start] n8n exited (${code ?? signal}); stopping the simulator.\n`);
		dev.sim.close().finally(() => process.exit(code ?? 1));
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
