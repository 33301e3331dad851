import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unstorableCharacterProblem } from '../../../shared/protocol/validate';
import { invalidInput } from '../parameters';
import {
	batchOptionsField,
	MAX_BATCH_SIZE,
	planEachItem,
	runWrite,
	type WriteSpec,
} from '../write';
import { logisticsSyncUpdateOutcomes } from './reportResultReply';

export const REPORT_METHOD = 'sales.LogisticsSync.update';

/** The page's results: 0 同步成功, -100 还需同步, 2 同步失败. */
const RESULTS: Readonly<Record<string, number>> = { synced: 0, syncAgain: -100, failed: 2 };

const properties: INodeProperties[] = [
	{
		displayName: 'Sync ID',
		name: 'syncId',
		type: 'string',
		default: '={{ $json.sync_id }}',
		required: true,
		description:
			'The sync_id from Logistics Sync → Get Pending: one tracking number of an order or of its sub-orders. WDT field: sync_id.',
	},
	{
		displayName: 'Result',
		name: 'result',
		type: 'options',
		default: 'synced',
		options: [
			{
				name: 'Synced',
				value: 'synced',
				description: 'Your shop took the tracking number; it leaves the pending list',
			},
			{
				name: 'Failed',
				value: 'failed',
				description: 'Your shop refused it; WDT records the failure and its message',
			},
			{
				name: 'Sync Again',
				value: 'syncAgain',
				description: 'It still needs syncing; it stays pending',
			},
		],
		description: 'What happened when you sent the tracking number to your shop. WDT field: status.',
	},
	{
		displayName: 'Error Message',
		name: 'errorMessage',
		type: 'string',
		default: '',
		displayOptions: { hide: { result: ['synced'] } },
		description: 'Why your shop refused it, shown in WDT. WDT field: error_msg.',
	},
	batchOptionsField(),
];

/** Its entry in the Logistics Sync resource's Operation field. */
export const option = {
	name: 'Report Result',
	value: 'reportResult',
	action: 'Report logistics sync results',
	description:
		'Tell WDT whether each tracking number reached your shop (sales.LogisticsSync.update)',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['logisticsSync'], operation: ['reportResult'] } },
	properties,
);

interface SyncReport {
	sync_id: number;
	status: number;
	error_msg: string;
}

function readReport(ctx: IExecuteFunctions, itemIndex: number): SyncReport {
	const raw = ctx.getNodeParameter('syncId', itemIndex, '') as unknown;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	const syncId = /^\d+$/.test(text) ? Number(text) : NaN;
	if (!Number.isSafeInteger(syncId) || syncId <= 0)
		throw invalidInput(
			ctx,
			itemIndex,
			'Sync ID (sync_id)',
			`must be the positive whole number Get Pending returns, got "${typeof raw === 'object' ? JSON.stringify(raw) : String(raw)}".`,
		);
	const result = ctx.getNodeParameter('result', itemIndex, 'synced') as string;
	if (!(result in RESULTS))
		throw invalidInput(
			ctx,
			itemIndex,
			'Result (status)',
			`must be one of ${Object.keys(RESULTS).join(', ')}, got "${result}".`,
		);
	// The page: "失败的错误信息，若成功传“”".
	const message =
		result === 'synced'
			? ''
			: String(ctx.getNodeParameter('errorMessage', itemIndex, '') ?? '').trim();
	const problem = unstorableCharacterProblem(message);
	if (problem) throw invalidInput(ctx, itemIndex, 'Error Message (error_msg)', `${problem}.`);
	return { sync_id: syncId, status: RESULTS[result], error_msg: message };
}

/**
 * sales.LogisticsSync.update: reports are validated, sent in batches and never re-sent. The reply
 * lists messages only; logisticsSyncUpdateOutcomes says which reports they settle.
 */
const spec: WriteSpec<SyncReport> = {
	method: REPORT_METHOD,
	words: {
		one: 'sync report',
		many: 'sync reports',
		action: 'record',
		done: 'recorded',
		statusRule: 'WDT records results only for pending sync IDs of self-owned shops',
	},
	plan: (ctx) => planEachItem(ctx, (i) => readReport(ctx, i)),
	key: (report) => String(report.sync_id),
	sameKey: { refuse: 'Sync ID (sync_id)', why: 'report each sync ID once per run' },
	batch: { limit: MAX_BATCH_SIZE, option: true },
	args: (batch) => [batch],
	outcomes: (batch, response) =>
		logisticsSyncUpdateOutcomes(
			batch.map((report) => String(report.sync_id)),
			response.data,
		),
	output: (report) => ({ ...report }),
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
