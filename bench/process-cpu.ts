import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) a process has used, from /proc (Linux; null elsewhere). On a shared
 * machine req/s depends on who else has the cores; CPU per request does not, so the benchmarks
 * quote both.
 */
export function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; in clock ticks (100 a second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
