/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
import { createRequire } from 'node:module';
import * as n8nWorkflow from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { computeSign } from '../../nodes/shared/protocol';
import { createEngine, executionErrorOf, itemsOf, nodeErrorOf, type Engine } from './engine';
import { startFakeWdtServer, type FakeWdtServer } from './fixtures/fake-wdt-server';
import { HarnessPoller, HarnessProbe } from './fixtures/test-nodes';

let server: FakeWdtServer;
let engine: Engine;

const credentialsFor = (baseUrl: string) => ({
	wdtApi: {
		sid: 'harness-sid',
		key: 'harness-key',
		secret: 'harness-secret-0a1b2c3d',
		salt: 'harness-salt-4e5f6a7b',
		environment: 'custom',
		baseUrl,
	},
});

beforeAll(async () => {
	server = await startFakeWdtServer();
	engine = createEngine({ nodes: [HarnessProbe, HarnessPoller] });
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	server.requests.length = 0;
	server.reply(() => ({ body: { status: 0, data: { now: '2026-01-02 03:04:05' } } }));
});

it('tests see the n8n-workflow copy that n8n-core uses (vitest alias to the CJS build)', () => {
	const fromCore = createRequire(require.resolve('n8n-core'))('n8n-workflow') as typeof n8nWorkflow;
	expect(fromCore.NodeApiError).toBe(n8nWorkflow.NodeApiError);
	expect(fromCore.NodeOperationError).toBe(n8nWorkflow.NodeOperationError);
});

describe('runWorkflow', () => {
	it('runs start → node with expressions resolved against the incoming items', async () => {
		const run = await engine.runWorkflow(
			{
				nodes: [
					{ name: 'Start', type: 'test.items', parameters: { items: JSON.stringify([{ no: 'CG001' }, { no: 'CG002' }]) } },
					{
						name: 'Probe',
						type: 'harnessProbe',
						parameters: { no: '={{ $json.no }}-{{ $itemIndex }}', now: '={{ $now.toFormat("yyyy") }}' },
					},
				],
				connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
			},
			{ credentials: credentialsFor(server.baseUrl) },
		);

		expect(executionErrorOf(run)).toBeUndefined();
		expect(run.status).toBe('success');
		const items = itemsOf(run, 'Probe');
		expect(items.map((item) => item.json.no)).toEqual(['CG001-0', 'CG002-1']);
		expect(items[0].json.now).toMatch(/^20\d\d$/);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(itemsOf(run, 'Start')).toHaveLength(2);
		expect(server.requests).toHaveLength(2);
	});

	it('honours the workflow settings timezone ($now and getTimezone())', async () => {
		const run = await engine.runWorkflow(
			{
				nodes: [
					{ name: 'Start', type: 'test.items', parameters: { items: '[{}]' } },
					{ name: 'Probe', type: 'harnessProbe', parameters: { now: '={{ $now.zoneName }}' } },
				],
				connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
				settings: { timezone: 'America/Los_Angeles' },
			},
			{ credentials: credentialsFor(server.baseUrl), timezone: 'Asia/Shanghai' },
		);
		const [item] = itemsOf(run, 'Probe');
		expect(item.json.now).toBe('Asia/Shanghai');
		expect(item.json.timezone).toBe('Asia/Shanghai');

		const fallback = await engine.runNode({
			type: 'harnessProbe',
			parameters: { now: '={{ $now.zoneName }}' },
			credentials: credentialsFor(server.baseUrl),
			timezone: 'Europe/Berlin',
		});
		expect(fallback.outputs[0][0].json).toMatchObject({ now: 'Europe/Berlin', timezone: 'Europe/Berlin' });
	});
});

