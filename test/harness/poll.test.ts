/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createEngine, type Engine, type RunPollOptions } from './engine';
import { startFakeWdtServer, type FakeWdtServer } from './fixtures/fake-wdt-server';
import { HarnessPoller } from './fixtures/test-nodes';

let server: FakeWdtServer;
let engine: Engine;
/** The ids the fake WDT has; the poller asks for those after its cursor. */
let available: number[];

beforeAll(async () => {
	server = await startFakeWdtServer();
	engine = createEngine({ nodes: [HarnessPoller] });
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	available = [1, 2, 3];
	server.reply((request) => ({
		body: { status: 0, data: { ids: available.filter((id) => id > Number(request.query.after)) } },
	}));
});

const poll = (options: Partial<RunPollOptions> & { behaviour?: string; staticData?: IDataObject }) =>
	engine.runPoll({
		nodeType: 'harnessPoller',
		mode: 'trigger',
		parameters: { behaviour: options.behaviour ?? 'items' },
		credentials: {
			wdtApi: {
				sid: 'poll-sid',
				key: 'poll-key',
				secret: 'poll-secret-9f8e7d6c',
				salt: 'poll-salt-5b4a3928',
				environment: 'custom',
				baseUrl: server.baseUrl,
			},
		},
		...options,
	});

const ids = (items: { json: IDataObject }[][] | null) => items?.[0].map((item) => item.json.id) ?? null;

describe('runPoll in trigger mode (a scheduled poll of an active workflow)', () => {
	for (const persistence of ['n8n1', 'n8n2'] as const) {
		it(`${persistence}: a poll that returns items saves its cursor; the next poll starts from it`, async () => {
			const first = await poll({ persistence, staticData: {} });
			expect(first.error).toBeUndefined();
			expect(ids(first.items)).toEqual([1, 2, 3]);
			expect(first.items?.[0][0].json).toMatchObject({ mode: 'trigger', activation: 'activate' });
			expect(first.staticData).toEqual({ lastId: 3 });
			expect(first.persistedStaticData).toEqual({ lastId: 3 });

			available.push(4);
			const second = await poll({ persistence, staticData: first.staticData });
			expect(ids(second.items)).toEqual([4]);
			expect(second.staticData).toEqual({ lastId: 4 });

			const third = await poll({ persistence, staticData: second.staticData });
			expect(third.items).toBeNull();
			expect(third.staticData).toEqual({ lastId: 4 });
		});
	}

	it('n8n1: a poll that throws after advancing keeps the advance in memory but not in the database', async () => {
		const result = await poll({ persistence: 'n8n1', behaviour: 'throw', staticData: { lastId: 1 } });
		expect(result.items).toBeNull();
		expect(result.error).toMatchObject({ message: 'The poll failed after advancing its cursor' });
		// The next scheduled poll of the same n8n process sees the advance (records 2 and 3 are
		// skipped); after a restart it would see the saved { lastId: 1 } again.
		expect(result.staticData).toEqual({ lastId: 3 });
		expect(result.persistedStaticData).toEqual({ lastId: 1 });
	});

	it('n8n2: a poll that throws commits nothing; the next poll repeats the window', async () => {
		const result = await poll({ persistence: 'n8n2', behaviour: 'throw', staticData: { lastId: 1 } });
		expect(result.items).toBeNull();
		expect(result.error).toMatchObject({ message: 'The poll failed after advancing its cursor' });
		expect(result.staticData).toEqual({ lastId: 1 });
		expect(result.persistedStaticData).toEqual({ lastId: 1 });
	});

	it('n8n1: a poll that returns null after advancing is not saved (kept in memory only)', async () => {
		const result = await poll({ persistence: 'n8n1', behaviour: 'advanceOnly', staticData: { lastId: 1 } });
		expect(result.items).toBeNull();
		expect(result.error).toBeUndefined();
		expect(result.staticData).toEqual({ lastId: 3 });
		expect(result.persistedStaticData).toEqual({ lastId: 1 });
	});

	it('n8n2: a scheduled poll that returns null after advancing commits the cursor on its own', async () => {
		const result = await poll({ persistence: 'n8n2', behaviour: 'advanceOnly', staticData: { lastId: 1 } });
		expect(result.items).toBeNull();
		expect(result.staticData).toEqual({ lastId: 3 });
		expect(result.persistedStaticData).toEqual({ lastId: 3 });
	});

	it('n8n2: the activation poll that returns null commits nothing', async () => {
		const result = await poll({
			persistence: 'n8n2',
			behaviour: 'advanceOnly',
			staticData: { lastId: 1 },
			activationPoll: true,
		});
		expect(result.items).toBeNull();
		expect(result.staticData).toEqual({ lastId: 1 });
	});

	it('the activation poll throws its error to the activator (captured as error)', async () => {
		const result = await poll({ persistence: 'n8n1', behaviour: 'throw', activationPoll: true, staticData: {} });
		expect(result.error).toMatchObject({ message: 'The poll failed after advancing its cursor' });
	});

	it('uses the workflow timezone', async () => {
		const result = await poll({ staticData: {}, timezone: 'Asia/Shanghai' });
		expect(result.items?.[0][0].json.timezone).toBe('Asia/Shanghai');
	});

	it('does not mutate the static data passed in', async () => {
		const given = { lastId: 1 };
		await poll({ persistence: 'n8n1', staticData: given });
		expect(given).toEqual({ lastId: 1 });
	});
});

describe('runPoll in manual mode (the editor testing the trigger)', () => {
	for (const persistence of ['n8n1', 'n8n2'] as const) {
		it(`${persistence}: returns the items through WorkflowExecute and saves no static data`, async () => {
			const result = await poll({ mode: 'manual', persistence, staticData: { lastId: 1 } });
			expect(result.error).toBeUndefined();
			expect(ids(result.items)).toEqual([2, 3]);
			expect(result.items?.[0][0].json).toMatchObject({ mode: 'manual', activation: 'manual' });
			expect(result.staticData).toEqual({ lastId: 1 });
			expect(result.persistedStaticData).toEqual({ lastId: 1 });
			expect(result.run?.status).toBe('success');
		});
	}

	it('reports the node error of a failing poll', async () => {
		const result = await poll({ mode: 'manual', behaviour: 'throw', staticData: {} });
		expect(result.items).toBeNull();
		expect(result.error).toMatchObject({ message: 'The poll failed after advancing its cursor' });
		expect(result.staticData).toEqual({});
	});

	it('returns null when the poll found nothing', async () => {
		const result = await poll({ mode: 'manual', staticData: { lastId: 3 } });
		expect(result.error).toBeUndefined();
		expect(result.items).toBeNull();
	});
});
