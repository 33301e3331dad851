import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { LOGISTICS_LIST, PROVIDER_LIST, SHOP_LIST, WAREHOUSE_LIST, searchList } from './wdtLists';

/*
 * The dropdown searches of WDT's master-data lists, shared by the WDT node and the WDT Trigger
 * (each node lists the ones its fields use in `methods.listSearch`).
 */

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
