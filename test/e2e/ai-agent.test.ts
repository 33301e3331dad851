/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The WDT node as a tool of n8n's AI Agent, in real n8n (every version of the e2e), with the
 * packed package installed as a user installs it. The chat model is n8n's OpenAI Chat Model node
 * pointed at a scripted stand-in on 127.0.0.1 (./chat-model-stand-in.ts): it asks for the WDT
 * tool calls, then answers. Each run is `n8n execute` of Manual Trigger → AI Agent with a fixed
 * prompt. Checked: what n8n tells the model about the tools (name, description, $fromAI
 * parameters), the calls WDT received, the tool results the model got back, and the answer.
 *
 *   npm run test:e2e                     (all test/e2e files; WDT_E2E_N8N=1 or 2 for one version)
 *   npx vitest run --config test/e2e/vitest.config.mts test/e2e/ai-agent.test.ts
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	credentialData,
	PURCHASE_APPLY_STATUS,
	STOCKOUT_STATUS,
	startSimulator,
	type WdtSimulator,
} from '../simulator';
import {
	offeredTools,
	requestText,
	toolResults,
	startChatModelStandIn,
	type ChatModelStandIn,
	type RecordedChatRequest,
} from './chat-model-stand-in';
import { versionsFromArgs } from './n8n-install.mjs';
import * as e2e from './n8n.mjs';
import type { ExecuteResult, N8nInstance } from './n8n.mjs';

const REPO = resolve(__dirname, '../..');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const WDT_CREDENTIAL = { id: 'wdtcred1', name: 'WDT simulator' };
const OPENAI_CREDENTIAL = { id: 'oaicred1', name: 'OpenAI stand-in' };

// The example workflow's tools, as a user sets them up: the operation fixed, the values the
// model decides via $fromAI(). n8n names each tool after its node (non-word characters → _).
const EXAMPLE = join(REPO, 'examples/ai-agent-wdt-tool.json');
const READ_TOOL = 'Cancelled_stockouts';
const WRITE_TOOL = 'Cancel_purchase_applies';
const FROM_AI = {
	startTime: 'Start of the period, as an ISO 8601 date-time with timezone',
	endTime: 'End of the period, as an ISO 8601 date-time with timezone',
	applyNumbers: 'The purchase apply numbers to cancel, comma-separated',
} as const;

const APPLIES = ['POAAGENT01', 'POAAGENT02'];

/**
 * The two APIs n8n's OpenAI Chat Model node (1.3, the example's) speaks: the Responses API, its
 * default, and Chat Completions with "Use Responses API" off (what OpenAI-compatible servers take).
 */
const MODEL_APIS = [
	{ name: 'OpenAI Responses API', key: 'Resp', api: 'responses' },
	{ name: 'OpenAI Chat Completions', key: 'Chat', api: 'chat' },
] as const;
type ModelApi = (typeof MODEL_APIS)[number];
const workflowId = (what: 'Read' | 'Write' | 'Part' | 'Stop', modelApi: ModelApi) =>
	`wfAgent${what}${modelApi.key}`;

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, any>;
	credentials?: Record<string, unknown>;
	[key: string]: unknown;
}

/**
 * The example workflow run headless: its Chat Trigger becomes a Manual Trigger and the agent gets
 * a fixed prompt (`n8n execute` cannot chat), and Simple Memory goes (it keys on the chat's
 * session). The model, the agent's system message and the WDT tools are the example's own;
 * `stopOnToolError` takes the Cancel tool's On Error → Continue away (n8n's default).
 */
function agentWorkflow(
	id: string,
	prompt: string,
	modelApi: ModelApi,
	{ stopOnToolError = false } = {},
): Record<string, unknown> {
	const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as {
		nodes: ExampleNode[];
		connections: Record<string, unknown>;
		settings: unknown;
	};
	const trigger = example.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.chatTrigger')!;
	const memory = example.nodes.find((n) => n.type.startsWith('@n8n/n8n-nodes-langchain.memory'))!;
	const nodes = example.nodes
		.filter((n) => n !== memory)
		.map((n): ExampleNode => {
			if (n === trigger)
				return {
					...n,
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					parameters: {},
					webhookId: undefined,
				};
			if (n.type === '@n8n/n8n-nodes-langchain.agent')
				return { ...n, parameters: { ...n.parameters, promptType: 'define', text: prompt } };
			if (n.credentials?.wdtApi)
				return {
					...n,
					credentials: { wdtApi: WDT_CREDENTIAL },
					...(stopOnToolError ? { onError: undefined } : {}),
				};
			if (n.credentials?.openAiApi)
				return {
					...n,
					parameters: { ...n.parameters, responsesApiEnabled: modelApi.api === 'responses' },
					credentials: { openAiApi: OPENAI_CREDENTIAL },
				};
			return n;
		});
	const connections = Object.fromEntries(
		Object.entries(example.connections)
			.filter(([from]) => from !== memory.name)
			.map(([from, links]) => [from === trigger.name ? 'Start' : from, links]),
	);
	return {
		id,
		name: `E2E ${id}: the AI Agent example, headless`,
		active: false,
		nodes,
		connections,
		settings: example.settings,
		pinData: {},
	};
}

