import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listCatalogMethods } from '../../shared/catalog';
import { LOGISTICS_LIST, PROVIDER_LIST, SHOP_LIST, WAREHOUSE_LIST, searchList } from './wdtLists';

/**
 * Every public method, listed by English label and WDT method name. Search also matches WDT's
 * Chinese name and category, so users who know WDT's terms ("取消", "出库") find methods too.
 */
export async function searchMethods(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = listCatalogMethods()
		.filter(
			({ method, nameEn, nameZh, category }) =>
				!needle ||
				[method, nameEn, nameZh, category].some((text) => text.toLowerCase().includes(needle)),
		)
		.map(({ method, nameEn }) => ({
			name: `${nameEn} — ${method}`,
			value: method,
		}));
	return { results };
}

/** Shops (setting.Shop.queryShop), by name or shop number. */
export async function searchShops(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, SHOP_LIST, filter);
}

/** Warehouses (setting.Warehouse.queryWarehouse), by name or warehouse number. */
export async function searchWarehouses(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, WAREHOUSE_LIST, filter);
}

/** Logistics companies (setting.Logistics.queryLogistics), by name or logistics number. */
export async function searchLogistics(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, LOGISTICS_LIST, filter);
}

/** Suppliers (setting.PurchaseProvider.queryDetail), by name or supplier number. */
export async function searchProviders(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, PROVIDER_LIST, filter);
}
