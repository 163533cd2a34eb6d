package com.critmin.sourcing.optimizer.ortools;

import com.google.ortools.Loader;

/**
 * Loads the OR-Tools native library once per JVM (about 0.8 s); call at start-up, safe to call
 * again.
 */
public final class OrTools {
  private static volatile boolean loaded;

  private OrTools() {}

  public static void ensureLoaded() {
    if (loaded) return;
    synchronized (OrTools.class) {
      if (!loaded) {
        Loader.loadNativeLibraries();
        loaded = true;
      }
    }
  }

  public static boolean isLoaded() {
    return loaded;
  }
}
