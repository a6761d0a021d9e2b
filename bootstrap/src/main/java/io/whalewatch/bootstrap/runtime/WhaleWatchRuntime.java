package io.whalewatch.bootstrap.runtime;

import io.whalewatch.application.DetectionSettings;
import io.whalewatch.application.MonitoringSettings;
import io.whalewatch.application.ResilienceSettings;
import io.whalewatch.application.port.in.BackupDatabaseUseCase;
import io.whalewatch.application.port.in.GetMemoryStatusUseCase;
import io.whalewatch.application.WhaleWatch;
import io.whalewatch.application.port.in.GetAccuracyUseCase;
import io.whalewatch.application.port.in.GetFlowStatisticsUseCase;
import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.in.GetSourceStatusUseCase;
import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.NotificationOutbox;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AlertNotifierProvider;
import io.whalewatch.application.spi.AddressBookProvider;
import io.whalewatch.application.spi.MempoolSourceProvider;
import io.whalewatch.application.spi.PredictionRepositoryProvider;
import io.whalewatch.application.spi.SignalPublisherProvider;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.plugin.Plugins;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the running service in dependency order — store and address book (side by side), tokens,
 * source, notifiers, application, publishers — then starts the application's background work and the source. {@link #close()} stops in reverse order:
 * the source first (no new frames; it drains what it holds), then publishers, then the store.
 */
public final class WhaleWatchRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WhaleWatchRuntime.class);
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private WhaleWatch whaleWatch;
    private AddressBook addressBook;
    private MempoolSource source;

    static final String ADDRESS_BOOK_CACHE = "ADDRESS_BOOK_CACHE";

    private WhaleWatchRuntime() {
    }

    /**
     * The parsed address book is kept next to the database ({@code <DB_PATH>.addressbook}) unless
     * ADDRESS_BOOK_CACHE names another file or {@code off}: a restart with unchanged sources then reads
     * the finished table instead of parsing every address (0.6 s of start-up with 300,000 addresses).
     * Not for an in-memory database, which asks for nothing on disk.
     */
    static Settings withAddressBookCache(Settings settings) {
        String db = settings.get("DB_PATH");
        if (settings.isSet(ADDRESS_BOOK_CACHE) || db == null || db.strip().equals(":memory:")) {
            return settings;
        }
        return settings.with(java.util.Map.of(ADDRESS_BOOK_CACHE, db.strip() + ".addressbook"));
    }

    private void wire(Settings settings, Clock clock) {
        AdapterContext context = Contexts.of(settings, clock);
        // The address book (CPU: parse and validate every address) and the store (DuckDB's native
        // library, Flyway) do not depend on each other: loading them side by side saves most of the
        // shorter one's time at start-up. Nothing is served before both are ready.
        AddressBookProvider books = Plugins.one(AddressBookProvider.class, settings.get("WHALEWATCH_ADDRESS_BOOK"));
        AdapterContext bookContext = Contexts.of(withAddressBookCache(settings), clock);
        Parallel<AddressBook> book = Parallel.start("whalewatch-address-book", () -> books.create(bookContext));
        PredictionRepository repository;
        try {
            repository = open(Plugins.one(PredictionRepositoryProvider.class, settings.get("WHALEWATCH_STORE")).create(context));
        } catch (RuntimeException e) {
            book.abandon();
            throw e;
        }
        addressBook = book.join();
        LOG.info("address book: {} exchange addresses", addressBook.size());
        AccessTokens tokens = Tokens.of(settings, clock);
        source = Plugins.one(MempoolSourceProvider.class, settings.get("WHALEWATCH_SOURCE")).create(context);
        List<AlertNotifier> notifiers = new ArrayList<>();
        for (AlertNotifierProvider p : Plugins.many(AlertNotifierProvider.class, notifierNames(settings))) {
            notifiers.add(open(p.create(context)));
            LOG.info("notifier '{}' enabled", p.name());
        }
        // outcome statistics, the outbox and retention come from the store itself: repository.port(...)
        whaleWatch = WhaleWatch.builder().clock(clock).repository(repository).addressBook(addressBook).source(source)
                .settings(detectionSettings(settings)).monitoring(MonitoringSettings.from(settings.adapterConfig()))
                .notifiers(notifiers).resilience(ResilienceSettings.from(settings.adapterConfig()))
                .processMemory(new ProcMemory()).build();
        AdapterContext ports = context.withPort(GetHealthUseCase.class, whaleWatch.health())
                .withPort(ListPredictionsUseCase.class, whaleWatch.predictions())
                .withPort(GetAccuracyUseCase.class, whaleWatch.accuracy())
                .withPort(QueryPredictionsUseCase.class, whaleWatch.queries())
                .withPort(GetFlowStatisticsUseCase.class, whaleWatch.flowStatistics())
                .withPort(GetPipelineStatsUseCase.class, whaleWatch.stats())
                .withPort(GetSourceStatusUseCase.class, whaleWatch.sourceStatus())
                .withPort(AccessTokens.class, tokens)
                .withPort(BackupDatabaseUseCase.class, whaleWatch.backup())
                .withPort(GetMemoryStatusUseCase.class, whaleWatch.memory())
                .withPort(AddressBook.class, addressBook);
        // the durable outbox, when the store has one, feeds the web adapter's pending-notifications gauge
        AdapterContext withPorts = repository.port(NotificationOutbox.class)
                .map(o -> ports.withPort(NotificationOutbox.class, o)).orElse(ports);
        for (SignalPublisherProvider p : Plugins.many(SignalPublisherProvider.class, settings.list("WHALEWATCH_PUBLISHERS"))) {
            SignalPublisher publisher = open(p.create(withPorts));
            whaleWatch.attach(publisher);
            LOG.info("publisher '{}' started", p.name());
        }
        whaleWatch.start(); // monitor, outbox dispatcher (earlier runs' pending deliveries), drop finalisation, retention
        source.start(whaleWatch.mempoolListener(), whaleWatch.candidateMinimum());
        LOG.info("whale threshold {} BTC; listening to {}", settings.whaleThresholdBtc(), settings.get("MEMPOOL_WS_URL"));
    }

    /**
     * Notifiers by name from WHALEWATCH_NOTIFIERS, plus "webhook" when WEBHOOK_ENABLED=true and "email"
     * when SMTP_SERVER and ALERT_EMAIL_TO are set (the operations guide's switches), each once.
     */
    static List<String> notifierNames(Settings settings) {
        Set<String> names = new LinkedHashSet<>(settings.list("WHALEWATCH_NOTIFIERS"));
        if (settings.adapterConfig().getBoolean("WEBHOOK_ENABLED", false)) {
            names.add("webhook");
        }
        if (settings.isSet("SMTP_SERVER") && settings.isSet("ALERT_EMAIL_TO")) {
            names.add("email");
        }
        return List.copyOf(names);
    }

    private static DetectionSettings detectionSettings(Settings settings) {
        DetectionSettings d = DetectionSettings.defaults(settings.whaleThreshold());
        int tolerance = settings.adapterConfig().getInt("ACCURACY_TOLERANCE_BLOCKS", d.toleranceBlocks(), 0, 1000);
        return new DetectionSettings(d.threshold(), d.recentTxidCapacity(), d.trackedCapacity(), tolerance);
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
