/**
 * 1c: every resource of the WDT node, as a no-code user meets it in the node panel. For each:
 * a workflow with a manual trigger, the action added from the nodes panel (the credential is
 * picked by itself), the fields a user must fill, the dropdowns (shop, warehouse, supplier,
 * logistics company, method) opened and their options loaded from the simulator, "Execute step",
 * and the output panel's item count and a value checked against the simulator's demo data. The
 * first test fails when a resource of the node's registry has no test here.
 */
import { expect, it } from 'vitest';

import { RESOURCES } from '../../../nodes/Wdt/actions/registry';
import {
	CHANGE_HISTORY,
	DEMO_ORDERS,
	DEMO_PENDING_LOGISTICS,
	DEMO_REFUNDS,
	DEMO_STOCK,
	demoExamples,
	demoFlowExamples,
	GOODS_QUERY,
	INVOICES,
	masterDataOf,
	PURCHASE_APPLY_STATUS,
	PURCHASE_ORDERS,
	PURCHASE_STOCKINS,
	REFUND_STOCKINS,
	STOCKTAKES,
	TRANSFERS,
} from '../../simulator';
import {
	addCollectionOption,
	addWdtAction,
	executeStep,
	fillParameter,
	itemsMatching,
	ndv,
	openListDropdown,
	openWorkflowWithManualTrigger,
	outputJsonText,
	pickListOption,
	pickParameterOption,
	type StepOutput,
} from '../flows';
import { defineStep, type EditorSession } from '../harness';

const HOUR = 3_600_000;

/** What the shop dropdown must list: every shop of the demo seller, "name (number)". */
function shopOptions(ui: EditorSession): string[] {
	return masterDataOf(ui.dev.sim).shops.map((shop) => `${shop.shopName} (${shop.shopNo})`);
}

/** The warehouse dropdown's options: "name (number)", or the name alone where the two are equal. */
function warehouseOptions(ui: EditorSession): string[] {
	return masterDataOf(ui.dev.sim).warehouses.map((w) =>
		w.name === w.warehouseNo ? w.name : `${w.name} (${w.warehouseNo})`,
	);
}

/** The supplier dropdown's options: every supplier of the demo seller, "name (number)". */
function supplierOptions(ui: EditorSession): string[] {
	return masterDataOf(ui.dev.sim).providers.map((p) => `${p.providerName} (${p.providerNo})`);
}

/**
 * A Get Many of an issue-22 resource with its default range (30 days: every demo record of the
 * kind lies in it), narrowed by one dropdown where it has one.
 */
interface DemoRead {
	resource: string;
	title: string;
	slug: string;
	/** The action's entry in the nodes panel. */
	action: string;
	/** The dropdown: its parameter, the Filters option that adds it (if it is one), the options it must list, the one picked. */
	dropdown?: {
		name: string;
		filter?: string;
		options: (ui: EditorSession) => string[];
		pick: string;
	};
	/** The simulator's method and the demo records the read must return. */
	method: string;
	keep: (record: Record<string, unknown>) => boolean;
	/** A field whose value (of the first record expected) is searched for in the output. */
	numberField: string;
}