describe('credentials helper', () => {
	it("calls the credential type's authenticate(), so the server receives the signed query", async () => {
		const callsBefore = engine.credentialsHelper.authenticateCalls.length;
		const { outputs, error } = await engine.runNode({
			type: 'harnessProbe',
			parameters: { method: 'system.Core.now' },
			credentials: credentialsFor(server.baseUrl),
		});
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.reply).toEqual({ status: 0, data: { now: '2026-01-02 03:04:05' } });

		const calls = engine.credentialsHelper.authenticateCalls.slice(callsBefore);
		expect(calls).toHaveLength(1);
		expect(calls[0].typeName).toBe('wdtApi');
		expect(calls[0].before.qs).toEqual({ method: 'system.Core.now' });

		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/openapi');
		expect(request.body).toBe('[]');
		const { sign, ...signed } = request.query;
		expect(signed).toMatchObject({ method: 'system.Core.now', sid: 'harness-sid', key: 'harness-key', v: '1.0' });
		expect(signed.salt).toBe('harness-salt-4e5f6a7b');
		expect(sign).toBe(computeSign({ ...signed, body: request.body }, 'harness-secret-0a1b2c3d'));
	});

	it('returns decrypted data by id with the credential type defaults applied, as n8n does', async () => {
		engine.credentialsHelper.setCredentials([
			{ id: 'c1', name: 'first', type: 'wdtApi', data: { sid: 'one', key: 'k', secret: 'sec', salt: 'salt' } },
			{ id: 'c2', name: 'second', type: 'wdtApi', data: { sid: 'two', key: 'k', secret: 'sec', salt: 'salt', environment: 'test' } },
		]);
		const helper = engine.credentialsHelper;
		const first = await helper.getDecrypted({} as never, { id: 'c1', name: 'first' }, 'wdtApi', 'manual');
		const second = await helper.getDecrypted({} as never, { id: 'c2', name: 'second' }, 'wdtApi', 'manual');
		expect(first).toEqual({ sid: 'one', key: 'k', secret: 'sec', salt: 'salt', environment: 'production' });
		expect(second).toMatchObject({ sid: 'two', environment: 'test' });
		// A fresh copy every time, as decrypting is in n8n.
		first.sid = 'changed';
		expect(await helper.getDecrypted({} as never, { id: 'c1', name: 'first' }, 'wdtApi', 'manual')).toMatchObject({ sid: 'one' });
	});
});

describe('error handling of the node under test', () => {
	// Item "bad" gets a WDT business error; the probe throws for it.
	const mixedReplies = () =>
		server.reply((request) =>
			request.query.method === 'bad.method'
				? { body: { status: 100, message: '单据不存在' } }
				: { body: { status: 0, data: {} } },
		);
	const parameters = { method: '={{ $json.method }}', no: '={{ $json.no }}' };
	const input = [
		{ no: 'A', method: 'good.method' },
		{ no: 'B', method: 'bad.method' },
		{ no: 'C', method: 'good.method' },
	];

	it('stopWorkflow (default): the run fails with the node error', async () => {
		mixedReplies();
		const { outputs, error, run } = await engine.runNode({
			type: 'harnessProbe',
			parameters,
			input,
			credentials: credentialsFor(server.baseUrl),
		});
		expect(outputs).toEqual([]);
		// n8n keeps a plain copy of the error in the run data ({ ...error, message, stack }).
		expect(error).toMatchObject({ name: 'NodeOperationError', message: 'WDT answered status 100: 单据不存在' });
		expect((error as { node?: { name: string } } | undefined)?.node?.name).toBe('Node');
		expect(nodeErrorOf(run, 'Node')?.message).toBe(error?.message);
		expect(run.status).toBe('error');
	});

	it('continueOnFail: the failed item becomes {error} in the regular output', async () => {
		mixedReplies();
		const { outputs, error } = await engine.runNode({
			type: 'harnessProbe',
			parameters,
			input,
			credentials: credentialsFor(server.baseUrl),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(1);
		expect(outputs[0].map((item) => item.json.no ?? item.json.error)).toEqual([
			'A',
			'WDT answered status 100: 单据不存在',
			'C',
		]);
	});

	it('continueErrorOutput: the failed item is routed to the error output with its input data', async () => {
		mixedReplies();
		const { outputs, error } = await engine.runNode({
			type: 'harnessProbe',
			parameters,
			input,
			credentials: credentialsFor(server.baseUrl),
			onError: 'continueErrorOutput',
		});
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(2);
		expect(outputs[0].map((item) => item.json.no)).toEqual(['A', 'C']);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1][0].json).toMatchObject({ no: 'B', method: 'bad.method', error: 'WDT answered status 100: 单据不存在' });
	});

	it('continueRegularOutput behaves like continueOnFail', async () => {
		mixedReplies();
		const { outputs } = await engine.runNode({
			type: 'harnessProbe',
			parameters,
			input,
			credentials: credentialsFor(server.baseUrl),
			onError: 'continueRegularOutput',
		});
		expect(outputs).toHaveLength(1);
		expect(outputs[0][1].json).toEqual({ error: 'WDT answered status 100: 单据不存在' });
	});
});
