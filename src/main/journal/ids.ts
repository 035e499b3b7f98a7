/**
 * Entry ids: sortable by time, unique across processes: "20261103T101502123Z-00a3f9" (a per-millisecond
 * sequence, then random bytes). Never smaller than the last one made, even if the clock steps back.
 */
import { randomBytes } from 'node:crypto';

export class IdMaker {
  private lastIdMs = 0;
  private idSequence = 0;

  next(timeMs: number): string {
    const ms = Math.max(timeMs, this.lastIdMs);
    this.idSequence = ms === this.lastIdMs ? this.idSequence + 1 : 0;
    this.lastIdMs = ms;
    const stamp = new Date(ms).toISOString().replace(/[-:.]/g, '');
    return `${stamp}-${this.idSequence.toString(36).padStart(2, '0')}${randomBytes(2).toString('hex')}`;
  }
}
