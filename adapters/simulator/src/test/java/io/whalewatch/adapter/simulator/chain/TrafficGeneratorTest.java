package io.whalewatch.adapter.simulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {
    private static final long BTC = 100_000_000L;
    private final ExchangeWallets wallets = ExchangeWallets.synthetic();

    @Test
    void whaleShareMatchesTheSettingAndOnlyWhalesReach100Btc() {
        TrafficGenerator gen = new TrafficGenerator(new TrafficProfile(5, 0.05, 4, 0), wallets);
        SplittableRandom rng = new SplittableRandom(1234);
        int whales = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            TrafficGenerator.Generated g = gen.next(rng, 0, i);
            boolean big = g.tx().outputSum() >= 100 * BTC;
            assertThat(big).as("whale <=> >= 100 BTC").isEqualTo(g.whale() != null);
            if (g.whale() != null) {
                whales++;
                assertThat(g.whale().amountSats()).isBetween(100 * BTC, 5000 * BTC);
            }
        }
        assertThat(whales / (double) n).isBetween(0.04, 0.06);
    }

    @Test
    void smallTransactionsAreRealistic() {
        TrafficGenerator gen = new TrafficGenerator(new TrafficProfile(5, 0, 4, 0), wallets);
        SplittableRandom rng = new SplittableRandom(99);
        int belowOneBtc = 0;
        int outputs = 0;
        for (int i = 0; i < 2_000; i++) {
            SimTx tx = gen.next(rng, 0, i).tx();
            assertThat(tx.vin()).hasSizeBetween(1, 3);
            assertThat(tx.vout()).hasSizeBetween(1, 3);
            long in = tx.vin().stream().mapToLong(v -> v.prevout().value()).sum();
            assertThat(in - tx.outputSum()).isEqualTo(tx.fee());
            assertThat(tx.feePerVsize()).isGreaterThanOrEqualTo(1.0);
            assertThat(tx.vsize()).isEqualTo((tx.weight() + 3) / 4);
            for (SimOutput o : tx.vout()) {
                outputs++;
                belowOneBtc += o.value() < BTC ? 1 : 0;
            }
        }
        assertThat(belowOneBtc / (double) outputs).isGreaterThan(0.95);
    }

    @Test
    void whaleFlowsPayAndDrawFromTheRightExchanges() {
        TrafficGenerator gen = new TrafficGenerator(new TrafficProfile(5, 1, 4, 0), wallets);
        Map<String, Integer> seen = new HashMap<>();
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            TrafficGenerator.Generated g = gen.next(rng, 0, i);
            Whale w = g.whale();
            seen.merge(w.flow(), 1, Integer::sum);
            String payee = exchangeOf(g.tx().vout().get(0).script());
            String payer = exchangeOf(g.tx().vin().get(0).prevout().script());
            String change = exchangeOf(g.tx().vout().get(1).script());
            switch (w.flow()) {
                case "inflow" -> assertThat(payee).isEqualTo(w.exchange()).isNotNull();
                case "outflow" -> {
                    assertThat(payer).isEqualTo(w.exchange());
                    assertThat(change).as("change back to the exchange").isEqualTo(w.exchange());
                    assertThat(payee).isNull();
                }
                case "internal" -> {
                    assertThat(payer).isEqualTo(w.fromExchange());
                    assertThat(payee).isEqualTo(w.exchange());
                }
                default -> assertThat(payee).isNull();
            }
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder("inflow", "outflow", "internal", "unknown");
    }

    @Test
    void replacementPaysMoreForTheSameCoins() {
        TrafficGenerator gen = new TrafficGenerator(new TrafficProfile(5, 0, 4, 0), wallets);
        SplittableRandom rng = new SplittableRandom(3);
        SimTx old = gen.next(rng, 0, 1).tx();
        SimTx by = TxBuilder.replace(rng, old, old.feePerVsize() * 1.5, 0, 2);
        assertThat(by.fee()).isGreaterThan(old.fee());
        assertThat(by.txid()).isNotEqualTo(old.txid());
        assertThat(by.vin()).extracting(SimInput::txid).containsExactlyElementsOf(
                old.vin().stream().map(SimInput::txid).toList());
        long in = by.vin().stream().mapToLong(v -> v.prevout().value()).sum();
        assertThat(in - by.outputSum()).isEqualTo(by.fee());
    }

    private String exchangeOf(Script s) {
        for (Exchange e : wallets.exchanges()) {
            if (e.addresses().contains(s)) {
                return e.name();
            }
        }
        return null;
    }
}
