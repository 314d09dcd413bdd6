package io.ipcbench.harness.contract;

import io.ipcbench.transport.TransportKind;

class UdsContractTest extends TransportContractTest
{
    @Override
    protected TransportKind transport()
    {
        return TransportKind.UDS;
    }
}
