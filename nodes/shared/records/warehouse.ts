import type { WdtRecord } from './types';

/** A warehouse of setting.Warehouse.queryWarehouse. */
export const WAREHOUSE: WdtRecord = {
	name: 'Warehouse',
	description: "The ERP's warehouses",
	noun: 'warehouse',
	method: 'setting.Warehouse.queryWarehouse',
	idField: 'warehouse_no',
	numberFields: ['warehouse_no'],
	modifiedField: 'modified',
	statusLabels: {
		type: {
			'1': 'Normal (Internal)',
			'2': 'Self-Circulation',
			'3': 'Platform',
			'4': 'JD Canghai',
			'6': 'Douyin Cloud Warehouse',
			'125': 'Drop-Shipping',
			'126': 'Outsourced Distribution',
		},
	},
};
