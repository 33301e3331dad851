/* eslint-disable -- test code, never shipped: the community-node lint rules (hardcoded secrets, …) are for node code. */
/**
 * A server whose error texts echo the request URL (with sid, key, salt, timestamp and sign in
 * the query) or the secret values themselves: nothing of it may reach the user. Checked here on
 * every text of the run (message, description, stack, the serialized error n8n stores, error
 * items), and by the suite's leak scan (test/harness/leak.ts), which fails the whole run if a
 * registered secret, salt, key or sign shows up in any text the harness collected.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { WDT_DEADLINES } from '../../nodes/shared/protocol';
import { createEngine, recordSecretValues } from '../harness';
import { safeStringify } from '../harness/leak';
import {
	startHostileServer,
	type Behaviour,
	type HostileServer,
	type SeenRequest,
} from './hostile-server';

const CREDENTIAL = {
	sid: 'echo-sid',
	key: 'echo-key-7g8h9i',
	secret: 'echo-secret-0j1k2l',
	salt: 'echo-salt-3m4n5o',
	environment: 'custom',
};

let server: HostileServer;
const engine = createEngine({ nodes: [Wdt] });

const echoes: Array<[string, (request: SeenRequest) => Behaviour]> = [
	[
		'a WDT message quoting the request line',
		(r) => ({ kind: 'reply', body: { status: 100, message: `非法请求: POST ${r.target}` } }),
	],
	[
		'a WDT message quoting the signed parameters as JSON',
		(r) => ({ kind: 'reply', body: { status: 1, message: JSON.stringify(r.query) } }),
	],
	[
		'a WDT message naming salt, sign and key bare',
		(r) => ({
			kind: 'reply',
			body: {
				status: 1,
				message: `签名错误 ${r.query.sign} salt ${r.query.salt} appkey ${r.query.key}`,
			},
		}),
	],
	[
		'an HTML 500 page with the URL in title and body',
		(r) => ({
			kind: 'reply',
			status: 500,
			body: `<html><head><title>Error at ${r.target}</title></head><body>${r.target}</body></html>`,
		}),
	],
	[
		'JSON without status echoing the URL',
		(r) => ({ kind: 'reply', body: { error: 'bad request', url: `http://127.0.0.1${r.target}` } }),
	],
	[
		'plain text 400 echoing the URL',
		(r) => ({
			kind: 'reply',
			status: 400,
			body: `Bad request ${r.target}`,
			contentType: 'text/plain',
		}),
	],
	[
		'a 404 echoing the URL',
		(r) => ({
			kind: 'reply',
			status: 404,
			body: `No route for ${r.target}`,
			contentType: 'text/plain',
		}),
	],
];

/** Every text a run produced that a user (or n8n's stored execution) can see. */
function textsOf(result: Awaited<ReturnType<typeof engine.runNode>>): string[] {
	const texts: string[] = [];
	const error = result.error as (Error & { description?: string }) | undefined;
	if (error)
		texts.push(error.message, String(error.description), String(error.stack), safeStringify(error));
	for (const output of result.outputs)
		for (const item of output ?? []) {
			texts.push(safeStringify(item.json));
			if (item.error) texts.push(safeStringify(item.error), String(item.error.stack));
		}
	texts.push(safeStringify(result.run.data.resultData));
	return texts;
}

function expectClean(texts: string[], request: SeenRequest) {
	const secrets = [CREDENTIAL.secret, CREDENTIAL.salt, CREDENTIAL.key, request.query.sign];
	for (const text of texts) {
		for (const secret of secrets) expect(text).not.toContain(secret);
		expect(text).not.toMatch(/[?&]method=/);
	}
}

const shipped = { ...WDT_DEADLINES };
beforeAll(async () => {
	// Gateway errors are retried once within 2 s instead of thrice within 60 s.
	WDT_DEADLINES.readMs = 2_000;
	server = await startHostileServer();
	recordSecretValues([CREDENTIAL.key], 'credential key');
});
afterAll(async () => {
	Object.assign(WDT_DEADLINES, shipped);
	await server.close();
});
beforeEach(() => {
	server.requests.length = 0;
});

describe.each([
	['a read', 'system.Core.now'],
	['a write', 'purchase.PurchaseApply.cancelForApi'],
])('%s against an echoing server', (_what, method) => {
	const run = async (continueOnFail: boolean) =>
		await engine.runNode({
			type: 'wdt',
			parameters: {
				resource: 'custom',
				operation: 'call',
				method: { __rl: true, mode: 'name', value: method },
				arguments: '[]',
			},
			input: [{}] as IDataObject[],
			credentials: { wdtApi: { ...CREDENTIAL, baseUrl: server.url } },
			continueOnFail,
		});

	it.each(echoes)(
		'%s: the error hides the query and every secret',
		async (_echo, behaviour) => {
			server.behave(behaviour);
			const stopped = await run(false);
			expect(stopped.error).toBeDefined();
			const failed = await run(true);
			expect(failed.outputs[0][0].json.error).toBeDefined();
			expect(server.requests.length).toBeGreaterThanOrEqual(2);
			expectClean([...textsOf(stopped), ...textsOf(failed)], server.requests[0]);
			// The user still learns what came back, with the secrets replaced.
			expect(stopped.error?.message).toMatch(/\[hidden\]|HTTP (400|404|500)|HTML page/);
		},
		30_000,
	);
});

describe('what stays readable', () => {
	it("WDT's message is quoted with the query hidden and the path kept", async () => {
		server.behave((r) => ({
			kind: 'reply',
			body: { status: 100, message: `非法请求: POST ${r.target}` },
		}));
		const { error } = await engine.runNode({
			type: 'wdt',
			parameters: {
				resource: 'custom',
				operation: 'call',
				method: { __rl: true, mode: 'name', value: 'system.Core.now' },
				arguments: '[]',
			},
			credentials: { wdtApi: { ...CREDENTIAL, baseUrl: server.url } },
		});
		expect(error?.message).toBe(
			'WDT system.Core.now failed: WDT refused the request (status 100: "非法请求: POST /openapi?[hidden]")',
		);
	});

	it('the credential test answers with its own words, whatever the server echoes', async () => {
		server.behave((r) => ({ kind: 'reply', body: { status: 100, message: `bad ${r.target}` } }));
		const result = await engine.testCredential('wdtApi', { ...CREDENTIAL, baseUrl: server.url });
		expect(result.status).toBe('Error');
		expectClean([result.message], server.requests[0]);
	});
});
