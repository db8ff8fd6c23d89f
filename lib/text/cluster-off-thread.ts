import { Worker } from "node:worker_threads";
import { inNextServer } from "@/lib/env";
import { clusterAnswers, type AnswerItem, type ClusterOptions, type ClusterResult } from "./cluster";

/**
 * clusterAnswers on a worker thread, so the seconds of CPU a large scope takes do not stop the
 * server answering survey submissions and pages meanwhile. Under Next.js the worker entry is bundled
 * with the server (inNextServer); scripts and tests, which run TypeScript directly, cluster
 * in place.
 */
export function clusterOffThread(items: AnswerItem[], options: ClusterOptions = {}): Promise<ClusterResult> {
  if (!inNextServer) return Promise.resolve(clusterAnswers(items, options));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./cluster-worker.ts", import.meta.url), { workerData: { items, options } });
    worker.once("message", (result: ClusterResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`clustering worker stopped with exit code ${code}`)));
  });
}
