package dev.candor.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.media.DesktopSource;
import dev.candor.ui.UiParts;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The screen picker: what it offers, what Share and Cancel answer, and what its view shows. */
class ScreenPickerViewModelTest {
    private static final DesktopSource SCREEN =
            new DesktopSource("screen:-1:0", DesktopSource.Kind.SCREEN, "Entire screen", 1920, 1080, null);
    private static final DesktopSource WINDOW =
            new DesktopSource("window:4194307:0", DesktopSource.Kind.WINDOW, "Notes – Editor", 0, 0, null);

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static ScreenPickerViewModel model(List<DesktopSource> sources) {
        return new ScreenPickerViewModel(sources, UiParts.texts());
    }

    @Test
    void theFirstScreenIsSelectedAndShareAnswersTheSelection() {
        ScreenPickerViewModel m = model(List.of(SCREEN, WINDOW));
        assertThat(m.selectedProperty().get()).isEqualTo(SCREEN);
        m.select(WINDOW);
        assertThat(m.share()).isTrue();
        assertThat(m.answer()).isCompletedWithValue(Optional.of(WINDOW));
        assertThat(m.canShareProperty().get()).isFalse();
        m.cancel(); // too late: the answer stands
        assertThat(m.answer()).isCompletedWithValue(Optional.of(WINDOW));
    }

    @Test
    void cancelAnswersNothing() {
        ScreenPickerViewModel m = model(List.of(SCREEN));
        m.cancel();
        assertThat(m.answer()).isCompletedWithValue(Optional.empty());
        assertThat(m.share()).isFalse();
    }

    @Test
    void onlyOfferedSourcesCanBeSelectedAndNothingOfferedMeansNoShare() {
        ScreenPickerViewModel m = model(List.of(SCREEN));
        m.select(WINDOW);
        assertThat(m.selectedProperty().get()).isEqualTo(SCREEN);

        ScreenPickerViewModel empty = model(List.of());
        assertThat(empty.canShareProperty().get()).isFalse();
        assertThat(empty.share()).isFalse();
        assertThat(empty.note()).contains("graphical display");
    }

    @Test
    void labelsNameScreensWithTheirSizeAndSayWhenWindowsCannotBeListed() {
        assertThat(model(List.of(SCREEN)).label(SCREEN)).isEqualTo("Entire screen (1,920 × 1,080)");
        assertThat(model(List.of(SCREEN)).note()).contains("only whole screens");
        assertThat(model(List.of(SCREEN, WINDOW)).label(WINDOW)).isEqualTo("Notes – Editor");
        assertThat(model(List.of(SCREEN, WINDOW)).note()).isEmpty();
    }

    @Test
    void theViewListsTheSourcesAndItsButtonsAnswer() throws Exception {
        ScreenPickerViewModel m = model(List.of(SCREEN, WINDOW));
        ScreenPickerView view = WaitForAsyncUtils.asyncFx(() -> new ScreenPickerView(m, UiParts.texts()))
                .get();
        @SuppressWarnings("unchecked")
        ListView<DesktopSource> list = (ListView<DesktopSource>) view.lookup("#screen-sources");
        assertThat(list.getItems()).containsExactly(SCREEN, WINDOW);
        assertThat(((Label) view.lookup("#screen-note")).getText()).isEmpty();
        Button share = (Button) view.lookup("#screen-share");
        assertThat(share.isDisabled()).isFalse();
        WaitForAsyncUtils.asyncFx(() -> list.getSelectionModel().select(WINDOW)).get();
        WaitForAsyncUtils.asyncFx(share::fire).get();
        assertThat(m.answer()).isCompletedWithValue(Optional.of(WINDOW));
        assertThat(share.isDisabled()).isTrue();

        ScreenPickerViewModel other = model(List.of(SCREEN));
        ScreenPickerView second = WaitForAsyncUtils.asyncFx(() -> new ScreenPickerView(other, UiParts.texts()))
                .get();
        WaitForAsyncUtils.asyncFx(((Button) second.lookup("#screen-cancel"))::fire)
                .get();
        assertThat(other.answer()).isCompletedWithValue(Optional.empty());
    }

    @Test
    void theDialogClosesWhenTheCallEndsWhileItIsOpen() throws Exception {
        java.util.concurrent.CompletableFuture<ScreenPickerViewModel> opened =
                new java.util.concurrent.CompletableFuture<>();
        FxDesktopPicker picker = new FxDesktopPicker(UiParts.texts(), opened::complete);
        java.util.concurrent.CompletableFuture<Optional<DesktopSource>> answer =
                picker.choose(List.of(SCREEN)).toCompletableFuture();
        opened.get(5, java.util.concurrent.TimeUnit.SECONDS);
        String title = UiParts.texts().getString("screen.title");
        assertThat(WaitForAsyncUtils.asyncFx(() -> showingWithTitle(title)).get())
                .isTrue();

        answer.cancel(false); // what ScreenShareGate.close does when the call ends

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> showingWithTitle(title)).get())
                .isFalse();
    }

    private static boolean showingWithTitle(String title) {
        return javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.stage.Stage st && st.isShowing() && title.equals(st.getTitle()));
    }
}
