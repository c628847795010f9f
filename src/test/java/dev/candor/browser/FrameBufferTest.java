package dev.candor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameBufferTest {
    private static ByteBuffer filled(int w, int h, byte value) {
        ByteBuffer b = ByteBuffer.allocateDirect(w * h * 4);
        for (int i = 0; i < w * h * 4; i++) {
            b.put(i, value);
        }
        return b;
    }

    @Test
    void onlyDirtyRectanglesAreCopiedAndBatchesAreCoalesced() {
        FrameBuffer frames = new FrameBuffer();
        AtomicInteger told = new AtomicInteger();
        frames.setListener(told::incrementAndGet);

        frames.paint(filled(4, 3, (byte) 1), 4, 3, new Rectangle[] {new Rectangle(0, 0, 4, 3)});
        FrameBuffer.Frame first = frames.take();
        assertThat(first.width()).isEqualTo(4);
        assertThat(first.dirty()).isEqualTo(new Rectangle(0, 0, 4, 3));

        frames.paint(filled(4, 3, (byte) 7), 4, 3, new Rectangle[] {new Rectangle(1, 1, 2, 1)});
        frames.paint(filled(4, 3, (byte) 9), 4, 3, new Rectangle[] {new Rectangle(3, 2, 1, 1)});
        assertThat(told.get()).isEqualTo(2); // one per batch: the first, then the two coalesced
        FrameBuffer.Frame next = frames.take();
        assertThat(next.generation()).isEqualTo(first.generation());
        assertThat(next.dirty()).isEqualTo(new Rectangle(1, 1, 3, 2));
        ByteBuffer px = next.pixels();
        assertThat(px.get(0)).isEqualTo((byte) 1); // outside every dirty rect: untouched
        assertThat(px.get((1 * 4 + 1) * 4)).isEqualTo((byte) 7);
        assertThat(px.get((2 * 4 + 3) * 4)).isEqualTo((byte) 9);
        assertThat(frames.take()).isNull();
    }

    @Test
    void aNewSizeStartsANewGeneration() {
        FrameBuffer frames = new FrameBuffer();
        frames.paint(filled(2, 2, (byte) 1), 2, 2, new Rectangle[] {new Rectangle(0, 0, 2, 2)});
        int g = frames.take().generation();
        frames.paint(filled(3, 2, (byte) 2), 3, 2, new Rectangle[] {new Rectangle(0, 0, 1, 1)});
        FrameBuffer.Frame f = frames.take();
        assertThat(f.generation()).isGreaterThan(g);
        assertThat(f.dirty()).isEqualTo(new Rectangle(0, 0, 3, 2));
        assertThat(f.pixels().capacity()).isEqualTo(3 * 2 * 4);
    }

    @Test
    void anOpenPopupIsDrawnOverThePage() {
        FrameBuffer frames = new FrameBuffer();
        frames.paint(filled(4, 4, (byte) 1), 4, 4, new Rectangle[] {new Rectangle(0, 0, 4, 4)});
        frames.popupShown(true);
        frames.popupRect(2, 2);
        frames.paintPopup(filled(2, 2, (byte) 5), 2, 2);
        ByteBuffer px = frames.take().pixels();
        assertThat(px.get((3 * 4 + 3) * 4)).isEqualTo((byte) 5);
        assertThat(px.get((1 * 4 + 1) * 4)).isEqualTo((byte) 1);
    }
}
