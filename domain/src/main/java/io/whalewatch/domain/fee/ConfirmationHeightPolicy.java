package io.whalewatch.domain.fee;

import java.util.List;
import java.util.OptionalInt;

/**
 * Predicts the height of the block that will confirm a transaction.
 *
 * <p>Rule: {@code tip + 1 + index}, where index is the projected block the upstream placed the
 * transaction in ({@code position.block}) when given. Otherwise the index is the first projected
 * block whose lowest included fee rate ({@code feeRange[0]}) the transaction's rate reaches; a rate
 * below every projected block lands one past the last. Without projected blocks the recommended
 * fees stand in: fastest = next block, half hour = 3rd, hour = 6th, below = 12th. Without any market
 * data the prediction is the next block for rates of 10 sat/vB and above and the 6th otherwise.
 */
public final class ConfirmationHeightPolicy {

    /** The predicted confirmation height. */
    public int predict(int tipHeight, OptionalInt projectedBlock, FeeRate rate, FeeMarket market) {
        return tipHeight + 1 + blockIndex(projectedBlock, rate.satPerVbyte(), market);
    }

    int blockIndex(OptionalInt projectedBlock, double rate, FeeMarket market) {
        if (projectedBlock.isPresent() && projectedBlock.getAsInt() >= 0) {
            return projectedBlock.getAsInt();
        }
        List<ProjectedBlock> blocks = market.projectedBlocks();
        if (!blocks.isEmpty()) {
            for (int i = 0; i < blocks.size(); i++) {
                if (rate >= blocks.get(i).minimumFee()) {
                    return i;
                }
            }
            return blocks.size();
        }
        return market.recommended().map(fees -> fromRecommended(rate, fees)).orElse(rate >= 10 ? 0 : 5);
    }

    private static int fromRecommended(double rate, RecommendedFees fees) {
        if (rate >= fees.fastest()) {
            return 0;
        }
        if (rate >= fees.halfHour()) {
            return 2;
        }
        return rate >= fees.hour() ? 5 : 11;
    }
}
