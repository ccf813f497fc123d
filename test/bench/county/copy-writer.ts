// Streams rows into one table through COPY ... FROM STDIN, in PostgreSQL's text format, on a
// connection of its own with foreign-key triggers off: the generator builds rows consistent.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { DbHandle } from '@huzhu/db';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return `{${v.join(',')}}`;
  return String(v).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

export class CopyWriter {
  private buffer: string[] = [];
  private size = 0;
  private stream: Writable | undefined;
  private release: (() => void) | undefined;
  rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  async open(handle: DbHandle): Promise<void> {
    const reserved = await handle.sql!.reserve();
    this.release = () => reserved.release();
    // Foreign-key (and other) triggers off for this session only: the rows are consistent by construction.
    await reserved.unsafe('set session_replication_role = replica');
    this.stream = await reserved
      .unsafe(`copy ${this.table} (${this.columns.map((c) => `"${c}"`).join(', ')}) from stdin`)
      .writable();
  }

  push(values: readonly unknown[]): void {
    const line = values.map(cell).join('\t') + '\n';
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
  }

  async flush(force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < 1 << 18)) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream!.write(chunk)) await once(this.stream!, 'drain');
  }

  async close(): Promise<void> {
    await this.flush(true);
    this.stream!.end();
    await finished(this.stream!);
    this.release?.();
  }
}
