/**
 * The trigger examples in examples/, run as n8n runs them: the WDT Trigger polls the simulator
 * through n8n's poll engine with the example's own parameters (activation, then scheduled polls),
 * and what it emits goes through the rest of the example in n8n's WorkflowExecute, with
 * stand-ins for the n8n-nodes-base nodes (test/harness/stand-ins.ts): Google Sheets and Send
 * Email output every parameter resolved per item, i.e. the sheet row or the email text the
 * example would send. (test/e2e imports the examples into real n8n 1.x and 2.x.)
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { getCatalogMethod } from '../../nodes/shared/catalog';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import { executionErrorOf, itemsOf } from '../harness';
import { readExample, withStandIns, type Example } from '../harness/stand-ins';
import { formatCst } from '../simulator';
import { MINUTE, T0, useTriggerRig } from './support';

const TRADES = 'sales.TradeQuery.queryWithDetail';
const STOCKOUTS = 'wms.stockout.Sales.queryWithDetail';
const TRIGGER_TYPE = 'n8n-nodes-wdt.wdtTrigger';
const rig = useTriggerRig();

/** The example after its trigger: the trigger node (same name, so `$('WDT Trigger')` reads it) emits `emitted`. */
const afterTrigger = (example: Example, emitted: IDataObject[]) =>
	withStandIns(example, {
		nodes: [WdtTrigger],
		emit: { [triggerOf(example).name]: emitted },
	});

/** Activates the example's trigger at T0, then polls once a minute from `from` to `to` minutes. */
async function pollExample(
	parameters: INodeParameters,
	staticData: IDataObject | undefined,
	from: number,
	to: number,
): Promise<{ emitted: IDataObject[]; staticData: IDataObject }> {
	let state = staticData;
	if (!state) {
		const activation = await rig.poll({ activationPoll: true, staticData: {}, parameters });
		expect(activation.error).toBeUndefined();
		expect(activation.items).toBeNull();
		state = activation.staticData;
	}
	const emitted: IDataObject[] = [];
	for (let minute = from; minute <= to; minute++) {
		rig.setTime(T0 + minute * MINUTE);
		const poll = await rig.poll({ staticData: state, parameters });
		expect(poll.error).toBeUndefined();
		emitted.push(...poll.emitted);
		state = poll.staticData;
	}
	return { emitted, staticData: state };
}

/** Runs the example after its trigger over `emitted`; the output items of `nodeName`. */
async function runAfterTrigger(example: Example, emitted: IDataObject[], nodeName: string) {
	const { engine, workflow } = afterTrigger(example, emitted);
	const run = await engine.runWorkflow(workflow);
	expect(executionErrorOf(run)).toBeUndefined();
	return itemsOf(run, nodeName).map((item) => item.json);
}

const triggerOf = (example: Example) => example.nodes.find((node) => node.type === TRIGGER_TYPE)!;

// ---------------------------------------------------------------------------------------------
// new-orders-to-sheet.json
// ---------------------------------------------------------------------------------------------

