package io.whalewatch.application;

import io.whalewatch.application.port.in.BackupDatabaseUseCase;
import io.whalewatch.application.port.in.GetAccuracyUseCase;
import io.whalewatch.application.port.in.GetMemoryStatusUseCase;
import io.whalewatch.application.port.out.ProcessMemory;
import io.whalewatch.application.port.in.GetFlowStatisticsUseCase;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.GetSourceStatusUseCase;
import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.in.IngestMempoolDeltaUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.in.TrackOutcomesUseCase;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.DataRetention;
import io.whalewatch.application.port.out.NotificationOutbox;
import io.whalewatch.application.port.out.OutcomeStatistics;
import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.service.MonitoringPorts;
import io.whalewatch.application.service.ServiceAssembly;
import io.whalewatch.domain.chain.Satoshis;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The application, wired from its out-ports. Bootstrap builds one, attaches publishers, then
 * starts the source with {@link #mempoolListener()}; adapters get the in-ports through the SPI's
 * {@code Ports}.
 */
public final class WhaleWatch implements AutoCloseable {
    private final ServiceAssembly services;
    private final DetectionSettings settings;

    private WhaleWatch(Builder b) {
        this.settings = b.settings;
        this.services = new ServiceAssembly(b.clock, b.settings, b.repository, b.addressBook, b.source, b.monitoringPorts(),
                b.resilience, b.processMemory);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The callback a {@link MempoolSource} delivers to. */
    public MempoolListener mempoolListener() {
        return services.listener();
    }

    /** The output sum below which a transaction cannot be a whale (the source's pre-filter). */
    public Satoshis candidateMinimum() {
        return settings.threshold().minimum();
    }

    /** Adds a publisher; do this before starting the source. */
    public void attach(SignalPublisher publisher) {
        services.attach(publisher);
    }

    public IngestMempoolDeltaUseCase ingest() {
        return services.ingest();
    }

    public TrackOutcomesUseCase outcomes() {
        return services.outcomes();
    }

    public GetHealthUseCase health() {
        return services.health();
    }

    public ListPredictionsUseCase predictions() {
        return services.predictions();
    }

    public GetPipelineStatsUseCase stats() {
        return services.stats();
    }

    /** Accuracy over 1 h, 24 h and 7 d, for the API and the dashboard. */
    public GetAccuracyUseCase accuracy() {
        return services.accuracy();
    }

    /** Stored predictions with outcomes, filtered and paged (REST API). */
    public QueryPredictionsUseCase queries() {
        return services.queries();
    }

    /** Exchange flows and alert volume per time bucket (REST API). */
    public GetFlowStatisticsUseCase flowStatistics() {
        return services.flowStatistics();
    }

    /** A consistent copy of the database while running (admin API, {@code db backup}). */
    public BackupDatabaseUseCase backup() {
        return services.backup();
    }

    /** Memory against MEMORY_THRESHOLD_MB / MEMORY_MAX_MB (gauge; also "memory" in /health). */
    public GetMemoryStatusUseCase memory() {
        return services.memory();
    }

    /** The source's connection state and counters (metrics). */
    public GetSourceStatusUseCase sourceStatus() {
        return services.sourceStatus();
    }

    /** Notifications waiting for delivery (for metrics; health shows it as the "notifications" component). */
    public long pendingNotifications() {
        return services.pendingNotifications();
    }

    /**
     * Starts the background work: the accuracy monitor (a check now, then every CHECK_INTERVAL), the
     * notification dispatcher (pending deliveries of earlier runs go out now), the finalisation of expired
     * provisional drops and the retention purge. Call once, after attaching publishers.
     */
    public void start() {
        services.start();
    }

    /** Stops the background work (REST re-checks, monitor, dispatcher, maintenance). Close the source first so nothing arrives meanwhile. */
    @Override
    public void close() {
        services.close();
    }

    /** Collects the out-ports; all are required. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private DetectionSettings settings;
        private PredictionRepository repository;
        private AddressBook addressBook;
        private MempoolSource source;
        private MonitoringSettings monitoring = MonitoringSettings.defaults();
        private OutcomeStatistics statistics;
        private NotificationOutbox outbox;
        private DataRetention retention;
        private List<AlertNotifier> notifiers = List.of();
        private ResilienceSettings resilience = ResilienceSettings.defaults();
        private ProcessMemory processMemory;

        /** Store retry buffer and memory limits; defaults to {@link ResilienceSettings#defaults()}. */
        public Builder resilience(ResilienceSettings value) {
            this.resilience = Objects.requireNonNull(value);
            return this;
        }

        /** Reads the process's memory (RSS); defaults to a heap-only reading. */
        public Builder processMemory(ProcessMemory value) {
            this.processMemory = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder settings(DetectionSettings value) {
            this.settings = value;
            return this;
        }

        public Builder repository(PredictionRepository value) {
            this.repository = value;
            return this;
        }

        public Builder addressBook(AddressBook value) {
            this.addressBook = value;
            return this;
        }

        public Builder source(MempoolSource value) {
            this.source = value;
            return this;
        }

        public Builder monitoring(MonitoringSettings value) {
            this.monitoring = value;
            return this;
        }

        /** Where accuracy counts come from; defaults to the repository's {@code port(OutcomeStatistics.class)}. */
        public Builder statistics(OutcomeStatistics value) {
            this.statistics = value;
            return this;
        }

        /** The durable outbox; defaults to the repository's {@code port(NotificationOutbox.class)}. */
        public Builder outbox(NotificationOutbox value) {
            this.outbox = value;
            return this;
        }

        /** What deletes old data; defaults to the repository's {@code port(DataRetention.class)}. */
        public Builder retention(DataRetention value) {
            this.retention = value;
            return this;
        }

        /** External channels (webhook, email); each needs a durable outbox. */
        public Builder notifiers(List<AlertNotifier> value) {
            this.notifiers = List.copyOf(value);
            return this;
        }

        private MonitoringPorts monitoringPorts() {
            MonitoringPorts fallback = MonitoringPorts.inMemory(monitoring);
            NotificationOutbox box = outbox != null ? outbox : repository.port(NotificationOutbox.class).orElse(null);
            if (box == null && !notifiers.isEmpty()) {
                throw new IllegalStateException("notifiers need a durable outbox, and the store offers none");
            }
            return new MonitoringPorts(monitoring,
                    statistics != null ? statistics : repository.port(OutcomeStatistics.class).orElse(fallback.statistics()),
                    box != null ? box : fallback.outbox(),
                    retention != null ? retention : repository.port(DataRetention.class).orElse(fallback.retention()),
                    notifiers);
        }

        public WhaleWatch build() {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(addressBook, "addressBook");
            Objects.requireNonNull(source, "source");
            return new WhaleWatch(this);
        }
    }
}
