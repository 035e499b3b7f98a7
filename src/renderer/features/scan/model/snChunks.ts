/**
 * An immutable list of SNs stored as fixed-size chunks, so that adding one SN to a line of 20,000 copies one
 * chunk and the short list of chunk references instead of the whole list (a 20,000-element copy costs about
 * 0.3 ms and, with the garbage it leaves, several ms at the 99th percentile). Chunks are plain arrays, so the
 * list is still plain JSON; chunks are never changed once published, which also lets the draft serializer
 * cache their JSON text.
 */

export type SnChunks = readonly (readonly string[])[];

export const SN_CHUNK_SIZE = 256;

export function chunksFromList(list: readonly string[]): SnChunks {
  const chunks: string[][] = [];
  for (let i = 0; i < list.length; i += SN_CHUNK_SIZE) chunks.push(list.slice(i, i + SN_CHUNK_SIZE));
  return chunks;
}

export function flattenChunks(chunks: SnChunks): string[] {
  return chunks.flat();
}

/** The SN at `index` (0-based across chunks), or undefined past the end. */
export function snAt(chunks: SnChunks, index: number): string | undefined {
  let rest = index;
  for (const chunk of chunks) {
    if (rest < chunk.length) return chunk[rest];
    rest -= chunk.length;
  }
  return undefined;
}

/**
 * 0-based position of `sn`, or -1. Linear, so used only on rare paths (a duplicate's message, a deletion);
 * it searches from the end because a repeated SN is most often one scanned moments ago.
 */
export function positionOf(chunks: SnChunks, sn: string): number {
  for (let i = chunks.length - 1; i >= 0; i--) {
    const chunk = chunks[i] ?? [];
    const at = chunk.indexOf(sn);
    if (at >= 0) {
      let before = 0;
      for (let j = 0; j < i; j++) before += chunks[j]?.length ?? 0;
      return before + at;
    }
  }
  return -1;
}

/**
 * Copy-on-write editing of one chunk list inside one state change: the first write copies the list of chunk
 * references, and each chunk is copied at most once per change however many SNs a bulk paste adds to it.
 */
export class ChunkWriter {
  private chunks: (readonly string[])[] | null = null;
  private readonly owned = new Set<readonly string[]>();

  constructor(private readonly source: SnChunks) {}

  append(sn: string): void {
    const chunks = this.writable();
    const last = chunks[chunks.length - 1];
    if (last === undefined || last.length >= SN_CHUNK_SIZE) {
      const fresh = [sn];
      this.owned.add(fresh);
      chunks.push(fresh);
      return;
    }
    this.ownChunk(chunks, chunks.length - 1).push(sn);
  }

  /** Removes the first occurrence of `sn`; returns its former position or -1. */
  remove(sn: string): number {
    const chunks = this.writable();
    let before = 0;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i] ?? [];
      const at = chunk.indexOf(sn);
      if (at < 0) {
        before += chunk.length;
        continue;
      }
      if (chunk.length === 1) chunks.splice(i, 1);
      else this.ownChunk(chunks, i).splice(at, 1);
      return before + at;
    }
    return -1;
  }

  /** The edited list, or the untouched source when nothing was written. */
  result(): SnChunks {
    return this.chunks ?? this.source;
  }

  private writable(): (readonly string[])[] {
    this.chunks ??= this.source.slice();
    return this.chunks;
  }

  private ownChunk(chunks: (readonly string[])[], index: number): string[] {
    const chunk = chunks[index] ?? [];
    if (this.owned.has(chunk)) return chunk as string[];
    const copy = chunk.slice();
    this.owned.add(copy);
    chunks[index] = copy;
    return copy;
  }
}
