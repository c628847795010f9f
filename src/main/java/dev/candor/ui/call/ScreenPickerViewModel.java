package dev.candor.ui.call;

import dev.candor.media.DesktopSource;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The screen picker's state: the screens and windows offered, the one selected, and the answer
 * (the chosen source, or empty for Cancel). The first screen is selected at the start, so Enter
 * shares it. Used on the FX thread.
 */
public final class ScreenPickerViewModel {
    private final ObservableList<DesktopSource> sources;
    private final ObjectProperty<DesktopSource> selected = new SimpleObjectProperty<>();
    private final CompletableFuture<Optional<DesktopSource>> answer = new CompletableFuture<>();
    private final ResourceBundle text;
    private final BooleanBinding canShare;

    public ScreenPickerViewModel(List<DesktopSource> offered, ResourceBundle text) {
        this.sources = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(offered));
        this.text = text;
        if (!offered.isEmpty()) {
            selected.set(offered.get(0));
        }
        canShare = Bindings.createBooleanBinding(() -> selected.get() != null && !answer.isDone(), selected);
    }

    public ObservableList<DesktopSource> sources() {
        return sources;
    }

    /** The source Share would start; null when nothing is selected. */
    public ObjectProperty<DesktopSource> selectedProperty() {
        return selected;
    }

    public BooleanBinding canShareProperty() {
        return canShare;
    }

    /** Selects one of the offered sources (anything else is ignored). */
    public void select(DesktopSource source) {
        if (source != null && sources.contains(source)) {
            selected.set(source);
        }
    }

    /** Share pressed: answers with the selected source. Returns false if nothing was selected. */
    public boolean share() {
        DesktopSource s = selected.get();
        if (s == null) {
            return false;
        }
        boolean first = answer.complete(Optional.of(s));
        canShare.invalidate();
        return first;
    }

    /** Cancel pressed or the dialog closed: answers with nothing (nothing starts). */
    public void cancel() {
        answer.complete(Optional.empty());
        canShare.invalidate();
    }

    /** Completes once, with the choice or empty. */
    public CompletableFuture<Optional<DesktopSource>> answer() {
        return answer;
    }

    /** What the list shows for a source: its name, and a screen's size. */
    public String label(DesktopSource s) {
        if (s.kind() == DesktopSource.Kind.SCREEN && s.width() > 0) {
            return MessageFormat.format(text.getString("screen.screenLabel"), s.name(), s.width(), s.height());
        }
        return s.name();
    }

    /** A line under the list: nothing found, or that windows could not be listed; else empty. */
    public String note() {
        if (sources.isEmpty()) {
            return text.getString("screen.none");
        }
        boolean windows = sources.stream().anyMatch(s -> s.kind() == DesktopSource.Kind.WINDOW);
        return windows ? "" : text.getString("screen.windowsUnlisted");
    }
}
