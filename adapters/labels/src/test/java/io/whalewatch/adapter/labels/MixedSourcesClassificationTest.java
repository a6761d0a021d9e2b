package io.whalewatch.adapter.labels;

import static io.whalewatch.adapter.labels.Fixtures.p2pkh;
import static io.whalewatch.adapter.labels.Fixtures.p2sh;
import static io.whalewatch.adapter.labels.Fixtures.p2tr;
import static io.whalewatch.adapter.labels.Fixtures.p2wpkh;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.FlowClassificationPolicy;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.fee.FeeRate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TagPack, a BIP-329 export and a CSV list loaded together and used by the domain's classifier. */
class MixedSourcesClassificationTest {
    static final String KRAKEN_COLD = p2wpkh(1);       // TagPack, pack-level actor
    static final String KRAKEN_HOT = p2sh(2);          // TagPack, tag overrides nothing
    static final String ACME = p2pkh(3);               // TagPack, tag-level actor overrides the pack's
    static final String LABEL_ONLY = p2tr(4);          // TagPack, no actor anywhere -> tag label
    static final String ETH_TAG = "0xbe0eb53f46cd790cd13851d5eff43d12404d33e8";
    static final String MINER = p2pkh(5);              // TagPack, category miner -> skipped
    static final String LTC_CURRENCY = p2pkh(6);       // valid BTC text but currency LTC -> skipped
    static final String BINANCE_BIP329 = p2wpkh(7);
    static final String BITSTAMP_CSV = p2sh(8);
    static final String USER = p2pkh(100);
    static final String OTHER_USER = p2wpkh(101);

    private final FlowClassificationPolicy policy = new FlowClassificationPolicy();
    private AddressBook book;

    @BeforeEach
    void load(@TempDir Path dir) {
        Path tagpack = Fixtures.write(dir, "kraken.yaml", """
                title: Kraken test pack
                creator: whalewatch tests
                confidence: service_data
                category: exchange
                currency: BTC
                actor: kraken
                label: kraken reserves
                lastmod: 2024-01-01
                tags:
                - address: %s
                - address: '%s'
                  label: kraken hot wallet
                - address: %s
                  actor: acme
                - address: %s
                  currency: ETH
                - address: %s
                  category: miner
                - address: %s
                  currency: LTC
                """.formatted(KRAKEN_COLD, KRAKEN_HOT, ACME, ETH_TAG, MINER, LTC_CURRENCY));
        Path labelOnly = Fixtures.write(dir, "label-only.yml", """
                title: no actor
                currency: btc
                tags:
                  - address: %s
                    label: big exchange
                """.formatted(LABEL_ONLY));
        Path bip329 = Fixtures.write(dir, "wallet-labels.jsonl", """
                {"type":"tx","ref":"%s","label":"not an address"}
                {"type":"addr","ref":"%s","label":"binance","origin":"wpkh([d34db33f/84'/0'/0'])"}

                {"type":"addr","ref":"%s"}
                """.formatted("f".repeat(64), BINANCE_BIP329, USER));
        Path csv = Fixtures.write(dir, "exchanges.csv", """
                # exchange list of the earlier whalewatch
                exchange_name,address,type

                Bitstamp,%s,cold
                """.formatted(BITSTAMP_CSV));
        book = Fixtures.book(tagpack, labelOnly, bip329, csv);
    }

    @Test
    void everySourceContributesWithNormalisedNames() {
        assertThat(book.exchangeOf(KRAKEN_COLD)).contains("Kraken");
        assertThat(book.exchangeOf(KRAKEN_HOT)).as("pack-level actor wins over the tag's label").contains("Kraken");
        assertThat(book.exchangeOf(ACME)).as("tag-level actor overrides the pack's").contains("Acme");
        assertThat(book.exchangeOf(LABEL_ONLY)).as("no actor: the label").contains("Big Exchange");
        assertThat(book.exchangeOf(BINANCE_BIP329)).contains("Binance");
        assertThat(book.exchangeOf(BITSTAMP_CSV)).contains("Bitstamp");
        assertThat(book.size()).isEqualTo(6);
    }

    @Test
    void otherCurrenciesCategoriesAndUnlabelledRecordsAreSkipped() {
        assertThat(book.exchangeOf(ETH_TAG)).isEmpty();
        assertThat(book.exchangeOf(MINER)).isEmpty();
        assertThat(book.exchangeOf(LTC_CURRENCY)).isEmpty();
        assertThat(book.exchangeOf(USER)).isEmpty();
    }

    @Test
    void inflowToATagPackExchange() {
        FlowClassification c = policy.classify(tx(List.of(USER), List.of(KRAKEN_COLD, OTHER_USER)), book);
        assertThat(c.type()).isEqualTo(FlowType.INFLOW);
        assertThat(c.exchanges()).containsExactly("Kraken");
    }

    @Test
    void outflowFromACsvExchange() {
        FlowClassification c = policy.classify(tx(List.of(BITSTAMP_CSV), List.of(USER, OTHER_USER)), book);
        assertThat(c.type()).isEqualTo(FlowType.OUTFLOW);
        assertThat(c.exchanges()).containsExactly("Bitstamp");
    }

    @Test
    void internalBetweenABip329AndATagPackExchange() {
        FlowClassification c = policy.classify(tx(List.of(BINANCE_BIP329), List.of(KRAKEN_HOT)), book);
        assertThat(c.type()).isEqualTo(FlowType.INTERNAL);
        assertThat(c.exchanges()).containsExactly("Binance", "Kraken");
    }

    @Test
    void unknownWhenNoAddressIsListed() {
        FlowClassification c = policy.classify(tx(List.of(USER), List.of(OTHER_USER)), book);
        assertThat(c.type()).isEqualTo(FlowType.UNKNOWN);
    }

    @Test
    void upperCaseSegwitAddressesMatchTooAndGarbageDoesNot() {
        assertThat(book.exchangeOf(KRAKEN_COLD.toUpperCase())).contains("Kraken");
        assertThat(book.exchangeOf("not an address")).isEmpty();
        assertThat(book.exchangeOf(null)).isEmpty();
    }

    private static MempoolTransaction tx(List<String> from, List<String> to) {
        long each = 150 * Satoshis.PER_BTC;
        return new MempoolTransaction(TxId.of("ab".repeat(32)),
                from.stream().map(a -> TxInput.spending(a, each * to.size())).toList(),
                to.stream().map(a -> TxOutput.of(a, each)).toList(),
                Satoshis.of(2_000), 200, FeeRate.of(10), OptionalInt.empty(), Instant.EPOCH);
    }
}
