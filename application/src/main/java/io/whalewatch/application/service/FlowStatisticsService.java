package io.whalewatch.application.service;

import io.whalewatch.application.port.in.GetFlowStatisticsUseCase;
import io.whalewatch.application.port.out.PredictionQueries;
import io.whalewatch.application.port.out.PredictionQueries.Bucket;
import io.whalewatch.application.port.out.PredictionQueries.FlowBucket;
import io.whalewatch.application.port.out.PredictionQueries.VolumeBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Checks the range (bounded, so one request cannot ask for years of hourly buckets), then asks the store. */
final class FlowStatisticsService implements GetFlowStatisticsUseCase {
    private final PredictionQueries queries;

    FlowStatisticsService(PredictionQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<FlowBucket> flows(Bucket bucket, Instant from, Instant to) {
        check(bucket, from, to);
        return queries.flows(bucket, from, to);
    }

    @Override
    public List<VolumeBucket> volume(Bucket bucket, Instant from, Instant to) {
        check(bucket, from, to);
        return queries.volume(bucket, from, to);
    }

    static void check(Bucket bucket, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        Duration max = GetFlowStatisticsUseCase.width(bucket).multipliedBy(MAX_BUCKETS);
        if (Duration.between(from, to).compareTo(max) > 0) {
            throw new IllegalArgumentException("the range spans more than " + MAX_BUCKETS + " " + bucket.wireName()
                    + " buckets; use a shorter range or a larger bucket");
        }
    }
}
