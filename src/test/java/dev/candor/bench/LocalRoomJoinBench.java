package dev.candor.bench;

import dev.candor.meeting.localroom.LocalRoomServer;
import dev.candor.meeting.testing.CdpPage;
import dev.candor.meeting.testing.HeadlessChromium;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Join time in the local room on 127.0.0.1 with Debian's headless Chromium and fake devices: from
 * the joining page's navigation start to the first decoded frame of the other participant's
 * video (as the page itself measures it), for the newcomer and for the one already in the room.
 */
public final class LocalRoomJoinBench {
    private LocalRoomJoinBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 8);
        List<Long> newcomer = new ArrayList<>();
        List<Long> present = new ArrayList<>();
        List<Long> signalling = new ArrayList<>();
        try (LocalRoomServer server = new LocalRoomServer();
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            server.start("127.0.0.1", 0);
            for (int i = 0; i <= rounds; i++) {
                String room = "bench-" + i;
                CdpPage first = chromium.newPage();
                first.navigate(server.url(room, "First"));
                first.await("document.getElementById('status').textContent === 'In the room'", Duration.ofSeconds(20));
                long start = System.nanoTime();
                CdpPage second = chromium.newPage();
                second.navigate(server.url(room, "Second"));
                second.await("document.body.dataset.firstRemoteVideoMs", Duration.ofSeconds(30));
                first.await("document.body.dataset.firstRemoteVideoMs", Duration.ofSeconds(30));
                long wall = (System.nanoTime() - start) / 1_000_000;
                long secondMs = second.evaluate("+document.body.dataset.firstRemoteVideoMs")
                        .asLong();
                long joinedMs = second.evaluate(
                                "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
                        .asLong();
                if (i > 0) { // round 0 warms Chromium up
                    newcomer.add(secondMs);
                    present.add(wall);
                    signalling.add(joinedMs);
                }
                first.close();
                second.close();
            }
        }
        System.out.printf("LocalRoomJoinBench (%d rounds, headless Chromium, fake devices, 127.0.0.1)%n", rounds);
        print("newcomer: navigation start -> first remote video frame (page-measured)", newcomer);
        print(
                "both sides showing remote video, from the newcomer's Page.navigate (wall clock, 50 ms polling)",
                present);
        print("newcomer: navigation start -> DOMContentLoaded", signalling);
    }

    private static void print(String what, List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(
                "  %s: median %d ms, min %d ms, max %d ms%n",
                what, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
