package io.whalewatch.adapter.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.AddressBook;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack the size of a real proof-of-reserve export (larger than SnakeYAML's default 3 MB limit). */
class LargeTagPackTest {

    @Test
    void loadsAPackOfEightyThousandTags(@TempDir Path dir) throws IOException {
        loads(dir, "");
    }

    /** A flow-style list on one tag sends the whole file through the full YAML parser. */
    @Test
    void theFullYamlParserAlsoTakesMoreThanThreeMegabytes(@TempDir Path dir) throws IOException {
        loads(dir, "  concepts: [exchange]\n");
    }

    private static void loads(Path dir, String lastTagExtra) throws IOException {
        int n = 80_000;
        Path pack = dir.resolve("big-exchange.yaml");
        try (BufferedWriter out = Files.newBufferedWriter(pack)) {
            out.write("title: Big reserve wallets\ncreator: tests\nconfidence: service_data\ncategory: exchange\n"
                    + "currency: BTC\nlabel: big reserve wallet\nlastmod: 2024-01-01\nactor: bitmex\ntags:\n");
            for (int i = 0; i < n; i++) {
                out.write("- address: " + Fixtures.p2sh(i) + "\n");
                if (i == n - 1) {
                    out.write(lastTagExtra);
                }
                if (i % 1000 == 0) {
                    out.write("- address: '0x" + "ab".repeat(20) + "'\n  currency: ETH\n");
                }
            }
        }
        assertThat(Files.size(pack)).isGreaterThan(3L * 1024 * 1024);
        AddressBook book = Fixtures.book(pack);
        assertThat(book.size()).isEqualTo(n);
        assertThat(book.exchangeOf(Fixtures.p2sh(0))).contains("BitMEX");
        assertThat(book.exchangeOf(Fixtures.p2sh(n - 1))).contains("BitMEX");
        assertThat(book.exchangeOf(Fixtures.p2sh(n))).isEmpty();
    }
}
