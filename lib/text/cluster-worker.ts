// Runs clusterAnswers in a worker thread (see clusterOffThread in cluster-off-thread.ts).
import { parentPort, workerData } from "node:worker_threads";
import { clusterAnswers, type AnswerItem, type ClusterOptions } from "./cluster";

const { items, options } = workerData as { items: AnswerItem[]; options: ClusterOptions };
parentPort!.postMessage(clusterAnswers(items, options));
