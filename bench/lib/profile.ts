/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/** CPU profiling of one measured run (node:inspector), and where its time went. */
import { Session } from 'node:inspector/promises';

export interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}

export interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export async function profile<T>(fn: () => Promise<T>, intervalUs = 250): Promise<{ result: T; profile: CpuProfile }> {
	const session = new Session();
	session.connect();
	try {
		await session.post('Profiler.enable');
		await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
		await session.post('Profiler.start');
		let outcome: { ok: true; value: T } | { ok: false; error: unknown };
		try {
			outcome = { ok: true, value: await fn() };
		} catch (error) {
			outcome = { ok: false, error };
		}
		const { profile: recorded } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
		if (!outcome.ok) throw outcome.error;
		return { result: outcome.value, profile: recorded };
	} finally {
		session.disconnect();
	}
}

/** Which part of the stack a profile frame belongs to. */
export function categoryOf(frame: ProfileNode['callFrame']): string {
	const { url, functionName } = frame;
	if (!url) {
		if (functionName === '(idle)') return 'idle: waiting (added latency, loopback, a simulator in another process)';
		if (functionName === '(garbage collector)') return 'garbage collection';
		if (functionName === '(program)') return 'V8/native (program)';
		return `native (${functionName || 'anonymous'})`;
	}
	if (url.includes('/@n8n/backend-network/')) return "n8n HTTP stack (@n8n/backend-network)";
	if (url.includes('/node_modules/axios/')) return 'axios';
	if (url.includes('/node_modules/follow-redirects/')) return 'follow-redirects (axios transport)';
	if (url.includes('/node_modules/luxon/')) return 'luxon (dates; n8n builds $now/$today per expression)';
	if (url.includes('/node_modules/n8n-workflow/')) return 'n8n-workflow (parameters, expressions, data proxy)';
	if (url.includes('/node_modules/n8n-core/node_modules/')) return 'n8n-core dependencies (@n8n/di, config, …)';
	if (url.includes('/node_modules/n8n-core/')) return 'n8n-core (execution engine, contexts, request helpers)';
	if (url.includes('/node_modules/vite-node/') || url.includes('/node_modules/vite/')) return 'vite-node (bench runtime)';
	if (url.includes('/node_modules/')) return 'other dependencies';
	if (url.includes('/test/harness/')) return 'test harness (credentials helper, stand-ins)';
	if (url.includes('/test/simulator/')) return 'simulator';
	if (url.includes('/nodes/') || url.includes('/credentials/')) return 'this package (nodes/, credentials/)';
	if (url.includes('/bench/')) return 'bench';
	if (url.startsWith('node:net') || url.startsWith('node:internal/net') || url.includes('tcp_wrap') || url.startsWith('node:dns'))
		return 'Node net (sockets, connect)';
	if (url.startsWith('node:_http') || url.startsWith('node:http') || url.startsWith('node:internal/http'))
		return 'Node http (client, agent, parser)';
	if (url.startsWith('node:')) return 'Node other (streams, timers, events, …)';
	return 'other';
}

/** Coarser buckets of categoryOf, to say per call where the time goes. */
export function bucketOf(category: string): string {
	if (category.startsWith('idle')) return 'waiting (latency, loopback, other process)';
	if (category === 'garbage collection') return 'garbage collection';
	if (category.startsWith('this package')) return 'this package';
	if (category.startsWith('simulator')) return 'simulator (same process)';
	if (
		category === 'axios' ||
		category.startsWith('follow-redirects') ||
		category.startsWith('n8n HTTP stack') ||
		category.startsWith('Node net') ||
		category.startsWith('Node http') ||
		/^native \((connect|writev|close|shutdown|setNoDelay|setKeepAlive|TCP|writeBuffer|writeUtf8String|utf8Write|readStop|readStart|onStreamRead|getpeername|getsockname)\)$/.test(category)
	)
		return 'HTTP client (axios, follow-redirects, Node http/net, sockets, @n8n/backend-network)';
	if (
		category.startsWith('n8n-core') ||
		category.startsWith('n8n-workflow') ||
		category.startsWith('luxon') ||
		category.startsWith('test harness') ||
		category.startsWith('other dependencies')
	)
		return 'n8n engine (n8n-core, n8n-workflow, credentials helper, deps)';
	if (category.startsWith('Node other')) return 'Node streams/events/timers/promises';
	return 'other (V8, natives, bench)';
}

export function selfTimeByBucket(selfTime: TimeShare[]): TimeShare[] {
	const totals = new Map<string, TimeShare>();
	for (const entry of selfTime) {
		const what = bucketOf(entry.what);
		const sum = totals.get(what) ?? { what, ms: 0, share: 0 };
		sum.ms += entry.ms;
		sum.share += entry.share;
		totals.set(what, sum);
	}
	return [...totals.values()].sort((a, b) => b.ms - a.ms);
}

export interface TimeShare {
	what: string;
	ms: number;
	share: number;
}

/** Self time per category, largest first. */
export function selfTimeByCategory(profile: CpuProfile): TimeShare[] {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const totals = new Map<string, number>();
	let all = 0;
	profile.samples.forEach((id, index) => {
		const delta = profile.timeDeltas[index + 1] ?? 0;
		const node = byId.get(id);
		if (!node) return;
		const category = categoryOf(node.callFrame);
		totals.set(category, (totals.get(category) ?? 0) + delta);
		all += delta;
	});
	return [...totals.entries()]
		.map(([what, us]) => ({ what, ms: us / 1000, share: all ? us / all : 0 }))
		.sort((a, b) => b.ms - a.ms);
}

export interface FrameGroup {
	what: string;
	match: (frame: ProfileNode['callFrame']) => boolean;
}

/** Matches frames by function name (any file). */
export const named = (what: string, ...names: string[]): FrameGroup => ({
	what,
	match: (frame) => names.includes(frame.functionName),
});

/** Matches frames whose file path contains `part`. */
export const inFiles = (what: string, part: string): FrameGroup => ({
	what,
	match: (frame) => frame.url.includes(part),
});

/**
 * CPU time spent inside (self + callees) the frames of each group, counted once where matches
 * nest. Async functions count only their synchronous slices, i.e. CPU, not waiting. `share` is
 * relative to `totalMs` (e.g. the wall time of the profiled run).
 */
export function inclusiveTime(profile: CpuProfile, groups: FrameGroup[], totalMs: number): TimeShare[] {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const selfUs = new Map<number, number>();
	profile.samples.forEach((id, index) => {
		selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0));
	});
	return groups.map((group) => {
		let us = 0;
		for (const [id, time] of selfUs) {
			for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
				const node = byId.get(at);
				if (node && group.match(node.callFrame)) {
					us += time;
					break;
				}
			}
		}
		return { what: group.what, ms: us / 1000, share: totalMs ? us / 1000 / totalMs : 0 };
	});
}

/** "what 123 ms (45 %)" for every entry above `minShare`. */
export function describeShares(shares: TimeShare[], minShare = 0.005): string {
	return shares
		.filter((entry) => entry.share >= minShare)
		.map((entry) => `${entry.what} ${entry.ms.toFixed(0)} ms (${(entry.share * 100).toFixed(0)} %)`)
		.join('; ');
}
