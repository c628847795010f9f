package dev.candor.ai.summary;

import dev.candor.ai.ActionItem;
import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summary;
import dev.candor.ai.SummaryPoint;
import java.util.List;

/**
 * Writes a summary as Markdown: one section per kind of item, each line followed by its source
 * ids, unverified lines marked as such, and the status when the summary is not complete.
 */
public final class SummaryMarkdown {

    public String render(Summary summary, List<MeetingItem> items) {
        StringBuilder b = new StringBuilder("# Meeting summary\n\n");
        b.append("_Engine: ")
                .append(summary.engine())
                .append(", ")
                .append(items.size())
                .append(" items_\n");
        if (summary.status() != Summary.Status.COMPLETE) {
            b.append("\n> **")
                    .append(summary.status())
                    .append(":** ")
                    .append(summary.message())
                    .append('\n');
        }
        section(b, "Key points", summary.keyPoints());
        section(b, "Decisions", summary.decisions());
        b.append("\n## Action items\n\n");
        if (summary.actionItems().isEmpty()) {
            b.append("_None._\n");
        }
        for (ActionItem a : summary.actionItems()) {
            b.append("- [ ] **")
                    .append(a.owner() == null ? "Someone" : a.owner())
                    .append("**: ")
                    .append(a.task());
            if (a.due() != null) {
                b.append(" — due ").append(a.due());
            }
            b.append(sources(a.sourceIds(), a.verified())).append('\n');
        }
        section(b, "Open questions", summary.openQuestions());
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<SummaryPoint> points) {
        b.append("\n## ").append(title).append("\n\n");
        if (points.isEmpty()) {
            b.append("_None._\n");
        }
        for (SummaryPoint p : points) {
            b.append("- ")
                    .append(p.text())
                    .append(sources(p.sourceIds(), p.verified()))
                    .append('\n');
        }
    }

    private static String sources(List<String> ids, boolean verified) {
        return (verified ? "" : " **(unverified: not supported by the transcript)**") + " `[" + String.join(", ", ids)
                + "]`";
    }
}
