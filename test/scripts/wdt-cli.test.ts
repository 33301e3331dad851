/* eslint-disable -- test code, never shipped: the community-node lint rules (no process, …) are for node code. */
/**
 * `npm run wdt` (scripts/wdt.ts): one signed call against the simulator, through the command's
 * own main() (in-process, so it is fast), plus one real `vite-node` run of the command line.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECKS, isReadOnlyMethod, MAX_PROBE_CALLS } from '../../nodes/shared/assumptions';
import { credentialsFromEnv, main, parseArgs } from '../../scripts/wdt';
import { DEFAULT_SELLER, startSimulator, type WdtSimulator } from '../simulator';

const REPO = resolve(__dirname, '../..');
let sim: WdtSimulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: 'demo' });
});
afterAll(async () => {
	await sim?.close();
});

async function runMain(argv: string[], env: NodeJS.ProcessEnv) {
	let out = '';
	let err = '';
	const code = await main(argv, env, { out: (t) => (out += t), err: (t) => (err += t) });
	return {
		code,
		out,
		err,
		reply: out.startsWith('{') || out.startsWith('[') ? JSON.parse(out) : undefined,
	};
}

/** Nothing the command prints may contain the secret, the salt or a sign. */
function expectNoSecrets(text: string, secret = DEFAULT_SELLER.secret, salt = DEFAULT_SELLER.salt) {
	expect(text).not.toContain(secret);
	expect(text).not.toContain(salt);
	expect(text).not.toMatch(/sign=|[0-9a-f]{32}/);
}

