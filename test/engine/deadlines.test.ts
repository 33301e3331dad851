/* eslint-disable -- test code, never shipped: the community-node lint rules (hardcoded secrets, …) are for node code. */
/**
 * Every call has a deadline, reads retry transient faults only within a time budget, rate
 * limits and hopeless faults are never retried, writes are sent once: through n8n-core's engine
 * against servers that stay silent, trickle, refuse or rate-limit.
 *
 * The deadlines are shortened here (WDT_DEADLINES is the shipped default: 30 s per read
 * attempt, 60 s per read, 60 s per write, 15 s for the credential test).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { WdtApi } from '../../credentials/WdtApi.credentials';
import { WDT_DEADLINES } from '../../nodes/shared/protocol';
import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { createEngine } from '../harness';
import { closedPort, startHostileServer, type HostileServer } from './hostile-server';

const shipped = { ...WDT_DEADLINES };
const TEST_DEADLINES = {
	readAttemptMs: 1_500,
	readMs: 3_000,
	writeMs: 1_500,
	credentialTestMs: 1_500,
};
/** What a deadline may overrun by: scheduling, connection teardown, the engine's own work. */
const SLACK_MS = 1_500;

const RATE_LIMIT = { status: 100, message: '超过每分钟最大调用频率限制，请稍后重试' };
const GATEWAY_PAGE = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

let server: HostileServer;
const engine = createEngine({ nodes: [Wdt] });
const credentials = () => ({
	wdtApi: {
		sid: 'deadline-sid',
		key: 'deadline-key',
		secret: 'deadline-secret-9f8e7d',
		salt: 'deadline-salt-6c5b4a',
		environment: 'custom',
		baseUrl: server.url,
	},
});

const callMethod = (method: string) => ({
	resource: 'custom',
	operation: 'call',
	method: { __rl: true, mode: 'name', value: method },
	arguments: '[]',
});
/** A read (system.Core.now) and a write (a cancel), both through Call Any Method. */
const READ = callMethod('system.Core.now');
const WRITE = callMethod('purchase.PurchaseApply.cancelForApi');

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const started = Date.now();
	const result = await work();
	return { result, ms: Date.now() - started };
}

const run = async (
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; baseUrl?: string } = {},
) => {
	const creds = credentials();
	if (options.baseUrl) creds.wdtApi.baseUrl = options.baseUrl;
	return await timed(
		async () =>
			await engine.runNode({
				type: 'wdt',
				parameters,
				input,
				credentials: creds,
				continueOnFail: options.continueOnFail,
			}),
	);
};

beforeAll(async () => {
	Object.assign(WDT_DEADLINES, TEST_DEADLINES);
	server = await startHostileServer();
});
afterAll(async () => {
	Object.assign(WDT_DEADLINES, shipped);
	await server.close();
});
beforeEach(() => {
	server.requests.length = 0;
});

describe('the shipped deadlines', () => {
	it('are 30 s per read attempt, 60 s per read, 60 s per write and 15 s for the credential test', () => {
		expect(shipped).toEqual({
			readAttemptMs: 30_000,
			readMs: 60_000,
			writeMs: 60_000,
			credentialTestMs: 15_000,
		});
		const baseUrl = new WdtApi().properties.find((property) => property.name === 'baseUrl');
		// The Base URL field's hint says what a credential test time-out means.
		expect(baseUrl?.hint).toContain(`within ${shipped.credentialTestMs / 1000} seconds`);
	});
});

