/** The whalewatch domain: values and pure rules, nothing but java.base. */
module io.whalewatch.domain {
    exports io.whalewatch.domain.chain;
    exports io.whalewatch.domain.detection;
    exports io.whalewatch.domain.fee;
    exports io.whalewatch.domain.prediction;
    exports io.whalewatch.domain.accuracy;
}
