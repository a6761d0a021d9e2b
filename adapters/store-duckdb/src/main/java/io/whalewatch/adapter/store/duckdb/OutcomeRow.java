package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A {@code prediction_outcomes} row. {@code Pending} is never stored (no row means pending).
 * The outcome id is derived from the prediction id, so re-recording an outcome keeps its id.
 */
record OutcomeRow(
        String outcomeId,
        String predictionId,
        String transactionId,
        String predictedFlow,
        String outcomeStatus,
        boolean provisional,
        Integer confirmationBlock,
        LocalDateTime confirmationTime,
        LocalDateTime confirmationTimestamp,
        LocalDateTime outcomeTime,
        Integer blocksOff,
        Integer timeToConfirmation,
        Boolean predictionAccuracy,
        Double accuracyScore,
        String replacedBy,
        Double feeBump,
        double finalFeeRate,
        LocalDateTime now) {

    static final String UPDATE = """
            UPDATE prediction_outcomes SET transaction_id = :transactionId, predicted_flow = :predictedFlow,
              outcome_status = :outcomeStatus, actual_outcome = :outcomeStatus, provisional = :provisional,
              confirmation_block = :confirmationBlock, confirmation_time = :confirmationTime,
              confirmation_timestamp = :confirmationTimestamp, outcome_time = :outcomeTime, blocks_off = :blocksOff,
              time_to_confirmation = :timeToConfirmation, prediction_accuracy = :predictionAccuracy,
              accuracy_score = :accuracyScore,
              -- a confirmation through the replacement keeps which txid replaced it and the fee bump
              replaced_by = coalesce(:replacedBy, replaced_by),
              fee_bump = CASE WHEN CAST(:replacedBy AS VARCHAR) IS NULL THEN fee_bump ELSE CAST(:feeBump AS DOUBLE) END,
              final_fee_rate = :finalFeeRate, updated_at = :now
            WHERE prediction_id = :predictionId""";

    static final String INSERT = """
            INSERT INTO prediction_outcomes (outcome_id, prediction_id, transaction_id, predicted_flow, outcome_status,
              actual_outcome, provisional, confirmation_block, confirmation_time, confirmation_timestamp, outcome_time,
              blocks_off, time_to_confirmation, prediction_accuracy, accuracy_score, replaced_by, fee_bump, final_fee_rate,
              created_at, updated_at)
            VALUES (:outcomeId, :predictionId, :transactionId, :predictedFlow, :outcomeStatus, :outcomeStatus,
              :provisional, :confirmationBlock, :confirmationTime, :confirmationTimestamp, :outcomeTime, :blocksOff,
              :timeToConfirmation, :predictionAccuracy, :accuracyScore, :replacedBy, :feeBump, :finalFeeRate, :now, :now)""";

    static OutcomeRow from(PredictionOutcome recorded, Instant now) {
        Prediction p = recorded.prediction();
        Outcome outcome = recorded.outcome();
        Boolean accurate = recorded.accurate().orElse(null);
        Instant happened = happenedAt(outcome);
        Outcome.Confirmed confirmed = outcome instanceof Outcome.Confirmed c ? c : null;
        return new OutcomeRow("outcome-" + p.id().value(), p.id().value(), p.txid().value(),
                p.flow().type().wireName(), outcome.status(),
                outcome instanceof Outcome.Dropped d && d.provisional(),
                confirmed == null ? null : confirmed.height(),
                confirmed == null ? null : Utc.toTimestamp(confirmed.confirmedAt()),
                Utc.toTimestamp(recorded.recordedAt()), Utc.toTimestamp(happened),
                confirmed == null ? null : confirmed.blocksOff(),
                confirmed == null ? null : secondsBetween(p.detectedAt(), confirmed.confirmedAt()),
                accurate, accurate == null ? null : (accurate ? 1.0 : 0.0),
                outcome instanceof Outcome.Replaced r ? r.by().value() : null,
                outcome instanceof Outcome.Replaced r && r.feeBump().isPresent() ? r.feeBump().getAsDouble() : null,
                p.feeRate().satPerVbyte(), Utc.toTimestamp(now));
    }

    /** Binds every named parameter of {@link #UPDATE} and {@link #INSERT} (explicitly: no reflection). */
    <S extends SqlStatement<S>> S bindTo(S sql) {
        return sql.bind("outcomeId", outcomeId).bind("predictionId", predictionId)
                .bind("transactionId", transactionId).bind("predictedFlow", predictedFlow)
                .bind("outcomeStatus", outcomeStatus).bind("provisional", provisional)
                .bind("confirmationBlock", confirmationBlock)
                .bindByType("confirmationTime", confirmationTime, LocalDateTime.class)
                .bindByType("confirmationTimestamp", confirmationTimestamp, LocalDateTime.class)
                .bindByType("outcomeTime", outcomeTime, LocalDateTime.class)
                .bind("blocksOff", blocksOff).bind("timeToConfirmation", timeToConfirmation)
                .bind("predictionAccuracy", predictionAccuracy).bind("accuracyScore", accuracyScore)
                .bind("replacedBy", replacedBy).bind("feeBump", feeBump).bind("finalFeeRate", finalFeeRate)
                .bindByType("now", now, LocalDateTime.class);
    }

    private static Instant happenedAt(Outcome outcome) {
        if (outcome instanceof Outcome.Confirmed c) {
            return c.confirmedAt();
        } else if (outcome instanceof Outcome.Replaced r) {
            return r.at();
        } else if (outcome instanceof Outcome.Dropped d) {
            return d.at();
        }
        throw new IllegalArgumentException("a pending outcome is not stored: it is the absence of an outcome row");
    }

    /** Never negative: a block's timestamp (REST look-ups) may precede our detection by miner clock skew. */
    private static int secondsBetween(Instant from, Instant to) {
        long seconds = Math.max(0, Duration.between(from, to).getSeconds());
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, seconds));
    }
}
