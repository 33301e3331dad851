/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/** Starts bench/sim-child.ts in a vite-node child process and talks to it over IPC. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

import type { TradeInput } from '../../test/simulator/store';

export interface RequestCount {
	total: number;
	byMethod: Record<string, number>;
	/** The distinct WDT statuses answered (as strings), e.g. ['0']. */
	statuses: string[];
	/** The simulator's own work (method logic, reply write) since the last clear, in ms. */
	simulatorMs: number;
}

/** One request the simulator answered, with the window it asked for (sim.requests, trimmed). */
export interface LoggedCall {
	method: string;
	status: string;
	/** When it arrived (the simulator's clock, unix ms). */
	at: number;
	pageNo?: number;
	/** start_time / end_time of the first argument, as sent (CST). */
	start?: string;
	end?: string;
}

export class SimProcess {
	private nextId = 1;
	private readonly pending = new Map<number, (reply: Record<string, unknown>) => void>();

	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
	) {
		child.on('message', (message: { id?: number } & Record<string, unknown>) => {
			if (message.id === undefined) return;
			this.pending.get(message.id)?.(message);
			this.pending.delete(message.id);
		});
	}

	static async start(latencyMs: number): Promise<SimProcess> {
		const root = resolve(__dirname, '../..');
		const child = spawn(
			process.execPath,
			[
				resolve(root, 'node_modules/vite-node/vite-node.mjs'),
				'--config',
				resolve(root, 'bench/vite.config.ts'),
				resolve(root, 'bench/sim-child.ts'),
				String(latencyMs),
			],
			{ cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
		);
		const url = await new Promise<string>((done, fail) => {
			const onMessage = (message: { ready?: boolean; url?: string }) => {
				if (message.ready && message.url) {
					child.off('message', onMessage);
					done(message.url);
				}
			};
			child.on('message', onMessage);
			child.once('exit', (code) => fail(new Error(`simulator process exited early (code ${code})`)));
		});
		return new SimProcess(child, url);
	}

	private ask(command: Record<string, unknown>): Promise<Record<string, unknown>> {
		const id = this.nextId++;
		return new Promise((done) => {
			this.pending.set(id, done);
			this.child.send({ ...command, id });
		});
	}

	async setLatency(ms: number): Promise<void> {
		await this.ask({ cmd: 'latency', ms });
	}

	async clearRequests(): Promise<void> {
		await this.ask({ cmd: 'clear' });
	}

	async count(): Promise<RequestCount> {
		const reply = await this.ask({ cmd: 'count' });
		return reply as unknown as RequestCount;
	}

	/** Replaces the simulator's sales orders (sales.TradeQuery.queryWithDetail). */
	async setTrades(trades: TradeInput[]): Promise<void> {
		await this.ask({ cmd: 'trades', trades });
	}

	/** The requests since the last clear, in order. */
	async log(): Promise<LoggedCall[]> {
		const reply = await this.ask({ cmd: 'log' });
		return reply.calls as LoggedCall[];
	}

	async close(): Promise<void> {
		if (this.child.exitCode !== null) return;
		const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
		await this.ask({ cmd: 'close' });
		await exited;
	}
}
