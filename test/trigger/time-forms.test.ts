/**
 * The events whose pages contradict themselves on times (`replies.timeForm`: the table says
 * String, the reply example sends milliseconds; test/simulator/timeForms.ts derives the fields)
 * under each form the simulator can send them in: each record once across polls (a later poll
 * emits nothing new), a change emitted again, in change order, `_iso` beside each time the same
 * instant whatever the form; a change time that is no time stops the poll, naming the record.
 * Purchase Order / Purchase Stock-In events: test/trigger/purchaseOrder.test.ts, purchaseStockin.test.ts.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { addGoods, changeGoods, changeSpec, formatCst, moveStock } from '../simulator';
import { TIME_FORMS, timeInForm } from '../simulator/timeForms';
import { MINUTE, pollMinutes, stateAt, T0, useTriggerRig } from './support';

const REFUNDS = 'aftersales.refund.Refund.search';
const rig = useTriggerRig();
const HOUR_MS = 60 * MINUTE;
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';

afterEach(() => {
	rig.sim.replies.timeForm = 'text';
});

let nextId = 7000;
function addRefund(modifiedMs: number): number {
	const id = nextId++;
	rig.sim
		.records(REFUNDS)
		.add(
			{ refund_id: id, refund_no: `TK${id}`, status: 20, type: 2, shop_no: 'SHOP01' },
			{ modifiedMs },
		);
	return id;
}
const refunds: INodeParameters = { event: 'refundChanged', options: {} };
const event = (name: string, options: INodeParameters = {}): INodeParameters => ({
	event: name,
	options,
});
/** The polls at T0 + 1 … 3 minutes of an event active since T0 − 1 minute. */
const firstPolls = (parameters: INodeParameters) =>
	pollMinutes(rig, 'n8n2', stateAt(String(parameters.event), T0 - MINUTE), [1, 3], parameters);
const TRANSFERS = 'wms.stocktransfer.Manage.queryWithDetail';
const REFUND_STOCKINS = 'wms.stockin.Refund.queryWithDetail';
const goods: INodeParameters = { event: 'goodsChanged', options: {} };

describe.each(TIME_FORMS)('timeForm %s', (form) => {
	it('Refund Created or Updated: each refund once across polls, a change again, modified as sent with its _iso', async () => {
		rig.sim.replies.timeForm = form;
		const created = addRefund(T0 + 10_000);
		const first = await firstPolls(refunds);
		expect(first.emitted.map((json) => json.refund_id)).toEqual([created]);
		expect(first.emitted[0]).toMatchObject({
			modified: timeInForm(T0 + 10_000, form),
			modified_iso: iso(T0 + 10_000),
		});
		rig.sim
			.records(REFUNDS)
			.modify(
				(record) => record.refund_id === created,
				{ status: 30 },
				{ modifiedMs: T0 + 4 * MINUTE },
			);
		const later = await pollMinutes(rig, 'n8n2', first.staticData, [5, 9], refunds);
		expect(later.emitted.map((json) => [json.refund_id, json.status])).toEqual([[created, 30]]);
		expect(later.staticData.emitted).toEqual({ [String(created)]: '2024-11-22 10:04:00' });
	});

	it('Goods Created or Updated: goods and spec changes once each, goods_modified and spec_modified with _iso', async () => {
		rig.sim.replies.timeForm = form;
		const id = nextId++;
		addGoods(rig.sim, id, T0 + 10_000);
		const first = await firstPolls(goods);
		expect(first.emitted.map((json) => json.goods_id)).toEqual([id]);
		expect(first.emitted[0]).toMatchObject({
			goods_modified: timeInForm(T0 + 10_000, form),
			goods_modified_iso: iso(T0 + 10_000),
		});
		expect((first.emitted[0].spec_list as IDataObject[])[0]).toMatchObject({
			spec_modified: timeInForm(T0 + 10_000, form),
			spec_modified_iso: iso(T0 + 10_000),
		});
		changeSpec(rig.sim, id, { retail_price: 5 }, T0 + 4 * MINUTE, 'keepsGoodsModified');
		const spec = await pollMinutes(rig, 'n8n2', first.staticData, [5, 9], goods);
		expect(spec.emitted.map((json) => json.goods_id)).toEqual([id]);
		changeGoods(rig.sim, id, { remark: 'again' }, T0 + 10 * MINUTE);
		const again = await pollMinutes(rig, 'n8n2', spec.staticData, [11, 16], goods);
		expect(again.emitted.map((json) => [json.goods_id, json.remark])).toEqual([[id, 'again']]);
	});
});

