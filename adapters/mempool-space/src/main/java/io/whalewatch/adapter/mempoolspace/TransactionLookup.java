package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.whalewatch.application.port.out.SourceUnavailableException;
import io.whalewatch.application.port.out.TransactionStatus;
import io.whalewatch.domain.chain.TxId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;

/**
 * Answers {@code lookUp} from {@code GET /api/tx/:txid}: {@code status.confirmed} with a
 * {@code block_height} means mined, anything else still in the mempool; 404 means gone, and then
 * {@code GET /api/v1/tx/:txid/rbf} tells whether it was replaced (the newest transaction of its
 * replacement tree) or simply dropped. (The {@code /status} endpoint is not used: it says
 * "unconfirmed" even for unknown txids.) A backend without the RBF endpoint answers "not found".
 */
final class TransactionLookup {
    private final JsonFactory json = new JsonFactory();
    private final MempoolRestClient rest;
    private final Clock clock;

    TransactionLookup(MempoolRestClient rest, Clock clock) {
        this.rest = rest;
        this.clock = clock;
    }

    TransactionStatus lookUp(TxId txid) {
        HttpResponse<String> response;
        try {
            response = rest.transaction(txid, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while looking up " + txid, e);
        }
        if (response.statusCode() == 404) {
            return replacedBy(txid).<TransactionStatus>map(TransactionStatus.Replaced::new)
                    .orElseGet(TransactionStatus.NotFound::new);
        }
        try {
            return status(response.body());
        } catch (IOException | RuntimeException e) {
            throw new SourceUnavailableException("unreadable answer for tx " + txid + ": " + e.getMessage(), e);
        }
    }

    private java.util.Optional<TxId> replacedBy(TxId txid) throws SourceUnavailableException {
        try {
            HttpResponse<String> rbf = rest.replacements(txid);
            return rbf.statusCode() == 200 ? ReplacementTree.newest(rbf.body()).filter(by -> !by.equals(txid))
                    : java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while looking up replacements of " + txid, e);
        } catch (SourceUnavailableException | IOException | IllegalArgumentException e) {
            return java.util.Optional.empty(); // no RBF history available: report what the node said (gone)
        }
    }

    private TransactionStatus status(String body) throws IOException {
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("body is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("status") && p.currentToken() == JsonToken.START_OBJECT) {
                    return readStatus(p);
                }
                p.skipChildren();
            }
        }
        throw new IOException("body has no status object");
    }

    private TransactionStatus readStatus(JsonParser p) throws IOException {
        boolean confirmed = false;
        Long height = null;
        Long time = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "confirmed" -> confirmed = p.currentToken() == JsonToken.VALUE_TRUE;
                case "block_height" -> height = JsonValues.longValue(p);
                case "block_time" -> time = JsonValues.longValue(p);
                default -> p.skipChildren();
            }
        }
        if (!confirmed) {
            return new TransactionStatus.InMempool();
        }
        if (height == null || height < 0 || height > Integer.MAX_VALUE) {
            throw new IOException("confirmed without a valid block_height");
        }
        // block_time is always sent by electrs; the look-up time is a harmless stand-in if not.
        Instant blockTime = time != null && time > 0 ? Instant.ofEpochSecond(time) : clock.instant();
        return new TransactionStatus.Mined(height.intValue(), blockTime);
    }
}
