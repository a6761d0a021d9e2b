package io.whalewatch.domain.accuracy;

/** What an accuracy alert announces. */
public enum AccuracyAlertKind {
    /** Accuracy fell below the warning threshold (but not below the critical one). */
    WARNING,
    /** Accuracy fell below the critical threshold. */
    CRITICAL,
    /** Accuracy is back at or above the warning threshold after a WARNING or CRITICAL was announced. */
    RECOVERED
}
