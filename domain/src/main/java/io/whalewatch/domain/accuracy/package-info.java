/** Prediction accuracy: windows, counts, reports, thresholds and the alerting rule. */
package io.whalewatch.domain.accuracy;
