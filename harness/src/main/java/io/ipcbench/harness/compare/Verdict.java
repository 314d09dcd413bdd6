package io.ipcbench.harness.compare;

/** What a comparison concluded about one figure of one point, most severe first. */
public enum Verdict
{
    /** Worse by more than the threshold, outside both runs' spread, on a figure that can fail the comparison. */
    REGRESSION("REGRESSION"),
    /** As a regression, but on an informational figure (CPU, context switches, ...): shown, does not fail. */
    WORSE("worse (info)"),
    /** Moved by more than the threshold, but the two runs' repetition ranges overlap: not shown to be a change. */
    WITHIN_SPREAD("within spread"),
    /** Better by more than the threshold, outside both runs' spread. */
    IMPROVED("improved"),
    /** Moved by no more than the threshold. */
    UNCHANGED("unchanged");

    private final String label;

    Verdict(final String label)
    {
        this.label = label;
    }

    /** The marker printed in tables: REGRESSION, improved, ... (no symbols or emoji). */
    public String label()
    {
        return label;
    }
}
