import type {
	IDataObject,
	INodeParameterResourceLocator,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import { runListSearch } from '../harness/list-search';
import {
	setMasterData,
	type ProviderRecord,
	type ShopRecord,
	type WarehouseRecord,
} from '../simulator';
import { jsonOf, useRig, warehouseRecord } from './rig';

const rig = useRig();

const firstArg = (request: { args: unknown }) => (request.args as unknown[])[0] as object;

const BASE_MS = Date.parse('2024-03-01T09:00:00+08:00');
const shops: ShopRecord[] = [
	['TMALL01', '天猫旗舰店', 1],
	['JD01', '京东自营店', 3],
	['DY01', '抖音小店', 69],
].map(([shopNo, shopName, platformId], i) => ({
	shopId: i + 1,
	shopNo: shopNo as string,
	shopName: shopName as string,
	platformId: platformId as number,
	isDisabled: false,
	authState: 1,
	modifiedMs: BASE_MS,
}));
const warehouse = (i: number, extra: Partial<WarehouseRecord> = {}) =>
	warehouseRecord(i, BASE_MS + i * 1000, extra);

/** A workflow id per test: the cache keys lists by workflow and credential. */
let workflowSeq = 0;
let workflowId = '';

const search = async (method: string, filter?: string, id = workflowId) =>
	await runListSearch(rig.engine, {
		type: 'wdt',
		method,
		filter,
		credentials: rig.credentials,
		workflowId: id,
	});

beforeEach(() => {
	workflowId = `dropdowns-${++workflowSeq}`;
	setMasterData(rig.sim, {
		shops,
		warehouses: [warehouse(0), warehouse(1, { name: '广州分仓' })],
		logistics: [
			{
				logisticsId: 1,
				logisticsNo: 'SF',
				logisticsName: '顺丰速运',
				logisticsType: 3,
				isDisabled: false,
				modifiedMs: BASE_MS,
			},
			{
				logisticsId: 2,
				logisticsNo: 'OLD',
				logisticsName: '停用物流',
				logisticsType: 3,
				isDisabled: true,
				modifiedMs: BASE_MS,
			},
		],
	});
});

describe('Dropdowns (From List) loaded from WDT', () => {
	it('lists shops by name and code, with one call for every search of the same list', async () => {
		const all = await search('searchShops');
		expect(all.results).toEqual([
			{ name: '天猫旗舰店 (TMALL01)', value: 'TMALL01' },
			{ name: '京东自营店 (JD01)', value: 'JD01' },
			{ name: '抖音小店 (DY01)', value: 'DY01' },
		]);
		// Typing: every keystroke is a new request from the editor, each a fresh context.
		expect((await search('searchShops', 'j')).results.map((r) => r.value)).toEqual(['JD01']);
		expect((await search('searchShops', '抖音')).results.map((r) => r.value)).toEqual(['DY01']);
		expect((await search('searchShops', 'tmall')).results.map((r) => r.value)).toEqual(['TMALL01']);
		expect((await search('searchShops', 'nothing')).results).toEqual([]);
		const calls = rig.sim.requestsFor('setting.Shop.queryShop');
		expect(calls).toHaveLength(1);
		expect(calls[0].args).toEqual([{}]);
	});

	it('keeps lists apart per workflow and per list', async () => {
		await search('searchShops');
		await search('searchShops', '', 'another-workflow');
		await search('searchWarehouses');
		expect(rig.sim.requestsFor('setting.Shop.queryShop')).toHaveLength(2);
		expect(rig.sim.requestsFor('setting.Warehouse.queryWarehouse')).toHaveLength(1);
	});

	it('lists warehouses (deleted ones hidden) and logistics companies (disabled ones left out by WDT)', async () => {
		setMasterData(rig.sim, {
			warehouses: [
				warehouse(0),
				warehouse(1, { name: '广州分仓' }),
				warehouse(2, { deleted: true }),
			],
		});
		expect((await search('searchWarehouses', '广州')).results).toEqual([
			{ name: '广州分仓 (WH002)', value: 'WH002' },
		]);
		expect((await search('searchWarehouses')).results.map((r) => r.value)).toEqual([
			'WH001',
			'WH002',
		]);
		expect(rig.sim.requestsFor('setting.Warehouse.queryWarehouse')[0].args).toEqual([
			{ hide_delete: 1 },
		]);
		expect((await search('searchLogistics')).results).toEqual([
			{ name: '顺丰速运 (SF)', value: 'SF' },
		]);
		expect(rig.sim.requestsFor('setting.Logistics.queryLogistics')[0].args).toEqual([
			{ hide_delete: true },
		]);
	});

	it('reads every page of a long list (250 warehouses: 3 calls), once', async () => {
		setMasterData(rig.sim, {
			warehouses: Array.from({ length: 250 }, (_, i) => warehouse(i)),
		});
		expect((await search('searchWarehouses')).results).toHaveLength(250);
		expect((await search('searchWarehouses', '仓库25')).results.map((r) => r.value)).toEqual([
			'WH025',
			'WH250',
		]);
		const calls = rig.sim.requestsFor('setting.Warehouse.queryWarehouse');
		expect(calls.map((call) => call.query.page_no)).toEqual(['0', '1', '2']);
	});

	it('does not keep a failed load: the next search asks WDT again', async () => {
		rig.sim.faults.next('concurrencyLimit', 1, 'setting.Shop.queryShop');
		await expect(search('searchShops')).rejects.toThrow();
		expect((await search('searchShops', 'jd')).results.map((r) => r.value)).toEqual(['JD01']);
	});

	it('says so when WDT rate-limits the key, without retrying', async () => {
		rig.sim.faults.next('rateLimit', 1, 'setting.Shop.queryShop');
		await expect(search('searchShops')).rejects.toThrow(/limit|频繁|限流/i);
		expect(rig.sim.requestsFor('setting.Shop.queryShop')).toHaveLength(1);
	});
});

describe('Every shop and warehouse field is a dropdown with By Code', () => {
	/** Every property of the node, with the options of its collections, and where it is shown. */
	const fields = (properties: INodeProperties[], path = ''): Array<[string, INodeProperties]> =>
		properties.flatMap((property) => {
			const at = `${path}${property.name}`;
			const show = property.displayOptions?.show;
			const where = show ? `${String(show.resource)}/${String(show.operation)} ` : '';
			const inner = (property.options ?? []).filter(
				(option): option is INodeProperties => 'displayName' in option && 'type' in option,
			);
			return [[`${where}${at}`, property], ...fields(inner, `${where}${at}.`)];
		});

	it('uses the shop and warehouse lists of methods/listSearch.ts, whatever the operation', () => {
		const all = fields(new Wdt().description.properties);
		const locations = all.filter(([, property]) => /^(shopNos?|warehouseNo)$/.test(property.name));
		expect(locations.length).toBeGreaterThanOrEqual(9);
		for (const [where, property] of locations) {
			expect({ where, type: property.type }).toEqual({ where, type: 'resourceLocator' });
			const list = property.modes?.find((mode) => mode.name === 'list');
			expect(list?.typeOptions?.searchListMethod).toBe(
				property.name.startsWith('shop') ? 'searchShops' : 'searchWarehouses',
			);
			expect(property.modes?.map((mode) => mode.name)).toEqual(['list', 'code']);
		}
	});

	it("the trigger's Shop(s) and Warehouse options too, searched by the trigger's own methods", () => {
		const trigger = new WdtTrigger();
		const locations = fields(trigger.description.properties).filter(([, property]) =>
			/^(shopNos?|warehouseNo)$/.test(property.name),
		);
		// New or Updated Sales Order: Shop, Warehouse; Sales Stockout Shipped: Shops, Warehouse;
		// Refund Created or Updated: Shops; Refund Stock-In Received: Shops, Warehouse; Stock Moved:
		// Warehouse.
		expect(locations.map(([, property]) => property.displayName).sort()).toEqual([
			'Shop',
			'Shops',
			'Shops',
			'Shops',
			'Warehouse',
			'Warehouse',
			'Warehouse',
			'Warehouse',
		]);
		for (const [where, property] of locations) {
			expect({ where, type: property.type }).toEqual({ where, type: 'resourceLocator' });
			const method = property.modes?.find((mode) => mode.name === 'list')?.typeOptions
				?.searchListMethod;
			expect(Object.keys(trigger.methods.listSearch)).toContain(method);
		}
	});

	it('the trigger loads the same lists as the WDT node', async () => {
		const triggerSearch = (method: string, filter?: string) =>
			runListSearch(rig.engine, {
				type: 'wdtTrigger',
				method,
				filter,
				credentials: rig.credentials,
				workflowId,
			});
		expect((await triggerSearch('searchShops', '京东')).results).toEqual([
			{ name: '京东自营店 (JD01)', value: 'JD01' },
		]);
		expect((await triggerSearch('searchWarehouses', '广州')).results).toEqual([
			{ name: '广州分仓 (WH002)', value: 'WH002' },
		]);
	});
});

describe('Other Out → Create with the logistics company dropdown', () => {
	const create = (logisticsCode: unknown) =>
		rig.run({
			resource: 'otherOut',
			operation: 'create',
			warehouseNo: 'WH001',
			outerNo: `OUT-${String(++workflowSeq)}`,
			orderFields: { logistics_code: logisticsCode } as INodeParameters,
			lines: { line: [{ specNo: 'TS-001', num: 2 }] },
		});
	const sentLogistics = () =>
		rig.sim
			.requestsFor('wms.stockother.Out.push')
			.map((request) => (firstArg(request) as IDataObject).logistics_code);

	it("is a dropdown of WDT's logistics companies", () => {
		const additional = new Wdt().description.properties.find(
			(property) =>
				property.name === 'orderFields' &&
				String(property.displayOptions?.show?.resource) === 'otherOut',
		);
		const field = (additional?.options as INodeProperties[]).find(
			(option) => option.name === 'logistics_code',
		);
		expect(field?.type).toBe('resourceLocator');
		expect(field?.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod).toBe(
			'searchLogistics',
		);
	});

	it('sends the code chosen from the list, typed By Code, or saved as text by older workflows', async () => {
		for (const value of [
			{ __rl: true, mode: 'list', value: 'SF', cachedResultName: '顺丰速运 (SF)' },
			{ __rl: true, mode: 'code', value: ' ZTO ' },
			'YTO',
		]) {
			const { error } = await create(value);
			expect(error).toBeUndefined();
		}
		expect(sentLogistics()).toEqual(['SF', 'ZTO', 'YTO']);
	});

	it('refuses a code longer than the page allows before any call, naming item and field', async () => {
		const { error } = await create({ __rl: true, mode: 'code', value: 'L'.repeat(61) });
		expect(error?.message).toMatch(/^Item 1: Logistics Company \(logistics_code\)/);
		expect(rig.sim.requests).toHaveLength(0);
	});
});

describe('Purchase Apply → Create with the warehouse dropdown', () => {
	const create = (warehouseNo: string | INodeParameterResourceLocator) =>
		rig.run({
			resource: 'purchaseApply',
			operation: 'create',
			warehouseNo,
			lines: { line: [{ specNo: 'TS-001', num: 2 }] },
		});

	it('sends the code chosen from the list', async () => {
		const { outputs, error } = await create({
			__rl: true,
			mode: 'list',
			value: 'WH02',
			cachedResultName: '广州分仓 (WH02)',
		});
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])[0]).toMatchObject({ warehouse_no: 'WH02' });
		expect(firstArg(rig.sim.requestsFor('purchase.PurchaseApply.upload')[0])).toMatchObject({
			warehouse_no: 'WH02',
		});
	});

	it('sends a code typed or mapped By Code, trimmed', async () => {
		const { error } = await create({ __rl: true, mode: 'code', value: '={{ " WH01 " }}' });
		expect(error).toBeUndefined();
		expect(firstArg(rig.sim.requestsFor('purchase.PurchaseApply.upload')[0])).toMatchObject({
			warehouse_no: 'WH01',
		});
	});

	it('leaves the warehouse out when none is chosen, and reads a plain string of older workflows', async () => {
		expect((await create({ __rl: true, mode: 'list', value: '' })).error).toBeUndefined();
		expect((await create('WH01')).error).toBeUndefined();
		const uploads = rig.sim.requestsFor('purchase.PurchaseApply.upload');
		expect(firstArg(uploads[0])).not.toHaveProperty('warehouse_no');
		expect(firstArg(uploads[1])).toMatchObject({ warehouse_no: 'WH01' });
	});

	it('refuses a code too long for WDT before any call, naming item and field', async () => {
		const { error } = await create({ __rl: true, mode: 'code', value: 'W'.repeat(41) });
		expect(error?.message).toMatch(/^Item 1: Warehouse \(warehouse_no\) is 41 characters long/);
		expect(rig.sim.requests).toHaveLength(0);
	});
});

