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
    /**
     * The parts of {@link #detectionLatency} for frames that carry whales, in order: receipt to the
     * start of detection (waiting for the pipeline, parsing), detection of the frame's whales, making
     * them durable (the journal's synced append, or the store), handing them to the publishers.
     */
    final LatencyHistogram untilDetection = new LatencyHistogram();
    final LatencyHistogram detection = new LatencyHistogram();
    final LatencyHistogram durable = new LatencyHistogram();
    final LatencyHistogram publication = new LatencyHistogram();
}
