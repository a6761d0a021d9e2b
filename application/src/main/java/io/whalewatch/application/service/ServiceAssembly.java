package io.whalewatch.application.service;

import io.whalewatch.application.DetectionSettings;
import io.whalewatch.application.ResilienceSettings;
import io.whalewatch.application.port.in.BackupDatabaseUseCase;
import io.whalewatch.application.port.in.GetMemoryStatusUseCase;
import io.whalewatch.application.port.out.ProcessMemory;
import io.whalewatch.application.port.in.GetAccuracyUseCase;
import io.whalewatch.application.port.in.GetFlowStatisticsUseCase;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.GetSourceStatusUseCase;
import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.in.IngestMempoolDeltaUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.in.TrackOutcomesUseCase;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.PredictionQueries;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.detection.WhaleThresholdPolicy;
import io.whalewatch.domain.prediction.PredictionAccuracyPolicy;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the services from their out-ports. Public only so that the facade in the parent package
 * can call it; the package is not exported, so nothing outside this module sees it.
 */
public final class ServiceAssembly implements AutoCloseable {
    /** Batches of whales the store writer may hold before it catches up from the journal instead. */
    private static final int WRITER_QUEUE_BATCHES = 1_024;
    private final SignalFanOut fanOut = new SignalFanOut();
    private final MarketState market = new MarketState();
    private final IngestMempoolDeltaService ingest;
    private final TrackOutcomesService outcomes;
    private final HealthService health;
    private final ListPredictionsService predictions;
    private final PipelineStatsService stats;
    private final MempoolEventRouter router;
    private final ResyncService resync;
    private final MonitoringAssembly monitoring;
    private final Clock clock;
    private final QueryPredictionsService queries;
    private final FlowStatisticsService flowStatistics;
    private final MempoolSource source;
    private final ResilienceAssembly resilience;
    private final JournalledStoreWriter storeWriter;

    public ServiceAssembly(Clock clock, DetectionSettings settings, PredictionRepository repository,
            AddressBook addressBook, MempoolSource source) {
        this(clock, settings, repository, addressBook, source, MonitoringPorts.inMemory(io.whalewatch.application.MonitoringSettings.defaults()));
    }

    public ServiceAssembly(Clock clock, DetectionSettings settings, PredictionRepository repository,
            AddressBook addressBook, MempoolSource source, MonitoringPorts monitoringPorts) {
        this(clock, settings, repository, addressBook, source, monitoringPorts, ResilienceSettings.defaults(), null);
    }

    /** With the store-retry and memory settings and a process-memory reader (null: heap only). */
    public ServiceAssembly(Clock clock, DetectionSettings settings, PredictionRepository repository,
            AddressBook addressBook, MempoolSource source, MonitoringPorts monitoringPorts,
            ResilienceSettings resilience, ProcessMemory processMemory) {
        this.clock = clock;
        this.source = source;
        PredictionQueries stored = repository.port(PredictionQueries.class).orElseGet(UnavailableQueries::new);
        this.queries = new QueryPredictionsService(stored);
        this.flowStatistics = new FlowStatisticsService(stored);
        PipelineCounters counters = new PipelineCounters();
        OutcomeTracker tracker = new OutcomeTracker(settings.trackedCapacity());
        WhaleDetector detector = new WhaleDetector(new WhaleThresholdPolicy(settings.threshold()), addressBook);
        RecentTransactions recent = new RecentTransactions(settings.recentTxidCapacity());
        PipelineInbox inbox = new PipelineInbox();
        this.resilience = new ResilienceAssembly(resilience, processMemory, repository, inbox, recent, tracker);
        InFlightPredictions inFlight = new InFlightPredictions(resilience.storeRetryBuffer());
        Optional<PredictionJournal> journal = repository.port(PredictionJournal.class);
        // whales are published once journalled; the store is written off the hot path (null: no journal, store first)
        this.storeWriter = journal.map(j -> new JournalledStoreWriter(j, repository, inFlight, WRITER_QUEUE_BATCHES,
                resilience.storeRetryInterval(), resilience.storeWriteInterval())).orElse(null);
        if (storeWriter != null) {
            storeWriter.recover(); // before the tracked predictions are read, so recovered whales are tracked too
        }
        this.ingest = new IngestMempoolDeltaService(detector, market, recent, repository, fanOut, tracker, clock, counters,
                this.resilience.storeRetry, storeWriter, journal.map(PredictionJournal::lastAlertId).orElse(0L));
        this.outcomes = new TrackOutcomesService(tracker, market, repository, fanOut,
                new Outcomes(new PredictionAccuracyPolicy(settings.toleranceBlocks())), clock,
                monitoringPorts.settings().dropFinalAfter(), counters);
        // resume every unresolved prediction in the state the previous run left it (replaced, provisionally dropped)
        outcomes.resume(repository.findTracked(settings.trackedCapacity()));
        tracker.all().forEach(p -> recent.firstSighting(p.txid().value()));
        this.monitoring = new MonitoringAssembly(monitoringPorts, clock, inbox, outcomes);
        this.health = new HealthService(clock, repository, source, fanOut, monitoring::health);
        this.resilience.register(health);
        if (storeWriter != null) {
            health.component("store_writer", storeWriter::health, false);
        }
        this.predictions = new ListPredictionsService(repository, inFlight);
        this.resync = new ResyncService(source, inbox, outcomes);
        this.router = new MempoolEventRouter(ingest, outcomes, market, inbox, resync, counters.resyncs);
        this.stats = new PipelineStatsService(counters, outcomes);
        // whales left unresolved by the previous run are re-checked over REST right away
        resync.request(outcomes.tracked());
    }

    /** Starts the background work: accuracy monitor, notification dispatcher, drop finalisation, retention. */
    public void start() {
        if (monitoring.hasExternalChannels()) {
            // attached last so the other publishers keep their health names; notifiers decide whether they want whales
            fanOut.attach(new WhaleAlertNotifications(monitoring.notifications(), clock));
        }
        monitoring.start();
        resilience.start();
        if (storeWriter != null) {
            storeWriter.start();
        }
    }

    /** Stops the background work; call after the source is closed and before the store closes. */
    @Override
    public void close() {
        if (storeWriter != null) {
            storeWriter.close(); // stores what is queued (bounded wait); the rest stays in the journal
        }
        resync.close();
        resilience.close();
        monitoring.close();
    }

    public GetAccuracyUseCase accuracy() {
        return monitoring.accuracy();
    }

    /** Notifications waiting for delivery (all channels). */
    public long pendingNotifications() {
        return monitoring.notifications().pending();
    }

    /** Finalises expired provisional drops now (normally a timer does this through the pipeline inbox); pipeline thread. */
    public int finalizeDueDrops() {
        return outcomes.finalizeDueDrops().size();
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

    public GetPipelineStatsUseCase stats() {
        return stats;
    }

    public QueryPredictionsUseCase queries() {
        return queries;
    }

    public GetFlowStatisticsUseCase flowStatistics() {
        return flowStatistics;
    }

    public BackupDatabaseUseCase backup() {
        return resilience.backup;
    }

    public GetMemoryStatusUseCase memory() {
        return resilience.memoryWatch;
    }

    /** Runs the store retry now (normally a timer posts it to the pipeline inbox); pipeline thread. */
    public int retryStore() {
        return resilience.storeRetry.retry();
    }

    MemoryWatch memoryWatch() {
        return resilience.memoryWatch;
    }

    public GetSourceStatusUseCase sourceStatus() {
        return source::status;
    }
}
