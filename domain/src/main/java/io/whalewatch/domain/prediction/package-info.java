/** Predictions (whale signals), their outcomes and the accuracy rule. */
package io.whalewatch.domain.prediction;
