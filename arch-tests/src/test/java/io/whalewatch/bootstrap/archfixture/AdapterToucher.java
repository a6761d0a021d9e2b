package io.whalewatch.bootstrap.archfixture;

/** Bootstrap touching an adapter directly. Test fixture only. */
public class AdapterToucher {
    final Object adapter = new io.whalewatch.adapter.beta.BetaThing();
}
