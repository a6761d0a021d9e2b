package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The field names of mempool.space's frames, put into a parser factory's name table before the first
 * frame arrives.
 *
 * <p>Why: Jackson keeps the field names it has met in a table shared by all parsers of a factory; a
 * name it has not met yet takes a branch of its name lookup that the JIT, having never seen it taken,
 * compiles as a trap. In a resync frame the names {@code removed}, {@code mined} and {@code replaced}
 * come only after the 5,000 transactions of {@code added}, so the first new one arrived after C2 had
 * compiled the parser's {@code nextToken} from the first transactions: the compiled code was thrown away
 * and compiled again (JFR: 238 ms, then 522 ms of C2 time, with the parse in slower code meanwhile) in
 * the middle of a cold burst. With every name known from the start, the branch stays untaken. A name
 * missing here costs that one recompilation, nothing else.
 */
final class ProtocolNames {
    /** Names of server frames: message keys, the delta, transactions, and the market messages' fields. */
    static final List<String> ALL = List.of(
            // message keys
            "mempoolInfo", "vBytesPerSecond", "transactions", "da", "fees", "mempool-blocks", "mempool-transactions",
            "conversions", "block", "blocks", "loadingIndicators", "backendInfo", "pong", "rbfLatest",
            "txReplaced", "mempool-txids", "tx", "txids",
            // mempool-transactions
            "sequence", "added", "removed", "mined", "replaced", "replaces", "replacements", "changed",
            // a transaction (esplora fields and the backend's extras), its inputs, outputs and status
            "txid", "version", "locktime", "vin", "vout", "size", "weight", "sigops", "fee", "status", "vsize",
            "feePerVsize", "adjustedFeePerVsize", "effectiveFeePerVsize", "adjustedVsize", "firstSeen", "position",
            "uid", "flags", "order", "ancestors", "descendants", "bestDescendant", "cpfpChecked", "cpfpDirty",
            "inputs", "rate", "value", "prevout", "scriptsig", "scriptsig_asm", "witness", "is_coinbase",
            "inner_redeemscript_asm", "inner_witnessscript_asm", "scriptpubkey", "scriptpubkey_asm",
            "scriptpubkey_type", "scriptpubkey_address", "confirmed", "block_height", "block_hash", "block_time",
            // mempoolInfo, fees, mempool-blocks, da
            "loaded", "bytes", "usage", "total_fee", "maxmempool", "mempoolminfee", "minrelaytxfee",
            "incrementalrelayfee", "unbroadcastcount", "fullrbf", "fastestFee", "halfHourFee", "hourFee",
            "economyFee", "minimumFee", "blockSize", "blockVSize", "nTx", "totalFees", "medianFee", "feeRange",
            "progressPercent", "difficultyChange", "estimatedRetargetDate", "remainingBlocks", "remainingTime",
            "previousRetarget", "previousTime", "nextRetargetHeight", "timeAvg", "adjustedTimeAvg", "timeOffset",
            "expectedBlocks",
            // blocks and conversions
            "id", "height", "timestamp", "time", "tx_count", "previousblockhash", "mediantime", "difficulty",
            "merkle_root", "nonce", "bits", "extras", "reward", "pool", "name", "slug", "by",
            "USD", "EUR", "GBP", "CAD", "CHF", "AUD", "JPY");

    private ProtocolNames() {
    }

    /** Parses one object holding every name with {@code json}'s byte parser, whose table then keeps them. */
    static void seed(JsonFactory json) {
        StringBuilder object = new StringBuilder("{");
        for (String name : ALL) {
            object.append('"').append(name).append("\":0,");
        }
        object.setCharAt(object.length() - 1, '}');
        byte[] bytes = object.toString().getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = json.createParser(bytes)) {
            while (p.nextToken() != null) {
                // reading the names is the point; a closed parser hands its names to the factory's table
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in list of field names", e);
        }
    }
}
