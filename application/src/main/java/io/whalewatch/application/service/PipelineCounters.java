package io.whalewatch.application.service;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the pipeline, written on the pipeline thread and read by stats and health. */
final class PipelineCounters {
    final LongAdder transactions = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder whales = new LongAdder();
    final LongAdder outcomes = new LongAdder();
    final LongAdder storeFailures = new LongAdder();
    final LongAdder resyncs = new LongAdder();
    final LatencyHistogram detectionLatency = new LatencyHistogram();
}
