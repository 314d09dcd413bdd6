package io.ipcbench.harness.model;

import io.ipcbench.harness.calibrate.Calibration;
import io.ipcbench.harness.report.Format;
import io.ipcbench.harness.stats.BreakEven;
import io.ipcbench.harness.sweep.Sizes;
import io.ipcbench.transport.control.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a break-even finding and the two series' lines into a sentence. Every number in it comes
 * from the fits, the run's counters or the calibration; where a figure is missing, the clause that
 * needs it is left out rather than filled with a typical value.
 */
final class Explainer
{
    /** Page faults per message below this are start-up noise, not a cost of the transport. */
    static final double PAGE_FAULTS_WORTH_NAMING = 0.1;

    private final Calibration calibration;
    private final double syscallNs;
    private final double copyPerByteNs;

    Explainer(final Calibration calibration)
    {
        this.calibration = calibration;
        this.syscallNs = calibration == null ? Double.NaN : calibration.syscall().ns();
        this.copyPerByteNs = calibration == null || calibration.directToDirect().fit() == null ?
            Double.NaN : calibration.directToDirect().fit().perByteNs();
    }

    /** The first sentence: the calibration's constants, or that it is missing. */
    static String preface(final Calibration calibration)
    {
        if (calibration == null)
        {
            return "Calibration missing (none under results/calibration; run 'ipcbench calibrate'): the break-evens below are " +
                "explained from the fitted fixed and per-byte costs alone, not in system calls and copies.";
        }
        final Calibration.CostLine copy = calibration.directToDirect().fit();
        final Calibration.CostLine crc = calibration.crc32c().fit();
        final double jna = calibration.jnaCall().ns();
        return String.format(Locale.ROOT, "Calibration %s: a raw system call (getpid) costs %s ns%s, a memory copy %s " +
                "(direct to direct, fitted over %d sizes), a CRC32C %s, System.nanoTime %s ns.",
            calibration.id(), Format.significant(calibration.syscall().ns()),
            Double.isFinite(jna) ? " through JNA (JNA's own share " + Format.significant(jna) + " ns)" : "",
            copy == null ? "(no fit)" : perByte(copy.perByteNs()) + " (" + Format.significant(copy.bytesPerNs()) + " B/ns)",
            calibration.directToDirect().bySize().size(),
            crc == null ? "(no fit)" : perByte(crc.perByteNs()),
            Format.significant(calibration.nanoTime().ns()));
    }

