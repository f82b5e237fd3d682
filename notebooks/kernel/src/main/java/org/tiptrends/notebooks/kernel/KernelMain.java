package org.tiptrends.notebooks.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@code java -jar tiptrends-kernel.jar CONNECTION_FILE}: the kernel Jupyter starts (its
 * {@code kernel.json} passes the connection file). Runs until Jupyter shuts it down.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -jar tiptrends-kernel.jar CONNECTION_FILE (Jupyter starts the kernel; "
          + "install it with notebooks/install-kernel)");
      System.exit(2);
    }
    quietLogging();
    KernelConnectionProperties connection = KernelConnectionProperties.parse(
        Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    JavaKernel kernel = new JavaKernel();
    JupyterConnection jupyter = new JupyterConnection(connection);
    kernel.becomeHandlerForConnection(jupyter);
    jupyter.connect();
    jupyter.waitUntilClose();
    kernel.onShutdown(false);
    System.exit(0);
  }

  /**
   * The base kernel logs every message it handles at INFO (java.util.logging) and the API's snapshot
   * loader logs each load (slf4j-simple): both would land in the notebook's stderr. Warnings stay.
   */
  static void quietLogging() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
    handler.setLevel(Level.WARNING);
    root.addHandler(handler);
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // Hadoop's "unable to load native-hadoop library" is no news in a notebook
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop", "error");
  }
}
