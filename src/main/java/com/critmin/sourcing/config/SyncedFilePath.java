package com.critmin.sourcing.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * The embedded H2 database's file system, {@code fsync:} in its JDBC URL: the disk, with every
 * write to a file opened for writing synchronised to the device (O_DSYNC) before it returns. With
 * {@code WRITE_DELAY=0} H2 writes a transaction's changes while it commits, so a commit returns
 * only once it is on disk: it survives a killed JVM and a power cut, as far as the device keeps
 * what fsync confirmed. H2 itself never syncs a commit: it relies on the operating system's cache.
 */
public class SyncedFilePath extends FilePathWrapper {
  public static final String SCHEME = "fsync";

  /** Makes the scheme known to H2; idempotent. Must run before the database is opened. */
  public static void register() {
    FilePath.register(new SyncedFilePath());
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    // H2's own mode "rwd" opens the file with StandardOpenOption.DSYNC.
    return getBase().open("rw".equals(mode) ? "rwd" : mode);
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }
}
