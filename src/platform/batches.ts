interface Waiting<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs work in batches, one batch at a time per key: an item that arrives while its key's batch
 * runs waits for the next, which takes every item that waited (up to `max`). Alone, an item runs at
 * once. Keys are plain values, the same when their JSON is. Items with the same `identity` never
 * share a batch. When a batch fails, each of its items runs again alone, so that one bad item
 * fails only itself.
 */
export class Batches<K, I, R> {
  private readonly queues = new Map<string, Waiting<I, R>[]>();

  constructor(
    /** Runs one batch of one key; the results are in the order of the items. */
    private readonly run: (key: K, items: I[]) => Promise<R[]>,
    private readonly options: { max: number; identity: (item: I) => string },
  ) {}

  add(key: K, item: I): Promise<R> {
    const id = JSON.stringify(key);
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(id);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      const started: Waiting<I, R>[] = [{ item, resolve, reject }];
      this.queues.set(id, started);
      void this.drain(key, id, started);
    });
  }

  /** Runs the key's batches until none waits; the queue stays registered while it runs. */
  private async drain(key: K, id: string, queue: Waiting<I, R>[]): Promise<void> {
    while (queue.length > 0) {
      const batch = this.take(queue);
      try {
        const results = await this.run(
          key,
          batch.map((w) => w.item),
        );
        for (const [i, w] of batch.entries()) w.resolve(results[i] as R);
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        else
          for (const w of batch) {
            await this.run(key, [w.item]).then(([result]) => w.resolve(result as R), w.reject);
          }
      }
    }
    this.queues.delete(id);
  }

  /** Takes the next batch out of the queue, leaving items beyond `max` and repeated identities. */
  private take(queue: Waiting<I, R>[]): Waiting<I, R>[] {
    const batch: Waiting<I, R>[] = [];
    const taken = new Set<string>();
    const left: Waiting<I, R>[] = [];
    for (const w of queue) {
      const identity = this.options.identity(w.item);
      if (batch.length < this.options.max && !taken.has(identity)) {
        taken.add(identity);
        batch.push(w);
      } else left.push(w);
    }
    queue.splice(0, queue.length, ...left);
    return batch;
  }
}
