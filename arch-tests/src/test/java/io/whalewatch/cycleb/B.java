package io.whalewatch.cycleb;

/** The other half of a package cycle. Test fixture only. */
public class B {
    io.whalewatch.cyclea.A a;
}
