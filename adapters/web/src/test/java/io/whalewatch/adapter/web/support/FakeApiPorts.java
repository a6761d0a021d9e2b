package io.whalewatch.adapter.web.support;

import io.whalewatch.application.port.in.GetAccuracyUseCase;
import io.whalewatch.application.port.in.GetFlowStatisticsUseCase;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.in.GetSourceStatusUseCase;
import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.application.port.out.PredictionQueries.Bucket;
import io.whalewatch.application.port.out.PredictionQueries.FlowBucket;
import io.whalewatch.application.port.out.PredictionQueries.StoredOutcome;
import io.whalewatch.application.port.out.PredictionQueries.StoredPrediction;
import io.whalewatch.application.port.out.PredictionQueries.VolumeBucket;
import io.whalewatch.application.port.out.SourceStatus;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fakes of the REST API's use cases. Predictions are kept newest first and paged by alert id like the
 * service does; the last criteria and ranges are recorded so tests can check how parameters were parsed.
 */
public final class FakeApiPorts implements QueryPredictionsUseCase, GetFlowStatisticsUseCase {
    public final List<StoredPrediction> stored = new CopyOnWriteArrayList<>();
    public volatile PredictionCriteria lastCriteria;
    public volatile Object[] lastRange;
    public final AtomicLong transactions = new AtomicLong();
    public final AtomicLong framesReceived = new AtomicLong();
    public volatile List<Long> latencyCumulative = List.of(0L, 0L, 0L);
    public volatile long latencyCount;
    public volatile List<Long> durableCumulative = List.of(0L, 0L, 0L);

    public void add(Prediction p, StoredOutcome outcome) {
        stored.add(new StoredPrediction(p, outcome));
        stored.sort((a, b) -> Long.compare(b.prediction().alertId(), a.prediction().alertId()));
    }

    public Ports addTo(Ports ports) {
        GetAccuracyUseCase accuracy = () -> List.of(
                new AccuracyReport(AccuracyWindow.LAST_HOUR, new OutcomeCounts(3, 2, 1), 10),
                new AccuracyReport(AccuracyWindow.LAST_DAY, new OutcomeCounts(20, 16, 2), 10),
                new AccuracyReport(AccuracyWindow.LAST_WEEK, new OutcomeCounts(40, 30, 4), 10));
        GetPipelineStatsUseCase stats = () -> new GetPipelineStatsUseCase.PipelineStats(transactions.get(), 2, 5, 4, 0, 1, 3,
                new GetPipelineStatsUseCase.LatencySnapshot(List.of(0.001, 0.01, 0.1), latencyCumulative, latencyCount,
                        latencyCount * 0.004, 0.2), stages());
        GetSourceStatusUseCase source = () -> new SourceStatus(true, "ws://upstream", Optional.of(Instant.now().minusSeconds(2)),
                framesReceived.get(), 1, 100, 2, 3);
        return ports.with(QueryPredictionsUseCase.class, this).with(GetFlowStatisticsUseCase.class, this)
                .with(GetAccuracyUseCase.class, accuracy).with(GetPipelineStatsUseCase.class, stats)
                .with(GetSourceStatusUseCase.class, source);
    }

    /** The journal stage holds {@code durableCumulative}; the other stages are empty. */
    private List<GetPipelineStatsUseCase.StageLatency> stages() {
        List<GetPipelineStatsUseCase.StageLatency> stages = new ArrayList<>();
        for (GetPipelineStatsUseCase.DetectionStage stage : GetPipelineStatsUseCase.DetectionStage.values()) {
            boolean durable = stage == GetPipelineStatsUseCase.DetectionStage.DURABLE;
            List<Long> cumulative = durable ? durableCumulative : List.of(0L, 0L, 0L);
            long count = cumulative.get(cumulative.size() - 1);
            stages.add(new GetPipelineStatsUseCase.StageLatency(stage, new GetPipelineStatsUseCase.LatencySnapshot(
                    List.of(0.001, 0.01, 0.1), cumulative, count, count * 0.002, count > 0 ? 0.05 : 0)));
        }
        return stages;
    }

    @Override
    public Page list(PredictionCriteria criteria) {
        lastCriteria = criteria;
        List<StoredPrediction> page = new ArrayList<>();
        for (StoredPrediction s : stored) {
            long id = s.prediction().alertId();
            boolean flow = criteria.flowTypes().isEmpty() || criteria.flowTypes().contains(s.prediction().flow().type());
            if ((criteria.beforeAlertId() == 0 || id < criteria.beforeAlertId()) && flow) {
                page.add(s);
            }
        }
        if (page.size() <= criteria.limit()) {
            return new Page(page, OptionalLong.empty());
        }
        List<StoredPrediction> items = page.subList(0, criteria.limit());
        return new Page(items, OptionalLong.of(items.get(items.size() - 1).prediction().alertId()));
    }

    @Override
    public Optional<StoredPrediction> find(String id) {
        return stored.stream().filter(s -> s.prediction().txid().value().equals(id) || s.prediction().id().value().equals(id))
                .findFirst();
    }

    @Override
    public List<FlowBucket> flows(Bucket bucket, Instant from, Instant to) {
        lastRange = new Object[] {bucket, from, to};
        return List.of(new FlowBucket(Instant.parse("2026-11-20T10:00:00Z"), "Binance", 100, 0, 20, 2),
                new FlowBucket(Instant.parse("2026-11-20T10:00:00Z"), "Kraken", 0, 250.5, 0, 1));
    }

    @Override
    public List<VolumeBucket> volume(Bucket bucket, Instant from, Instant to) {
        lastRange = new Object[] {bucket, from, to};
        return List.of(new VolumeBucket(Instant.parse("2026-11-20T00:00:00Z"), 7, 1234.5));
    }
}
