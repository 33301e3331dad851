import type { WdtRecord } from './types';

/** A shop of setting.Shop.queryShop (no time range: the page reads all). */
export const SHOP: WdtRecord = {
	name: 'Shop',
	description: "The ERP's shops",
	noun: 'shop',
	method: 'setting.Shop.queryShop',
	idField: 'shop_no',
	numberFields: ['shop_no'],
	modifiedField: 'modified',
	statusLabels: {},
};
