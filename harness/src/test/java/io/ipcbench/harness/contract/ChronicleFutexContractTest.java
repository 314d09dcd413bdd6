package io.ipcbench.harness.contract;

import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.wait.WaitStrategy;

/** The contract again with the reader sleeping on the futex doorbell instead of spinning. */
class ChronicleFutexContractTest extends TransportContractTest
{
    @Override
    protected TransportKind transport()
    {
        return TransportKind.CHRONICLE;
    }

    @Override
    protected WaitStrategy waitStrategy()
    {
        return WaitStrategy.FUTEX;
    }
}
