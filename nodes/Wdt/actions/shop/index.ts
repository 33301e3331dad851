import type { WdtResource } from '../resource';
import * as getMany from './getMany.operation';

export const shop: WdtResource = {
	value: 'shop',
	name: 'Shop',
	description: "The ERP's shops",
	defaultOperation: 'getMany',
	operations: [getMany],
};
