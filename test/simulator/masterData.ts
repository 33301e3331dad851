/**
 * WDT master data, from the pages of setting.Shop.queryShop (店铺查询),
 * setting.Warehouse.queryWarehouse (仓库查询), setting.Logistics.queryLogistics (物流公司查询) and
 * setting.PurchaseProvider.queryDetail (供应商查询):
 * each paged from page 0, records in `data.details`, the total in `data.total_count`, rows with
 * documented fields only. No time range is needed; queryWarehouse filters by modified time when
 * start_time/end_time are given, both or neither (the page names no longest span), its ends
 * matching as `windowEnds` says.
 *
 * Records live per store (`masterDataOf`); tests replace them with `setMasterData`.
 * methods.ts registers these methods and this file uses its WdtError: load the simulator (or
 * methods.ts) before importing this file directly.
 */
import { formatCst, parseCst } from './cst';
import { pagedData, WdtError, type MethodCall, type MethodSpec } from './methods';
import { WAREHOUSE_NAMES, type SimulatorStore } from './store';

export interface ShopRecord {
	shopId: number;
	shopNo: string;
	shopName: string;
	platformId: number;
	isDisabled: boolean;
	authState: number;
	modifiedMs: number;
}

export interface WarehouseRecord {
	warehouseId: number;
	warehouseNo: string;
	name: string;
	type: number;
	subType: number;
	isDisabled: boolean;
	/** Deleted warehouses are hidden unless hide_delete is 0. */
	deleted: boolean;
	modifiedMs: number;
}

export interface LogisticsRecord {
	logisticsId: number;
	logisticsNo: string;
	logisticsName: string;
	logisticsType: number;
	isDisabled: boolean;
	modifiedMs: number;
}

export interface ProviderRecord {
	providerId: number;
	providerNo: string;
	providerName: string;
	isDisabled: boolean;
	deleted: boolean;
	modifiedMs: number;
}

export interface MasterData {
	shops: ShopRecord[];
	warehouses: WarehouseRecord[];
	logistics: LogisticsRecord[];
	providers: ProviderRecord[];
}

const BASE_MS = Date.parse('2024-01-02T10:00:00+08:00');

function defaultMasterData(): MasterData {
	return {
		shops: [
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
			modifiedMs: BASE_MS + i * 60_000,
		})),
		warehouses: Object.entries(WAREHOUSE_NAMES).map(([warehouseNo, name], i) => ({
			warehouseId: i + 1,
			warehouseNo,
			name,
			type: 1,
			subType: 0,
			isDisabled: false,
			deleted: false,
			modifiedMs: BASE_MS + i * 60_000,
		})),
		logistics: [
			['SF', '顺丰速运', 3],
			['ZTO', '中通快递', 3],
		].map(([logisticsNo, logisticsName, logisticsType], i) => ({
			logisticsId: i + 1,
			logisticsNo: logisticsNo as string,
			logisticsName: logisticsName as string,
			logisticsType: logisticsType as number,
			isDisabled: false,
			modifiedMs: BASE_MS + i * 60_000,
		})),
		providers: [
			['P001', '华东纺织供应商'],
			['P002', '南方包材'],
		].map(([providerNo, providerName], i) => ({
			providerId: i + 1,
			providerNo,
			providerName,
			isDisabled: false,
			deleted: false,
			modifiedMs: BASE_MS + i * 60_000,
		})),
	};
}

const masterData = new WeakMap<SimulatorStore, MasterData>();

export function masterDataOf(store: SimulatorStore): MasterData {
	let data = masterData.get(store);
	if (!data) {
		data = defaultMasterData();
		masterData.set(store, data);
	}
	return data;
}

/** Replaces some of the store's master data lists. */
export function setMasterData(store: SimulatorStore, data: Partial<MasterData>): void {
	masterData.set(store, { ...masterDataOf(store), ...data });
}

