// Fresh RS256 key pairs made ahead of need. Making an RSA-2048 pair costs 60-300 ms of CPU; the suite
// needs two or three per scenario (each vendor and service owner is a new Maskinporten client, and the
// attack battery signs with strangers' keys). Made on the hot path, that cost sat between the
// scenario's HTTP calls; the pool makes the pairs in the background while the worker waits for the
// target, and hands each one out exactly once. Isolation is as before: every actor gets its own
// pair that nobody has had, and no pair outlives the worker process (never stored, never logged).

export interface KeyPoolOptions {
  /** How many unused pairs the pool keeps ready (it refills in the background after each take). */
  depth: number;
  /** How many pairs it makes at the same time (the hot path keeps the rest of the CPU). */
  concurrency: number;
}

/** A pool of values that are each made once and handed out once: make() must give a new value per call. */
export class FreshPool<T> {
  private readonly ready: T[] = [];
  private readonly waiters: Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }> = [];
  private making = 0;
  private started = false;
  /** Pairs handed out, and how many of them the caller had to wait for (the pool was empty). */
  readonly stats = { made: 0, taken: 0, waited: 0 };

  constructor(
    private readonly make: () => Promise<T>,
    private readonly options: KeyPoolOptions,
  ) {}

  /** Starts filling the pool (idempotent); take() starts it too. */
  start(): void {
    this.started = true;
    this.fill();
  }

  /** An unused value: one that is ready, or the next one made. Never the same value twice. */
  take(): Promise<T> {
    this.started = true;
    this.stats.taken++;
    const value = this.ready.shift();
    if (value !== undefined) {
      this.fill();
      return Promise.resolve(value);
    }
    this.stats.waited++;
    const waiting = new Promise<T>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.fill();
    return waiting;
  }

  /** How many values are ready now (for tests and the speed notes). */
  get size(): number {
    return this.ready.length;
  }

  private fill(): void {
    if (!this.started) return;
    // Enough in hand or on the way for every waiter, plus the depth kept ready.
    while (this.making < this.options.concurrency && this.ready.length + this.making < this.options.depth + this.waiters.length) {
      this.making++;
      this.make().then(
        (value) => {
          this.making--;
          this.stats.made++;
          const waiter = this.waiters.shift();
          if (waiter) waiter.resolve(value);
          else this.ready.push(value);
          this.fill();
        },
        (error: unknown) => {
          this.making--;
          // A failure goes to the one waiting for it (its step then fails as broken); the pool stays usable.
          const waiter = this.waiters.shift();
          if (waiter) waiter.reject(error);
          if (this.waiters.length > 0) this.fill();
        },
      );
    }
  }
}
