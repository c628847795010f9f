package dev.candor.consent;

import java.util.Optional;

/**
 * The three switches of a call's switchboard: the two AI features and data sharing. Data sharing
 * is separate from the features: it can only be on while a feature is on (promise 3).
 */
public enum Switch {
    SUMMARY(Feature.SUMMARY),
    COMPOSE(Feature.COMPOSE),
    DATA_SHARING(null);

    private final Feature feature;

    Switch(Feature feature) {
        this.feature = feature;
    }

    /** The feature this switch turns on, empty for data sharing. */
    public Optional<Feature> feature() {
        return Optional.ofNullable(feature);
    }

    /** The switch of a feature. */
    public static Switch of(Feature feature) {
        return feature == Feature.SUMMARY ? SUMMARY : COMPOSE;
    }

    /** The name used in ledger entries. */
    public String wireName() {
        return feature != null ? feature.wireName() : "data_sharing";
    }
}