describe('every call ends by its deadline, and the error says which one', () => {
	it('a read from a server that sends headers and then a byte at a time', async () => {
		server.behave(() => ({ kind: 'trickle', everyMs: 200 }));
		const { result, ms } = await run(READ);
		expect(ms).toBeLessThan(TEST_DEADLINES.readMs + SLACK_MS);
		expect(result.error?.message).toMatch(
			/^WDT system\.Core\.now: no complete reply within 3 s \(the overall deadline of one read, retries included\); gave up after 2 attempts/,
		);
		expect(result.error?.description).toMatch(/did not answer in time/);
		expect(server.requests).toHaveLength(2);
	}, 20_000);

	it('a read from a silent server costs the read deadline, not attempts × timeout', async () => {
		server.behave(() => ({ kind: 'silent' }));
		const { result, ms } = await run(READ);
		expect(ms).toBeGreaterThanOrEqual(TEST_DEADLINES.readMs - 100);
		expect(ms).toBeLessThan(TEST_DEADLINES.readMs + SLACK_MS);
		expect(result.error?.message).toMatch(
			/no complete reply within 3 s \(the overall deadline of one read/,
		);
	}, 20_000);

	it('a read attempt that times out is retried within the read deadline', async () => {
		server.behave((_request, index) =>
			index === 0 ? { kind: 'silent' } : { kind: 'reply', body: { status: 0, data: { now: 7 } } },
		);
		const { result } = await run(READ);
		expect(result.error).toBeUndefined();
		expect(result.outputs[0][0].json).toMatchObject({ status: 0, data: { now: 7 } });
		expect(server.requests).toHaveLength(2);
	}, 20_000);

	it('a write to a silent server is sent once and ends by the write deadline', async () => {
		server.behave(() => ({ kind: 'silent' }));
		const { result, ms } = await run(WRITE);
		expect(ms).toBeLessThan(TEST_DEADLINES.writeMs + SLACK_MS);
		expect(result.error?.message).toMatch(
			/^WDT purchase\.PurchaseApply\.cancelForApi: no complete reply within 1\.5 s \(the deadline of one write\)$/,
		);
		expect(server.requests).toHaveLength(1);
	}, 20_000);

	it('the credential test of a trickling server ends by its own deadline', async () => {
		server.behave(() => ({ kind: 'trickle', everyMs: 200 }));
		const { result, ms } = await timed(
			async () => await engine.testCredential('wdtApi', credentials().wdtApi),
		);
		expect(ms).toBeLessThan(TEST_DEADLINES.credentialTestMs + SLACK_MS);
		expect(result.status).toBe('Error');
		expect(server.requests).toHaveLength(1);
	}, 20_000);
});

describe('rate limits: the node does not hammer a rate-limited key', () => {
	it('a read is not retried, and the error says to wait 5–10 minutes', async () => {
		server.behave(() => ({ kind: 'reply', body: RATE_LIMIT }));
		const { result, ms } = await run(READ);
		expect(server.requests).toHaveLength(1);
		expect(ms).toBeLessThan(1_000);
		expect(result.error?.message).toBe(
			'WDT system.Core.now failed: WDT is rate-limiting this API key (status 100: "超过每分钟最大调用频率限制，请稍后重试")',
		);
		expect(result.error?.description).toMatch(/Wait 5–10 minutes before running this again/);
	});

	it('after a rate limit, the other items of the run are not sent', async () => {
		server.behave(() => ({ kind: 'reply', body: RATE_LIMIT }));
		const { result } = await run(READ, [{}, {}, {}], { continueOnFail: true });
		expect(server.requests).toHaveLength(1);
		const errors = result.outputs[0].map((item) => String(item.json.error));
		expect(errors[0]).toMatch(/WDT is rate-limiting this API key/);
		for (const later of errors.slice(1)) {
			expect(later).toMatch(
				/not sent, because WDT rate-limited this API key earlier in this run\. Wait 5–10 minutes/,
			);
		}
	});
});

describe('transient faults are retried within the budget; hopeless ones are not', () => {
	it('a read passes after a gateway error (back-off 1 s)', async () => {
		server.behave((_request, index) =>
			index < 1
				? { kind: 'reply', status: 502, body: GATEWAY_PAGE }
				: { kind: 'reply', body: { status: 0, data: { now: 3 } } },
		);
		const { result } = await run(READ);
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(2);
	}, 20_000);

	it('a read gives up when the next back-off would pass the read deadline', async () => {
		server.behave(() => ({ kind: 'reply', status: 503, body: GATEWAY_PAGE }));
		const { result, ms } = await run(READ);
		// Attempts at 0 and 1 s; the next back-off (2 s) would reach the 3 s deadline.
		expect(server.requests).toHaveLength(2);
		expect(ms).toBeLessThan(TEST_DEADLINES.readMs + SLACK_MS);
		expect(result.error?.message).toMatch(/HTTP 503.*gave up after 2 attempts/);
	}, 20_000);

	it('a write is never retried, not even after a gateway error', async () => {
		server.behave(() => ({ kind: 'reply', status: 502, body: GATEWAY_PAGE }));
		const { result } = await run(WRITE);
		expect(server.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(/HTTP 502/);
	});

	it('an HTTP 404 is not retried and points at the Base URL', async () => {
		server.behave(() => ({
			kind: 'reply',
			status: 404,
			body: 'Not Found',
			contentType: 'text/plain',
		}));
		const { result } = await run(READ);
		expect(server.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(
			/WDT system\.Core\.now returned text that is not JSON \("Not Found"\) with HTTP 404/,
		);
		expect(result.error?.description).toMatch(
			/Base URL must be WDT's API endpoint itself, ending in \/openapi/,
		);
	});

	it('a refused connection is not retried and names the Base URL', async () => {
		const { result, ms } = await run(READ, [{}], {
			baseUrl: `http://127.0.0.1:${await closedPort()}/openapi`,
		});
		expect(ms).toBeLessThan(1_000);
		expect(result.error?.message).toBe(
			"WDT system.Core.now: nothing accepted the connection at the Base URL's host and port (connection refused)",
		);
		expect(result.error?.description).toMatch(/^Check the credential's Base URL/);
	});

	it('an https Base URL for a server that speaks http is not retried and says why', async () => {
		const { result, ms } = await run(READ, [{}], {
			baseUrl: server.url.replace('http:', 'https:'),
		});
		expect(ms).toBeLessThan(1_000);
		expect(result.error?.message).toMatch(
			/the secure \(https\) connection failed: if the Base URL starts with https:\/\/, the server may only speak http:\/\//,
		);
	});
});
