package dev.candor.consent;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The human-readable side of notices: plain sentences for people on plain Jitsi apps (chat to all
 * on every change, privately to each later joiner), the banner about another participant's AI and
 * the display-name suffix. Wording lives in the {@code dev/candor/consent/notices} resource bundle;
 * this class only chooses and fills sentences. Immutable and thread-safe.
 */
public final class NoticeWording {
    /** Base name of the wording bundle. */
    public static final String BUNDLE = "dev.candor.consent.notices";

    private final ResourceBundle bundle;
    private final Locale locale;

    /** Wording in the given language (falls back to English, the base bundle). */
    public NoticeWording(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English wording. */
    public static NoticeWording english() {
        return new NoticeWording(Locale.ENGLISH);
    }

    /** What AI a participant has announced: the features on and whether data sharing is on. */
    public record Announced(Set<Feature> features, boolean dataSharing) {
        public static final Announced OFF = new Announced(Set.of(), false);

        public Announced {
            features = Set.copyOf(features);
        }
    }

    /**
     * The chat line to everyone after {@code who} changed their switches from {@code before} to
     * {@code after}, e.g. "Ana turned on AI meeting summary. It runs on Ana's computer; nothing is
     * sent to a cloud service. Data sharing: off."
     */
    public String change(String who, Announced before, Announced after, boolean local, String destination) {
        EnumSet<Feature> turnedOn = difference(after.features(), before.features());
        EnumSet<Feature> turnedOff = difference(before.features(), after.features());
        List<String> sentences = new ArrayList<>();
        if (!turnedOn.isEmpty()) {
            sentences.add(format("change.on", who, list(turnedOn, "feature")));
        }
        if (!turnedOff.isEmpty()) {
            sentences.add(format("change.off", who, list(turnedOff, "feature")));
        }
        if (after.dataSharing() != before.dataSharing()) {
            sentences.add(format(after.dataSharing() ? "change.sharingOn" : "change.sharingOff", who));
        }
        if (after.features().isEmpty()) {
            sentences.add(format("status.allOff", who));
            return String.join(" ", sentences);
        }
        EnumSet<Feature> others = difference(after.features(), turnedOn);
        if (!others.isEmpty()) {
            sentences.add(format(turnedOff.isEmpty() ? "status.alsoOn" : "status.stillOn", list(others, "feature")));
        }
        sentences.add(where(who, after.dataSharing(), local));
        sentences.add(sharing(who, after.dataSharing(), destination));
        return String.join(" ", sentences);
    }

    /** The private chat line to someone who joins while {@code who} has AI on. */
    public String joiner(String who, Announced now, boolean local, String destination) {
        return format(
                "joiner",
                who,
                list(now.features(), "feature"),
                where(who, now.dataSharing(), local),
                sharing(who, now.dataSharing(), destination));
    }

    /** The banner about another participant's AI, e.g. "Ana has AI notes on." */
    public String banner(String who, Set<Feature> features, boolean dataSharing) {
        return format(dataSharing ? "banner.sharing" : "banner", who, list(features, "short"));
    }

    /** The display name with the AI suffix, e.g. "Ana · AI notes on"; the bare name when all is off. */
    public String displayName(String name, Set<Feature> features) {
        return features.isEmpty() ? name : format("suffix", name, list(features, "short"));
    }

    /** The in-app line for an objection from {@code who} (features empty: all AI). */
    public String objectionReceived(String who, Set<Feature> features) {
        return format(
                "objection.received",
                who,
                features.isEmpty() ? bundle.getString("objection.all") : list(features, "feature"));
    }

    /** The in-app line for the answer {@code who} gave to this client's objection. */
    public String objectionAnswered(String who, ObjectionAnswer answer) {
        return format("objection.answer." + answer.wireName(), who);
    }

    /** The full name of a feature in this wording. */
    public String featureName(Feature feature) {
        return bundle.getString("feature." + feature.wireName());
    }

    private String where(String who, boolean dataSharing, boolean local) {
        if (!local) {
            return format("where.remote", who);
        }
        return format(dataSharing ? "where.localSharing" : "where.local", who);
    }

    private String sharing(String who, boolean dataSharing, String destination) {
        return dataSharing ? format("sharing.on", who, destination == null ? "?" : destination) : format("sharing.off");
    }

    private String list(Set<Feature> features, String prefix) {
        List<String> names = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (features.contains(f)) {
                names.add(bundle.getString(prefix + "." + f.wireName()));
            }
        }
        return names.size() == 2 ? format("list.two", names.get(0), names.get(1)) : String.join(", ", names);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    private static EnumSet<Feature> difference(Set<Feature> a, Set<Feature> b) {
        EnumSet<Feature> result = EnumSet.noneOf(Feature.class);
        for (Feature f : a) {
            if (!b.contains(f)) {
                result.add(f);
            }
        }
        return result;
    }
}
