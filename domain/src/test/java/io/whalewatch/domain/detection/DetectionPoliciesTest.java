package io.whalewatch.domain.detection;

import static io.whalewatch.domain.Txs.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DetectionPoliciesTest {
    private static final ExchangeDirectory BOOK = address -> Optional.ofNullable(Map.of(
            "bc1qbinance1", "Binance", "bc1qbinance2", "Binance",
            "3KrakenCold", "Kraken", "1BitfinexCold", "Bitfinex").get(address));

    private final FlowClassificationPolicy flows = new FlowClassificationPolicy();
    private final TransferAmountPolicy amounts = new TransferAmountPolicy();

    static Stream<Arguments> flowCases() {
        return Stream.of(
                Arguments.of("deposit to an exchange", tx().in("bc1quser", 250).out("bc1qbinance1", 249.9).build(), FlowType.INFLOW, "Binance"),
                Arguments.of("withdrawal with change back to the exchange",
                        tx().in("bc1qbinance1", 500).out("bc1quser", 150).out("bc1qbinance2", 349.9).build(), FlowType.OUTFLOW, "Binance"),
                Arguments.of("exchange to another exchange",
                        tx().in("3KrakenCold", 300).out("1BitfinexCold", 299.9).build(), FlowType.INTERNAL, "Kraken"),
                Arguments.of("exchange reshuffling its own wallets",
                        tx().in("bc1qbinance1", 300).out("bc1qbinance2", 299.9).build(), FlowType.INTERNAL, "Binance"),
                Arguments.of("nobody known", tx().in("bc1qa", 300).out("bc1qb", 299.9).build(), FlowType.UNKNOWN, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flowCases")
    void classifiesFlows(String name, MempoolTransaction tx, FlowType expected, String firstExchange) {
        FlowClassification flow = flows.classify(tx, BOOK);
        assertThat(flow.type()).isEqualTo(expected);
        if (firstExchange == null) {
            assertThat(flow.exchanges()).isEmpty();
            assertThat(flow.confidence()).isZero();
        } else {
            assertThat(flow.exchanges()).first().isEqualTo(firstExchange);
            assertThat(flow.exchangeAddresses()).isNotEmpty();
            assertThat(flow.confidence()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void internalBetweenTwoExchangesNamesBoth() {
        FlowClassification flow = flows.classify(tx().in("3KrakenCold", 300).out("1BitfinexCold", 299.9).build(), BOOK);
        assertThat(flow.exchanges()).containsExactly("Kraken", "Bitfinex");
        assertThat(flow.exchangeAddresses()).containsExactly("3KrakenCold", "1BitfinexCold");
    }

    @Test
    void changeBackToAnInputAddressIsNotTransferred() {
        TransferAmount amount = amounts.measure(tx().in("bc1qsender", 500).out("bc1qpayee", 120).out("bc1qsender", 379.9).build());
        assertThat(amount.totalOutput()).isEqualTo(Satoshis.ofBtc(499.9));
        assertThat(amount.transferred()).isEqualTo(Satoshis.ofBtc(120));
        assertThat(amount.change()).isEqualTo(Satoshis.ofBtc(379.9));
    }

    @Test
    void selfTransferKeepsItsWholeValue() {
        TransferAmount amount = amounts.measure(tx().in("bc1qsender", 500).out("bc1qsender", 499.9).build());
        assertThat(amount.transferred()).isEqualTo(Satoshis.ofBtc(499.9));
    }

    @Test
    void thresholdAppliesToTransferredAmountByDefault() {
        WhaleThresholdPolicy whales = new WhaleThresholdPolicy(WhaleThreshold.ofBtc(100));
        TransferAmount mostlyChange = amounts.measure(tx().in("bc1qs", 500).out("bc1qp", 60).out("bc1qs", 439.9).build());
        assertThat(whales.isCandidate(mostlyChange.totalOutput())).isTrue();
        assertThat(whales.isWhale(mostlyChange)).isFalse();
        WhaleThresholdPolicy onTotal = new WhaleThresholdPolicy(
                new WhaleThreshold(Satoshis.ofBtc(100), WhaleThreshold.AmountBasis.TOTAL));
        assertThat(onTotal.isWhale(mostlyChange)).isTrue();
    }

    @Test
    void exactlyTheThresholdIsAWhaleAndOneSatoshiLessIsNot() {
        WhaleThresholdPolicy whales = new WhaleThresholdPolicy(WhaleThreshold.ofBtc(100));
        assertThat(whales.isWhale(TransferAmount.allTransferred(Satoshis.ofBtc(100)))).isTrue();
        assertThat(whales.isWhale(TransferAmount.allTransferred(Satoshis.of(Satoshis.ofBtc(100).value() - 1)))).isFalse();
    }
}
