package io.whalewatch.domain.accuracy;

/**
 * Resolved predictions within a window.
 *
 * @param resolved predictions with a final outcome (confirmed, or finally dropped)
 * @param accurate resolved predictions that came true
 * @param dropped  resolved predictions whose transaction never confirmed
 */
public record OutcomeCounts(long resolved, long accurate, long dropped) {
    public OutcomeCounts {
        if (resolved < 0 || accurate < 0 || dropped < 0 || accurate + dropped > resolved) {
            throw new IllegalArgumentException("inconsistent counts: " + resolved + "/" + accurate + "/" + dropped);
        }
    }
}
