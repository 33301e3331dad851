import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, nodeSubtitle } from './actions/registry';
import { router } from './actions/router';
import { listSearch } from './methods';

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
		subtitle: nodeSubtitle,
		description:
			'Read and write the WDT (Wangdiantong) Flagship ERP (sales orders, stockouts, refunds, refund stock-ins, products, stock, stock movements, stock counts, shops, warehouses, purchase applies, purchase orders, purchase stock-ins, other-out orders, transfers, invoices, logistics sync, stock sync to own shops, any API method and checks of your account) or start a workflow when its records change',
		defaults: { name: 'WDT' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wdtApi', required: true }],
		properties: nodeProperties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
