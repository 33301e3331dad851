import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account';
import { resourceOperationSubtitle } from './actions/common';
import * as custom from './actions/custom';
import * as goods from './actions/goods';
import * as logisticsSync from './actions/logisticsSync';
import * as otherOut from './actions/otherOut';
import * as purchaseApply from './actions/purchaseApply';
import * as refund from './actions/refund';
import { router } from './actions/router';
import * as salesOrder from './actions/salesOrder';
import * as salesStockout from './actions/salesStockout';
import * as shop from './actions/shop';
import * as stock from './actions/stock';
import * as warehouse from './actions/warehouse';
import { listSearch } from './methods';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'purchaseApply',
		options: [
			{
				name: 'Account',
				value: 'account',
				description: 'Checks of how your WDT answers (read-only)',
			},
			{
				name: 'Custom',
				value: 'custom',
				description: 'Call any WDT API method by name',
			},
			{
				name: 'Logistics Sync',
				value: 'logisticsSync',
				description: 'Tracking numbers to sync to self-owned shops',
			},
			{ name: 'Other Out', value: 'otherOut', description: 'Other-out business orders' },
			{
				name: 'Product',
				value: 'goods',
				description: 'Goods (SPU) with their specs (SKU)',
			},
			{
				name: 'Purchase Apply',
				value: 'purchaseApply',
				description: 'Purchase applies (requisitions)',
			},
			{ name: 'Refund', value: 'refund', description: 'Refunds, returns and exchanges' },
			{ name: 'Sales Order', value: 'salesOrder', description: 'Sales orders (trades)' },
			{ name: 'Sales Stockout', value: 'salesStockout', description: 'Sales stockout orders' },
			{ name: 'Shop', value: 'shop', description: "The ERP's shops" },
			{ name: 'Stock', value: 'stock', description: 'Stock per SKU and warehouse' },
			{ name: 'Warehouse', value: 'warehouse', description: "The ERP's warehouses" },
		],
	},
	...purchaseApply.description,
	...goods.description,
	...otherOut.description,
	...logisticsSync.description,
	...refund.description,
	...salesOrder.description,
	...salesStockout.description,
	...shop.description,
	...stock.description,
	...warehouse.description,
	...custom.description,
	...account.description,
];

export class Wdt implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WDT',
		name: 'wdt',
		icon: {
			light: 'file:../../icons/wdt.svg',
			dark: 'file:../../icons/wdt.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: resourceOperationSubtitle(properties),
		description:
			'Work with the WDT (Wangdiantong) Flagship ERP: sales orders, stockouts, refunds, products, stock, shops, warehouses, purchase applies, other-out orders, logistics sync and any API method',
		defaults: { name: 'WDT' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wdtApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