describe('examples/new-orders-to-sheet.json', () => {
	const example = readExample('new-orders-to-sheet.json');
	const SHEET = 'Add or update row per line';
	const statusName = (code: number) =>
		getCatalogMethod(TRADES)!.statusTables!.trade_status[String(code)];

	const order = (tradeStatus: number) => ({
		trade_id: 7001,
		trade_no: 'JY202411220001',
		src_tids: 'TB-998877',
		shop_name: 'Flagship Store',
		warehouse_no: 'WH01',
		trade_status: tradeStatus,
		detail_list: [
			{
				trade_id: 7001,
				rec_id: 90011,
				src_tid: 'TB-998877',
				spec_no: 'TS-001-BLK-M',
				goods_name: 'T-shirt',
				spec_name: 'Black M',
				num: 2,
				share_amount: 59.8,
			},
			{
				trade_id: 7001,
				rec_id: 90012,
				src_tid: 'TB-998877',
				spec_no: 'MUG-350',
				goods_name: 'Mug',
				spec_name: '350 ml',
				num: 1,
				share_amount: 25,
			},
		],
	});
	/** The rows the sheet node would add or update: its column mapping, resolved per item. */
	const sheetRows = async (emitted: IDataObject[]) =>
		(await runAfterTrigger(example, emitted, SHEET)).map(
			(json) => (json.columns as { value: IDataObject }).value,
		);
	const rowsOf = (tradeStatus: number, modifiedMs: number) =>
		[
			['90011', 'TS-001-BLK-M', 'T-shirt', 'Black M', 2, 59.8],
			['90012', 'MUG-350', 'Mug', '350 ml', 1, 25],
		].map(([recId, specNo, goodsName, specName, quantity, amount]) => ({
			line_key: `JY202411220001/${recId}`,
			trade_no: 'JY202411220001',
			platform_order_no: 'TB-998877',
			shop: 'Flagship Store',
			warehouse: 'WH01',
			order_status: statusName(tradeStatus),
			order_modified: formatCst(modifiedMs),
			spec_no: specNo,
			goods_name: goodsName,
			spec_name: specName,
			quantity,
			amount,
		}));

	it('adds or updates rows keyed by line_key, with the sheet columns the sticky note lists', () => {
		const sheet = example.nodes.find((node) => node.name === SHEET)!;
		const columns = sheet.parameters.columns as {
			value: Record<string, string>;
			matchingColumns: string[];
			schema: Array<{ id: string }>;
		};
		expect(sheet.parameters.operation).toBe('appendOrUpdate');
		expect(columns.matchingColumns).toEqual(['line_key']);
		expect(columns.schema.map((column) => column.id)).toEqual(Object.keys(columns.value));
		const note = example.nodes.find((node) => node.type === 'n8n-nodes-base.stickyNote')!;
		expect(String(note.parameters.content)).toContain(Object.keys(columns.value).join(', '));
		expect(triggerOf(example).parameters).toMatchObject({ event: 'salesOrderChanged' });
	});

	it('a new order gives one row per line; its next change updates the same rows (same line_key)', async () => {
		const trades = rig.sim.records(TRADES);
		trades.add(
			{ ...order(30), trade_id: 7000, trade_no: 'JY-OLD' },
			{ modifiedMs: T0 - 5 * MINUTE },
		);
		const parameters = triggerOf(example).parameters as INodeParameters;
		trades.add(order(30), { modifiedMs: T0 + 10_000 });
		const first = await pollExample(parameters, undefined, 1, 3);
		expect(first.emitted.map((json) => json.trade_no)).toEqual(['JY202411220001']);
		expect(await sheetRows(first.emitted)).toEqual(rowsOf(30, T0 + 10_000));

		// Reviewed: the order is emitted again (every change is an event) with the same line keys.
		trades.clear();
		trades.add(order(55), { modifiedMs: T0 + 4 * MINUTE });
		const second = await pollExample(parameters, first.staticData, 5, 7);
		expect(second.emitted.map((json) => [json.trade_no, json.trade_status])).toEqual([
			['JY202411220001', 55],
		]);
		expect(await sheetRows(second.emitted)).toEqual(rowsOf(55, T0 + 4 * MINUTE));
		expect(statusName(30)).not.toBe(statusName(55));
	});
});

// ---------------------------------------------------------------------------------------------
// shipped-stockouts-to-email.json
// ---------------------------------------------------------------------------------------------

