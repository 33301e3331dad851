/* eslint-disable -- bench code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/** Shared diagnosis steps for a scenario that missed a goal: a keep-alive experiment and a CPU profile. */
import { writeFileSync } from 'node:fs';

import { shareKeepAliveAgent } from './keepalive-patch';
import { inclusiveTime, profile, selfTimeByBucket, selfTimeByCategory, type FrameGroup, type TimeShare } from './profile';
import { repeat, summarize, type Summary } from './stats';

/** Runs `runOnce` repeatedly with n8n's HTTP stack patched to reuse one keep-alive agent. */
export async function keepAliveExperiment<T extends { ms: number }>(
	label: string,
	plan: { runs: number; warmup: number },
	runOnce: () => Promise<T>,
	log: (line: string) => void,
): Promise<{ runs: T[]; ms: Summary }> {
	const restore = shareKeepAliveAgent();
	try {
		const runs = await repeat(`${label}, shared keep-alive agent (diagnostic)`, plan, runOnce, log);
		return { runs, ms: summarize(runs.map((run) => run.ms)) };
	} finally {
		restore();
	}
}

export interface ProfileReport {
	/** Wall time of the profiled run (profiler on, so a little slower than the measured runs). */
	profiledMs: number;
	selfTime: TimeShare[];
	inside: TimeShare[];
	path?: string;
}

/** One more run under the CPU profiler (not counted in the figures). */
export async function profileRun<T extends { ms: number }>(
	runOnce: () => Promise<T>,
	groups: FrameGroup[],
	path: string | undefined,
	log: (line: string) => void,
	label: string,
): Promise<ProfileReport> {
	log(`${label}: one more run under the CPU profiler`);
	const { result, profile: cpu } = await profile(runOnce);
	if (path) writeFileSync(path, JSON.stringify(cpu));
	return {
		profiledMs: result.ms,
		selfTime: selfTimeByCategory(cpu),
		inside: inclusiveTime(cpu, groups, result.ms),
		...(path ? { path } : {}),
	};
}

/**
 * Where the time of the profiled run went, by bucket, as shares of that run. The profiler slows
 * CPU-bound code more than waiting, so these shares lean towards CPU; the experiments (variants
 * of the run) give the exact figures.
 */
export function bucketSummary(report: ProfileReport): string {
	return selfTimeByBucket(report.selfTime)
		.filter((entry) => entry.share >= 0.005)
		.map((entry) => `${entry.what} ${(entry.share * 100).toFixed(0)} % (${entry.ms.toFixed(0)} ms)`)
		.join('; ');
}