describe.each(TIME_FORMS)('timeForm %s: events whose pages send other times in ms', (form) => {
	const sent = (ms: number) => timeInForm(ms, form);

	it('New or Updated Sales Order: each order once, in modified order, a change again; created as sent with created_iso', async () => {
		rig.sim.replies.timeForm = form;
		const orders = event('salesOrderChanged');
		const later = rig.sim.addTrade({
			status: 30,
			modifiedMs: T0 + 40_000,
			createdMs: T0 - HOUR_MS,
		});
		const earlier = rig.sim.addTrade({
			status: 30,
			modifiedMs: T0 + 10_000,
			createdMs: T0 - 2 * HOUR_MS,
		});
		const first = await firstPolls(orders);
		expect(first.emitted.map((json) => json.trade_id)).toEqual([earlier.tradeId, later.tradeId]);
		expect(first.emitted[0]).toMatchObject({
			created: sent(T0 - 2 * HOUR_MS),
			created_iso: iso(T0 - 2 * HOUR_MS),
			modified_iso: iso(T0 + 10_000),
		});
		rig.sim.modifyTrade(earlier.tradeId, { status: 55, modifiedMs: T0 + 4 * MINUTE });
		const next = await pollMinutes(rig, 'n8n2', first.staticData, [5, 8], orders);
		expect(next.emitted.map((json) => [json.trade_id, json.trade_status])).toEqual([
			[earlier.tradeId, 55],
		]);
		expect(next.emitted[0]).toMatchObject({ created: sent(T0 - 2 * HOUR_MS) });
	});

	it('Sales Stockout Shipped: each shipment once, in change order; created as sent with created_iso', async () => {
		rig.sim.replies.timeForm = form;
		const shipped = event('stockoutShipped');
		const [a, b] = [1, 2].map((n) =>
			rig.sim.addStockout({
				status: 'toShip',
				modifiedMs: T0 - HOUR_MS,
				createdMs: T0 - n * HOUR_MS,
			}),
		);
		rig.sim.modifyStockout(b.stockoutId, { status: 'done', modifiedMs: T0 + 20_000 });
		rig.sim.modifyStockout(a.stockoutId, { status: 'done', modifiedMs: T0 + 30_000 });
		const first = await firstPolls(shipped);
		expect(first.emitted.map((json) => json.stockout_id)).toEqual([b.stockoutId, a.stockoutId]);
		expect(first.emitted[0]).toMatchObject({
			created: sent(T0 - 2 * HOUR_MS),
			created_iso: iso(T0 - 2 * HOUR_MS),
			consign_time: formatCst(T0 + 20_000),
			consign_time_iso: iso(T0 + 20_000),
		});
		const again = await pollMinutes(rig, 'n8n2', first.staticData, [4, 6], shipped);
		expect(again.emitted).toEqual([]);
	});

	it("Sales Stockout Cancelled with Include Details: each once, the details' created as sent with created_iso", async () => {
		rig.sim.replies.timeForm = form;
		const cancelled = event('stockoutCancelled', { includeDetails: true });
		rig.sim.addStockout({ stockoutNo: 'CK-TF2', modifiedMs: T0 + 20_000, createdMs: T0 - HOUR_MS });
		rig.sim.addStockout({
			stockoutNo: 'CK-TF1',
			modifiedMs: T0 + 10_000,
			createdMs: T0 - 2 * HOUR_MS,
		});
		const first = await firstPolls(cancelled);
		expect(first.emitted.map((json) => json.stockout_no)).toEqual(['CK-TF1', 'CK-TF2']);
		expect(first.emitted[0]).toMatchObject({
			details_found: true,
			created: sent(T0 - 2 * HOUR_MS),
			created_iso: iso(T0 - 2 * HOUR_MS),
		});
		const again = await pollMinutes(rig, 'n8n2', first.staticData, [4, 6], cancelled);
		expect(again.emitted).toEqual([]);
	});

	it('Transfer Status Changed: keyed on modified in any form; each status once, in modified order', async () => {
		rig.sim.replies.timeForm = form;
		const transfers = event('transferStatusChanged');
		const add = (id: number, modifiedMs: number) =>
			rig.sim
				.records(TRANSFERS)
				.add(
					{ transfer_id: id, transfer_no: `TF${id}`, status: 20, details_list: [] },
					{ modifiedMs },
				);
		add(8802, T0 + 40_000);
		add(8801, T0 + 10_000);
		const first = await firstPolls(transfers);
		expect(first.emitted.map((json) => json.transfer_id)).toEqual([8801, 8802]);
		expect(first.emitted[0]).toMatchObject({
			modified: sent(T0 + 10_000),
			modified_iso: iso(T0 + 10_000),
			created: sent(T0 + 10_000),
			created_iso: iso(T0 + 10_000),
		});
		rig.sim
			.records(TRANSFERS)
			.modify(
				(record) => record.transfer_id === 8801,
				{ status: 40 },
				{ modifiedMs: T0 + 4 * MINUTE },
			);
		const next = await pollMinutes(rig, 'n8n2', first.staticData, [5, 8], transfers);
		expect(next.emitted.map((json) => [json.transfer_id, json.status])).toEqual([[8801, 40]]);
		expect(next.emitted[0]).toMatchObject({ modified: sent(T0 + 4 * MINUTE) });
	});

	it('Refund Stock-In Received: each completed stock-in once; check_time and created_time as sent with their _iso', async () => {
		rig.sim.replies.timeForm = form;
		const received = event('refundStockinReceived');
		rig.sim.records(REFUND_STOCKINS).add(
			{
				stockin_id: 8901,
				order_no: 'TR8901',
				refund_no: 'RF8901',
				status: 80,
				shop_no: 'MALL01',
				warehouse_no: 'WH001',
				check_time: T0 + 10_000,
				created_time: T0 - MINUTE,
				details_list: [],
			},
			{ modifiedMs: T0 + 10_000 },
		);
		const first = await firstPolls(received);
		expect(first.emitted.map((json) => json.stockin_id)).toEqual([8901]);
		expect(first.emitted[0]).toMatchObject({
			check_time: sent(T0 + 10_000),
			check_time_iso: iso(T0 + 10_000),
			created_time: sent(T0 - MINUTE),
			created_time_iso: iso(T0 - MINUTE),
		});
		const again = await pollMinutes(rig, 'n8n2', first.staticData, [4, 6], received);
		expect(again.emitted).toEqual([]);
	});

	it('Stock Moved: each movement once across polls, in created order, created as sent with created_iso', async () => {
		rig.sim.replies.timeForm = form;
		const moved = event('stockMoved');
		const move = (stockioNo: string, atMs: number) =>
			moveStock(rig.sim, {
				warehouseNo: 'WH01',
				specNo: 'MUG-350',
				delta: 1,
				srcOrderType: 10,
				srcOrderNo: `CG-${stockioNo}`,
				stockioNo,
				atMs,
			});
		move('IO-TF2', T0 + 40_000);
		move('IO-TF1', T0 + 10_000);
		const first = await firstPolls(moved);
		expect(first.emitted.map((json) => json.stockio_no)).toEqual(['IO-TF1', 'IO-TF2']);
		expect(first.emitted[0]).toMatchObject({
			created: sent(T0 + 10_000),
			created_iso: iso(T0 + 10_000),
		});
		move('IO-TF3', T0 + 4 * MINUTE);
		const next = await pollMinutes(rig, 'n8n2', first.staticData, [5, 8], moved);
		expect(next.emitted.map((json) => json.stockio_no)).toEqual(['IO-TF3']);
	});
});

it('a refund whose modified is no time stops the poll, naming the refund, and keeps the cursor', async () => {
	const id = addRefund(T0 + 10_000);
	rig.sim
		.records(REFUNDS)
		.modify((record) => record.refund_id === id, { modified: 'soon' }, { modifiedMs: T0 + 10_000 });
	rig.setTime(T0 + 2 * MINUTE);
	const before = stateAt('refundChanged', T0 - MINUTE);
	const result = await rig.poll({ persistence: 'n8n2', staticData: before, parameters: refunds });
	expect(result.error).toMatchObject({
		message: expect.stringContaining(`refund ${id} with a change time that is not a time: "soon"`),
	});
	expect(result.emitted).toEqual([]);
	expect(result.staticData.cursor).toBe(before.cursor);
});