const READ_PROMPT = 'Which sales stockouts were cancelled in the last hour?';
/** Each API's run cancels applies of its own. */
const appliesFor = (modelApi: ModelApi) =>
	APPLIES.map((no) => `${no}${modelApi.key.toUpperCase()}`);
/** An apply that is waiting for reference (待引用): WDT refuses to cancel it. */
const refusedApplies = (modelApi: ModelApi) => [
	`POAAGENT03${modelApi.key.toUpperCase()}`,
	`POAAGENT04${modelApi.key.toUpperCase()}`,
];
const refusedPrompt = (modelApi: ModelApi) =>
	`Cancel the purchase applies ${refusedApplies(modelApi).join(' and ')}.`;
const STOP_APPLIES = ['POAAGENT05', 'POAAGENT06'];
const stopPrompt = `Cancel the purchase applies ${STOP_APPLIES.join(' and ')}.`;
const writePrompt = (modelApi: ModelApi) =>
	`Cancel the purchase applies ${appliesFor(modelApi).join(' and ')}.`;

function cst(ms: number): string {
	const d = new Date(Math.floor(ms / 1000) * 1000 + 8 * HOUR);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
const tail = (text: string, n = 3000) => (text.length > n ? `…${text.slice(-n)}` : text);
const explain = (r: ExecuteResult) =>
	`exit ${r.code}, error: ${r.error?.message ?? 'none'} ${r.error?.description ?? ''}\n--- stdout ---\n${tail(r.stdout)}\n--- stderr ---\n${tail(r.stderr)}`;

const VERSIONS = versionsFromArgs([], process.env.WDT_E2E_N8N || 'all');

describe.each(VERSIONS)('n8n %s: the WDT node as an AI Agent tool', (version) => {
	let sim: WdtSimulator;
	let model: ChatModelStandIn;
	let inst: N8nInstance;
	let tmp: string;
	let failed = true;
	let t0 = 0;

	beforeAll(async () => {
		t0 = Date.now();
		sim = await startSimulator({ seed: 'empty' });
		model = await startChatModelStandIn();
		inst = await e2e.prepareN8n({ version, log: (s) => process.stderr.write(s) });
		tmp = await mkdtemp(join(tmpdir(), 'wdt-e2e-agent-'));
		await e2e.installCommunityPackage(inst.userFolder, await e2e.packPackage(REPO, tmp));
		await e2e.importCredentials(inst, [
			{
				...WDT_CREDENTIAL,
				type: 'wdtApi',
				data: credentialData(sim.url),
			},
			{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-stand-in', url: model.url } },
		]);
		await e2e.importWorkflow(inst, [
			...MODEL_APIS.flatMap((modelApi) => [
				agentWorkflow(workflowId('Read', modelApi), READ_PROMPT, modelApi),
				agentWorkflow(workflowId('Write', modelApi), writePrompt(modelApi), modelApi),
				agentWorkflow(workflowId('Part', modelApi), refusedPrompt(modelApi), modelApi),
			]),
			agentWorkflow(workflowId('Stop', MODEL_APIS[1]), stopPrompt, MODEL_APIS[1], {
				stopOnToolError: true,
			}),
		]);
		failed = false;
		console.log(
			`[e2e agent] n8n ${inst.version} set up in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
		);
	});

	afterAll(async () => {
		await model?.close();
		await sim?.close();
		if (tmp) await rm(tmp, { recursive: true, force: true });
		if (inst && !process.env.WDT_E2E_KEEP && !failed)
			await rm(inst.userFolder, { recursive: true, force: true });
		else if (inst) console.log(`[e2e agent] n8n user folder kept: ${inst.userFolder}`);
		console.log(`[e2e agent] n8n ${version}: ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
	});

	async function run(id: string): Promise<ExecuteResult> {
		const started = Date.now();
		const r = await e2e.executeWorkflow(inst, id);
		console.log(
			`[e2e agent] n8n ${version} ${id}: n8n execute ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
		if (!r.ok) failed = true;
		expect(r.ok, `workflow ${id} failed in n8n:\n${explain(r)}`).toBe(true);
		expect(model.remaining(), 'the model was asked for every scripted turn').toBe(0);
		return r;
	}

	/** The tools n8n offered the model in a request, by name. */
	const toolsOf = (request: RecordedChatRequest) =>
		new Map(offeredTools(request).map((tool) => [tool.name, tool]));

	describe.each(MODEL_APIS)('$name', (modelApi) => {
		it('read: the agent calls Sales Stockout → Get Many Cancelled with the times the model chose, and answers from the result', async () => {
			const endMs = Date.now();
			const startMs = endMs - HOUR;
			const inside = [
				sim.addStockout({ modifiedMs: endMs - 40 * MINUTE }),
				sim.addStockout({ modifiedMs: endMs - 20 * MINUTE }),
			];
			const outside = sim.addStockout({ modifiedMs: endMs - 2 * HOUR });
			// Every cancelled stockout of the hour (an earlier run's are there too).
			const expected = [...sim.stockouts.values()]
				.filter((s) => s.status === STOCKOUT_STATUS.cancelled)
				.filter((s) => s.modifiedMs >= startMs && s.modifiedMs <= endMs)
				.map((s) => s.stockoutNo);
			const answer = `${expected.length} stockouts were cancelled in the last hour: ${expected.join(', ')}.`;
			model.requests.length = 0;
			model.script([
				{
					toolCalls: [
						{
							name: READ_TOOL,
							arguments: {
								startTime: new Date(startMs).toISOString(),
								endTime: new Date(endMs).toISOString(),
							},
						},
					],
				},
				{ content: answer },
			]);
			const seq = sim.requests.at(-1)?.seq ?? 0;

			const r = await run(workflowId('Read', modelApi));

			// What n8n told the model about our tools.
			expect(model.requests.map((q) => q.api)).toEqual([modelApi.api, modelApi.api]);
			const [first, second] = model.requests;
			console.log(
				`[e2e agent] n8n ${version}, ${modelApi.name}: tools sent to the model\n${JSON.stringify(first.body.tools, null, 2)}`,
			);
			const tools = toolsOf(first);
			expect([...tools.keys()].sort()).toEqual([WRITE_TOOL, READ_TOOL].sort());
			const read = tools.get(READ_TOOL)!;
			expect(read.description).toBe('Get many cancelled sales stockouts in WDT');
			expect(read.parameters?.type).toBe('object');
			expect(read.parameters?.properties).toEqual({
				startTime: { type: 'string', description: FROM_AI.startTime },
				endTime: { type: 'string', description: FROM_AI.endTime },
			});
			expect([...(read.parameters?.required ?? [])].sort()).toEqual(['endTime', 'startTime']);
			const write = tools.get(WRITE_TOOL)!;
			expect(write.description).toBe('Cancel purchase applies in WDT');
			expect(write.parameters?.properties).toEqual({
				applyNumbers: { type: 'string', description: FROM_AI.applyNumbers },
			});
			expect(requestText(first)).toContain(READ_PROMPT);
			expect(requestText(first), "the example's system message").toContain(
				'ask the user to confirm',
			);

			// The tool's request reached WDT with the model's times, in China Standard Time.
			const calls = sim.requests.filter(
				(q) => q.seq > seq && q.method === 'wms.stockout.Sales.searchCancel',
			);
			expect(calls.map((q) => (q.args as Array<Record<string, string>>)[0])).toEqual([
				expect.objectContaining({ start_time: cst(startMs), end_time: cst(endMs) }),
			]);
			expect(calls.every((q) => q.status === 0)).toBe(true);

			// The tool's result reached the model: both cancelled stockouts, not the older one.
			const results = toolResults(second);
			expect(results).toHaveLength(1);
			console.log(
				`[e2e agent] n8n ${version}, ${modelApi.name}: read tool result\n${results[0].slice(0, 600)}`,
			);
			const items = JSON.parse(results[0]) as Array<Record<string, unknown>>;
			expect(items.map((i) => i.stockout_no).sort()).toEqual([...expected].sort());
			for (const s of inside) expect(expected).toContain(s.stockoutNo);
			expect(expected).not.toContain(outside.stockoutNo);
			expect(items.every((i) => i.status === 5 && i.status_name === '已取消')).toBe(true);

			// The agent's final answer.
			expect(e2e.nodeOutput(r.runData, 'AI Agent')).toEqual([{ output: answer }]);
		});

		it('write: the agent cancels two purchase applies through Purchase Apply → Cancel, and reports what WDT confirmed', async () => {
			const applies = appliesFor(modelApi);
			for (const no of applies) sim.addPurchaseApply({ purchaseApplyNo: no, status: 'editing' });
			const answer = `Cancelled ${applies.join(' and ')}.`;
			model.requests.length = 0;
			model.script([
				{ toolCalls: [{ name: WRITE_TOOL, arguments: { applyNumbers: applies.join(', ') } }] },
				{ content: answer },
			]);
			const seq = sim.requests.at(-1)?.seq ?? 0;

			const r = await run(workflowId('Write', modelApi));
			expect(requestText(model.requests[0])).toContain(writePrompt(modelApi));

			const calls = sim.requests.filter(
				(q) => q.seq > seq && q.method === 'purchase.PurchaseApply.cancelForApi',
			);
			expect(calls.map((q) => q.args)).toEqual([[applies]]);
			for (const no of applies)
				expect(sim.purchaseApplies.get(no)!.status).toBe(PURCHASE_APPLY_STATUS.cancelled);
			// Only the write went to WDT: the read tool was not called.
			expect(
				sim.requests.filter((q) => q.seq > seq && q.method === 'wms.stockout.Sales.searchCancel'),
			).toEqual([]);

			expect(model.requests).toHaveLength(2);
			const results = toolResults(model.requests[1]);
			expect(results).toHaveLength(1);
			console.log(
				`[e2e agent] n8n ${version}, ${modelApi.name}: write tool result\n${results[0].slice(0, 600)}`,
			);
			for (const no of applies) expect(results[0]).toContain(no);
			expect(results[0]).toMatch(/"success":\s*true/);
			expect(results[0]).not.toMatch(/"success":\s*false/);

			expect(e2e.nodeOutput(r.runData, 'AI Agent')).toEqual([{ output: answer }]);
		});

		it('write, one number refused (the example: On Error → Continue): the model learns which apply WDT cancelled and why it refused the other', async () => {
			const [cancellable, submitted] = refusedApplies(modelApi);
			sim.addPurchaseApply({ purchaseApplyNo: cancellable, status: 'editing' });
			sim.addPurchaseApply({ purchaseApplyNo: submitted, status: 'pendingReference' });
			const answer = `Cancelled ${cancellable}; WDT refused ${submitted}.`;
			model.requests.length = 0;
			model.script([
				{
					toolCalls: [
						{ name: WRITE_TOOL, arguments: { applyNumbers: `${cancellable}, ${submitted}` } },
					],
				},
				{ content: answer },
			]);

			const r = await run(workflowId('Part', modelApi));

			expect(sim.purchaseApplies.get(cancellable)!.status).toBe(PURCHASE_APPLY_STATUS.cancelled);
			expect(sim.purchaseApplies.get(submitted)!.status).toBe(
				PURCHASE_APPLY_STATUS.pendingReference,
			);
			const results = toolResults(model.requests[1]);
			expect(results).toHaveLength(1);
			console.log(
				`[e2e agent] n8n ${version}, ${modelApi.name}: partly refused tool result\n${results[0]}`,
			);
			const items = JSON.parse(results[0]) as Array<Record<string, unknown>>;
			expect(items.map((i) => [i.order_no, i.success, i.error])).toEqual([
				[cancellable, true, null],
				[submitted, false, '采购申请单状态不是编辑中或待确认'],
			]);
			expect(e2e.nodeOutput(r.runData, 'AI Agent')).toEqual([{ output: answer }]);
		});
	});

	// Without On Error → Continue the tool throws; what then reaches the model is n8n's doing.
	it('write, one number refused, without On Error → Continue: 1.x fails the run, 2.x gives the model only the error', async () => {
		const [cancellable, submitted] = STOP_APPLIES;
		sim.addPurchaseApply({ purchaseApplyNo: cancellable, status: 'editing' });
		sim.addPurchaseApply({ purchaseApplyNo: submitted, status: 'pendingReference' });
		// The message leads with what was done (docs/cancel-partial-failure.md).
		const refusal = `Cancelled 1 of 2 purchase applies (${cancellable}); WDT refused to cancel purchase apply ${submitted} ("采购申请单状态不是编辑中或待确认")`;
		model.requests.length = 0;
		model.script([
			{
				toolCalls: [
					{ name: WRITE_TOOL, arguments: { applyNumbers: `${cancellable}, ${submitted}` } },
				],
			},
			{ content: 'One apply could not be cancelled.' },
		]);

		const r = await e2e.executeWorkflow(inst, workflowId('Stop', MODEL_APIS[1]));

		// WDT cancelled the first either way.
		expect(sim.purchaseApplies.get(cancellable)!.status).toBe(PURCHASE_APPLY_STATUS.cancelled);
		if (Number(version.split('.')[0]) < 2) {
			expect(r.ok, explain(r)).toBe(false);
			expect(r.error?.message).toBe(refusal);
			expect(model.requests, 'the model is not asked again').toHaveLength(1);
		} else {
			expect(r.ok, explain(r)).toBe(true);
			expect(model.requests).toHaveLength(2);
			expect(toolResults(model.requests[1]).map((text) => JSON.parse(text))).toEqual([
				[{ error: refusal }],
			]);
		}
	});
});
