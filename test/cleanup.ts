import type { TestContext } from 'node:test';

const stacks = new WeakMap<TestContext, (() => unknown)[]>();

/**
 * Closes what a test opened in reverse order, like a `using` block: node:test runs `t.after` hooks
 * first-in first-out, which would close a database before the job runner still polling it.
 */
export function closeAfter(t: TestContext, close: () => unknown): void {
  let stack = stacks.get(t);
  if (!stack) {
    const fresh: (() => unknown)[] = [];
    stacks.set(t, fresh);
    t.after(async () => {
      for (const fn of fresh.reverse()) await fn();
    });
    stack = fresh;
  }
  stack.push(close);
}
