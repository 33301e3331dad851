/**
 * Every read whose page sends some time fields in a non-text form (its table says String, its
 * reply example milliseconds) under each form the simulator can send them in
 * (`replies.timeForm`): the field stays as WDT sent it, `<field>_iso` is the same instant in
 * +08:00, and time ranges select the same records.
 */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { setMasterData } from '../simulator';
import { TIME_FORMS, timeInForm, type TimeForm } from '../simulator/timeForms';
import { jsonOf, readOk, readRunner, useReadRig, warehouseRecord } from './rig';

const REFUNDS = 'aftersales.refund.Refund.search';
const GOODS = 'goods.Goods.queryWithSpec';
const STOCK = 'wms.StockSpec.search2';
const DAY = 24 * 3600_000;
/** 2024-03-01 09:00:00 CST, whole seconds. */
const AT = Date.UTC(2024, 2, 1, 1, 0, 0);
const AT_ISO = '2024-03-01T09:00:00+08:00';

const { rig } = useReadRig('refund', REFUNDS);
const read = (resource: string, extra: IDataObject = {}) => readRunner(rig, resource)(extra);

describe.each(TIME_FORMS)('timeForm %s', (form: TimeForm) => {
	const sent = (ms: number) => timeInForm(ms, form);

	it('Refund → Get Many and Get: modified and created as sent, their _iso the same instant', async () => {
		rig.sim.replies.timeForm = form;
		const now = Math.floor(rig.sim.clock.now() / 1000) * 1000;
		const recent = now - 2 * DAY;
		rig.sim
			.records(REFUNDS)
			.add(
				{ refund_id: 1, refund_no: 'TK1', shop_no: 'SHOP1', status: 20, type: 2, detail_list: [] },
				{ modifiedMs: recent },
			);
		rig.sim
			.records(REFUNDS)
			.add(
				{ refund_id: 2, refund_no: 'TK2', shop_no: 'SHOP1', status: 20, type: 2, detail_list: [] },
				{ modifiedMs: now - 40 * DAY },
			);
		const [refund, ...others] = await readOk(read('refund'));
		expect(others).toEqual([]);
		expect(refund).toMatchObject({
			refund_no: 'TK1',
			modified: sent(recent),
			created: sent(recent),
			modified_iso: new Date(recent + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00',
			created_iso: expect.stringMatching(/\+08:00$/),
		});
		const { outputs, error } = await rig.run(
			{ resource: 'refund', operation: 'get', refundNo: 'TK2' },
			[{}],
		);
		expect(error).toBeUndefined();
		const [found] = jsonOf(outputs[0]);
		expect(found).toMatchObject({ refund_no: 'TK2', modified: sent(now - 40 * DAY) });
		expect(Date.parse(String(found.modified_iso))).toBe(Math.floor((now - 40 * DAY) / 1000) * 1000);
	});

	it('Product → Get Many: goods_modified and spec_modified get _iso', async () => {
		rig.sim.replies.timeForm = form;
		rig.sim.records(GOODS).add(
			{
				goods_id: 1,
				goods_no: 'G1',
				goods_name: 'G1',
				goods_type: 1,
				goods_modified: AT,
				spec_list: [{ spec_id: 11, goods_id: 1, spec_no: 'G1-A', spec_modified: AT }],
			},
			{ modifiedMs: rig.sim.clock.now() - DAY },
		);
		const [goods] = await readOk(read('goods'));
		expect(goods).toMatchObject({ goods_modified: sent(AT), goods_modified_iso: AT_ISO });
		expect((goods.spec_list as IDataObject[])[0]).toMatchObject({
			spec_modified: sent(AT),
			spec_modified_iso: AT_ISO,
		});
	});

	it('Stock → Get Many: a changed-since range selects by instant, modified as sent with _iso', async () => {
		rig.sim.replies.timeForm = form;
		const now = Math.floor(rig.sim.clock.now() / 1000) * 1000;
		for (const [id, daysAgo] of [
			[1, 2],
			[2, 50],
		])
			rig.sim
				.records(STOCK)
				.add(
					{ rec_id: id, spec_no: `SKU${id}`, warehouse_no: 'WH01', stock_num: 1 },
					{ modifiedMs: now - daysAgo * DAY },
				);
		const rows = await readOk(
			read('stock', {
				changedSince: true,
				startTime: new Date(now - 10 * DAY).toISOString(),
				endTime: new Date(now).toISOString(),
			}),
		);
		expect(rows.map((row) => row.spec_no)).toEqual(['SKU1']);
		expect(rows[0].modified).toEqual(sent(now - 2 * DAY));
		expect(Date.parse(String(rows[0].modified_iso))).toBe(
			Math.floor((now - 2 * DAY) / 1000) * 1000,
		);
	});

	it('Warehouse → Get Many: modified as sent, modified_iso the same instant', async () => {
		rig.sim.replies.timeForm = form;
		setMasterData(rig.sim, { warehouses: [warehouseRecord(0, AT)] });
		const [warehouse] = await readOk(read('warehouse'));
		expect(warehouse).toMatchObject({
			warehouse_no: 'WH001',
			modified: sent(AT),
			modified_iso: AT_ISO,
			created: '2024-03-01 09:00:00',
			created_iso: AT_ISO,
		});
	});
});
