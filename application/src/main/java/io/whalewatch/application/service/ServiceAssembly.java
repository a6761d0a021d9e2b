package io.whalewatch.application.service;

import io.whalewatch.application.DetectionSettings;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.IngestMempoolDeltaUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.in.TrackOutcomesUseCase;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.detection.WhaleThresholdPolicy;
import io.whalewatch.domain.prediction.PredictionAccuracyPolicy;
import java.time.Clock;

/**
 * Builds the services from their out-ports. Public only so that the facade in the parent package
 * can call it; the package is not exported, so nothing outside this module sees it.
 */
public final class ServiceAssembly implements AutoCloseable {
    private final SignalFanOut fanOut = new SignalFanOut();
    private final MarketState market = new MarketState();
    private final IngestMempoolDeltaService ingest;
    private final TrackOutcomesService outcomes;
    private final HealthService health;
    private final ListPredictionsService predictions;
    private final MempoolEventRouter router;
    private final ResyncService resync;

    public ServiceAssembly(Clock clock, DetectionSettings settings, PredictionRepository repository,
            AddressBook addressBook, MempoolSource source) {
        PipelineCounters counters = new PipelineCounters();
        OutcomeTracker tracker = new OutcomeTracker(settings.trackedCapacity());
        repository.findUnresolved(settings.trackedCapacity()).forEach(tracker::follow);
        WhaleDetector detector = new WhaleDetector(new WhaleThresholdPolicy(settings.threshold()), addressBook);
        RecentTransactions recent = new RecentTransactions(settings.recentTxidCapacity());
        tracker.all().forEach(p -> recent.firstSighting(p.txid().value()));
        this.ingest = new IngestMempoolDeltaService(detector, market, recent, repository, fanOut, tracker, clock, counters);
        this.outcomes = new TrackOutcomesService(tracker, market, repository, fanOut,
                new PredictionAccuracyPolicy(settings.toleranceBlocks()), clock, counters);
        this.health = new HealthService(clock, repository, source, fanOut);
        this.predictions = new ListPredictionsService(repository);
        PipelineInbox inbox = new PipelineInbox();
        this.resync = new ResyncService(source, inbox, outcomes);
        this.router = new MempoolEventRouter(ingest, outcomes, market, inbox, resync);
        // whales left unresolved by the previous run are re-checked over REST right away
        resync.request(outcomes.tracked());
    }

    @Override
    public void close() {
        resync.close();
    }

    public void attach(SignalPublisher publisher) {
        fanOut.attach(publisher);
    }

    public MempoolListener listener() {
        return router;
    }

    public IngestMempoolDeltaUseCase ingest() {
        return ingest;
    }

    public TrackOutcomesUseCase outcomes() {
        return outcomes;
    }

    public GetHealthUseCase health() {
        return health;
    }

    public ListPredictionsUseCase predictions() {
        return predictions;
    }
}
