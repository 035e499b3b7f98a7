/**
 * Tests may talk to 127.0.0.1 and nothing else: the ERP is our simulator. Every TCP connection to any
 * other host is refused before it is attempted (and a DNS lookup of a public name never happens), so a
 * test or a tool that would reach the internet fails here instead of sending traffic.
 * Loaded by vitest (setupFiles) and with `--import` into child processes that run third-party tools.
 */
import net from 'node:net';

const loopbackHosts = new Set(['localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

interface ConnectTarget {
  readonly host?: string;
  readonly path?: string;
}

function targetOf(args: unknown[]): ConnectTarget {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) return first as ConnectTarget;
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost' };
}

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;
const guardFlag = Symbol.for('wdt-desk.loopbackOnly');
const prototype = net.Socket.prototype as unknown as Record<string | symbol, unknown>;

if (!prototype[guardFlag]) {
  prototype[guardFlag] = true;
  const original = prototype['connect'] as Connect;
  prototype['connect'] = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    const target = targetOf(args);
    const host = target.host ?? 'localhost';
    if (target.path === undefined && !isLoopbackHost(host)) {
      const error = Object.assign(new Error(`test network guard: refused a connection to ${host}`), {
        // EPERM, not ECONNREFUSED: HTTP clients retry a refused connection, and a blocked one will not change.
        code: 'EPERM',
      });
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return original.apply(this, args);
  } satisfies Connect;
}
