/**
 * 1d: every event of the WDT Trigger, as a user first meets it: a new workflow, the event picked
 * in the first-step panel ("On sales stockout cancelled", …), "Fetch Test Event", and the output
 * panel's sample (up to 3 of the newest events of the last 24 hours) checked against the
 * simulator's demo data. Then the same with nothing to show: the demo seller's purchase applies
 * taken away for a moment, the message a user with an empty account sees must say why and what
 * to do.
 */
import { expect, it } from 'vitest';

import { TRIGGER_EVENTS } from '../../../nodes/WdtTrigger/events';
import {
	CHANGE_HISTORY,
	DEMO_ORDERS,
	DEMO_REFUNDS,
	GOODS_QUERY,
	PURCHASE_ORDERS,
	PURCHASE_STOCKINS,
	REFUND_STOCKINS,
	TRANSFERS,
	type WdtSimulator,
} from '../../simulator';
import { addWdtTrigger, executeStep, outputJsonText, type StepOutput } from '../flows';
import { defineStep, type EditorSession } from '../harness';

/** How many events Fetch Test Event shows at most (nodes/WdtTrigger/WdtTrigger.node.ts). */
const TEST_EVENT_COUNT = 3;

interface EventCase {
	/** The event's value in nodes/WdtTrigger/events/index.ts. */
	event: string;
	/** The event's entry in the nodes panel. */
	entry: string;
	slug: string;
	/** The numbers of the demo records the sample may show. */
	numbers(sim: WdtSimulator): string[];
}

const stockoutNumbers = (sim: WdtSimulator, cancelledOnly: boolean) =>
	[...sim.stockouts.values()]
		.filter((stockout) => !cancelledOnly || stockout.cancelled)
		.map((stockout) => stockout.stockoutNo);
const field = (sim: WdtSimulator, method: string, name: string) =>
	sim
		.records(method)
		.select(sim, {})
		.map((record) => String(record[name]));

const EVENTS: EventCase[] = [
	{
		event: 'stockoutCancelled',
		entry: 'On sales stockout cancelled',
		slug: 'stockout-cancelled',
		numbers: (sim) => stockoutNumbers(sim, true),
	},
	{
		event: 'stockoutShipped',
		entry: 'On sales stockout shipped',
		slug: 'stockout-shipped',
		numbers: (sim) => stockoutNumbers(sim, false),
	},
	{
		event: 'salesOrderChanged',
		entry: 'On new or updated sales order',
		slug: 'sales-order',
		numbers: (sim) => field(sim, DEMO_ORDERS, 'trade_no'),
	},
	{
		event: 'refundChanged',
		entry: 'On refund created or updated',
		slug: 'refund',
		numbers: (sim) => field(sim, DEMO_REFUNDS, 'refund_no'),
	},
	{
		event: 'goodsChanged',
		entry: 'On goods created or updated',
		slug: 'goods',
		numbers: (sim) => field(sim, GOODS_QUERY, 'goods_no'),
	},
	{
		event: 'purchaseApplyStatusChanged',
		entry: 'On purchase apply status changed',
		slug: 'purchase-apply',
		numbers: (sim) => [...sim.purchaseApplies.keys()],
	},
	{
		event: 'purchaseOrderStatusChanged',
		entry: 'On purchase order status changed',
		slug: 'purchase-order',
		numbers: (sim) => field(sim, PURCHASE_ORDERS, 'purchase_no'),
	},
	{
		event: 'purchaseStockinCreated',
		// n8n writes "On <event name in lower case>", its hyphens as spaces.
		entry: 'On purchase stock in created',
		slug: 'purchase-stockin',
		numbers: (sim) => field(sim, PURCHASE_STOCKINS, 'order_no'),
	},
	{
		event: 'stockMoved',
		entry: 'On stock moved',
		slug: 'stock-moved',
		numbers: (sim) => field(sim, CHANGE_HISTORY, 'stockio_no'),
	},
	{
		event: 'refundStockinReceived',
		entry: 'On refund stock in received',
		slug: 'refund-stockin',
		numbers: (sim) => field(sim, REFUND_STOCKINS, 'order_no'),
	},
	{
		event: 'transferStatusChanged',
		entry: 'On transfer status changed',
		slug: 'transfer',
		numbers: (sim) => field(sim, TRANSFERS, 'transfer_no'),
	},
];

async function fetchTestEvent(ui: EditorSession, entry: string, slug: string): Promise<StepOutput> {
	await ui.goto('/workflow/new');
	await addWdtTrigger(ui, entry);
	await ui.shot(`1d-${slug}-1-panel`);
	const output = await executeStep(ui);
	await ui.shot(`1d-${slug}-2-${output.count === undefined ? 'message' : 'sample'}`);
	return output;
}

export default defineStep('1d', 'every trigger event shows a sample on Fetch Test Event', (ui) => {
	it('every event of the trigger has a test here', () => {
		const covered = new Set(EVENTS.map((event) => event.event));
		const missing = TRIGGER_EVENTS.filter((event) => !covered.has(event.option.value));
		expect(
			missing.map((event) => `${event.option.name} (${event.option.value})`),
			'events of nodes/WdtTrigger/events/index.ts without a case in test/ui/steps/1d-trigger-events.ts',
		).toEqual([]);
	});

	for (const event of EVENTS) {
		it(`${event.entry}: Fetch Test Event shows the newest events`, async () => {
			const output = await fetchTestEvent(ui, event.entry, event.slug);
			expect(output.count, `no sample: ${output.text.slice(0, 400)}`).toBeGreaterThan(0);
			expect(output.count).toBeLessThanOrEqual(TEST_EVENT_COUNT);
			// The newest event first: its whole JSON is on screen.
			const json = await outputJsonText(ui.page);
			const numbers = event.numbers(ui.dev.sim);
			expect(
				numbers.filter((no) => json.includes(no)),
				`a demo record's number in the sample: ${json.slice(0, 400)}`,
			).not.toEqual([]);
		});
	}

	it('an account without purchase applies: the message says why and what to do', async () => {
		const sim = ui.dev.sim;
		const saved = [...sim.purchaseApplies.entries()];
		sim.purchaseApplies.clear();
		try {
			const output = await fetchTestEvent(ui, 'On purchase apply status changed', 'empty-account');
			expect(output.count, output.text.slice(0, 400)).toBeUndefined();
			expect(output.text).toContain(
				'No Purchase Apply Status Changed event in the last 24 hours, so there is no test event to show.',
			);
			expect(output.text).toContain('Activating the workflow does not depend on this.');
		} finally {
			for (const [no, apply] of saved) sim.purchaseApplies.set(no, apply);
		}
	});
});
