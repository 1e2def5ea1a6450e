package io.quarkmall.pay.domain.risk;

import jakarta.persistence.Embeddable;

/** A rule that found something: its name, the points it adds, and a sentence that explains it. */
@Embeddable
public record RuleHit(String rule, int points, String explanation) {}
