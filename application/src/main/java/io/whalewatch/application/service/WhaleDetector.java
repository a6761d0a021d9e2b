package io.whalewatch.application.service;

import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.detection.ExchangeDirectory;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.FlowClassificationPolicy;
import io.whalewatch.domain.detection.ChangeHeuristics;
import io.whalewatch.domain.detection.SignalFlagPolicy;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.detection.TransferAmountPolicy;
import io.whalewatch.domain.detection.WhaleThresholdPolicy;
import io.whalewatch.domain.fee.ConfirmationHeightPolicy;
import io.whalewatch.domain.fee.FeeUrgencyPolicy;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionId;
import java.time.Instant;
import java.util.Optional;

/** Applies the domain policies to one candidate transaction and, if it is a whale, predicts. */
final class WhaleDetector {
    private final WhaleThresholdPolicy threshold;
    private final TransferAmountPolicy amounts = new TransferAmountPolicy(ChangeHeuristics.DEFAULT);
    private final FlowClassificationPolicy flows = new FlowClassificationPolicy();
    private final SignalFlagPolicy flagging = new SignalFlagPolicy();
    private final FeeUrgencyPolicy urgency = new FeeUrgencyPolicy();
    private final ConfirmationHeightPolicy heights = new ConfirmationHeightPolicy();
    private final ExchangeDirectory directory;

    WhaleDetector(WhaleThresholdPolicy threshold, ExchangeDirectory directory) {
        this.threshold = threshold;
        this.directory = directory;
    }

    /** A prediction (alert id 0, assigned later) when the transaction is a whale. */
    Optional<Prediction> detect(MempoolTransaction tx, MarketState market, Instant now) {
        TransferAmount amount = amounts.measure(tx, directory);
        if (!threshold.isWhale(amount, market.usdPerBtc())) {
            return Optional.empty();
        }
        FlowClassification flow = flows.classify(tx, directory);
        int tip = market.tipHeight();
        int predicted = heights.predict(tip, tx.projectedBlock(), tx.feeRate(), market.feeMarket());
        return Optional.of(new Prediction(PredictionId.forTransaction(tx.txid()), 0, tx.txid(), amount, flow,
                tx.feeRate(), urgency.score(tx.feeRate(), market.feeMarket()), tx.signalsRbf(), now,
                tip, predicted, flagging.flags(tx, amount, flow), market.usdPerBtc()));
    }
}
