package io.whalewatch.domain.detection;

import static io.whalewatch.domain.Txs.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ChangeAndFlagsTest {
    private static final ExchangeDirectory BOOK = a -> Optional.ofNullable(Map.of(
            "bc1qbinancehot", "Binance", "bc1qbinancecold", "Binance", "3KrakenCold", "Kraken").get(a));
    private final TransferAmountPolicy amounts = new TransferAmountPolicy(ChangeHeuristics.DEFAULT);
    private final SignalFlagPolicy flags = new SignalFlagPolicy();
    private final FlowClassificationPolicy flows = new FlowClassificationPolicy();

    @Test
    void changeBackToTheFundingExchangeIsNotTransferred() {
        MempoolTransaction withdrawal = tx().in("bc1qbinancehot", 500).out("bc1quserwallet", 150).out("bc1qbinancecold", 349.9).build();
        TransferAmount amount = amounts.measure(withdrawal, BOOK);
        assertThat(amount.transferred()).isEqualTo(Satoshis.ofBtc(150));
        assertThat(amount.change()).isEqualTo(Satoshis.ofBtc(349.9));
    }

    @Test
    void roundPaymentMarksTheOtherOutputOfTheInputsTypeAsChange() {
        MempoolTransaction payment = tx().in("bc1qsenderaaaa", 400).out("3PayeeScriptHash", 250).out("bc1qfreshchange", 149.99876543).build();
        TransferAmount amount = amounts.measure(payment, ExchangeDirectory.empty());
        assertThat(amount.transferred()).isEqualTo(Satoshis.ofBtc(250));
    }

    @Test
    void roundPaymentRuleNeedsTheChangeToMatchTheInputType() {
        MempoolTransaction payment = tx().in("bc1qsenderaaaa", 400).out("bc1qpayee", 250).out("1LegacyOther", 149.99876543).build();
        assertThat(amounts.measure(payment, ExchangeDirectory.empty()).change()).isEqualTo(Satoshis.ZERO);
    }

    @Test
    void twoRoundOutputsAreBothTransferred() {
        MempoolTransaction split = tx().in("bc1qsender", 400).out("bc1qa", 200).out("bc1qb", 199.9).build();
        assertThat(amounts.measure(split, ExchangeDirectory.empty()).transferred()).isEqualTo(Satoshis.ofBtc(399.9));
    }

    @Test
    void consolidationIsFlagged() {
        MempoolTransaction tx = sweep(12, "bc1qcollect");
        TransferAmount amount = amounts.measure(tx, BOOK);
        assertThat(flags.flags(tx, amount, flows.classify(tx, BOOK))).contains(SignalFlag.CONSOLIDATION);
    }

    @Test
    void coinJoinShapeIsFlagged() {
        io.whalewatch.domain.Txs mix = tx();
        for (int i = 0; i < 6; i++) {
            mix.in("bc1qin" + i, 20.01).out("bc1qout" + i, 20);
        }
        MempoolTransaction tx = mix.build();
        assertThat(flags.flags(tx, amounts.measure(tx, BOOK), flows.classify(tx, BOOK))).contains(SignalFlag.COINJOIN_LIKE);
    }

    @Test
    void exchangeReshufflingItsOwnWalletsIsASelfTransfer() {
        MempoolTransaction tx = tx().in("bc1qbinancehot", 300).out("bc1qbinancecold", 299.9).build();
        assertThat(flags.flags(tx, amounts.measure(tx, BOOK), flows.classify(tx, BOOK))).containsExactly(SignalFlag.SELF_TRANSFER);
    }

    @Test
    void ordinaryTransferHasNoFlags() {
        MempoolTransaction tx = tx().in("bc1quser", 300).out("3KrakenCold", 299.9).build();
        assertThat(flags.flags(tx, amounts.measure(tx, BOOK), flows.classify(tx, BOOK))).isEmpty();
    }

    @Test
    void usdThresholdFiltersOnlyWhenAPriceIsKnown() {
        WhaleThresholdPolicy policy = new WhaleThresholdPolicy(new WhaleThreshold(Satoshis.ofBtc(100),
                WhaleThreshold.AmountBasis.TRANSFERRED, OptionalDouble.of(20_000_000)));
        TransferAmount oneFifty = TransferAmount.allTransferred(Satoshis.ofBtc(150));
        assertThat(policy.isWhale(oneFifty, OptionalDouble.empty())).isTrue();
        assertThat(policy.isWhale(oneFifty, OptionalDouble.of(100_000))).isFalse();
        assertThat(policy.isWhale(oneFifty, OptionalDouble.of(150_000))).isTrue();
    }

    private static MempoolTransaction sweep(int inputs, String to) {
        io.whalewatch.domain.Txs t = tx();
        for (int i = 0; i < inputs; i++) {
            t.in("bc1qpiece" + i, 25);
        }
        return t.out(to, inputs * 25 - 0.01).build();
    }
}
