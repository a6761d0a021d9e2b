package io.whalewatch.application.port.in.archfixture;

/** A use case that is a class, not an interface. Test fixture only. */
public class BadUseCase {
}
