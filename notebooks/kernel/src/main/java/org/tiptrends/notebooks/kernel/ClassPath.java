package org.tiptrends.notebooks.kernel;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * This JVM's class path as files: {@code java.class.path}, plus what the manifests of its jars name
 * ({@code java -jar tiptrends-kernel.jar} puts only the jar there; its libraries are in the manifest's
 * {@code Class-Path}). User code compiles against these, so it sees what the kernel sees.
 */
final class ClassPath {
  private ClassPath() {}

  static List<String> ofThisJvm() {
    Set<Path> out = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        add(Path.of(entry).toAbsolutePath().normalize(), out);
      }
    }
    List<String> paths = new ArrayList<>();
    out.forEach(p -> paths.add(p.toString()));
    return paths;
  }

  private static void add(Path entry, Set<Path> out) {
    if (!Files.exists(entry) || !out.add(entry) || !entry.toString().endsWith(".jar")) {
      return;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest m = jar.getManifest();
      String classPath = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      if (classPath == null) {
        return;
      }
      for (String item : classPath.trim().split("\\s+")) {
        URI uri = entry.getParent().toUri().resolve(item);
        if ("file".equals(uri.getScheme())) {
          add(Path.of(uri).normalize(), out);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // not a readable jar: it stays on the list as it is, its manifest unread
    }
  }
}
