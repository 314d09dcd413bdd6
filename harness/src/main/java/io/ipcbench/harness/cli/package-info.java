/** The ipcbench command line: one class per subcommand; bad input is exit code 2 before anything runs. */
package io.ipcbench.harness.cli;
