package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.UrgencyScore;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

/** Predictions with every field drawn at random, edge values included (for round-trip tests). */
final class RandomPredictions {
    private static final double[] UNIT_EDGES = {0.0, -0.0, 1.0, Double.MIN_VALUE, 0.1, 1 - Math.ulp(1.0)};
    private static final double[] ANY_EDGES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
        0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 95_000.123456789, 1e-300};
    private static final String[] AWKWARD = {"", "Binance", "\"quoted\"", "back\\slash", "new\nline", "tab\tcr\r",
        "\u0000nul", "caf\u00e9", "\u20bf", "\ud83d\udc0b whale", "\ud800 lone high", "lone low \udc00", "\u2028\u2029"};

    private final Random random;

    RandomPredictions(long seed) {
        this.random = new Random(seed);
    }

    Prediction next(long alertId) {
        long total = random.nextInt(4) == 0 ? Satoshis.MAX_SUPPLY : (long) (random.nextDouble() * Satoshis.MAX_SUPPLY);
        long change = random.nextBoolean() ? 0 : (long) (random.nextDouble() * total);
        TransferAmount amount = new TransferAmount(Satoshis.of(total), Satoshis.of(total - change), Satoshis.of(change));
        FlowClassification flow = new FlowClassification(FlowType.values()[random.nextInt(FlowType.values().length)],
                strings(), strings(), unit());
        int tip = random.nextInt(3) == 0 ? -random.nextInt(1000) : random.nextInt(2_000_000);
        int predicted = tip > 0 ? tip + 1 + random.nextInt(1000) : random.nextInt();
        Instant at = switch (random.nextInt(4)) {
            case 0 -> Instant.MIN;
            case 1 -> Instant.MAX;
            default -> Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
        };
        String id = random.nextBoolean() ? PredictionId.forTransaction(txid()).value() : "id " + string();
        return new Prediction(new PredictionId(id), alertId, txid(), amount, flow,
                FeeRate.of(random.nextInt(5) == 0 ? -0.0 : Math.abs(any(true))), new UrgencyScore(unit()),
                random.nextBoolean(), at, tip, predicted, flags(), usd());
    }

    List<Prediction> next(long firstAlertId, int count) {
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(next(firstAlertId + i));
        }
        return out;
    }

    private TxId txid() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return TxId.of(random.nextBoolean() ? hex.toString().toUpperCase(java.util.Locale.ROOT) : hex.toString());
    }

    private List<String> strings() {
        List<String> out = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            out.add(string());
        }
        return out;
    }

    private String string() {
        if (random.nextBoolean()) {
            return AWKWARD[random.nextInt(AWKWARD.length)];
        }
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            s.append((char) random.nextInt(0x10000)); // any UTF-16 unit, surrogate halves included
        }
        return s.toString().isBlank() ? "x" + s : s.toString();
    }

    private double unit() {
        return random.nextInt(3) == 0 ? UNIT_EDGES[random.nextInt(UNIT_EDGES.length)] : random.nextDouble();
    }

    private double any(boolean finite) {
        if (random.nextInt(3) == 0) {
            double d = ANY_EDGES[random.nextInt(ANY_EDGES.length)];
            if (!finite || Double.isFinite(d)) {
                return d;
            }
        }
        double bits = Double.longBitsToDouble(random.nextLong()); // any double, NaN payloads aside
        return Double.isFinite(bits) || !finite ? bits : random.nextDouble() * 1e6;
    }

    private Set<SignalFlag> flags() {
        Set<SignalFlag> out = EnumSet.noneOf(SignalFlag.class);
        for (SignalFlag f : SignalFlag.values()) {
            if (random.nextBoolean()) {
                out.add(f);
            }
        }
        return out;
    }

    private OptionalDouble usd() {
        return random.nextInt(4) == 0 ? OptionalDouble.empty() : OptionalDouble.of(any(false));
    }
}
