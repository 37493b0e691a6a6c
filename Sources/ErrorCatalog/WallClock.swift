#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Android)
  import Android
#elseif canImport(WASILibc)
  import WASILibc
#elseif canImport(ucrt)
  import ucrt
#endif

/// The current time, for turning a `Retry-After` date into a delay, read from the C library's real-time
/// clock: `Date()` would make every program that classifies link Foundation (about 3 MB in a static build)
/// for one read of the clock.
package enum WallClock {
  /// Seconds since 1970-01-01 00:00:00 UTC, with the fraction the clock gives.
  package static var now: Double {
    #if os(Windows)
      return Double(time(nil))
    #else
      var spec = timespec()
      guard clock_gettime(CLOCK_REALTIME, &spec) == 0 else { return Double(time(nil)) }
      return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    #endif
  }
}
