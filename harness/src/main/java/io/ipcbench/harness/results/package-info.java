/** Writing runs to results/<run-id>/: whole files renamed into place, CSV and JSON. */
package io.ipcbench.harness.results;
