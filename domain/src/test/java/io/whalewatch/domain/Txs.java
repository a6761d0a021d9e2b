package io.whalewatch.domain;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import io.whalewatch.domain.fee.FeeRate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Hand-built transactions for table-driven tests. */
public final class Txs {
    private final List<TxInput> inputs = new ArrayList<>();
    private final List<TxOutput> outputs = new ArrayList<>();
    private double rate = 10;

    public static Txs tx() {
        return new Txs();
    }

    public Txs in(String address, double btc) {
        inputs.add(TxInput.spending(address, Satoshis.ofBtc(btc).value()));
        return this;
    }

    public Txs out(String address, double btc) {
        outputs.add(TxOutput.of(address, Satoshis.ofBtc(btc).value()));
        return this;
    }

    public Txs rate(double satPerVbyte) {
        this.rate = satPerVbyte;
        return this;
    }

    public MempoolTransaction build() {
        return new MempoolTransaction(TxId.of("a".repeat(64)), inputs, outputs, Satoshis.of(2_000),
                200, FeeRate.of(rate), OptionalInt.empty(), Instant.EPOCH);
    }
}
