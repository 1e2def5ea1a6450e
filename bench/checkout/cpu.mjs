// CPU time of every process of the mall, read from /proc (Linux): each server is found by the
// port it listens on, and counted with every process below it that is not another server
// (PostgreSQL's postmaster with all its backends; the apps supervisor JVM, which is the edge,
// without the six service JVMs it started). A process's figure is utime + stime, plus
// cutime + cstime: what its children used before they exited (a PostgreSQL backend that ends
// during the window is counted by the postmaster that reaped it).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const SERVERS = [
  ['edge (apps supervisor JVM)', 8080], ['catalog', 8081], ['cart-order', 8082], ['stock', 8083], ['pay', 8084],
  ['loyalty', 8085], ['shipping', 8086], ['postgres', 15432], ['redis', 16379], ['kafka', 19092],
  ['opensearch', 19200], ['keycloak', 18180], ['sandbox-pay gateway (infra supervisor JVM)', 18280],
];
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** {pid: {ppid, ticks}} for every process we may read. */
function processes() {
  const all = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
      all.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch { /* exited meanwhile */ }
  }
  return all;
}

/** The pid holding the listening socket of each port, from /proc/net/tcp{,6} and every process's fds. */
function listeners(ports) {
  const inodes = new Map();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[3] === '0A') { // LISTEN
        const port = parseInt(f[1].split(':').pop(), 16);
        if (ports.includes(port)) inodes.set(f[9], port);
      }
    }
  }
  const owner = new Map();
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    let fds = [];
    try { fds = readdirSync(`/proc/${pid}/fd`); } catch { continue; }
    for (const fd of fds) {
      let link = '';
      try { link = readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { continue; }
      const port = inodes.get(link.slice('socket:['.length, -1));
      if (port && (!owner.has(port) || owner.get(port) > Number(pid))) owner.set(port, Number(pid));
    }
  }
  return owner;
}

/**
 * The mall's servers: [{name, root}] by the port each listens on, and the names of those not
 * running. Scans every process's open files, so it is done before a run, not during it.
 */
export function findMall() {
  const owner = listeners(SERVERS.map(([, port]) => port));
  return {
    servers: SERVERS.filter(([, port]) => owner.has(port)).map(([name, port]) => ({ name, root: owner.get(port) })),
    missing: SERVERS.filter(([, port]) => !owner.has(port)).map(([name]) => name),
  };
}

/** Each server's process tree now: its root and every descendant that is not another server. */
function treeOf(root, all, otherRoots) {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, p] of all) if (p.ppid === pids[i] && !otherRoots.has(pid)) pids.push(pid);
  }
  return pids;
}

/** CPU-seconds so far of each server (with the processes below it now), of this process and of the whole machine. */
export function cpuSnapshot(mall) {
  const all = processes();
  const roots = new Set(mall.servers.map((s) => s.root));
  const servers = mall.servers.map(({ name, root }) => {
    const pids = all.has(root) ? treeOf(root, all, roots) : [];
    return { name, root, processes: pids.length, seconds: pids.reduce((sum, pid) => sum + all.get(pid).ticks, 0) / TICKS_PER_SECOND };
  });
  const self = process.cpuUsage();
  const [, ...cpu] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = cpu[3] + cpu[4]; // idle + iowait
  const busy = cpu.slice(0, 8).reduce((a, b) => a + b, 0) - idle; // user … steal
  return { servers, generator: (self.user + self.system) / 1e6, machineBusy: busy / TICKS_PER_SECOND };
}

/** What each server, this generator and the machine used between two snapshots. */
export function cpuBetween(before, after) {
  const servers = after.servers.map((s, i) => ({ ...s, seconds: s.processes ? s.seconds - before.servers[i].seconds : null }));
  const mall = servers.reduce((sum, s) => sum + (s.seconds ?? 0), 0);
  const generator = after.generator - before.generator;
  const machine = after.machineBusy - before.machineBusy;
  return { servers, mall, generator, machine, others: machine - mall - generator };
}
