package io.whalewatch.application;

import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.IngestMempoolDeltaUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.in.TrackOutcomesUseCase;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.service.ServiceAssembly;
import io.whalewatch.domain.chain.Satoshis;
import java.time.Clock;
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
        this.services = new ServiceAssembly(b.clock, b.settings, b.repository, b.addressBook, b.source);
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

    /** Stops the background work (REST re-checks). Close the source first so nothing arrives meanwhile. */
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
