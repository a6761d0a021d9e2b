package io.whalewatch.benchmarks.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the harness knows about a frames file: per line the {@code mempool-transactions} sequence
 * and how many transactions it announces, and from the ground truth which line announced each
 * whale. Also the physical reference: a bare Jackson streaming parse of every frame.
 */
final class FrameIndex {
    static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(-1).maxStringLength(Integer.MAX_VALUE).build()).build();
    final List<Long> sequenceOfLine = new ArrayList<>();
    /** The whales to measure: all, or in a file with a pause line only those after it. */
    final Map<String, Integer> lineOfWhale = new HashMap<>();
    /** In a file with a pause line ({@code #wait}): the whales before it (the warm-up part). */
    final Map<String, Integer> warmUpWhales = new HashMap<>();
    /** Frames before the first pause line, or -1 without one; frame indexes skip {@code #} lines, as the simulator's do. */
    int pauseAt = -1;
    /** Transactions (and bytes) measured: all, or those after the pause. */
    long transactions;
    long bytes;

    static FrameIndex of(Path frames, Path truth) throws IOException {
        FrameIndex index = new FrameIndex();
        Map<Long, Integer> lineOfSequence = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(frames, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    if (line.trim().equals("#wait") && index.pauseAt < 0) {
                        index.pauseAt = index.sequenceOfLine.size();
                        index.transactions = 0; // only the part after the pause is measured
                        index.bytes = 0;
                    }
                    continue;
                }
                long[] seqAdded = sequenceAndAdded(line);
                index.sequenceOfLine.add(seqAdded[0]);
                index.transactions += seqAdded[1];
                index.bytes += line.length() + 1;
                if (seqAdded[0] >= 0) {
                    lineOfSequence.putIfAbsent(seqAdded[0], index.sequenceOfLine.size() - 1);
                }
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(truth)) {
            JsonNode n = mapper.readTree(line);
            if ("whale".equals(n.path("event").asText())) {
                Integer l = lineOfSequence.get(n.get("sequence").asLong());
                if (l != null && l < index.pauseAt) {
                    index.warmUpWhales.put(n.get("txid").asText(), l);
                } else if (l != null) {
                    index.lineOfWhale.put(n.get("txid").asText(), l);
                }
            }
        }
        return index;
    }

    /** {sequence or -1, number of added transactions}. */
    private static long[] sequenceAndAdded(String frame) throws IOException {
        long[] r = {-1, 0};
        try (JsonParser p = JSON.createParser(frame)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (p.nextToken() != JsonToken.START_OBJECT || !key.equals("mempool-transactions")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (field.equals("sequence")) {
                        r[0] = p.getLongValue();
                    } else if (field.equals("added") && v == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                            r[1]++;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        return r;
    }

    /**
     * The physical reference: every token of every frame pulled with Jackson's streaming parser from
     * the frame String (the form the server's parser gets), nothing else (string values are skipped,
     * not decoded). Reading the file into Strings is not timed. Returns seconds.
     */
    static double bareParseSeconds(Path frames) throws IOException {
        return bareParseSeconds(frames, false);
    }

    /** As above; with {@code fromBytes} the pass runs over each frame's UTF-8 bytes (the copy is timed too). */
    static double bareParseSeconds(Path frames, boolean fromBytes) throws IOException {
        long nanos = 0;
        long sink = 0;
        try (BufferedReader in = Files.newBufferedReader(frames, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long t0 = System.nanoTime();
                try (JsonParser p = fromBytes ? JSON.createParser(line.getBytes(StandardCharsets.UTF_8)) : JSON.createParser(line)) {
                    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                        sink += t.ordinal();
                    }
                }
                nanos += System.nanoTime() - t0;
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the JIT from dropping the loop
        }
        return nanos / 1e9;
    }
}
