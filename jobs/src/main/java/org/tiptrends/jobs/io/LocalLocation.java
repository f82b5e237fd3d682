package org.tiptrends.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** The local file system, through java.nio. */
final class LocalLocation extends Location {
  private final java.nio.file.Path path;

  LocalLocation(java.nio.file.Path path) {
    this.path = path;
  }

  @Override
  public boolean isLocal() {
    return true;
  }

  @Override
  public java.nio.file.Path toLocalPath() {
    return path;
  }

  @Override
  public Location resolve(String name) {
    return new LocalLocation(path.resolve(name));
  }

  @Override
  public String name() {
    java.nio.file.Path n = path.getFileName();
    return n == null ? path.toString() : n.toString();
  }

  @Override
  public String uri() {
    return path.toUri().toString();
  }

  @Override
  public String toString() {
    return path.toString();
  }

  @Override
  public String toAbsoluteString() {
    return path.toAbsolutePath().toString();
  }

  @Override
  public boolean isDirectory() {
    return Files.isDirectory(path);
  }

  @Override
  public boolean isFile() {
    return Files.isRegularFile(path);
  }

  @Override
  public long size() {
    return io("cannot read its size", () -> Files.size(path));
  }

  @Override
  public long modificationTime() {
    return io("cannot read its time", () -> Files.getLastModifiedTime(path).toMillis());
  }

  @Override
  public List<Location> listFiles() {
    return list(Files::isRegularFile);
  }

  @Override
  public List<Location> listDirectories() {
    return list(Files::isDirectory);
  }

  private List<Location> list(java.util.function.Predicate<java.nio.file.Path> kind) {
    if (!Files.isDirectory(path)) {
      return List.of();
    }
    try (Stream<java.nio.file.Path> s = Files.list(path)) {
      return s.filter(kind).sorted().map(p -> (Location) new LocalLocation(p)).toList();
    } catch (IOException e) {
      throw fail("cannot list", e);
    }
  }

  @Override
  public InputStream open() {
    return io("cannot open", () -> Files.newInputStream(path));
  }

  @Override
  public OutputStream create() {
    return io("cannot create", () -> Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
  }

  @Override
  public OutputStream createExclusive() throws IOException {
    return Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  @Override
  public void overwrite(byte[] content) {
    io("cannot write", () -> Files.write(path, content));
  }

  @Override
  public void replace(byte[] content, String tmpSuffix) {
    java.nio.file.Path tmp = path.resolveSibling(name() + ".tmp-" + tmpSuffix);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(content));
        ch.force(true); // on disk before the rename makes it visible
      }
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw fail("cannot replace", e);
    }
  }

  @Override
  public void appendLine(String line, String tmpSuffix) {
    io("cannot append", () -> Files.writeString(path, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND));
  }

  @Override
  public void mkdirs() {
    io("cannot create the directory", () -> Files.createDirectories(path));
  }

  @Override
  public void createDirectory() {
    io("cannot create the directory", () -> Files.createDirectory(path));
  }

  @Override
  public void renameTo(Location target) {
    io("cannot rename it to " + target, () -> Files.move(path, target.toLocalPath(), StandardCopyOption.ATOMIC_MOVE));
  }

  @Override
  public void deleteRecursively() {
    if (!Files.exists(path)) {
      return;
    }
    try {
      Files.walkFileTree(path, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(java.nio.file.Path d, IOException exc) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw fail("cannot delete", e);
    }
  }

  @Override
  public <T> T withLocalFile(LocalFileFunction<T> use) throws Exception {
    return use.apply(path);
  }
}
