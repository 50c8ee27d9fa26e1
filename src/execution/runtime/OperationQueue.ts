/** One atomic step of execution (Camunda's atomic operations: activity start, transition take, …). */
export type Operation = () => Promise<void>;

/**
 * Runs operations in order within one command. A step adds its successors instead of calling
 * them, so deep processes do not grow the stack and every step runs in a known order.
 */
export class OperationQueue {
  private readonly queue: Operation[] = [];
  private running = false;

  push(operation: Operation): void {
    this.queue.push(operation);
  }

  /** Runs until the queue is empty; re-entrant calls only enqueue. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let op = this.queue.shift(); op; op = this.queue.shift()) await op();
    } finally {
      this.running = false;
      this.queue.length = 0;
    }
  }
}
