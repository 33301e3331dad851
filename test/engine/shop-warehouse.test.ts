import type { IDataObject } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { setMasterData, type ShopRecord, type WarehouseRecord } from '../simulator';
import {
	callsOf,
	itReportsRateLimitWithoutRetry,
	jsonOf,
	pairsOf,
	useRig,
	warehouseRecord,
} from './rig';

const rig = useRig();

const BASE_MS = Date.parse('2024-03-01T09:00:00+08:00');
const shop = (i: number, extra: Partial<ShopRecord> = {}): ShopRecord => ({
	shopId: i + 1,
	shopNo: `SHOP${String(i + 1).padStart(3, '0')}`,
	shopName: `店铺${i + 1}`,
	platformId: i % 2 === 0 ? 1 : 3,
	isDisabled: false,
	authState: 1,
	modifiedMs: BASE_MS + i * 1000,
	...extra,
});
const warehouse = (i: number, extra: Partial<WarehouseRecord> = {}) =>
	warehouseRecord(i, BASE_MS + i * 3600_000, extra);

const requestsOf = (method: string) => callsOf(rig, method);

beforeEach(() => {
	setMasterData(rig.sim, {
		shops: Array.from({ length: 5 }, (_, i) => shop(i)),
		warehouses: Array.from({ length: 4 }, (_, i) => warehouse(i)),
	});
});

describe('Shop → Get Many (setting.Shop.queryShop)', () => {
	const getShops = (extra: Record<string, unknown> = {}, input?: IDataObject[]) =>
		rig.run({ resource: 'shop', operation: 'getMany', returnAll: true, ...extra }, input);

	it('returns every shop, one item each, with status names and ISO times', async () => {
		const { outputs, error } = await getShops();
		expect(error).toBeUndefined();
		const shops = jsonOf(outputs[0]);
		expect(shops.map((s) => s.shop_no)).toEqual([
			'SHOP001',
			'SHOP002',
			'SHOP003',
			'SHOP004',
			'SHOP005',
		]);
		expect(shops[0]).toMatchObject({
			shop_name: '店铺1',
			auth_state: 1,
			auth_state_name: '已授权',
			modified: '2024-03-01 09:00:00',
			modified_iso: '2024-03-01T09:00:00+08:00',
		});
		expect(requestsOf('setting.Shop.queryShop')).toEqual([{ params: {}, pageNo: '0' }]);
	});

	it('filters by the shop chosen (list or code) and by platform', async () => {
		const { outputs, error } = await getShops({
			shopNo: { __rl: true, mode: 'list', value: 'SHOP002', cachedResultName: '店铺2' },
		});
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((s) => s.shop_no)).toEqual(['SHOP002']);
		const byPlatform = await getShops({ filters: { platformId: 3 } });
		expect(jsonOf(byPlatform.outputs[0]).map((s) => s.shop_no)).toEqual(['SHOP002', 'SHOP004']);
		expect(requestsOf('setting.Shop.queryShop').map((r) => r.params)).toEqual([
			{ shop_no: 'SHOP002' },
			{ platform_id: 3 },
		]);
	});

	it('pages through 230 shops (3 calls) and stops at the Limit', async () => {
		setMasterData(rig.sim, { shops: Array.from({ length: 230 }, (_, i) => shop(i)) });
		const all = await getShops();
		expect(jsonOf(all.outputs[0])).toHaveLength(230);
		expect(requestsOf('setting.Shop.queryShop').map((r) => r.pageNo)).toEqual(['0', '1', '2']);
		rig.sim.clearRequests();
		const limited = await getShops({ returnAll: false, limit: 120 });
		expect(jsonOf(limited.outputs[0])).toHaveLength(120);
		expect(jsonOf(limited.outputs[0])[119].shop_no).toBe('SHOP120');
		expect(requestsOf('setting.Shop.queryShop').map((r) => r.pageNo)).toEqual(['0', '1']);
	});

	it('runs one query per input item, each output paired with its item', async () => {
		const { outputs, error } = await getShops(
			{ shopNo: { __rl: true, mode: 'code', value: '={{ $json.shop }}' } },
			[{ shop: 'SHOP001' }, { shop: 'SHOP003' }],
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((s) => s.shop_no)).toEqual(['SHOP001', 'SHOP003']);
		expect(pairsOf(outputs[0])).toEqual([0, 1]);
	});

	it('refuses bad input before any call, naming item and field', async () => {
		const tooLong = await getShops(
			{ shopNo: { __rl: true, mode: 'code', value: '={{ $json.shop }}' } },
			[{ shop: 'SHOP001' }, { shop: 'S'.repeat(21) }],
		);
		expect(tooLong.error?.message).toBe('Item 2: Shop (shop_no) is longer than 20 characters.');
		const badLimit = await getShops({ returnAll: false, limit: 0 });
		expect(badLimit.error?.message).toMatch(/^Item 1: Limit \(limit\)/);
		// Item 1 was valid, but nothing is sent while any item is refused.
		expect(rig.sim.requests).toHaveLength(0);
	});

	itReportsRateLimitWithoutRetry(rig, 'setting.Shop.queryShop', () => getShops());
});

