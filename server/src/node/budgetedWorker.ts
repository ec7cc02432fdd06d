/**
 * A worker thread that answers one request at a time within a time budget. The engine is linear
 * on every input we know of, but the Markdown parser underneath is not: a pasted line of 50,000
 * `*a` or `[a](` takes micromark tens of seconds (test/robustness/pathological.test.ts), and no
 * code on the thread it runs on can stop it. Another thread can: a request that runs past its
 * budget terminates the worker, and the next request starts a new one.
 *
 * The worker's side of the protocol (see `serveRequests`): it says `{ ready, info }` once it has
 * started, then answers each `{ id, request }` with `{ id, reply }` or `{ id, error }`.
 */

import { Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';

type FromWorker<Info, Reply> = { readonly ready: true; readonly info: Info } | { readonly id: number; readonly reply: Reply } | { readonly id: number; readonly error: string };

/** What a request came to: the worker's reply, or the budget ran out (and the worker was stopped). */
export type Outcome<Reply> = { readonly reply: Reply } | { readonly timedOut: true };

/** The worker could not start (its script is missing, say): no request can be answered by one. */
export class WorkerStartFailed extends Error {}

export class BudgetedWorker<Request, Reply, Info = undefined> {
  private worker: { readonly thread: Worker; readonly ready: Promise<Info> } | undefined;
  private next = 0;
  private running = 0;

  /** `script` is the worker's file (a bundle in dist/, next to the caller's own), `data` its start-up data. */
  constructor(
    private readonly script: string | URL,
    private readonly data?: unknown,
    private readonly limits?: ResourceLimits,
  ) {}

  /** Whether a request is being answered. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Starts the worker if none runs; resolves with what it said when ready, rejects if it cannot start. */
  async start(): Promise<Info> {
    return this.spawn().ready;
  }

  /**
   * Sends a request once the worker is ready, and stops the worker if the answer takes longer
   * than `limitMs` (counted from the request, not from the worker's start). Rejects when the
   * worker fails or answers with an error, with `WorkerStartFailed` when it could not start.
   */
  async run(request: Request, limitMs: number): Promise<Outcome<Reply>> {
    this.running++;
    try {
      const { thread, ready } = this.spawn();
      await ready.catch((e: unknown) => {
        throw new WorkerStartFailed((e as Error).message);
      });
      const id = ++this.next;
      return await new Promise<Outcome<Reply>>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          thread.off('message', onMessage);
          thread.off('error', onError);
          thread.off('exit', onExit);
        };
        const onMessage = (message: FromWorker<Info, Reply>) => {
          if (!('id' in message) || message.id !== id) return;
          done();
          if ('error' in message) reject(new Error(message.error));
          else resolve({ reply: message.reply });
        };
        const onError = (e: Error) => {
          done();
          this.forget(thread);
          reject(e);
        };
        const onExit = (code: number) => onError(new Error(`the worker thread exited with code ${code}`));
        const timer = setTimeout(() => {
          done();
          this.stop();
          resolve({ timedOut: true });
        }, limitMs);
        thread.on('message', onMessage);
        thread.on('error', onError);
        thread.on('exit', onExit);
        thread.postMessage({ id, request });
      });
    } finally {
      this.running--;
    }
  }

  /** Stops the worker; the next request starts another. */
  stop(): void {
    const thread = this.worker?.thread;
    this.worker = undefined;
    void thread?.terminate();
  }

  private forget(thread: Worker): void {
    if (this.worker?.thread === thread) this.worker = undefined;
  }

  private spawn(): { readonly thread: Worker; readonly ready: Promise<Info> } {
    if (this.worker) return this.worker;
    const thread = new Worker(this.script, { workerData: this.data, ...(this.limits && { resourceLimits: this.limits }) });
    const ready = new Promise<Info>((resolve, reject) => {
      const onMessage = (message: FromWorker<Info, Reply>) => {
        if (!('ready' in message)) return;
        thread.off('message', onMessage);
        thread.off('error', onFailure);
        resolve(message.info);
      };
      const onFailure = (e: Error) => {
        this.forget(thread);
        reject(e);
      };
      thread.on('message', onMessage);
      thread.once('error', onFailure);
    });
    // A worker that fails to start says why at the first request, not as an unhandled rejection now.
    ready.catch(() => undefined);
    this.worker = { thread, ready };
    return this.worker;
  }
}

/**
 * The worker's side: says it is ready with `info`, then answers every request with `answer`, an
 * exception becoming an error reply (the caller rejects that request; the worker goes on).
 */
export function serveRequests<Request, Reply, Info>(port: MessagePort, info: Info, answer: (request: Request) => Reply): void {
  port.on('message', ({ id, request }: { id: number; request: Request }) => {
    let message: FromWorker<Info, Reply>;
    try {
      message = { id, reply: answer(request) };
    } catch (e) {
      message = { id, error: (e as Error).message };
    }
    port.postMessage(message);
  });
  port.postMessage({ ready: true, info } satisfies FromWorker<Info, Reply>);
}
