package dev.candor.consent;

import java.util.Objects;
import java.util.Optional;

/**
 * What the user configured before the call that the switchboard needs: where shared data would go
 * (empty: data sharing cannot be turned on), whether to add the AI suffix to the display name,
 * whether AI processing runs on this computer, and the wording of notices.
 */
public record CallSettings(
        Optional<String> sharingDestination,
        boolean displayNameSuffix,
        boolean processingLocal,
        NoticeWording wording) {
    public CallSettings {
        Objects.requireNonNull(sharingDestination, "sharingDestination");
        Objects.requireNonNull(wording, "wording");
    }

    /** Local processing, no sharing destination, display-name suffix on, English wording. */
    public static CallSettings defaults() {
        return new CallSettings(Optional.empty(), true, true, NoticeWording.english());
    }

    /** These settings with a sharing destination (a label people understand, e.g. "Acme research corpus"). */
    public CallSettings withSharingDestination(String destination) {
        return new CallSettings(Optional.of(destination), displayNameSuffix, processingLocal, wording);
    }
}
