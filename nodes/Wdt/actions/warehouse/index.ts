import type { WdtResource } from '../resource';
import * as getMany from './getMany.operation';

export const warehouse: WdtResource = {
	value: 'warehouse',
	name: 'Warehouse',
	description: "The ERP's warehouses",
	defaultOperation: 'getMany',
	operations: [getMany],
};
