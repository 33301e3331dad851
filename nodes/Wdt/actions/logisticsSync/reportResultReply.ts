/** What sales.LogisticsSync.update answers, read as one outcome per sync report. */
import {
	countOf,
	describeValue,
	type OrderOutcome,
	succeededOutcome,
	unknownOutcome,
} from '../../../shared/protocol';

/**
 * sales.LogisticsSync.update answers `data: List<String>`, "如果全部成功则返回空List": the
 * messages name no record. An empty list: every record succeeded. One record sent and any
 * message: it failed. Several records: a message that names exactly one sent sync_id (as a whole
 * number in its text) fails that record; when every message names one, the others succeeded;
 * otherwise the records no message names have an unknown outcome.
 */
export function logisticsSyncUpdateOutcomes(
	sent: readonly string[],
	data: unknown,
): OrderOutcome[] {
	if (!Array.isArray(data) || !data.every((entry) => typeof entry === 'string'))
		return sent.map((syncId) =>
			unknownOutcome(
				syncId,
				`WDT's reply is not the documented list of messages (data is ${describeValue(data)})`,
			),
		);
	const messages = data as string[];
	const failed = (syncId: string, text: string): OrderOutcome => ({
		order_no: syncId,
		success: false,
		outcome: 'failed',
		error: text || 'WDT reported a failure without a message',
		error_code: null,
	});
	if (messages.length === 0) return sent.map(succeededOutcome);
	if (sent.length === 1) return [failed(sent[0], messages.join('; '))];
	const sentIds = new Set(sent);
	const named = new Map<string, string[]>();
	let unexplained = 0;
	for (const message of messages) {
		const ids = [...new Set(message.match(/\d+/g) ?? [])].filter((id) => sentIds.has(id));
		if (ids.length !== 1) {
			unexplained++;
			continue;
		}
		named.set(ids[0], [...(named.get(ids[0]) ?? []), message]);
	}
	return sent.map((syncId) => {
		const own = named.get(syncId);
		if (own) return failed(syncId, own.join('; '));
		return unexplained
			? unknownOutcome(
					syncId,
					`WDT answered ${countOf(unexplained, 'message', 'messages')} naming no single record of this call (${messages
						.slice(0, 3)
						.map((message) => `"${message}"`)
						.join(', ')}), so any record of the call may have failed`,
				)
			: succeededOutcome(syncId);
	});
}