describe('Purchase Apply → Create with the supplier dropdown', () => {
	const supplier = (i: number, name: string, extra: Partial<ProviderRecord> = {}) => ({
		providerId: i + 1,
		providerNo: `P00${i + 1}`,
		providerName: name,
		isDisabled: false,
		deleted: false,
		modifiedMs: BASE_MS,
		...extra,
	});

	it('lists suppliers that are neither disabled nor deleted, by name or number', async () => {
		setMasterData(rig.sim, {
			providers: [
				supplier(0, '华东纺织'),
				supplier(1, '停用供应商', { isDisabled: true }),
				supplier(2, '已删供应商', { deleted: true }),
				supplier(3, '南方包材'),
			],
		});
		expect((await search('searchProviders')).results).toEqual([
			{ name: '华东纺织 (P001)', value: 'P001' },
			{ name: '南方包材 (P004)', value: 'P004' },
		]);
		expect((await search('searchProviders', 'p004')).results.map((r) => r.value)).toEqual(['P004']);
		const calls = rig.sim.requestsFor('setting.PurchaseProvider.queryDetail');
		expect(calls).toHaveLength(1);
		expect(calls[0].args).toEqual([{ is_disabled: 0, deleted: 0 }]);
	});

	it('sends the supplier of each line: from the list, By Code, or a plain string of older workflows', async () => {
		const { error } = await rig.run({
			resource: 'purchaseApply',
			operation: 'create',
			lines: {
				line: [
					{ specNo: 'A', num: 1, providerNo: { __rl: true, mode: 'list', value: 'P001' } },
					{ specNo: 'B', num: 1, providerNo: { __rl: true, mode: 'code', value: ' P002 ' } },
					{ specNo: 'C', num: 1, providerNo: 'P003' },
					{ specNo: 'D', num: 1, providerNo: { __rl: true, mode: 'list', value: '' } },
				],
			},
		});
		expect(error).toBeUndefined();
		const sent = firstArg(rig.sim.requestsFor('purchase.PurchaseApply.upload')[0]) as {
			detail_list: Array<{ spec_no: string; provider_no?: string }>;
		};
		expect(sent.detail_list.map((line) => line.provider_no)).toEqual([
			'P001',
			'P002',
			'P003',
			undefined,
		]);
	});
});
