import { deletedParam, GOODS, includeDeletedFilter, lengthOf } from '../../../shared/records';
import { getByNumber } from '../getByNumber';
import { filtersField, readFilters } from '../shared.fields';

/** Its entry in the Product resource's Operation field. */
export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a product',
	description: 'Get goods with their specs by goods number or SKU code (goods.Goods.queryWithSpec)',
};

/** goods.Goods.queryWithSpec by goods_no or spec_no, without a time range (the page allows it). */
export const { description, execute } = getByNumber({
	resource: 'goods',
	read: { record: GOODS },
	by: [
		{
			value: 'goodsNo',
			name: 'Goods Number',
			description: 'The goods (SPU) number; returns the goods with all its specs',
			wdtField: 'goods_no',
		},
		{
			value: 'specNo',
			name: 'SKU Code',
			description: 'The merchant code of one spec (SKU); returns the goods it belongs to',
			wdtField: 'spec_no',
		},
	],
	parameters: { by: 'findBy' },
	number: {
		placeholder: 'e.g. TS-001',
		description: `At most ${lengthOf(GOODS, 'goods_no')} characters. WDT field: goods_no or spec_no, as Look Up By says. Nothing found: an error naming the number.`,
	},
	fields: [filtersField([includeDeletedFilter])],
	options: false,
	params: (ctx, itemIndex) => deletedParam(readFilters(ctx, itemIndex)),
});
