package io.whalewatch.application.service.archfixture;

/** A public service with mutable state. Test fixture only. */
public class LeakyService {
    int calls;
}
