package io.whalewatch.adapter.labels;

import static io.whalewatch.adapter.labels.Fixtures.p2pkh;
import static io.whalewatch.adapter.labels.Fixtures.p2wpkh;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.spi.AdapterException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails loudly, naming the file and the line. */
class MalformedSourcesTest {
    @TempDir
    Path dir;

    @Test
    void csvWithAnInvalidAddress() {
        Path csv = Fixtures.write(dir, "addresses.csv", """
                exchange_name,address,type
                Binance,%s,cold
                # a comment

                Kraken,xyz,hot
                """.formatted(p2pkh(1)));
        assertFails(csv, "addresses.csv:5: invalid bitcoin address 'xyz'");
    }

    @Test
    void csvWithABadChecksumIsAnError() {
        String good = p2pkh(2);
        String corrupted = good.substring(0, 10) + (good.charAt(10) == 'a' ? 'b' : 'a') + good.substring(11);
        Path csv = Fixtures.write(dir, "checksum.csv", "exchange_name,address\nBinance," + corrupted + "\n");
        assertFails(csv, "checksum.csv:2: invalid bitcoin address '" + corrupted + "'");
    }

    @Test
    void csvWithoutAHeader() {
        Path csv = Fixtures.write(dir, "noheader.csv", "Binance," + p2pkh(3) + ",cold\n");
        assertFails(csv, "noheader.csv:1: header must name the columns");
    }

    @Test
    void csvWithAMissingColumnOrName() {
        assertFails(Fixtures.write(dir, "short.csv", "exchange_name,address\nBinance\n"), "short.csv:2: expected at least 2 columns");
        assertFails(Fixtures.write(dir, "noname.csv", "exchange_name,address\n," + p2pkh(4) + "\n"),
                "noname.csv:2: missing exchange name");
    }

    @Test
    void jsonLinesWithBrokenJson() {
        Path jsonl = Fixtures.write(dir, "labels.jsonl", """
                {"type":"addr","ref":"%s","label":"Binance"}
                {"type":"addr","ref":
                """.formatted(p2wpkh(1)));
        assertFails(jsonl, "labels.jsonl:2: malformed JSON");
    }

    @Test
    void jsonLinesWithABadAddress() {
        Path jsonl = Fixtures.write(dir, "bad.jsonl", """
                {"type":"addr","ref":"bc1qnotreallyanaddress","label":"Binance"}
                """);
        assertFails(jsonl, "bad.jsonl:1: invalid bitcoin address 'bc1qnotreallyanaddress'");
    }

    @Test
    void tagPackWithABadBtcAddressNamesTheTagLine() {
        Path yaml = Fixtures.write(dir, "pack.yaml", """
                title: t
                currency: BTC
                actor: binance
                tags:
                - address: %s
                - address: 0xnotbitcoin
                  currency: ETH
                - address: 1BadAddressXXXXXXXXXXXXXXXXXXXXXX
                """.formatted(p2pkh(5)));
        assertFails(yaml, "pack.yaml:8: invalid bitcoin address '1BadAddressXXXXXXXXXXXXXXXXXXXXXX'");
    }

    @Test
    void tagPackWithBrokenYaml() {
        Path yaml = Fixtures.write(dir, "broken.yaml", """
                title: t
                currency: BTC
                tags:
                - address: %s
                  label: [unclosed
                """.formatted(p2pkh(6)));
        assertFails(yaml, "broken.yaml:");
        assertFails(yaml, "malformed YAML");
    }

    @Test
    void tagPackWithoutCurrencyOrTags() {
        assertFails(Fixtures.write(dir, "nocur.yaml", "actor: x\ntags:\n- address: " + p2pkh(7) + "\n"),
                "nocur.yaml:3: tag has no currency");
        assertFails(Fixtures.write(dir, "notags.yaml", "title: nothing\n"), "notags.yaml:");
        assertFails(Fixtures.write(dir, "notags.yaml", "title: nothing\n"), "no tags: list");
    }

    @Test
    void aMissingFileNamesTheSettingAndThePath() {
        assertFails(dir.resolve("absent.csv"), "ADDRESS_BOOK_PATHS: cannot read");
        assertFails(dir.resolve("absent.csv"), "absent.csv");
    }

    private static void assertFails(Path file, String message) {
        assertThatThrownBy(() -> Fixtures.book(file)).isInstanceOf(AdapterException.class).hasMessageContaining(message);
    }
}
