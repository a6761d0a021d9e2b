package io.whalewatch.adapter.web.api;

import io.whalewatch.adapter.web.alert.AlertHub;
import io.whalewatch.application.port.in.GetAccuracyUseCase;
import io.whalewatch.application.port.in.GetFlowStatisticsUseCase;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.in.GetSourceStatusUseCase;
import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.NotificationOutbox;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.accuracy.AccuracyThresholds;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the API reads. The use cases beyond health and tokens are optional: a route whose port is
 * missing answers 503, and metrics without their source are simply not registered, so the adapter also
 * runs where bootstrap offers less.
 */
public record ApiPorts(GetHealthUseCase health, AccessTokens tokens, Optional<QueryPredictionsUseCase> predictions,
        Optional<GetFlowStatisticsUseCase> flows, Optional<GetAccuracyUseCase> accuracy,
        Optional<GetPipelineStatsUseCase> pipeline, Optional<GetSourceStatusUseCase> source,
        Optional<NotificationOutbox> outbox, AccuracyThresholds thresholds, Supplier<AlertHub.Stats> hub,
        IntSupplier broadcasterPort, String version) {

    /** Reads the optional ports from what bootstrap offered. */
    public static ApiPorts of(Ports ports, GetHealthUseCase health, AccessTokens tokens, AccuracyThresholds thresholds,
            Supplier<AlertHub.Stats> hub, IntSupplier broadcasterPort, String version) {
        return new ApiPorts(health, tokens, ports.find(QueryPredictionsUseCase.class),
                ports.find(GetFlowStatisticsUseCase.class), ports.find(GetAccuracyUseCase.class),
                ports.find(GetPipelineStatsUseCase.class), ports.find(GetSourceStatusUseCase.class),
                ports.find(NotificationOutbox.class), thresholds, hub, broadcasterPort, version);
    }

    static <T> T required(Optional<T> port, String what) {
        return port.orElseThrow(() -> new ApiException(503, what + " is not available in this configuration"));
    }
}