    /**
     * @param finding the pair's finding the sentence is about.
     * @param others the pair's other findings: further flips of the medians, named in passing.
     */
    String explain(final BreakEven.Finding finding, final List<BreakEven.Finding> others, final CostModel.Crossover crossover)
    {
        final Mode mode = crossover.mode();
        final SeriesFit a = crossover.first().name().equals(finding.a()) ? crossover.first() : crossover.second();
        final SeriesFit b = a == crossover.first() ? crossover.second() : crossover.first();
        // the series named first: the one that overtakes in a crossover, the winner when nothing crosses
        final SeriesFit lead;
        final SeriesFit other;
        final StringBuilder text = new StringBuilder(mode.label()).append(": ");
        switch (finding.kind())
        {
            case CROSSOVER:
                lead = finding.aboveWinner().equals(a.name()) ? a : b;
                other = lead == a ? b : a;
                text.append(lead.name()).append(" overtakes ").append(other.name()).append(" at ~")
                    .append(Sizes.formatApprox(finding.sizeBytes())).append(" measured");
                break;
            case WITHIN_NOISE:
            case UNASSESSED:
                lead = a;
                other = b;
                text.append(a.name()).append(" and ").append(b.name()).append(" swap places at ~")
                    .append(Sizes.formatApprox(finding.sizeBytes()))
                    .append(finding.kind() == BreakEven.Kind.WITHIN_NOISE ? " by the medians, within noise" :
                        " by the medians (one repetition: noise not assessed)");
                break;
            default:
                lead = finding.belowWinner().equals(a.name()) ? a : b;
                other = lead == a ? b : a;
                text.append(lead.name()).append(" beats ").append(other.name()).append(" at every size measured (")
                    .append(Sizes.format(finding.lowerSize())).append(" to ").append(Sizes.format(finding.upperSize())).append(')');
        }
        if (!others.isEmpty())
        {
            text.append(" (the medians also flip at ");
            for (int i = 0; i < others.size(); i++)
            {
                text.append(i == 0 ? "" : i == others.size() - 1 ? " and " : ", ").append('~').append(Sizes.formatApprox(others.get(i).sizeBytes()));
            }
            text.append(')');
        }
        final String misfit = crossover.misfit();
        if (misfit != null)
        {
            // a negative cost is not a cost: no break-even is explained with it
            return text.append("; no explanation from the fitted lines: ").append(misfit).append('.').toString();
        }
        text.append("; the fitted lines ").append(crossover.crosses() ? "cross at " + predicted(crossover) + range(crossover) :
            "do not cross at any positive size").append(". ");
        text.append("Fixed cost: ").append(lead.name()).append("'s is ").append(time(lead.fixedNs())).append(fixedDetail(lead, mode))
            .append(", against ").append(other.name()).append("'s ").append(time(other.fixedNs())).append(fixedDetail(other, mode))
            .append("; per-byte cost: ").append(lead.name()).append("'s is ").append(perByte(lead.perByteNs())).append(copyDetail(lead, mode))
            .append(", against ").append(other.name()).append("'s ").append(perByte(other.perByteNs())).append(copyDetail(other, mode));
        text.append(". ");
        if (Double.isFinite(copyPerByteNs))
        {
            text.append(mode == Mode.PINGPONG ?
                "Each transport copies a payload in and out, both ways: " + CostModel.COPIES_PER_ROUND_TRIP + " copies per round trip. " :
                "Each transport copies a payload in and out: " + CostModel.COPIES_PER_MESSAGE + " copies per message. ");
        }
        text.append(conclusion(finding, crossover));
        return text.toString();
    }

    /**
     * {@code ~2.9 KiB [95%: 2.1 KiB - 4 KiB]}, {@code ~2.9 KiB (interval not assessed: too few points)},
     * {@code none}, or {@code not predicted (uds's line does not fit)} when a line is not a cost.
     */
    static String predicted(final CostModel.Crossover crossover)
    {
        if (crossover.misfit() != null)
        {
            final List<String> names = new ArrayList<>();
            for (final SeriesFit fit : List.of(crossover.first(), crossover.second()))
            {
                if (!fit.isCost())
                {
                    names.add(fit.name() + "'s");
                }
            }
            return "not predicted (" + String.join(" and ", names) + (names.size() == 1 ? " line does not fit)" : " lines do not fit)");
        }
        if (!crossover.crosses())
        {
            return "none";
        }
        final StringBuilder text = new StringBuilder("~").append(Sizes.formatApprox(crossover.sizeBytes()));
        if (!crossover.intervalAssessed())
        {
            text.append(" (interval not assessed: too few points)");
        }
        else if (crossover.interval() != null && crossover.crossingShare() >= CostModel.CROSSING_SHARE_FOR_INTERVAL)
        {
            text.append(" [95%: ").append(Sizes.formatApprox(crossover.interval()[0])).append(" - ")
                .append(Sizes.formatApprox(crossover.interval()[1])).append(']');
        }
        else
        {
            text.append(String.format(Locale.ROOT, " (crossing in only %.0f%% of bootstrap resamples)", crossover.crossingShare() * 100));
        }
        return text.toString();
    }

    private static String range(final CostModel.Crossover crossover)
    {
        final long smallest = Math.max(crossover.first().smallest(), crossover.second().smallest());
        final long largest = Math.min(crossover.first().largest(), crossover.second().largest());
        if (crossover.sizeBytes() > largest)
        {
            return ", beyond the largest size measured (" + Sizes.format(largest) + ")";
        }
        if (crossover.sizeBytes() < smallest)
        {
            return ", below the smallest size measured (" + Sizes.format(smallest) + ")";
        }
        return "";
    }

