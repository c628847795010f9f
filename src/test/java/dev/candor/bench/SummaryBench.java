package dev.candor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summary;
import dev.candor.ai.SummarySession;
import dev.candor.ai.summary.DefaultSummarizer;
import dev.candor.ai.summary.Embedder;
import dev.candor.ai.summary.EnglishText;
import dev.candor.ai.summary.ScriptedAnswers;
import dev.candor.ai.summary.SpeechCleaner;
import dev.candor.ai.summary.TranscriptFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * The summariser's figures: ROUGE on QMSum whole-meeting summaries next to baselines computed in
 * the same run (same tokens, same length cut: the reference's word count), decision and
 * action-item recall/precision on the scripted meetings, speed (incremental and from scratch) and
 * memory. Run: {@code mvn -B -q -Pbench verify -Dbench=summary}.
 */
public final class SummaryBench {
    private SummaryBench() {}

    public static void main(String[] args) throws Exception {
        long rssStart = rssKb();
        DefaultSummarizer summarizer = new DefaultSummarizer(new EnglishText(), new Embedder());
        long rssLoaded = rssKb();
        List<Meeting> meetings = qmsum();
        Meeting longest = meetings.stream()
                .max((a, b) -> Integer.compare(words(a.items), words(b.items)))
                .orElseThrow();
        summarizer.summarizeNow(longest.items); // warm up
        long rssAfter = rssKb();

        // -Dcandor.bench.parts=speed,rouge,scripted runs a subset (default: all).
        String parts = System.getProperty("candor.bench.parts", "speed,rouge,scripted");
        if (parts.contains("speed")) {
            speed(summarizer, longest);
        }
        if (parts.contains("rouge")) {
            rouge(summarizer, meetings);
        }
        if (parts.contains("scripted")) {
            scripted(summarizer);
        }
        System.out.flush();

        System.out.printf(
                Locale.ROOT,
                "%nMemory (process RSS, MB): at start %.0f, models loaded %.0f, after summarising the"
                        + " longest meeting %.0f -> summariser adds %.0f MB (with speech to text: -Dbench=aiMemory)%n",
                rssStart / 1024.0,
                rssLoaded / 1024.0,
                rssAfter / 1024.0,
                (rssAfter - rssStart) / 1024.0);
        summarizer.close();
    }

    // ---- speed -------------------------------------------------------------------------------

    private static void speed(DefaultSummarizer summarizer, Meeting longest) throws Exception {
        int n = longest.items.size();
        System.out.printf(
                Locale.ROOT,
                "Speed on %s (%d turns, %d words), %d cores%n",
                longest.name,
                n,
                words(longest.items),
                Runtime.getRuntime().availableProcessors());
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        Summary scratch = summarizer.summarizeNow(longest.items);
        double scratchMs = (System.nanoTime() - t0) / 1e6;
        double scratchCpuMs = (mx.getCurrentThreadCpuTime() - c0) / 1e6;

        SummarySession session = summarizer.openSession();
        session.soFar().get(); // starts the summary thread, whose CPU time is read below
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("candor-summary"))
                .findFirst()
                .orElseThrow()
                .getId();
        long addNanos = 0;
        long maxAdd = 0;
        List<Double> updates = new ArrayList<>();
        List<Double> updateCpu = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long a = System.nanoTime();
            session.add(longest.items.get(i));
            long took = System.nanoTime() - a;
            addNanos += took;
            maxAdd = Math.max(maxAdd, took);
            if (i > 0 && (i % Math.max(1, n / 16) == 0 || i >= n - 3)) {
                long cpu = threads.getThreadCpuTime(worker);
                long u = System.nanoTime();
                session.soFar().get();
                updates.add((System.nanoTime() - u) / 1e6);
                updateCpu.add((threads.getThreadCpuTime(worker) - cpu) / 1e6);
            }
        }
        long f = System.nanoTime();
        long fCpu = threads.getThreadCpuTime(worker);
        Summary last = session.soFar().get();
        double finalMs = (System.nanoTime() - f) / 1e6;
        double finalCpuMs = (threads.getThreadCpuTime(worker) - fCpu) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "  from scratch (models loaded): %.0f ms, CPU of this thread %.0f ms (%d points)%n",
                scratchMs,
                scratchCpuMs,
                scratch.keyPoints().size());
        System.out.printf(
                Locale.ROOT,
                "  incremental: add per turn %.1f ms avg, %.0f ms max%n",
                addNanos / 1e6 / n,
                maxAdd / 1e6);
        System.out.printf(
                Locale.ROOT,
                "  \"so far\" updates during the call: %s ms (max %.0f); summary thread CPU %s ms (max %.0f)%n",
                updates.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList(),
                updates.stream().mapToDouble(d -> d).max().orElse(0),
                updateCpu.stream()
                        .map(d -> String.format(Locale.ROOT, "%.0f", d))
                        .toList(),
                updateCpu.stream().mapToDouble(d -> d).max().orElse(0));
        System.out.printf(
                Locale.ROOT,
                "  final summary after the last turn: %.0f ms, CPU %.0f ms (%d points)%n",
                finalMs,
                finalCpuMs,
                last.keyPoints().size());
        session.close();
    }

    // ---- QMSum ROUGE -------------------------------------------------------------------------

    record Meeting(String name, List<MeetingItem> items, String reference) {}

    private static List<Meeting> qmsum() throws IOException {
        Path dir = ScriptedAnswers.sharedDir().resolve("eval/qmsum-val");
        List<Meeting> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = json.readTree(p.toFile());
                String reference = null;
                for (JsonNode q : root.path("general_query_list")) {
                    if (q.path("query").asText().startsWith("Summarize the whole meeting")) {
                        reference = q.path("answer").asText();
                    }
                }
                if (reference == null && root.path("general_query_list").size() > 0) {
                    // A few files word the whole-meeting query differently ("What was the meeting about?").
                    reference = root.path("general_query_list")
                            .get(0)
                            .path("answer")
                            .asText();
                }
                try {
                    out.add(new Meeting(p.getFileName().toString(), TranscriptFile.read(p), reference));
                } catch (TranscriptFile.TranscriptFormatException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        }
        return out;
    }

    private static void rouge(DefaultSummarizer summarizer, List<Meeting> meetings) {
        String[] systems = {
            "default summariser", "first turns", "random turns (seed 7)", "MiniLM centroid", "greedy oracle (ceiling)"
        };
        double[][] sums = new double[systems.length][3];
        Embedder embedder = new Embedder();
        SpeechCleaner cleaner = new SpeechCleaner();
        for (Meeting m : meetings) {
            List<String> ref = tokens(m.reference);
            int len = ref.size();
            List<String> turns = new ArrayList<>();
            m.items.forEach(i -> turns.add(i.text()));
            String[] outputs = {
                summarizer.summarizeNow(m.items).text(),
                String.join(" ", turns),
                randomTurns(turns, len),
                centroid(embedder, cleaner, turns, len),
                oracle(turns, ref),
            };
            System.err.printf(Locale.ROOT, "  … %s done%n", m.name);
            for (int s = 0; s < systems.length; s++) {
                List<String> cand = tokens(outputs[s]);
                cand = cand.subList(0, Math.min(len, cand.size()));
                double[] r = rouge(cand, ref);
                for (int k = 0; k < 3; k++) {
                    sums[s][k] += r[k];
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nQMSum validation, whole-meeting query, %d meetings; ROUGE F1 x100, stemmed,"
                        + " cut to the reference's word count%n",
                meetings.size());
        System.out.printf(Locale.ROOT, "  %-26s %8s %8s %8s%n", "system", "ROUGE-1", "ROUGE-2", "ROUGE-L");
        for (int s = 0; s < systems.length; s++) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-26s %8.1f %8.1f %8.1f%n",
                    systems[s],
                    100 * sums[s][0] / meetings.size(),
                    100 * sums[s][1] / meetings.size(),
                    100 * sums[s][2] / meetings.size());
        }
    }

    private static String randomTurns(List<String> turns, int words) {
        Random random = new Random(7);
        List<Integer> picked = new ArrayList<>();
        int total = 0;
        while (total < words && picked.size() < turns.size()) {
            int i = random.nextInt(turns.size());
            if (!picked.contains(i)) {
                picked.add(i);
                total += tokens(turns.get(i)).size();
            }
        }
        picked.sort(Integer::compare);
        StringBuilder b = new StringBuilder();
        picked.forEach(i -> b.append(turns.get(i)).append(' '));
        return b.toString();
    }

    private static String centroid(Embedder embedder, SpeechCleaner cleaner, List<String> turns, int words) {
        List<String> texts = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            String c = cleaner.clean(turns.get(i));
            if (tokens(c).size() >= 5) {
                texts.add(c);
                index.add(i);
            }
        }
        if (texts.isEmpty()) {
            return "";
        }
        List<float[]> vectors = embedder.embedAll(texts);
        float[] mean = new float[vectors.get(0).length];
        vectors.forEach(v -> {
            for (int d = 0; d < v.length; d++) {
                mean[d] += v[d];
            }
        });
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        order.sort(
                (a, b) -> Double.compare(Embedder.cosine(vectors.get(b), mean), Embedder.cosine(vectors.get(a), mean)));
        List<Integer> picked = new ArrayList<>();
        int total = 0;
        for (int i : order) {
            if (total >= words) {
                break;
            }
            picked.add(i);
            total += tokens(texts.get(i)).size();
        }
        picked.sort(Integer::compare);
        StringBuilder b = new StringBuilder();
        picked.forEach(i -> b.append(texts.get(i)).append(' '));
        return b.toString();
    }

    /** Greedy extractive oracle over the first 400 turns: add the turn that most raises ROUGE-1+2 F1. */
    private static String oracle(List<String> turns, List<String> ref) {
        List<List<String>> toks = new ArrayList<>();
        for (int i = 0; i < Math.min(400, turns.size()); i++) {
            toks.add(tokens(turns.get(i)));
        }
        List<Integer> picked = new ArrayList<>();
        List<String> current = new ArrayList<>();
        double best = 0;
        while (current.size() < ref.size()) {
            int bestI = -1;
            for (int i = 0; i < toks.size(); i++) {
                if (picked.contains(i) || toks.get(i).isEmpty()) {
                    continue;
                }
                List<String> trial = new ArrayList<>(current);
                trial.addAll(toks.get(i));
                List<String> cut = trial.subList(0, Math.min(ref.size(), trial.size()));
                double r = ngram(cut, ref, 1) + ngram(cut, ref, 2);
                if (r > best) {
                    best = r;
                    bestI = i;
                }
            }
            if (bestI < 0) {
                break;
            }
            picked.add(bestI);
            current.addAll(toks.get(bestI));
        }
        picked.sort(Integer::compare);
        StringBuilder b = new StringBuilder();
        picked.forEach(i -> b.append(turns.get(i)).append(' '));
        return b.toString();
    }

    private static final PorterStemmer STEMMER = new PorterStemmer();

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(STEMMER.stem(w));
            }
        }
        return out;
    }

    static double[] rouge(List<String> cand, List<String> ref) {
        return new double[] {ngram(cand, ref, 1), ngram(cand, ref, 2), lcs(cand, ref)};
    }

    private static double ngram(List<String> cand, List<String> ref, int n) {
        Map<String, Integer> r = grams(ref, n);
        Map<String, Integer> c = grams(cand, n);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : c.entrySet()) {
            overlap += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
        }
        int cn = Math.max(0, cand.size() - n + 1);
        int rn = Math.max(0, ref.size() - n + 1);
        return f1(overlap, cn, rn);
    }

    private static Map<String, Integer> grams(List<String> t, int n) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i + n <= t.size(); i++) {
            m.merge(String.join(" ", t.subList(i, i + n)), 1, Integer::sum);
        }
        return m;
    }

    private static double lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return f1(prev[b.size()], a.size(), b.size());
    }

    private static double f1(int overlap, int candidate, int reference) {
        if (overlap == 0 || candidate == 0 || reference == 0) {
            return 0;
        }
        double p = overlap / (double) candidate;
        double r = overlap / (double) reference;
        return 2 * p * r / (p + r);
    }

    // ---- scripted meetings -------------------------------------------------------------------

    private static void scripted(DefaultSummarizer summarizer) throws Exception {
        int dFound = 0, dExpected = 0, dOutput = 0, aFound = 0, aExpected = 0, aOutput = 0, ungrounded = 0, items = 0;
        for (Path script : ScriptedAnswers.scripts()) {
            List<MeetingItem> meeting = TranscriptFile.read(script);
            Summary summary = summarizer.summarizeNow(meeting);
            ScriptedAnswers.Score s = ScriptedAnswers.score(
                    script.getFileName().toString(), meeting, summary, ScriptedAnswers.expected(script));
            dFound += s.decisionsFound();
            dExpected += s.decisionsExpected();
            dOutput += s.decisionsOutput();
            aFound += s.actionsFound();
            aExpected += s.actionsExpected();
            aOutput += s.actionsOutput();
            ungrounded += s.ungrounded().size();
            items += summary.keyPoints().size()
                    + summary.decisions().size()
                    + summary.actionItems().size()
                    + summary.openQuestions().size();
        }
        System.out.printf(
                Locale.ROOT,
                "%nScripted meetings (%d): decisions recall %.2f precision %.2f (%d/%d, %d output);"
                        + " action items (owner and due matched) recall %.2f precision %.2f (%d/%d, %d output);"
                        + " ungrounded items %d of %d%n",
                ScriptedAnswers.scripts().size(),
                dFound / (double) dExpected,
                dFound / (double) Math.max(1, dOutput),
                dFound,
                dExpected,
                dOutput,
                aFound / (double) aExpected,
                aFound / (double) Math.max(1, aOutput),
                aFound,
                aExpected,
                aOutput,
                ungrounded,
                items);
    }

    private static int words(List<MeetingItem> items) {
        int n = 0;
        for (MeetingItem i : items) {
            n += i.text().split("\\s+").length;
        }
        return n;
    }

    private static long rssKb() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