/*
 * Every documented field is marked required on the pages; the store holds only codes, names,
 * types and times, so the contact and address texts are empty, as in the pages' examples.
 */
const SHOP_TEXT_FIELDS = [
	'contact',
	'province',
	'city',
	'district',
	'address',
	'telno',
	'mobile',
	'zip',
	'email',
	'remark',
	'website',
	'group_id',
	'account_id',
];
const WAREHOUSE_TEXT_FIELDS = [
	'zip',
	'address',
	'province',
	'city',
	'district',
	'mobile',
	'remark',
	'telno',
	'contact',
	'purchase_contact',
	'purchase_telno',
	'purchase_address',
];
const LOGISTICS_TEXT_FIELDS = [
	'contact',
	'telno',
	'mobile',
	'address',
	'remark',
	'month_card',
	'main_logistics_name',
	'quantity',
];
const PROVIDER_TEXT_FIELDS = [
	'contact',
	'follower_name',
	'telno',
	'mobile',
	'fax',
	'zip',
	'email',
	'qq',
	'wangwang',
	'address',
	'website',
	'last_purchase_time',
	'remark',
	'province',
	'city',
	'district',
	'account_bank',
	'collect_name',
	'account_bank_no',
];
const emptyTexts = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, '']));

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

function paramsOf(call: MethodCall): Record<string, unknown> {
	const params = call.args[0];
	if (typeof params !== 'object' || params === null || Array.isArray(params))
		throw new WdtError(1, 'argument type mismatch');
	return params as Record<string, unknown>;
}

/** WDT's reply of a master-data list: one page of `details`, with `total_count`. */
function detailsReply<Entry>(
	call: MethodCall,
	entries: Entry[],
	toRow: (entry: Entry) => Record<string, unknown>,
) {
	return { status: 0, data: pagedData(call, 'details', entries, toRow) };
}

/** The `<entity>_no` filter (exact) and `<entity>_name` filter (a part of the name), when given. */
function byCodeAndName(
	params: Record<string, unknown>,
	entity: string,
	code: string,
	name: string,
): boolean {
	const [codeFilter, nameFilter] = [params[`${entity}_no`], params[`${entity}_name`]];
	return (
		(!present(codeFilter) || code === String(codeFilter)) &&
		(!present(nameFilter) || name.includes(String(nameFilter)))
	);
}

export const queryShop: MethodSpec = {
	name: 'setting.Shop.queryShop',
	paged: true,
	write: false,
	argCount: 1,
	run(call) {
		const params = paramsOf(call);
		const shops = masterDataOf(call.store).shops.filter(
			(shop) =>
				(!present(params.shop_no) || shop.shopNo === String(params.shop_no)) &&
				(!present(params.platform_id) || shop.platformId === Number(params.platform_id)),
		);
		return detailsReply(call, shops, (shop) => ({
			shop_id: shop.shopId,
			shop_name: shop.shopName,
			shop_no: shop.shopNo,
			platform_id: shop.platformId,
			sub_platform_id: 0,
			...emptyTexts(SHOP_TEXT_FIELDS),
			is_disabled: shop.isDisabled,
			auth_state: shop.authState,
			auth_time: formatCst(shop.modifiedMs),
			re_expire_time: '',
			modified: formatCst(shop.modifiedMs),
			expire_time: '',
			created: formatCst(shop.modifiedMs),
		}));
	},
};

