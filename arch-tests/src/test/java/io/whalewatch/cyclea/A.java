package io.whalewatch.cyclea;

/** Half of a package cycle. Test fixture only. */
public class A {
    io.whalewatch.cycleb.B b;
}
