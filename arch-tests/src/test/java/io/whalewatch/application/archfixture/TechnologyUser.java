package io.whalewatch.application.archfixture;

/** Violates "no technology in application" (java.util.logging). Test fixture only. */
public class TechnologyUser {
    final java.util.logging.Logger log = java.util.logging.Logger.getLogger("x");
}
