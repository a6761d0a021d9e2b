package io.whalewatch.domain.fee;

import java.util.List;
import java.util.Optional;

/**
 * What is known of the live fee market: recommended fees and projected mempool blocks.
 * Either may be missing until the upstream has sent it.
 */
public record FeeMarket(Optional<RecommendedFees> recommended, List<ProjectedBlock> projectedBlocks) {
    public FeeMarket {
        java.util.Objects.requireNonNull(recommended, "recommended");
        projectedBlocks = List.copyOf(projectedBlocks);
    }

    /** No market data yet: urgency falls back to the absolute curve. */
    public static FeeMarket unknown() {
        return new FeeMarket(Optional.empty(), List.of());
    }

    public FeeMarket withRecommended(RecommendedFees fees) {
        return new FeeMarket(Optional.of(fees), projectedBlocks);
    }

    public FeeMarket withProjectedBlocks(List<ProjectedBlock> blocks) {
        return new FeeMarket(recommended, blocks);
    }

    public boolean isKnown() {
        return recommended.isPresent() || !projectedBlocks.isEmpty();
    }
}
