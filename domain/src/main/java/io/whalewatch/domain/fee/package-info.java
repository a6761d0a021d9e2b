/** The fee market, urgency scoring and the predicted confirmation height. */
package io.whalewatch.domain.fee;