    private String fixedDetail(final SeriesFit fit, final Mode mode)
    {
        final String unit = mode == Mode.PINGPONG ? "round trip" : "message";
        final List<String> parts = new ArrayList<>();
        if (Double.isFinite(syscallNs))
        {
            parts.add("about " + Format.significant(fit.fixedNs() / syscallNs) + " raw system calls' worth at " +
                Format.significant(syscallNs) + " ns each");
        }
        if (fit.syscalls() != null)
        {
            parts.add(count(fit.syscalls()) + " system calls per " + unit + ", producer " + count(fit.producerSyscalls()) +
                " + consumer " + count(fit.consumerSyscalls()) +
                (Double.isFinite(syscallNs) && fit.syscalls() >= 0.01 ? ", " + time(fit.syscalls() * syscallNs) + " of bare calls" : ""));
        }
        if (fit.voluntarySwitches() != null)
        {
            parts.add(count(fit.voluntarySwitches()) + " voluntary context switches");
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    /** A count per message: {@code 4.02}, {@code 0.0431}, and {@code <0.01} for what is as good as none. */
    static String count(final double value)
    {
        return value > 0 && value < 0.01 ? "<0.01" : Format.significant(value);
    }

    private String copyDetail(final SeriesFit fit, final Mode mode)
    {
        final List<String> parts = new ArrayList<>();
        if (Double.isFinite(copyPerByteNs))
        {
            parts.add("about " + Format.significant(fit.perByteNs() / copyPerByteNs) + " copies' worth at " + perByte(copyPerByteNs) + " per copy");
        }
        if (fit.largestFaults() != null && fit.largestFaults() >= PAGE_FAULTS_WORTH_NAMING)
        {
            parts.add(Format.significant(fit.largestFaults()) + " page faults per " + (mode == Mode.PINGPONG ? "round trip" : "message") +
                " at " + Sizes.format(fit.largest()) + ": memory touched for the first time");
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    private static String conclusion(final BreakEven.Finding finding, final CostModel.Crossover crossover)
    {
        final SeriesFit lowerFixed = crossover.lowerFixed();
        final SeriesFit higherFixed = lowerFixed == crossover.first() ? crossover.second() : crossover.first();
        if (!crossover.crosses())
        {
            final String both = lowerFixed.name() + " has both the lower fixed and the lower per-byte cost, so the lines never cross";
            return finding.kind() == BreakEven.Kind.NO_CROSSOVER ? both + "." :
                "By the lines " + both + ": the flip comes from a cost that does not grow in proportion to size.";
        }
        final double gap = higherFixed.fixedNs() - lowerFixed.fixedNs();
        // the lines cross, so the series with the lower fixed cost has the higher per-byte cost
        final double rate = lowerFixed.perByteNs() - higherFixed.perByteNs();
        final String arithmetic = String.format(Locale.ROOT, "%s's %s lower fixed cost is used up by %s's %s lower per-byte cost after " +
                "%s / %s = %s",
            lowerFixed.name(), time(gap), higherFixed.name(), perByte(rate), time(gap), perByte(rate),
            Sizes.formatApprox(crossover.sizeBytes()));
        if (finding.kind() == BreakEven.Kind.CROSSOVER && !finding.belowWinner().equals(lowerFixed.name()))
        {
            return "The lines have it the other way round (" + arithmetic + "), so they do not explain this flip.";
        }
        if (finding.kind() == BreakEven.Kind.NO_CROSSOVER)
        {
            return "By the lines, " + arithmetic + ", a size this sweep " +
                (crossover.sizeBytes() > finding.upperSize() ? "did not reach." : "measured without seeing the flip: there the line is only an approximation.");
        }
        return "So " + arithmetic + ".";
    }

    /** ns below 1 us, else us: {@code 310 ns}, {@code 19.8 us}. */
    static String time(final double ns)
    {
        return Math.abs(ns) < 1000 ? Format.significant(ns) + " ns" : Format.micros(ns) + " us";
    }

    /** {@code 0.33 ns/B}. */
    static String perByte(final double nsPerByte)
    {
        return Format.significant(nsPerByte) + " ns/B";
    }
}
