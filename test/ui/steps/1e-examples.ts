/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * 1e: every examples/*.json imported through the editor as a user does it (a new workflow, the
 * workflow menu's "Import from File…"), every node on the canvas, and the WDT parts executed
 * against the simulator from the node panel: "Execute step" on a WDT node (n8n runs the nodes
 * before it too), "Fetch Test Event" on a WDT Trigger. Opening a WDT node selects the demo
 * credential by itself (the examples name none that exists; n8n picks the only one of the type).
 *
 * No example runs end to end here: each one also needs a service outside n8n and the simulator
 * (Google Sheets, an SMTP server, OpenAI, the user's shop). NOT_RUN says which and why; of the
 * others, everything up to the first such node runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, it } from 'vitest';

import { DEMO_ORDERS, DEMO_PENDING_LOGISTICS, demoFlowExamples } from '../../simulator';
import {
	executeStep,
	itemsMatching,
	ndv,
	outputJsonText,
	useDemoCredential,
	type StepOutput,
} from '../flows';
import { defineStep, type EditorSession } from '../harness';

const EXAMPLES_DIR = join(__dirname, '..', '..', '..', 'examples');
const DAY = 24 * 3_600_000;
const CST_OFFSET = 8 * 3_600_000;

/** Examples whose WDT nodes run only on what a service outside n8n gives them. */
const NOT_RUN: Readonly<Record<string, string>> = {
	'ai-agent-wdt-tool.json':
		'the AI Agent needs an OpenAI chat model (the tools are tested in test/e2e with a scripted model)',
	'cancel-applies-from-sheet.json':
		'its WDT node cancels the numbers read from a Google Sheet (needs a Google account)',
	'sheet-rows-to-orders.json':
		'its WDT node pushes the rows read from a Google Sheet (needs a Google account)',
	'sheet-rows-to-purchase-applies.json':
		'its WDT node creates applies from rows read from a Google Sheet (needs a Google account)',
};

interface Run {
	/** The node opened. */
	node: string;
	/** What its output must show. */
	check(ui: EditorSession, output: StepOutput, prepared: string[]): void | Promise<void>;
}

/** What runs of the others (the nodes after these need Google Sheets, SMTP or the user's shop). */
const RUNS: Readonly<Record<string, { prepare?: (ui: EditorSession) => string[]; runs: Run[] }>> = {
	'cancelled-stockouts-to-sheet-and-email.json': {
		runs: [{ node: 'WDT Trigger', check: (_ui, output) => expectSample(output) }],
	},
	'daily-cancelled-summary.json': {
		// Yesterday in the workflow's time zone (Asia/Shanghai): one cancelled stockout at noon,
		// so the check does not depend on the hour the test runs.
		prepare: (ui) => {
			const now = ui.dev.sim.clock.now();
			const startOfToday = Math.floor((now + CST_OFFSET) / DAY) * DAY - CST_OFFSET;
			const stockout = ui.dev.sim.addStockout({ modifiedMs: startOfToday - DAY / 2 });
			return [stockout.stockoutNo];
		},
		runs: [
			{
				node: "Yesterday's cancelled stockouts",
				check: async (ui, output, [stockoutNo]) => {
					expect(output.count).toBeGreaterThan(0);
					expect(await itemsMatching(ui, stockoutNo)).toBe(1);
				},
			},
			{
				node: 'Collect',
				check: async (ui, output, [stockoutNo]) => {
					expect(output.count).toBe(1);
					expect(await outputJsonText(ui.page)).toContain(stockoutNo);
				},
			},
		],
	},
	'new-orders-to-sheet.json': {
		runs: [
			{ node: 'WDT Trigger', check: (_ui, output) => expectSample(output) },
			{
				node: 'One item per order line',
				check: async (ui, output) => {
					expect(output.count).toBeGreaterThan(0);
					const skus = new Set(
						ui.dev.sim
							.records(DEMO_ORDERS)
							.select(ui.dev.sim, {})
							.flatMap((order) =>
								(order.detail_list as Array<{ spec_no: string }>).map((line) => line.spec_no),
							),
					);
					let matched = 0;
					for (const sku of skus) matched += await itemsMatching(ui, sku);
					// One item per order line, each naming one demo SKU.
					expect(matched).toBe(output.count);
				},
			},
		],
	},
	'pending-logistics-to-shop.json': {
		runs: [
			{
				node: 'Get pending tracking numbers',
				check: async (ui, output) => {
					const pending = ui.dev.sim.records(DEMO_PENDING_LOGISTICS).select(ui.dev.sim, {});
					expect(output.count).toBe(pending.length);
					expect(await itemsMatching(ui, String(pending[0].logistics_no))).toBe(1);
				},
			},
		],
	},
	'stock-sync-to-shop.json': {
		// The nodes after these send to the user's shop; Calculate only reads (WDT keeps the goods
		// pending until Report Result), so running it here changes nothing in the simulator.
		runs: [
			{
				node: 'Get goods waiting to sync',
				check: async (ui, output) => {
					const pending = demoFlowExamples(ui.dev.sim).pendingSyncIds;
					expect(pending.length).toBeGreaterThan(0);
					expect(output.count).toBe(pending.length);
					expect(await outputJsonText(ui.page)).toContain(String(pending[0]));
				},
			},
			{
				node: 'Calculate stock to publish',
				check: async (ui, output) => {
					expect(output.count).toBe(demoFlowExamples(ui.dev.sim).pendingSyncIds.length);
					expect(await outputJsonText(ui.page)).toContain('syn_stock');
				},
			},
		],
	},
	'shipped-stockouts-to-email.json': {
		runs: [{ node: 'WDT Trigger', check: (_ui, output) => expectSample(output) }],
	},
};

