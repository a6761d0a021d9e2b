package io.whalewatch.application.port.in;

import io.whalewatch.domain.accuracy.AccuracyReport;
import java.util.List;

/**
 * Prediction accuracy as of now, for the API and the dashboard. A resolved prediction is accurate
 * when it, or its replacement, confirmed no later than the predicted height plus the tolerance;
 * resolved = confirmed or finally dropped; windows count outcomes by resolution time.
 */
public interface GetAccuracyUseCase {
    /** The 1 h, 24 h and 7 d reports, in that order. Thread-safe; reads the store. */
    List<AccuracyReport> accuracy();
}
