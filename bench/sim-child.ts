/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The WDT simulator in its own process (started by lib/sim-process.ts), for the scenarios whose
 * client-side CPU is measured (B3 per-call overhead, B4 poll CPU): this way the simulator's own
 * work neither lands in the client's process.cpuUsage() or CPU profile nor competes for its event
 * loop. Empty store, real clock (the node signs with the host clock). Controlled over IPC.
 */
import { startSimulator } from '../test/simulator';
import type { TradeInput } from '../test/simulator/store';
import { timeSimulator } from './lib/sim-timing';

type Command =
	| { id: number; cmd: 'latency'; ms: number }
	| { id: number; cmd: 'clear' }
	| { id: number; cmd: 'count' }
	| { id: number; cmd: 'trades'; trades: TradeInput[] }
	| { id: number; cmd: 'log' }
	| { id: number; cmd: 'close' };

const sim = await startSimulator({ seed: 'empty', latencyMs: Number(process.argv[2] ?? 0) });
const simTimer = timeSimulator(sim);
const send = (message: unknown) => process.send?.(message);

process.on('message', async (message: Command) => {
	switch (message.cmd) {
		case 'latency':
			sim.latencyMs = message.ms;
			send({ id: message.id });
			break;
		case 'clear':
			sim.clearRequests();
			simTimer.reset();
			send({ id: message.id });
			break;
		case 'count': {
			const byMethod: Record<string, number> = {};
			for (const request of sim.requests) {
				const name = request.method ?? '(none)';
				byMethod[name] = (byMethod[name] ?? 0) + 1;
			}
			const statuses = new Set(sim.requests.map((request) => String(request.status)));
			send({ id: message.id, total: sim.requests.length, byMethod, statuses: [...statuses], simulatorMs: simTimer.ms() });
			break;
		}
		case 'trades':
			// The sales orders sales.TradeQuery.queryWithDetail serves, replacing any before.
			sim.trades.clear();
			for (const trade of message.trades) sim.addTrade(trade);
			send({ id: message.id });
			break;
		case 'log': {
			const calls = sim.requests.map((request) => {
				const params = (Array.isArray(request.args) ? request.args[0] : undefined) as Record<string, unknown> | undefined;
				return {
					method: request.method ?? '(none)',
					status: String(request.status),
					at: request.at,
					...(request.pageNo !== undefined ? { pageNo: request.pageNo } : {}),
					...(typeof params?.start_time === 'string' ? { start: params.start_time } : {}),
					...(typeof params?.end_time === 'string' ? { end: params.end_time } : {}),
				};
			});
			send({ id: message.id, calls });
			break;
		}
		case 'close':
			await sim.close();
			send({ id: message.id });
			process.disconnect?.();
			break;
	}
});

send({ ready: true, url: sim.url });
// Keeps running until the parent sends 'close' or goes away.
await new Promise<void>((done) => process.on('disconnect', () => done()));
await sim.close();