function expectSample(output: StepOutput): void {
	expect(output.count, `no sample: ${output.text.slice(0, 300)}`).toBeGreaterThan(0);
}

const slugOf = (file: string) => file.replace(/\.json$/, '');

/** A new workflow, the example imported through the file input of the workflow menu's import. */
async function importExample(ui: EditorSession, file: string): Promise<string[]> {
	await ui.goto('/workflow/new');
	await ui.page
		.locator('[data-test-id="workflow-import-input"]')
		.first()
		.setInputFiles(join(EXAMPLES_DIR, file));
	const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as {
		nodes: Array<{ name: string; type: string }>;
	};
	const names = workflow.nodes
		.filter((node) => node.type !== 'n8n-nodes-base.stickyNote')
		.map((node) => node.name);
	const onCanvas = ui.page.locator('[data-test-id="canvas-node"]');
	await ui.waitFor(async () => (await onCanvas.count()) >= names.length, {
		timeoutMs: 20_000,
		what: `the ${names.length} nodes of ${file} on the canvas`,
	});
	const shown = await onCanvas.evaluateAll((nodes) =>
		nodes.map((node) => node.getAttribute('data-node-name')),
	);
	expect(shown).toEqual(expect.arrayContaining(names));
	await ui.shot(`1e-${slugOf(file)}-1-imported`);
	return names;
}

export default defineStep(
	'1e',
	'every example imports through the editor; its WDT parts run',
	(ui) => {
		const files = readdirSync(EXAMPLES_DIR)
			.filter((file) => file.endsWith('.json'))
			.sort();

		it('every example is either run here or says why not', () => {
			expect(files.filter((file) => !(file in NOT_RUN) && !(file in RUNS))).toEqual([]);
		});

		for (const file of files) {
			const plan = RUNS[file];
			const title = plan
				? `${file}: imported; ${plan.runs.map((r) => r.node).join(', ')} run against the simulator`
				: `${file}: imported (not run: ${NOT_RUN[file]})`;
			it(title, async () => {
				await importExample(ui, file);
				if (!plan) return;
				const prepared = plan.prepare?.(ui) ?? [];
				for (const [index, run] of plan.runs.entries()) {
					await ui.openNode(run.node);
					// A WDT node's credential: the demo one (nodes without a credential field: nothing).
					if (await ndv(ui.page).locator('[data-test-id="node-credentials-select"]').count()) {
						await useDemoCredential(ui);
					}
					const output = await executeStep(ui);
					await ui.shot(`1e-${slugOf(file)}-${index + 2}-${run.node.replace(/\W+/g, '-')}`);
					await run.check(ui, output, prepared);
					await ui.closeNdv();
				}
			});
		}
	},
);
