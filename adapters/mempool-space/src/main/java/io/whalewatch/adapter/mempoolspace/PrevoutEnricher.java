package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.whalewatch.application.port.out.SourceUnavailableException;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.TxInput;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * Fills in the prevouts of candidates that arrived without them (a self-hosted mempool in
 * bitcoind mode sends {@code "prevout": null}) by fetching the esplora-shaped
 * {@code GET /api/tx/:txid}, with bounded concurrency, off the stream. The result always goes
 * back to the pipeline: enriched when possible, as received when the upstream cannot say.
 */
final class PrevoutEnricher implements AutoCloseable {
    private final MempoolRestClient rest;
    private final Clock clock;
    private final Consumer<PipelineItem> pipeline;
    private final RateLimitedLog warnings;
    static final int MAX_BACKLOG = 10_000;
    private final ThreadPoolExecutor workers;
    private final JsonFactory json = new JsonFactory();

    PrevoutEnricher(MempoolRestClient rest, Clock clock, int concurrency,
                    Consumer<PipelineItem> pipeline, RateLimitedLog warnings) {
        this.rest = rest;
        this.clock = clock;
        this.pipeline = pipeline;
        this.warnings = warnings;
        this.workers = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("mempool-space-enrich"));
    }

    /**
     * Queues one candidate; never blocks the calling (pipeline) thread. Past a backlog of
     * {@value #MAX_BACKLOG} (an upstream in bitcoind mode during a whale storm) candidates are
     * delivered at once without prevouts rather than queued without bound.
     */
    void enrich(long sequence, MempoolTransaction tx) {
        if (workers.getQueue().size() >= MAX_BACKLOG) {
            warnings.warn("enrich-backlog", "prevout enrichment backlog full; delivering " + tx.txid() + " without them");
            pipeline.accept(new PipelineItem.Enriched(sequence, tx));
            return;
        }
        try {
            workers.execute(() -> pipeline.accept(new PipelineItem.Enriched(sequence, complete(tx))));
        } catch (RejectedExecutionException closing) {
            // Only happens after close(): the listener is going away with the source.
        }
    }

    private MempoolTransaction complete(MempoolTransaction tx) {
        try {
            HttpResponse<String> response = rest.transaction(tx.txid(), true);
            if (response.statusCode() == 200) {
                List<TxInput> inputs = inputs(response.body());
                if (inputs != null && inputs.size() == tx.inputs().size()) {
                    return new MempoolTransaction(tx.txid(), inputs, tx.outputs(), tx.fee(), tx.vsize(),
                            tx.feeRate(), tx.projectedBlock(), tx.firstSeen());
                }
                warnings.warn("enrich", "prevouts of " + tx.txid() + " unreadable; delivering without them");
            } else {
                warnings.warn("enrich", "prevouts of " + tx.txid() + ": HTTP " + response.statusCode()
                        + "; delivering without them");
            }
        } catch (SourceUnavailableException e) {
            warnings.warn("enrich", "prevouts of " + tx.txid() + " unavailable (" + e.getMessage()
                    + "); delivering without them");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tx;
    }

    /** The inputs of an esplora transaction body, or null when it cannot be read. */
    private List<TxInput> inputs(String body) {
        try (JsonParser p = json.createParser(body)) {
            p.nextToken();
            TransactionReader.Result r = new TransactionReader(clock).read(p, 0);
            return r.candidate() == null ? null : r.candidate().inputs();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
