package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.time.Clock;

/**
 * Parses one server frame with Jackson's streaming API. Every top-level key is a message type;
 * unknown ones are skipped. Malformed JSON (or a non-object frame) throws, so the caller rejects
 * the frame whole; a known key with a wrong-shaped value is dropped and reported in
 * {@link ParsedFrame#problemSummary()} while the other keys survive. Pipeline thread only.
 */
final class FrameParser {
    private final JsonFactory json;
    private final DeltaReader deltas;
    private final MarketReader market = new MarketReader();

    FrameParser(Clock clock, long candidateMinimum) {
        // A resync frame can hold the whole mempool: lift Jackson's default document limits.
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(-1).maxStringLength(Integer.MAX_VALUE).build())
                // Five fee and size fields per transaction are doubles of up to 17 digits; the JDK's
                // parser took 15% of a resync frame's parse, this one (same correctly rounded values) 2%.
                .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
        this.deltas = new DeltaReader(new TransactionReader(clock, json), candidateMinimum);
    }

    /** A frame given as text (tests and benchmarks); the source hands over bytes, see {@link #parse(byte[])}. */
    ParsedFrame parse(String text) throws IOException, BadShapeException {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Parses a frame's UTF-8 bytes (as the socket delivers them): Jackson's byte parser is about 2.5
     * times faster than its char parser on these frames (BENCHMARKS.md, FrameParsingBenchmark: 12 ms vs
     * 31 ms for 5,000 transactions). The bytes are kept for the transaction reader, which reads a
     * candidate a second time from them. Bytes that are not UTF-8 fail the parse (a rejected frame).
     */
    ParsedFrame parse(byte[] bytes) throws IOException, BadShapeException {
        ParsedFrame frame = new ParsedFrame();
        try (JsonParser p = json.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new BadShapeException(first == null ? "frame is empty" : "frame is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                readKey(p, key, frame, bytes);
            }
            if (p.nextToken() != null) {
                throw new BadShapeException("frame has content after its object");
            }
        }
        return frame;
    }

    private void readKey(JsonParser p, String key, ParsedFrame frame, byte[] bytes) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        try {
            switch (key) {
                case "mempool-transactions" -> frame.delta = deltas.read(p, frame, bytes);
                case "block" -> frame.tip = market.higher(frame.tip, market.block(p));
                case "blocks" -> frame.tip = market.higher(frame.tip, market.highestBlock(p));
                case "fees" -> frame.fees = market.fees(p);
                case "mempool-blocks" -> frame.projectedBlocks = market.projectedBlocks(p);
                case "conversions" -> frame.usdPrice = market.usdPrice(p);
                default -> p.skipChildren();
            }
        } catch (BadShapeException | IllegalArgumentException e) {
            frame.problem(key + ": " + e.getMessage());
            skipToTopLevel(p);
        }
    }

    /** After a failure deep inside a value, moves to the end of that top-level value. */
    private static void skipToTopLevel(JsonParser p) throws IOException {
        while (!atTopLevel(p.getParsingContext())) {
            if (p.nextToken() == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "frame ends inside a value");
            }
        }
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            p.skipChildren();
        }
    }

    private static boolean atTopLevel(JsonStreamContext context) {
        return context.getParent() != null && context.getParent().inRoot();
    }
}
