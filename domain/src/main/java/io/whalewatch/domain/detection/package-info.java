/** Whale detection rules: transferred amount, threshold, flow classification against an exchange directory. */
package io.whalewatch.domain.detection;
