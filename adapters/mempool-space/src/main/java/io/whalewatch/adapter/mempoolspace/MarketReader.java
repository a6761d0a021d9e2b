package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.fee.ProjectedBlock;
import io.whalewatch.domain.fee.RecommendedFees;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the small market keys: {@code block(s)}, {@code fees}, {@code mempool-blocks}, {@code conversions}. */
final class MarketReader {

    Block block(JsonParser p) throws IOException, BadShapeException {
        DeltaReader.expect(p, JsonToken.START_OBJECT, "block is not an object");
        String id = null;
        Long height = null;
        Long timestamp = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = JsonValues.stringValue(p);
                case "height" -> height = JsonValues.longValue(p);
                case "timestamp" -> timestamp = JsonValues.longValue(p);
                default -> p.skipChildren();
            }
        }
        if (!JsonValues.isTxid(id) || height == null || height < 0 || height > Integer.MAX_VALUE
                || timestamp == null || timestamp < 0 || timestamp > Instant.MAX.getEpochSecond()) {
            throw new BadShapeException("block lacks a valid id, height or timestamp");
        }
        return new Block(height.intValue(), id.toLowerCase(java.util.Locale.ROOT), Instant.ofEpochSecond(timestamp));
    }

    /** The tip of a {@code blocks} array (the block with the highest height), or null when empty. */
    Block highestBlock(JsonParser p) throws IOException, BadShapeException {
        DeltaReader.expect(p, JsonToken.START_ARRAY, "blocks is not an array");
        Block tip = null;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            tip = higher(tip, block(p));
        }
        return tip;
    }

    Block higher(Block a, Block b) {
        if (a == null) {
            return b;
        }
        return b == null || a.height() >= b.height() ? a : b;
    }

    RecommendedFees fees(JsonParser p) throws IOException, BadShapeException {
        Map<String, Double> f = numbers(p, "fees");
        Double[] v = {f.get("fastestFee"), f.get("halfHourFee"), f.get("hourFee"), f.get("economyFee"),
            f.get("minimumFee")};
        for (Double d : v) {
            if (d == null) {
                throw new BadShapeException("fees lacks one of fastestFee..minimumFee");
            }
        }
        return new RecommendedFees(v[0], v[1], v[2], v[3], v[4]);
    }

    List<ProjectedBlock> projectedBlocks(JsonParser p) throws IOException, BadShapeException {
        DeltaReader.expect(p, JsonToken.START_ARRAY, "mempool-blocks is not an array");
        List<ProjectedBlock> blocks = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            blocks.add(projectedBlock(p));
        }
        return blocks;
    }

    private ProjectedBlock projectedBlock(JsonParser p) throws IOException, BadShapeException {
        DeltaReader.expect(p, JsonToken.START_OBJECT, "mempool-blocks element is not an object");
        Double median = null;
        Double vsize = null;
        Long count = null;
        List<Double> range = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "medianFee" -> median = JsonValues.doubleValue(p);
                case "blockVSize" -> vsize = JsonValues.doubleValue(p);
                case "nTx" -> count = JsonValues.longValue(p);
                case "feeRange" -> range = doubles(p);
                default -> p.skipChildren();
            }
        }
        if (median == null || vsize == null || count == null || count < 0 || count > Integer.MAX_VALUE) {
            throw new BadShapeException("mempool-blocks element lacks medianFee, blockVSize or nTx");
        }
        return new ProjectedBlock(median, range, count.intValue(), vsize);
    }

    /** The USD price, or null when the upstream does not know it ({@code -1}) or omits it. */
    Double usdPrice(JsonParser p) throws IOException, BadShapeException {
        Double usd = numbers(p, "conversions").get("USD");
        return usd != null && usd > 0 ? usd : null;
    }

    private static Map<String, Double> numbers(JsonParser p, String name) throws IOException, BadShapeException {
        DeltaReader.expect(p, JsonToken.START_OBJECT, name + " is not an object");
        Map<String, Double> values = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            Double d = JsonValues.doubleValue(p);
            if (d != null) {
                values.put(field, d);
            }
        }
        return values;
    }

    private static List<Double> doubles(JsonParser p) throws IOException, BadShapeException {
        DeltaReader.expect(p, JsonToken.START_ARRAY, "feeRange is not an array");
        List<Double> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Double d = JsonValues.doubleValue(p);
            if (d == null) {
                throw new BadShapeException("feeRange holds a non-number");
            }
            values.add(d);
        }
        return values;
    }
}
