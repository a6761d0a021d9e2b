package io.whalewatch.domain.archfixture;

/** Violates domain purity (java.sql) and immutability (a non-final field). Test fixture only. */
public class ImpureValue {
    public java.sql.Timestamp when;
}
