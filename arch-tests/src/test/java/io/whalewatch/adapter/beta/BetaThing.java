package io.whalewatch.adapter.beta;

/** Another "adapter" for the independence rule. Test fixture only. */
public class BetaThing {
}
