package io.whalewatch.adapter.alpha;

/** A provider that is not public and implements no SPI. Test fixture only. */
class AlphaProvider {
}
