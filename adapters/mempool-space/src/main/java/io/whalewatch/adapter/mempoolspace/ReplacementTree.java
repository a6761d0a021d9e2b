package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.whalewatch.domain.chain.TxId;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads mempool.space's {@code /api/v1/tx/:txid/rbf} answer,
 * {@code {"replacements": RbfTree|null, "replaces": [...]|null}}, where the tree's root
 * ({@code replacements.tx.txid}) is the newest transaction of the replacement chain.
 */
final class ReplacementTree {
    private static final JsonFactory JSON = new JsonFactory();

    private ReplacementTree() {
    }

    /** The newest replacement, when the answer has a tree. */
    static Optional<TxId> newest(String body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("rbf answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("replacements") && value == JsonToken.START_OBJECT) {
                    return rootTxid(p);
                }
                p.skipChildren();
            }
            return Optional.empty();
        }
    }

    private static Optional<TxId> rootTxid(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("tx") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = p.currentName();
                    JsonToken v = p.nextToken();
                    if (inner.equals("txid") && v == JsonToken.VALUE_STRING) {
                        return Optional.of(TxId.of(p.getText()));
                    }
                    p.skipChildren();
                }
                return Optional.empty();
            }
            p.skipChildren();
        }
        return Optional.empty();
    }
}
