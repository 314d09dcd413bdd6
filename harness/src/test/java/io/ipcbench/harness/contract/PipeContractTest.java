package io.ipcbench.harness.contract;

import io.ipcbench.transport.TransportKind;

class PipeContractTest extends TransportContractTest
{
    @Override
    protected TransportKind transport()
    {
        return TransportKind.PIPE;
    }
}