describe('Warehouse → Get Many (setting.Warehouse.queryWarehouse)', () => {
	const getWarehouses = (extra: Record<string, unknown> = {}) =>
		rig.run({ resource: 'warehouse', operation: 'getMany', returnAll: true, ...extra }, undefined, {
			timezone: 'Europe/Berlin',
		});

	it('returns every warehouse not deleted, with type names and ISO times', async () => {
		setMasterData(rig.sim, {
			warehouses: [warehouse(0), warehouse(1, { type: 125 }), warehouse(2, { deleted: true })],
		});
		const { outputs, error } = await getWarehouses();
		expect(error).toBeUndefined();
		const rows = jsonOf(outputs[0]);
		expect(rows.map((w) => w.warehouse_no)).toEqual(['WH001', 'WH002']);
		expect(rows[1]).toMatchObject({ type: 125, type_name: '代发仓', name: '仓库2' });
		expect(rows[0].modified_iso).toBe('2024-03-01T09:00:00+08:00');
		expect(requestsOf('setting.Warehouse.queryWarehouse')[0].params).toEqual({ hide_delete: 1 });
		const withDeleted = await getWarehouses({ filters: { includeDeleted: true } });
		expect(jsonOf(withDeleted.outputs[0])).toHaveLength(3);
	});

	it('sends the modified-time range in China time, from the workflow timezone', async () => {
		const { outputs, error } = await getWarehouses({
			filters: { startTime: '2024-03-01T03:30:00', endTime: '2024-03-01T04:30:00', type: '1' },
		});
		expect(error).toBeUndefined();
		// Berlin 03:30–04:30 (UTC+1) is 10:30–11:30 in China: the warehouse modified at 11:00.
		expect(jsonOf(outputs[0]).map((w) => w.warehouse_no)).toEqual(['WH003']);
		expect(requestsOf('setting.Warehouse.queryWarehouse')[0].params).toEqual({
			start_time: '2024-03-01 10:30:00',
			end_time: '2024-03-01 11:30:00',
			type: 1,
			hide_delete: 1,
		});
	});

	it('filters by the warehouse chosen and by name', async () => {
		const { outputs } = await getWarehouses({
			warehouseNo: { __rl: true, mode: 'list', value: 'WH004' },
			filters: { name: '仓库4' },
		});
		expect(jsonOf(outputs[0]).map((w) => w.warehouse_no)).toEqual(['WH004']);
		expect(requestsOf('setting.Warehouse.queryWarehouse')[0].params).toEqual({
			warehouse_no: 'WH004',
			warehouse_name: '仓库4',
			hide_delete: 1,
		});
	});

	it('refuses an end without a start, or a range the wrong way round, before any call', async () => {
		const endOnly = await getWarehouses({ filters: { endTime: '2024-03-01T04:30:00' } });
		expect(endOnly.error?.message).toMatch(
			/^Item 1: Filters → Modified After \(startTime\) is empty: WDT needs both times/,
		);
		const backwards = await getWarehouses({
			filters: { startTime: '2024-03-02T00:00:00', endTime: '2024-03-01T00:00:00' },
		});
		expect(backwards.error?.message).toBe(
			'Item 1: Filters → Modified Before (endTime) lies before Modified After (startTime).',
		);
		expect(rig.sim.requests).toHaveLength(0);
	});

	it('returns up to the Limit', async () => {
		const { outputs } = await getWarehouses({ returnAll: false, limit: 2 });
		expect(jsonOf(outputs[0]).map((w) => w.warehouse_no)).toEqual(['WH001', 'WH002']);
	});
});