describe('examples/shipped-stockouts-to-email.json', () => {
	const example = readExample('shipped-stockouts-to-email.json');
	const EMAIL = 'Email the shipment';
	const statusName = (code: number) =>
		getCatalogMethod(STOCKOUTS)!.statusTables!.status[String(code)];

	const line = (
		recId: number,
		specNo: string,
		goodsName: string,
		specName: string,
		num: number,
	) => ({
		rec_id: recId,
		spec_no: specNo,
		goods_name: goodsName,
		spec_name: specName,
		num,
	});
	const stockout = (fields: IDataObject) => ({
		shop_name: 'Flagship Store',
		warehouse_name: 'Main warehouse',
		logistics_name: 'ZTO',
		receiver_area: '天津 天津市 河北区',
		...fields,
	});

	it('one email per shipped stockout (Completed and Delayed Shipment), with logistics numbers, receiver area and lines', async () => {
		const stockouts = rig.sim.records(STOCKOUTS);
		stockouts.add(
			stockout({
				stockout_id: 501,
				order_no: 'CK202411220001',
				src_order_no: 'JY202411220001',
				status: 110,
				consign_time: formatCst(T0 + 5_000),
				logistics_no: 'ZT1001',
				logistics_list: [{ stockout_id: 501, logistics_no: 'ZT1001' }],
				details_list: [
					line(1, 'TS-001-BLK-M', 'T-shirt', 'Black M', 2),
					line(2, 'MUG-350', 'Mug', '350 ml', 1),
				],
			}),
			{ modifiedMs: T0 + 10_000 },
		);
		stockouts.add(
			stockout({
				stockout_id: 502,
				order_no: 'CK202411220002',
				src_order_no: 'JY202411220002',
				status: 90,
				consign_time: formatCst(T0 + 15_000),
				logistics_no: 'ZT2001',
				logistics_list: [
					{ stockout_id: 502, logistics_no: 'ZT2001' },
					{ stockout_id: 502, logistics_no: 'ZT2002' },
				],
				details_list: [line(3, 'CABLE-C-1M', 'USB-C cable', '1 m', 7)],
			}),
			{ modifiedMs: T0 + 20_000 },
		);
		// Not shipped yet: no email.
		stockouts.add(stockout({ stockout_id: 503, order_no: 'CK202411220003', status: 55 }), {
			modifiedMs: T0 + 30_000,
		});

		const parameters = triggerOf(example).parameters as INodeParameters;
		expect(parameters).toMatchObject({ event: 'stockoutShipped' });
		const first = await pollExample(parameters, undefined, 1, 3);
		const { emitted } = first;
		expect(emitted.map((json) => json.order_no)).toEqual(['CK202411220001', 'CK202411220002']);

		const emails = await runAfterTrigger(example, emitted, EMAIL);
		expect(emails.map((email) => email.subject)).toEqual([
			'Shipped: stockout CK202411220001, order JY202411220001, ZTO ZT1001',
			'Shipped: stockout CK202411220002, order JY202411220002, ZTO ZT2001',
		]);
		expect(emails.map((email) => email.text)).toEqual([
			[
				`Stockout CK202411220001 of order JY202411220001 (shop Flagship Store) left Main warehouse at ${formatCst(T0 + 5_000)} (China Standard Time). Status: 110 ${statusName(110)}.`,
				'',
				'Carrier: ZTO',
				'Logistics no.: ZT1001',
				'Ship to: 天津 天津市 河北区',
				'',
				'Lines:',
				'- TS-001-BLK-M  T-shirt Black M  x 2',
				'- MUG-350  Mug 350 ml  x 1',
			].join('\n'),
			[
				`Stockout CK202411220002 of order JY202411220002 (shop Flagship Store) left Main warehouse at ${formatCst(T0 + 15_000)} (China Standard Time). Status: 90 ${statusName(90)}.`,
				'',
				'Carrier: ZTO',
				'Logistics no.: ZT2001, ZT2002',
				'Ship to: 天津 天津市 河北区',
				'',
				'Lines:',
				'- CABLE-C-1M  USB-C cable 1 m  x 7',
			].join('\n'),
		]);
		expect(emails.every((email) => email.emailFormat === 'text')).toBe(true);

		// A later edit of a shipped stockout sends no second email.
		stockouts.clear();
		stockouts.add(stockout({ stockout_id: 501, order_no: 'CK202411220001', status: 110 }), {
			modifiedMs: T0 + 4 * MINUTE,
		});
		const later = await pollExample(parameters, first.staticData, 5, 7);
		expect(later.emitted).toEqual([]);
	});
});
