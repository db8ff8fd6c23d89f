// The clustering thread of clusterOffThread (cluster-off-thread.ts): warms up, then clusters each
// batch of answers it is sent, one at a time, in the order sent.
import { parentPort } from "node:worker_threads";
import { clusterAnswers } from "./cluster";
import type { ClusteringReply, ClusteringRequest } from "./cluster-off-thread";
import { warmUpAnswers, WARM_UP_ANSWERS } from "./warm-up";

// Before any request is read: one that arrives meanwhile waits in the port's queue. A warm-up that
// failed would only cost speed, never the clusterings after it.
const started = performance.now();
try {
  clusterAnswers(warmUpAnswers(WARM_UP_ANSWERS));
  console.log(`[dx-pulse] clustering thread warmed up in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(
    `[dx-pulse] clustering thread warm-up failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

parentPort!.on("message", ({ id, items, options }: ClusteringRequest) => {
  let reply: ClusteringReply;
  try {
    reply = { id, result: clusterAnswers(items, options) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
