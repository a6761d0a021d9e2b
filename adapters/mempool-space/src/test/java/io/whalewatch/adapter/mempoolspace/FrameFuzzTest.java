package io.whalewatch.adapter.mempoolspace;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import io.whalewatch.domain.fee.ProjectedBlock;
import io.whalewatch.domain.fee.RecommendedFees;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.slf4j.helpers.NOPLogger;

/**
 * Fuzzes one upstream frame through the parser and the pipeline dispatcher (what the pipeline
 * thread does with it). Property: any text is either delivered or rejected by the dispatcher;
 * nothing escapes {@link FrameDispatcher#handle}, and whatever reaches the listener respects the
 * domain's ranges (satoshis in 0..21e14, positive vsize, finite fee rates). Both a candidate
 * minimum of 0 (every transaction is materialised) and the production 10 BTC are used.
 *
 * <p>In a normal {@code mvn test} this runs the committed seeds in
 * {@code src/test/resources/io/whalewatch/adapter/mempoolspace/FrameFuzzTestInputs/dispatchFrame/};
 * {@code JAZZER_FUZZ=1} fuzzes (see FUZZING.md at the repository root). The per-input time limit
 * is the {@link Timeout} (Jazzer turns it into libFuzzer's {@code -timeout}).
 */
class FrameFuzzTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final FrameParser everyTransaction = new FrameParser(CLOCK, 0);
    private final FrameParser production = new FrameParser(CLOCK, 10 * Satoshis.PER_BTC);

    // Per input (libFuzzer -timeout when fuzzing). Generous: the first input of a run also pays for
    // loading and instrumenting the classes, which took 7 s on a busy 2-core machine.
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"\"mempool-transactions\"", "\"sequence\"", "\"added\"", "\"removed\"", "\"mined\"",
        "\"replaced\"", "\"by\"", "\"txid\"", "\"vin\"", "\"vout\"", "\"prevout\"", "\"value\"",
        "\"scriptpubkey_address\"", "\"fee\"", "\"vsize\"", "\"weight\"", "\"feePerVsize\"",
        "\"adjustedFeePerVsize\"", "\"effectiveFeePerVsize\"", "\"firstSeen\"", "\"position\"", "\"block\"",
        "\"blocks\"", "\"id\"", "\"height\"", "\"timestamp\"", "\"fees\"", "\"fastestFee\"", "\"halfHourFee\"",
        "\"hourFee\"", "\"economyFee\"", "\"minimumFee\"", "\"mempool-blocks\"", "\"medianFee\"",
        "\"blockVSize\"", "\"nTx\"", "\"feeRange\"", "\"conversions\"", "\"USD\"",
        "\"0000000000000000000000000000000000000000000000000000000000000001\"", "2100000000000000",
        "2100000000000001", "9223372036854775807", "-1", "1e308", "4294967295", "null", "true"})
    @FuzzTest(maxDuration = "10s")
    void dispatchFrame(byte[] input) {
        // As the socket delivers frames: raw bytes, which need not be UTF-8 at all; and the same input
        // made valid UTF-8, so the fuzzer's JSON-ish inputs also reach the deeper readers.
        byte[] valid = new String(input, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        for (byte[] frame : new byte[][] {input, valid}) {
            dispatch(everyTransaction, frame);
            dispatch(production, frame);
        }
    }

    private static void dispatch(FrameParser parser, byte[] frame) {
        CheckingListener listener = new CheckingListener();
        FrameDispatcher dispatcher = new FrameDispatcher(listener, parser, new SourceCounters("fuzz", CLOCK),
                (sequence, tx) -> listener.checkTransaction(tx),
                new RateLimitedLog(NOPLogger.NOP_LOGGER, 1, TimeUnit.MINUTES));
        dispatcher.handle(new PipelineItem.Frame(frame, CLOCK.instant(), 0));
    }

    /** Fails the fuzz input (AssertionError) when a delivered value breaks a domain range. */
    private static final class CheckingListener implements MempoolListener {
        @Override
        public void onDelta(MempoolDelta delta) {
            check(delta.sequence() >= 0, "negative sequence");
            check(delta.addedCount() >= delta.added().size(), "addedCount below candidates");
            delta.added().forEach(this::checkTransaction);
        }

        void checkTransaction(MempoolTransaction tx) {
            checkSats(tx.fee().value());
            check(tx.vsize() > 0 && Double.isFinite(tx.vsize()), "vsize " + tx.vsize());
            check(Double.isFinite(tx.feeRate().satPerVbyte()) && tx.feeRate().satPerVbyte() >= 0, "fee rate");
            long sum = 0;
            for (TxOutput o : tx.outputs()) {
                checkSats(o.value().value());
                sum += o.value().value();
            }
            checkSats(sum);
            for (TxInput in : tx.inputs()) {
                in.prevout().ifPresent(p -> checkSats(p.value().value()));
                check(in.sequence() >= 0 && in.sequence() <= 0xFFFFFFFFL, "input sequence");
            }
        }

        @Override
        public void onBlock(Block block) {
            check(block.height() >= 0 && block.hash().matches("[0-9a-f]{64}"), "block " + block);
        }

        @Override
        public void onRecommendedFees(RecommendedFees fees) {
            check(Double.isFinite(fees.fastest()) && fees.minimum() >= 0, "fees " + fees);
        }

        @Override
        public void onProjectedBlocks(List<ProjectedBlock> blocks) {
            blocks.forEach(b -> check(Double.isFinite(b.medianFee()) && b.transactionCount() >= 0, "block " + b));
        }

        @Override
        public void onPrice(double usdPerBtc) {
            check(Double.isFinite(usdPerBtc) && usdPerBtc > 0, "price " + usdPerBtc);
        }

        @Override
        public void onResyncNeeded(ResyncReason reason) {
            check(reason != null, "null resync reason");
        }

        private static void checkSats(long sats) {
            check(sats >= 0 && sats <= Satoshis.MAX_SUPPLY, "satoshis out of range: " + sats);
        }

        private static void check(boolean ok, String what) {
            if (!ok) {
                throw new AssertionError(what);
            }
        }
    }
}
