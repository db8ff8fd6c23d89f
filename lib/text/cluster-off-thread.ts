import { Worker } from "node:worker_threads";
import { inNextServer } from "@/lib/env";
import { clusterAnswers, type AnswerItem, type ClusterOptions, type ClusterResult } from "./cluster";

/**
 * clusterAnswers off the server's thread, so the seconds of CPU a large scope takes do not stop it
 * answering survey submissions and pages meanwhile. The clustering thread lives as long as the
 * server and is warmed when it starts (warmClusteringThread, warm-up.ts): every clustering runs on
 * code the JIT has already optimised, about 30% faster than on a fresh thread. Clusterings queue on
 * the thread, one at a time. Under Next.js the worker entry is bundled with the server
 * (inNextServer); scripts and tests, which run TypeScript directly, cluster in place.
 */
export function clusterOffThread(items: AnswerItem[], options: ClusterOptions = {}): Promise<ClusterResult> {
  if (!inNextServer) return Promise.resolve(clusterAnswers(items, options));
  const thread = clusteringThread();
  return new Promise((resolve, reject) => {
    const id = ++thread.lastId;
    thread.pending.set(id, { resolve, reject });
    // A thread with clusterings to answer keeps the process alive; an idle one does not.
    thread.worker.ref();
    thread.worker.postMessage({ id, items, options } satisfies ClusteringRequest);
  });
}

/** Starts the clustering thread and warms it, so the server's first clustering is as fast as any. */
export function warmClusteringThread(): void {
  if (inNextServer) clusteringThread();
}

export interface ClusteringRequest {
  id: number;
  items: AnswerItem[];
  options: ClusterOptions;
}

export type ClusteringReply = { id: number; result: ClusterResult } | { id: number; error: string };

interface ClusteringThread {
  worker: Worker;
  pending: Map<number, { resolve: (result: ClusterResult) => void; reject: (error: Error) => void }>;
  lastId: number;
}

/**
 * The process's thread, on globalThis: Next.js may load this module once per bundle (instrumentation,
 * route handlers), and the thread warmed at start-up must be the one every analysis uses.
 */
const shared = globalThis as unknown as { __dxPulseClusteringThread?: ClusteringThread };

function clusteringThread(): ClusteringThread {
  if (shared.__dxPulseClusteringThread) return shared.__dxPulseClusteringThread;
  const worker = new Worker(new URL("./cluster-worker.ts", import.meta.url));
  const thread: ClusteringThread = { worker, pending: new Map(), lastId: 0 };
  worker.unref();
  worker.on("message", (reply: ClusteringReply) => {
    const waiting = thread.pending.get(reply.id);
    thread.pending.delete(reply.id);
    if (thread.pending.size === 0) worker.unref();
    if ("result" in reply) waiting?.resolve(reply.result);
    else waiting?.reject(new Error(reply.error));
  });
  // A thread that fails or stops fails what it was asked; the next clustering starts a fresh one.
  const fail = (error: Error) => {
    if (shared.__dxPulseClusteringThread === thread) shared.__dxPulseClusteringThread = undefined;
    for (const { reject } of thread.pending.values()) reject(error);
    thread.pending.clear();
    void worker.terminate();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`clustering worker stopped with exit code ${code}`)));
  shared.__dxPulseClusteringThread = thread;
  return thread;
}
