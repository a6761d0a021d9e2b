package io.whalewatch.application.port.in;

import io.whalewatch.application.port.out.PredictionQueries.Bucket;
import io.whalewatch.application.port.out.PredictionQueries.FlowBucket;
import io.whalewatch.application.port.out.PredictionQueries.VolumeBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Exchange flows and alert volume over time buckets, for the API's charts. The range is
 * {@code [from, to)}; {@code from} must be before {@code to} and the range may span at most
 * {@link #MAX_BUCKETS} buckets (otherwise {@link IllegalArgumentException}). Thread-safe; reads the store.
 */
public interface GetFlowStatisticsUseCase {
    int MAX_BUCKETS = 2_000;

    List<FlowBucket> flows(Bucket bucket, Instant from, Instant to);

    List<VolumeBucket> volume(Bucket bucket, Instant from, Instant to);

    /** The width of a bucket. */
    static Duration width(Bucket bucket) {
        return bucket == Bucket.HOUR ? Duration.ofHours(1) : Duration.ofDays(1);
    }
}