const DEMO_READS: DemoRead[] = [
	{
		resource: 'purchaseOrder',
		title: 'Purchase Order → Get Many, filtered by a supplier picked from the dropdown',
		slug: 'purchase-order',
		action: 'Get many purchase orders',
		dropdown: { name: 'providerNo', filter: 'Supplier', options: supplierOptions, pick: 'P002' },
		method: PURCHASE_ORDERS,
		keep: (order) => order.provider_no === 'P002',
		numberField: 'purchase_no',
	},
	{
		resource: 'purchaseStockin',
		title: 'Purchase Stock-In → Get Many, filtered by a warehouse picked from the dropdown',
		slug: 'purchase-stockin',
		action: 'Get many purchase stock-ins',
		dropdown: { name: 'warehouseNo', filter: 'Warehouse', options: warehouseOptions, pick: 'WH02' },
		method: PURCHASE_STOCKINS,
		keep: (stockin) => stockin.warehouse_no === 'WH02',
		numberField: 'order_no',
	},
	{
		resource: 'stockCount',
		title: 'Stock Count → Get Many of a warehouse picked from the dropdown',
		slug: 'stock-count',
		action: 'Get many stock counts',
		dropdown: { name: 'warehouseNo', options: warehouseOptions, pick: 'WH01' },
		method: STOCKTAKES,
		keep: (count) => count.warehouse_no === 'WH01',
		numberField: 'pd_no',
	},
	{
		resource: 'refundStockin',
		title: 'Refund Stock-In → Get Many of a shop picked from the dropdown',
		slug: 'refund-stockin',
		action: 'Get many refund stock-ins',
		dropdown: { name: 'shopNo', options: shopOptions, pick: 'TMALL01' },
		method: REFUND_STOCKINS,
		keep: (stockin) => stockin.shop_no === 'TMALL01',
		numberField: 'refund_no',
	},
	{
		resource: 'transfer',
		title: 'Transfer → Get Many, filtered by a From Warehouse picked from the dropdown',
		slug: 'transfer',
		action: 'Get many transfers',
		dropdown: {
			name: 'fromWarehouseNo',
			filter: 'From Warehouse',
			options: warehouseOptions,
			pick: 'WH01',
		},
		method: TRANSFERS,
		keep: (transfer) => transfer.from_warehouse_no === 'WH01',
		numberField: 'transfer_no',
	},
	{
		resource: 'invoice',
		title: 'Invoice → Get Many, default range (30 days)',
		slug: 'invoice',
		action: 'Get many invoices',
		method: INVOICES,
		keep: () => true,
		numberField: 'invoice_order_no',
	},
];

async function runDemoRead(ui: EditorSession, read: DemoRead): Promise<void> {
	await start(ui, read.slug, read.action);
	const { dropdown } = read;
	if (dropdown) {
		if (dropdown.filter) await addCollectionOption(ui.page, 'Add filter', dropdown.filter);
		const options = await openListDropdown(ui, dropdown.name);
		await ui.shot(`1c-${read.slug}-1-${dropdown.name}`);
		expect(options).toEqual(expect.arrayContaining(dropdown.options(ui)));
		await pickListOption(ui.page, `(${dropdown.pick})`);
	}
	const output = await run(ui, read.slug);
	const sim = ui.dev.sim;
	const expected = sim.records(read.method).select(sim, {}).filter(read.keep);
	expect(expected.length, `demo records of ${read.method}`).toBeGreaterThan(0);
	expect(output.count).toBe(expected.length);
	expect(await itemsMatching(ui, String(expected[0][read.numberField]))).toBe(1);
}

/** Every resource a test below runs: the first test fails when one of the node's has none. */
const covered = new Set<string>();

/** A test of one resource of the node (its value in nodes/Wdt/actions/registry.ts). */
function resourceIt(resource: string, title: string, test: () => Promise<void>): void {
	covered.add(resource);
	it(title, test);
}

/** Starts a fresh workflow and adds `action`; the step's screenshots are named after `slug`. */
async function start(ui: EditorSession, slug: string, action: string): Promise<void> {
	await openWorkflowWithManualTrigger(ui, `UI 1c: ${action}`);
	await addWdtAction(ui, action);
	await ui.shot(`1c-${slug}-1-panel`);
}

async function run(ui: EditorSession, slug: string): Promise<StepOutput> {
	const output = await executeStep(ui);
	await ui.shot(`1c-${slug}-3-output`);
	expect(output.error, 'the node failed').toBeUndefined();
	expect(output.count, `no items in the output panel: ${output.text.slice(0, 400)}`).toBeDefined();
	return output;
}

