package io.ipcbench.harness.launch;

import io.ipcbench.transport.Side;

/**
 * What became of one producer/consumer pair: both result lines, or the side that failed and how.
 */
public final class PairOutcome
{
    private final String producerResult;
    private final String consumerResult;
    private final Side failedSide;
    private final String failure;
    private final String detail;

    private PairOutcome(
        final String producerResult, final String consumerResult, final Side failedSide, final String failure, final String detail)
    {
        this.producerResult = producerResult;
        this.consumerResult = consumerResult;
        this.failedSide = failedSide;
        this.failure = failure;
        this.detail = detail;
    }

    static PairOutcome success(final String producerResult, final String consumerResult)
    {
        return new PairOutcome(producerResult, consumerResult, null, null, null);
    }

    static PairOutcome failure(final Side side, final String failure, final String detail)
    {
        return new PairOutcome(null, null, side, failure, detail);
    }

    public boolean ok()
    {
        return failure == null;
    }

    public String producerResult()
    {
        return producerResult;
    }

    public String consumerResult()
    {
        return consumerResult;
    }

    /** The side that failed first, or null when the failure is not one side's (a timeout of both). */
    public Side failedSide()
    {
        return failedSide;
    }

    /** One line: what happened, naming the side. */
    public String failure()
    {
        return failure;
    }

    /** The failed child's last output lines (stderr and non-control stdout), possibly empty. */
    public String detail()
    {
        return detail == null ? "" : detail;
    }
}
