package io.ipcbench.harness.contract;

import io.ipcbench.transport.TransportKind;

class ChronicleContractTest extends TransportContractTest
{
    @Override
    protected TransportKind transport()
    {
        return TransportKind.CHRONICLE;
    }
}