describe('npm run wdt', () => {
	it('sends system.Core.now with the demo credential to WDT_BASE_URL and prints the reply', async () => {
		const seq = sim.requests.length;
		const r = await runMain(['system.Core.now'], { WDT_BASE_URL: sim.url });
		expect(r.code, r.err).toBe(0);
		expect(r.reply.status).toBe(0);
		expect(typeof r.reply.data.now).toBe('number');
		const [seen] = sim.requests.slice(seq);
		expect([seen.method, seen.status, seen.sid, seen.hasSign]).toEqual([
			'system.Core.now',
			0,
			DEFAULT_SELLER.sid,
			true,
		]);
		expect(r.err).toContain('demo credential');
		expectNoSecrets(r.out + r.err);
	});

	it('sends paged arguments (--page-size, --page-no) and a JSON argument array', async () => {
		const seq = sim.requests.length;
		const range = [{ start_time: '2026-01-01 00:00:00', end_time: '2026-01-01 01:00:00' }];
		const r = await runMain(
			['wms.stockout.Sales.searchCancel', JSON.stringify(range), '--page-size', '7', '--page-no=2'],
			{ WDT_BASE_URL: sim.url },
		);
		expect(r.code, r.err).toBe(0);
		expect(r.reply).toMatchObject({ status: 0, data: { order_list: [] } });
		const [seen] = sim.requests.slice(seq);
		expect([seen.method, seen.pageSize, seen.pageNo, seen.args]).toEqual([
			'wms.stockout.Sales.searchCancel',
			7,
			2,
			range,
		]);
	});

	it('uses the account from WDT_SID/WDT_KEY/WDT_SECRET (secret:salt split), and exits 1 on a WDT error', async () => {
		const env = {
			WDT_BASE_URL: sim.url,
			WDT_SID: DEFAULT_SELLER.sid,
			WDT_KEY: DEFAULT_SELLER.key,
			WDT_SECRET: `wrong-secret:${DEFAULT_SELLER.salt}`,
		};
		const r = await runMain(['system.Core.now'], env);
		expect(r.code).toBe(1);
		expect(r.reply.status, 'WDT refused the sign').not.toBe(0);
		expect(r.err).not.toContain('demo credential');
		expectNoSecrets(r.out + r.err, 'wrong-secret');
		const ok = await runMain(['system.Core.now'], {
			...env,
			WDT_SECRET: `${DEFAULT_SELLER.secret}:${DEFAULT_SELLER.salt}`,
		});
		expect(ok.code, ok.err).toBe(0);
	});

	it('refuses bad input with a sentence and the usage (exit 2), before any call', async () => {
		const seq = sim.requests.length;
		for (const [argv, message] of [
			[[], /method name/],
			[['system.Core.now', '{not json'], /not valid JSON/],
			[['system.Core.now', '--page-size', '500'], /--page-size needs a whole number from 1 to 100/],
			[['system.Core.now', '--bogus'], /Unknown option --bogus/],
		] as const) {
			const r = await runMain([...argv], { WDT_BASE_URL: sim.url });
			expect(r.code, argv.join(' ')).toBe(2);
			expect(r.err).toMatch(message);
			expect(r.err).toContain('Usage: npm run wdt');
		}
		const noWhere = await runMain(['system.Core.now'], {
			WDT_SID: 'x',
			WDT_KEY: 'k',
			WDT_SECRET: 's:t',
		});
		expect(noWhere.code).toBe(2);
		expect(noWhere.err).toMatch(/set WDT_ENV=production\|test or WDT_BASE_URL/);
		expect(sim.requests.length, 'no call was sent').toBe(seq);
	});

	it('parses a single JSON object as the only argument and knows WDT_ENV', () => {
		expect(parseArgs(['a.b', '{"x":1}']).call.args).toEqual([{ x: 1 }]);
		expect(credentialsFromEnv({ WDT_ENV: 'test' }).credentials.endpoint).toBe(
			'http://47.92.239.46/openapi',
		);
		expect(() => credentialsFromEnv({ WDT_ENV: 'prod' })).toThrow(/production or test/);
	});

	it('runs as a command: vite-node scripts/wdt.ts against the simulator', async () => {
		const { stdout, stderr } = await promisify(execFile)(
			resolve(REPO, 'node_modules/.bin/vite-node'),
			['--script', 'scripts/wdt.ts', 'system.Core.now'],
			{ cwd: REPO, env: { ...process.env, WDT_BASE_URL: sim.url }, timeout: 60_000 },
		);
		expect(JSON.parse(stdout).status, stderr).toBe(0);
		expectNoSecrets(stdout + stderr);
	});

	it('check: runs Check Assumptions read-only through the signed transport and prints a table', async () => {
		const seq = sim.requests.length;
		const r = await runMain(['check', '--look-back', '3'], { WDT_BASE_URL: sim.url });
		expect(r.code, r.err).toBe(0);
		expect(r.err).toContain('Check Assumptions (read-only, samples from the last 3 days)');
		const lines = r.out.split('\n');
		expect(lines[0]).toMatch(/^#\s+│ Verdict\s+│ Reading found\s+│ Assumption$/);
		const rows = lines.filter((line) => /^\d+\s+│ (as assumed|differs|could not tell)/.test(line));
		expect(rows).toHaveLength(CHECKS.length);
		expect(rows[0]).toMatch(
			/^1\s+│ as assumed\s+│ WDT's clock is \d+ s (ahead of|behind) this host's/,
		);
		expect(r.out).toMatch(/^11\. Stockouts in status 90/m);
		expect(r.out).toMatch(/^   Affects: Sales Stockout Shipped/m);
		expect(r.out).toMatch(
			/^   Found: WDT's clock is \d+ s .* \(as assumed\)\. Within the 120 s WDT accepts\.$/m,
		);
		const sent = sim.requests.slice(seq);
		expect(sent.length).toBeGreaterThan(5);
		expect(sent.length).toBeLessThanOrEqual(MAX_PROBE_CALLS);
		for (const request of sent) {
			expect(isReadOnlyMethod(String(request.method)), request.method).toBe(true);
			expect(request.hasSign).toBe(true);
		}
		expectNoSecrets(r.out + r.err);
	});

	it('check --json prints the items as JSON; a look-back out of bounds is a usage error', async () => {
		const r = await runMain(['check', '--json'], { WDT_BASE_URL: sim.url });
		expect(r.code, r.err).toBe(0);
		expect(r.reply).toHaveLength(CHECKS.length);
		expect(r.reply[0]).toMatchObject({
			verdict: 'as assumed',
			affects: ['Every operation and event'],
		});
		const seq = sim.requests.length;
		const bad = await runMain(['check', '--look-back', '99'], { WDT_BASE_URL: sim.url });
		expect(bad.code).toBe(2);
		expect(bad.err).toMatch(/--look-back needs a whole number from 1 to 30/);
		expect(sim.requests.length).toBe(seq);
	});
});
