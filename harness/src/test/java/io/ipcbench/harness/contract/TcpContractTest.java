package io.ipcbench.harness.contract;

import io.ipcbench.transport.TransportKind;

class TcpContractTest extends TransportContractTest
{
    @Override
    protected TransportKind transport()
    {
        return TransportKind.TCP;
    }
}
