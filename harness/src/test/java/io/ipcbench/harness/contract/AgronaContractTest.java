package io.ipcbench.harness.contract;

import io.ipcbench.transport.TransportKind;

class AgronaContractTest extends TransportContractTest
{
    @Override
    protected TransportKind transport()
    {
        return TransportKind.AGRONA;
    }
}
