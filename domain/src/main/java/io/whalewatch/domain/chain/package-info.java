/** Bitcoin chain values as the detector sees them: amounts, txids, transactions, mempool deltas and blocks. */
package io.whalewatch.domain.chain;