export default defineStep('1c', 'every resource runs from the node panel', (ui) => {
	it('every resource of the node has a test here', () => {
		const missing = RESOURCES.filter((resource) => !covered.has(resource.value));
		expect(
			missing.map((resource) => `${resource.name} (${resource.value})`),
			'resources of nodes/Wdt/actions/registry.ts without a test in test/ui/steps/1c-operations.ts',
		).toEqual([]);
	});

	// First: the demo's movements lie in the hour before the environment started, and the read's
	// default range is the last hour.
	resourceIt(
		'stockMovement',
		'Stock Movement → Get Many of a warehouse picked from the dropdown, the last hour',
		async () => {
			const sim = ui.dev.sim;
			await start(ui, 'stock-movement', 'Get many stock movements');
			const options = await openListDropdown(ui, 'warehouseNo');
			expect(options).toEqual(expect.arrayContaining(warehouseOptions(ui)));
			await pickListOption(ui.page, '(WH01)');
			const output = await run(ui, 'stock-movement');
			const now = sim.clock.now();
			const inWh01 = (startMs: number) =>
				// Good stock only, as the node reads by default (the demo moves no defective stock).
				sim.records(CHANGE_HISTORY).select(sim, { warehouse_no: 'WH01' }, { startMs, endMs: now });
			// The demo's movements of WH01 (stocktake, refund stock-in) in the last hour; within a
			// minute of the window's start for the seconds between the run and this check.
			const lastHour = inWh01(now - HOUR + 60_000);
			expect(lastHour.length, 'demo stock movements of WH01 in the last hour').toBeGreaterThan(0);
			expect(output.count).toBeGreaterThanOrEqual(lastHour.length);
			expect(output.count).toBeLessThanOrEqual(inWh01(now - HOUR - 60_000).length);
			const newest = lastHour[lastHour.length - 1];
			expect(await itemsMatching(ui, String(newest.stockio_no))).toBeGreaterThan(0);
		},
	);

	resourceIt(
		'salesOrder',
		'Sales Order → Get Many, filtered by a shop picked from the dropdown',
		async () => {
			const sim = ui.dev.sim;
			await start(ui, 'sales-order', 'Get many sales orders');
			await addCollectionOption(ui.page, 'Add filter', 'Shop');
			const options = await openListDropdown(ui, 'shopNo');
			await ui.shot('1c-sales-order-1-shops');
			expect(options).toEqual(expect.arrayContaining(shopOptions(ui)));
			// The shop of the newest order of the default range (the last hour): it has one at least.
			const now = sim.clock.now();
			const lastHour = sim
				.records(DEMO_ORDERS)
				.select(sim, {}, { startMs: now - HOUR + 60_000, endMs: now });
			const newest = lastHour[lastHour.length - 1];
			const shopNo = String(newest.shop_no);
			await pickListOption(ui.page, `(${shopNo})`);
			const output = await run(ui, 'sales-order');
			const end = sim.clock.now();
			const expected = sim
				.records(DEMO_ORDERS)
				.select(sim, { shop_no: shopNo }, { startMs: end - HOUR, endMs: end });
			expect(output.count).toBe(expected.length);
			expect(await itemsMatching(ui, String(newest.trade_no))).toBe(1);
		},
	);

	resourceIt(
		'salesStockout',
		'Sales Stockout → Get Many Cancelled, default range (the last hour)',
		async () => {
			const sim = ui.dev.sim;
			await start(ui, 'sales-stockout', 'Get many cancelled sales stockouts');
			const output = await run(ui, 'sales-stockout');
			const now = sim.clock.now();
			const cancelled = [...sim.stockouts.values()].filter((s) => s.cancelled);
			const lastHour = cancelled.filter((s) => s.modifiedMs >= now - HOUR && s.modifiedMs <= now);
			expect(output.count).toBeGreaterThan(0);
			// Within a minute of the window's edges, for the seconds between the run and this check.
			expect(output.count).toBeGreaterThanOrEqual(
				lastHour.filter((s) => s.modifiedMs >= now - HOUR + 60_000).length,
			);
			expect(output.count).toBeLessThanOrEqual(
				cancelled.filter((s) => s.modifiedMs >= now - HOUR - 60_000).length,
			);
			const json = await outputJsonText(ui.page);
			const numbers = cancelled.map((s) => s.stockoutNo);
			expect(
				numbers.some((no) => json.includes(no)),
				json.slice(0, 300),
			).toBe(true);
		},
	);

	resourceIt(
		'refund',
		'Refund → Get Many, filtered by a shop picked from the dropdown',
		async () => {
			const sim = ui.dev.sim;
			await start(ui, 'refund', 'Get many refunds');
			const options = await openListDropdown(ui, 'shopNo');
			expect(options).toEqual(expect.arrayContaining(shopOptions(ui)));
			await pickListOption(ui.page, '(JD01)');
			const output = await run(ui, 'refund');
			// The default range (the demo's refunds all lie in it) and the shop.
			const expected = sim.records(DEMO_REFUNDS).select(sim, { shop_nos: 'JD01' });
			expect(expected.length).toBeGreaterThan(0);
			expect(output.count).toBe(expected.length);
			expect(await itemsMatching(ui, String(expected[0].refund_no))).toBe(1);
		},
	);

	resourceIt('goods', 'Product → Get Many, default range', async () => {
		const sim = ui.dev.sim;
		await start(ui, 'product', 'Get many products');
		const output = await run(ui, 'product');
		const goods = sim.records(GOODS_QUERY).select(sim, {});
		expect(output.count).toBe(goods.length);
		expect(await itemsMatching(ui, String(goods[0].goods_no))).toBeGreaterThan(0);
	});

	resourceIt('stock', 'Stock → Get Many of a warehouse picked from the dropdown', async () => {
		const sim = ui.dev.sim;
		await start(ui, 'stock', 'Get many stock records');
		// The Read choices are what WDT allows: stock changed in a range, or the current stock of SKUs.
		await pickParameterOption(ui.page, 'stockRead', 'Current Stock of Given SKUs');
		const options = await openListDropdown(ui, 'warehouseNo');
		await ui.shot('1c-stock-1-warehouses');
		expect(options).toEqual(expect.arrayContaining(warehouseOptions(ui)));
		await pickListOption(ui.page, '(WH02)');
		await fillParameter(ui.page, 'specNos', 'TS-001-BLK-M, MUG-350');
		const output = await run(ui, 'stock');
		await ui.shot('1c-stock-2-current-of-skus');
		const expected = sim
			.records(DEMO_STOCK)
			.select(sim, { warehouse_no: 'WH02', spec_nos: 'TS-001-BLK-M,MUG-350' });
		expect(expected).toHaveLength(2);
		expect(output.count).toBe(expected.length);
		expect(await itemsMatching(ui, 'MUG-350')).toBe(1);
	});

	resourceIt(
		'purchaseApply',
		'Purchase Apply → Cancel, the two apply numbers the banner suggests',
		async () => {
			const sim = ui.dev.sim;
			const applies = demoExamples(sim).cancellableApplies;
			expect(applies).toHaveLength(2);
			await start(ui, 'purchase-apply', 'Cancel purchase applies');
			await fillParameter(ui.page, 'orderNumbers', applies.join(','));
			const output = await run(ui, 'purchase-apply');
			expect(output.count).toBe(applies.length);
			for (const no of applies) {
				expect(await itemsMatching(ui, no)).toBe(1);
				expect(sim.purchaseApplies.get(no)?.status, `${no} cancelled in WDT`).toBe(
					PURCHASE_APPLY_STATUS.cancelled,
				);
			}
		},
	);

	resourceIt(
		'otherOut',
		'Other Out → Create, warehouse and logistics company picked from their dropdowns',
		async () => {
			const sim = ui.dev.sim;
			const before = sim.otherOuts.size;
			await start(ui, 'other-out', 'Create other-out business orders');
			const warehouses = await openListDropdown(ui, 'warehouseNo');
			expect(warehouses).toEqual(expect.arrayContaining(warehouseOptions(ui)));
			await pickListOption(ui.page, '(WH01)');
			await addCollectionOption(ui.page, 'Add field', 'Logistics Company');
			const carriers = await openListDropdown(ui, 'logistics_code');
			await ui.shot('1c-other-out-1-logistics');
			const expectedCarriers = masterDataOf(sim).logistics.map(
				(l) => `${l.logisticsName} (${l.logisticsNo})`,
			);
			expect(carriers).toEqual(expect.arrayContaining(expectedCarriers));
			await pickListOption(ui.page, '(SF)');
			// One line: the SKU and its quantity.
			await ndv(ui.page)
				.getByRole('button', { name: /Add line/i })
				.first()
				.click();
			await fillParameter(ui.page, 'specNo', 'MUG-350');
			await fillParameter(ui.page, 'num', '2');
			const output = await run(ui, 'other-out');
			expect(output.count).toBe(1);
			expect(sim.otherOuts.size).toBe(before + 1);
			const created = [...sim.otherOuts.values()].pop()!;
			expect(created.warehouseNo).toBe('WH01');
			expect(await itemsMatching(ui, created.orderNo)).toBe(1);
		},
	);

	resourceIt(
		'logisticsSync',
		'Logistics Sync → Get Pending, shop picked from the dropdown',
		async () => {
			const sim = ui.dev.sim;
			await start(ui, 'logistics-sync', 'Get pending tracking numbers');
			const options = await openListDropdown(ui, 'shopNo');
			expect(options).toEqual(expect.arrayContaining(shopOptions(ui)));
			const pending = sim.records(DEMO_PENDING_LOGISTICS).select(sim, {});
			expect(pending.length).toBeGreaterThan(0);
			await pickListOption(ui.page, `(${masterDataOf(sim).shops.at(-1)!.shopNo})`);
			const output = await run(ui, 'logistics-sync');
			expect(output.count).toBe(pending.length);
			expect(await itemsMatching(ui, String(pending[0].logistics_no))).toBe(1);
		},
	);

	resourceIt('shop', 'Shop → Get Many', async () => {
		await start(ui, 'shop', 'Get many shops');
		const output = await run(ui, 'shop');
		const shops = masterDataOf(ui.dev.sim).shops;
		expect(output.count).toBe(shops.length);
		expect(await itemsMatching(ui, shops[0].shopName)).toBe(1);
	});

	resourceIt('warehouse', 'Warehouse → Get Many', async () => {
		await start(ui, 'warehouse', 'Get many warehouses');
		const output = await run(ui, 'warehouse');
		const warehouses = masterDataOf(ui.dev.sim).warehouses;
		expect(output.count).toBe(warehouses.length);
		expect(await itemsMatching(ui, warehouses[0].name)).toBe(1);
	});

	resourceIt(
		'custom',
		'Custom → Call Any Method, the method searched in its dropdown',
		async () => {
			await start(ui, 'custom', 'Call any API method');
			const page = ui.page;
			const locator = ndv(page).locator('[data-test-id="resource-locator-method"]').first();
			await locator.locator('[data-test-id="rlc-input"]').first().click();
			await page
				.locator('input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input')
				.first()
				.fill('queryWarehouse');
			await ui.waitFor(
				async () =>
					(await page
						.locator('[data-test-id="rlc-item"]:visible')
						.filter({ hasText: 'setting.Warehouse.queryWarehouse' })
						.count()) > 0,
				{ timeoutMs: 20_000, what: 'setting.Warehouse.queryWarehouse in the method dropdown' },
			);
			await ui.shot('1c-custom-1-methods');
			await pickListOption(page, 'setting.Warehouse.queryWarehouse');
			// Not paged: WDT refuses, and the message names the switch to turn on.
			const refused = await executeStep(ui);
			await ui.shot('1c-custom-2-needs-paging');
			expect(refused.error, refused.text.slice(0, 300)).toContain('turn on Paged Query');
			const paged = ndv(page).locator('[data-test-id="parameter-input-paged"]').first();
			await paged.locator('.el-switch, [role="switch"]').first().click();
			// Its paging fields show once it is on.
			await ndv(page).locator('[data-test-id="parameter-input-returnAll"]').first().waitFor();
			const output = await run(ui, 'custom');
			// Paged Query outputs one item per record of the method's list.
			const warehouses = masterDataOf(ui.dev.sim).warehouses;
			expect(output.count).toBe(warehouses.length);
			for (const w of warehouses) expect(await itemsMatching(ui, w.name)).toBe(1);
		},
	);

	resourceIt('account', 'Account → Check Assumptions', async () => {
		await start(ui, 'account', 'Check assumptions about this account');
		const output = await run(ui, 'account');
		expect(output.count).toBeGreaterThan(5);
		expect(await itemsMatching(ui, 'within 120 seconds')).toBe(1);
	});

	resourceIt('stockSync', 'Stock Sync → Get Pending', async () => {
		await start(ui, 'stock-sync', 'Get platform goods waiting for a stock sync');
		const output = await run(ui, 'stock-sync');
		const pending = demoFlowExamples(ui.dev.sim).pendingSyncIds;
		expect(pending.length).toBeGreaterThan(0);
		expect(output.count).toBe(pending.length);
		expect(await itemsMatching(ui, String(pending[0]))).toBe(1);
	});

	for (const read of DEMO_READS)
		resourceIt(read.resource, read.title, async () => await runDemoRead(ui, read));
});