export const queryWarehouse: MethodSpec = {
	name: 'setting.Warehouse.queryWarehouse',
	paged: true,
	write: false,
	argCount: 1,
	run(call) {
		const params = paramsOf(call);
		const time = (field: string) => {
			if (!present(params[field])) return undefined;
			const ms = typeof params[field] === 'string' ? parseCst(params[field]) : undefined;
			if (ms === undefined) throw new WdtError(100, `Unparseable date: ${String(params[field])}`);
			return ms;
		};
		const startMs = time('start_time');
		const endMs = time('end_time');
		// The page's 异常响应示例: one time without the other is refused.
		if ((startMs === undefined) !== (endMs === undefined))
			throw new WdtError(100, '参数中必须包含起止时间');
		const hideDeleted = !present(params.hide_delete) || Number(params.hide_delete) !== 0;
		const warehouses = masterDataOf(call.store)
			.warehouses.filter(
				(warehouse) =>
					(!hideDeleted || !warehouse.deleted) &&
					(!present(params.warehouse_no) ||
						warehouse.warehouseNo === String(params.warehouse_no)) &&
					(!present(params.warehouse_name) || warehouse.name === String(params.warehouse_name)) &&
					(!present(params.type) || warehouse.type === Number(params.type)) &&
					call.store.inWindow(warehouse.modifiedMs, startMs, endMs),
			)
			.sort((a, b) => a.modifiedMs - b.modifiedMs || a.warehouseId - b.warehouseId);
		return detailsReply(call, warehouses, (warehouse) => ({
			warehouse_id: warehouse.warehouseId,
			warehouse_no: warehouse.warehouseNo,
			name: warehouse.name,
			...emptyTexts(WAREHOUSE_TEXT_FIELDS),
			type: warehouse.type,
			sub_type: warehouse.subType,
			is_disabled: warehouse.isDisabled,
			modified: formatCst(warehouse.modifiedMs),
			created: formatCst(warehouse.modifiedMs),
		}));
	},
};

export const queryLogistics: MethodSpec = {
	name: 'setting.Logistics.queryLogistics',
	paged: true,
	write: false,
	argCount: 1,
	run(call) {
		const params = paramsOf(call);
		// The page: "结果不含已停用的物流" (disabled companies are not returned).
		const companies = masterDataOf(call.store).logistics.filter(
			(company) =>
				!company.isDisabled &&
				byCodeAndName(params, 'logistics', company.logisticsNo, company.logisticsName),
		);
		return detailsReply(call, companies, (company) => ({
			logistics_id: company.logisticsId,
			logistics_type: company.logisticsType,
			is_support_cod: false,
			logistics_no: company.logisticsNo,
			logistics_name: company.logisticsName,
			...emptyTexts(LOGISTICS_TEXT_FIELDS),
			ebill_api: 0,
			is_preset_no: false,
			send_type: 0,
			is_disabled: company.isDisabled,
			max_weight: 0,
			modified: formatCst(company.modifiedMs),
			created: formatCst(company.modifiedMs),
			volume_weight_ratio: 0,
			volume_weight_ratio_switch: 0,
			volume_type: 0,
			volume_threshold: 0,
			volume_weight_ratio_special: 0,
			type: 1,
		}));
	},
};

export const queryPurchaseProvider: MethodSpec = {
	name: 'setting.PurchaseProvider.queryDetail',
	paged: true,
	write: false,
	argCount: 1,
	run(call) {
		const params = paramsOf(call);
		// The page: is_disabled 1 停用 / 0 未停用, deleted 0 未删除 / 1 已删除; unset: both kinds.
		const flag = (field: string, value: boolean) =>
			!present(params[field]) || Number(params[field]) === (value ? 1 : 0);
		const providers = masterDataOf(call.store).providers.filter(
			(provider) =>
				flag('is_disabled', provider.isDisabled) &&
				flag('deleted', provider.deleted) &&
				byCodeAndName(params, 'provider', provider.providerNo, provider.providerName),
		);
		return detailsReply(call, providers, (provider) => ({
			provider_id: provider.providerId,
			provider_no: provider.providerNo,
			provider_name: provider.providerName,
			...emptyTexts(PROVIDER_TEXT_FIELDS),
			arrive_cycle_days: 0,
			is_disabled: provider.isDisabled,
			deleted: provider.deleted ? 1 : 0,
			modified: formatCst(provider.modifiedMs),
			created: formatCst(provider.modifiedMs),
		}));
	},
};
