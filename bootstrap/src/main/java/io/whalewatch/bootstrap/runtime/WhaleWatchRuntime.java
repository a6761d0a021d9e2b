package io.whalewatch.bootstrap.runtime;

import io.whalewatch.application.DetectionSettings;
import io.whalewatch.application.WhaleWatch;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.AccessTokensProvider;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AddressBookProvider;
import io.whalewatch.application.spi.MempoolSourceProvider;
import io.whalewatch.application.spi.PredictionRepositoryProvider;
import io.whalewatch.application.spi.SignalPublisherProvider;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.plugin.Plugins;
import io.whalewatch.domain.detection.WhaleThreshold;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the running service in dependency order — store, address book, tokens, source,
 * application, publishers — then starts the source. {@link #close()} stops in reverse order:
 * the source first (no new frames; it drains what it holds), then publishers, then the store.
 */
public final class WhaleWatchRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WhaleWatchRuntime.class);
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private WhaleWatch whaleWatch;
    private AddressBook addressBook;
    private MempoolSource source;

    private WhaleWatchRuntime() {
    }

    private void wire(Settings settings, Clock clock) {
        AdapterContext context = Contexts.of(settings, clock);
        PredictionRepository repository = open(Plugins.one(PredictionRepositoryProvider.class, settings.get("WHALEWATCH_STORE")).create(context));
        addressBook = Plugins.one(AddressBookProvider.class, settings.get("WHALEWATCH_ADDRESS_BOOK")).create(context);
        LOG.info("address book: {} exchange addresses", addressBook.size());
        AccessTokens tokens = Plugins.one(AccessTokensProvider.class, settings.get("WHALEWATCH_TOKENS")).create(context);
        source = Plugins.one(MempoolSourceProvider.class, settings.get("WHALEWATCH_SOURCE")).create(context);
        whaleWatch = WhaleWatch.builder().clock(clock).repository(repository).addressBook(addressBook).source(source)
                .settings(DetectionSettings.defaults(WhaleThreshold.ofBtc(settings.whaleThresholdBtc()))).build();
        AdapterContext withPorts = context.withPort(GetHealthUseCase.class, whaleWatch.health())
                .withPort(ListPredictionsUseCase.class, whaleWatch.predictions())
                .withPort(AccessTokens.class, tokens)
                .withPort(AddressBook.class, addressBook);
        for (SignalPublisherProvider p : Plugins.many(SignalPublisherProvider.class, settings.list("WHALEWATCH_PUBLISHERS"))) {
            SignalPublisher publisher = open(p.create(withPorts));
            whaleWatch.attach(publisher);
            LOG.info("publisher '{}' started", p.name());
        }
        source.start(whaleWatch.mempoolListener(), whaleWatch.candidateMinimum());
        LOG.info("whale threshold {} BTC; listening to {}", settings.whaleThresholdBtc(), settings.get("MEMPOOL_WS_URL"));
    }

    /** Starts everything; on failure closes what was already opened and rethrows. */
    public static WhaleWatchRuntime start(Settings settings, Clock clock) {
        WhaleWatchRuntime runtime = new WhaleWatchRuntime();
        try {
            runtime.wire(settings, clock);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    public WhaleWatch whaleWatch() {
        return whaleWatch;
    }

    public AddressBook addressBook() {
        return addressBook;
    }

    private <T extends AutoCloseable> T open(T closeable) {
        toClose.push(closeable);
        return closeable;
    }

    /** Source first (no new frames; it drains what it holds), then background work, publishers, store. */
    @Override
    public void close() {
        closeQuietly(source);
        closeQuietly(whaleWatch);
        while (!toClose.isEmpty()) {
            closeQuietly(toClose.pop());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
