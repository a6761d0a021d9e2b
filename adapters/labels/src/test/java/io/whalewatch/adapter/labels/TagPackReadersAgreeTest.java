package io.whalewatch.adapter.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast line reader either gives exactly what the full YAML parser gives, or declines (null)
 * so that the full parser is used.
 */
class TagPackReadersAgreeTest {
    private static final String A = Fixtures.p2pkh(1);
    private static final String B = Fixtures.p2wpkh(2);

    @ParameterizedTest
    @ValueSource(strings = {
            "title: t\ncurrency: BTC\nactor: binance\ntags:\n- address: A\n- address: B\n  label: hot wallet\n",
            "---\n# comment\ntitle: 'It''s a pack'   # trailing comment\ncurrency: \"BTC\"\ntags:\n  - address: 'A'\n    actor: kraken\n\n  # between tags\n  - address: B\n    currency: ETH\nlastmod: 2024-01-01\n",
            "tags:\n- address: A\n  label: a label with colon-free text, commas and #hash\n  source: https://example.org/x#frag\ncurrency: BTC\n",
            "creator: x\nis_cluster_definer: true\nconfidence: 50\ncurrency: BTC\ntags:\n- address: A\n  category: exchange\n  context: '{\"a\": 1}'\n",
    })
    void acceptedDocumentsParseExactlyAsTheFullParserDoes(String template) throws IOException {
        String yaml = template.replace(": A", ": " + A).replace("'A'", "'" + A + "'").replace(": B", ": " + B);
        TagPackTag.Document fast = TagPackFastReader.parse(new BufferedReader(new StringReader(yaml)));
        TagPackTag.Document full = TagPackYaml.parse("t.yaml", new StringReader(yaml));
        assertThat(fast).as("the fast reader accepts this document").isNotNull();
        assertThat(fast).isEqualTo(full);
        assertThat(fast.tags()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "currency: BTC\ntags: [{address: A}]\n",
            "currency: BTC\ntags:\n- {address: A, actor: x}\n",
            "currency: BTC\ntags:\n- address: A\n  label: |\n    multi\n    line\n",
            "currency: BTC\ntags:\n- address: A\n  label: first line\n    continued\n",
            "currency: BTC\ntags:\n- address: A\n  actor: \"esc\\\"aped\"\n",
            "currency: BTC\nactor: &x kraken\ntags:\n- address: A\n  label: *x\n",
            "currency: BTC\ntags:\n- address: A\n  concepts:\n  - exchange\n",
            "currency: BTC\ntags:\n- address: A\n  label: ~\n",
            "currency: BTC\ntags:\n- address: A\n  actor: x\n  actor: y\n",
            "currency: BTC\ntags:\n-\taddress: A\n",
            "currency: BTC\ntags:\n- address: A\n---\ncurrency: ETH\n",
            "currency: BTC\ntags:\n- address: A\n   label: odd indent\n",
    })
    void otherYamlIsLeftToTheFullParser(String template) throws IOException {
        String yaml = template.replace(": A", ": " + A);
        assertThat(TagPackFastReader.parse(new BufferedReader(new StringReader(yaml)))).isNull();
    }

    @org.junit.jupiter.api.Test
    void aDeclinedDocumentStillLoadsThroughTheFullParser(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path pack = Fixtures.write(dir, "flow.yaml",
                "currency: BTC\nactor: kraken\ntags:\n- {address: " + A + "}\n- address: " + B + "\n  actor: okex\n"
                        + "  concepts: [exchange]\n");
        var book = Fixtures.book(pack);
        assertThat(book.exchangeOf(A)).contains("Kraken");
        assertThat(book.exchangeOf(B)).contains("OKX");
    }

    /** Jackson reports an alias as the anchor's name, not its value: refuse rather than mislabel. */
    @org.junit.jupiter.api.Test
    void aliasesAreRefusedWithTheLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path pack = Fixtures.write(dir, "alias.yaml",
                "currency: BTC\nactor: &who kraken\ntags:\n- address: " + A + "\n  actor: *who\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.book(pack))
                .hasMessageContaining("alias.yaml:5: YAML aliases");
    }
}
