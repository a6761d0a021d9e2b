package io.whalewatch.adapter.mempoolspace;

import static io.whalewatch.adapter.mempoolspace.TxJson.tx;
import static io.whalewatch.adapter.mempoolspace.TxJson.txid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The field names the frame parser's factory knows before the first frame (see {@link ProtocolNames}). */
class ProtocolNamesTest {
    private static final String FIXTURES = "/io/whalewatch/adapter/mempoolspace/FrameFuzzTestInputs/dispatchFrame/";

    /** A factory that tells how many names its shared (root) byte-name table holds. */
    private static final class CountingFactory extends JsonFactory {
        int knownNames() {
            return _byteSymbolCanonicalizer.size();
        }
    }

    @Test
    void seedingLeavesEveryNameInTheFactorysSharedTable() {
        CountingFactory json = new CountingFactory();
        assertEquals(0, json.knownNames());

        ProtocolNames.seed(json);

        assertEquals(ProtocolNames.ALL.size(), json.knownNames());
        assertEquals(ProtocolNames.ALL.size(), Set.copyOf(ProtocolNames.ALL).size(), "a name listed twice");
    }

    @Test
    void theFramesOfEveryKindMeetNoNameTheSeedLacks() throws IOException {
        CountingFactory json = new CountingFactory();
        ProtocolNames.seed(json);
        Set<String> unknown = new TreeSet<>();

        for (String frame : framesOfEveryKind()) {
            try (JsonParser p = json.createParser(frame.getBytes(StandardCharsets.UTF_8))) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.FIELD_NAME && !ProtocolNames.ALL.contains(p.currentName())) {
                        unknown.add(p.currentName());
                    }
                }
            }
        }

        assertTrue(unknown.isEmpty(), "names missing from ProtocolNames.ALL: " + unknown);
        assertEquals(ProtocolNames.ALL.size(), json.knownNames(), "parsing the frames added names to the table");
    }

    private static List<String> framesOfEveryKind() throws IOException {
        List<String> frames = new ArrayList<>();
        String whale = tx(txid(1)).input("bc1qsender", 250_000_000_00L).output("bc1qreceiver", 249_999_000_00L)
                .outputWithoutAddress(0).json();
        String noPrevout = tx(txid(2)).inputWithoutPrevout().output("bc1qreceiver", 1_000L).json();
        frames.add(TxJson.deltaFrame(7, List.of(whale, noPrevout), List.of(txid(3)), List.of(txid(4)),
                List.of(TxJson.replacement(txid(5), whale))));
        frames.add("{\"blocks\":[" + TxJson.block(930_000, txid(6), 1_767_225_600L) + "]}");
        frames.add("{\"tx\":" + tx(txid(8)).input("bc1qsender", 1_000L).output("bc1qreceiver", 900L)
                .esploraJson("{\"confirmed\":true,\"block_height\":930000,\"block_hash\":\"" + txid(9)
                        + "\",\"block_time\":1767225600}") + "}");
        for (String fixture : List.of("fees-and-projection.json", "block-and-price.json", "whale-delta.json",
                "missing-prevout.json")) {
            try (InputStream in = ProtocolNamesTest.class.getResourceAsStream(FIXTURES + fixture)) {
                frames.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return frames;
    }
}
