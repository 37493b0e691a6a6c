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

/// A moment on the wall clock, measured from 1970-01-01 00:00:00 UTC: what a `Retry-After` date is
/// compared with to turn it into a delay.
///
/// Classification reads the clock itself (``now``); pass a fixed moment to make a test repeatable:
///
/// ```swift
/// let noon = WallClockTime(sinceEpoch: .seconds(1_767_268_800))  // 2026-01-01 12:00:00 UTC
/// let headers = ["Retry-After": "Thu, 01 Jan 2026 12:00:30 GMT"]
/// let outcome = Wolkvox.classify(status: 503, headers: headers, body: ResponseBody(bytes), now: noon)
/// // outcome.error?.retryAfterSeconds == 30
/// ```
public struct WallClockTime: Sendable, Hashable, Comparable {
  /// Seconds since 1970-01-01 00:00:00 UTC, with their fraction: what the clock gives and what a
  /// `Retry-After` date is compared with, kept as it is so that reading the clock for every classification
  /// converts nothing.
  package let secondsSince1970: Double

  /// The moment `sinceEpoch` after 1970-01-01 00:00:00 UTC.
  public init(sinceEpoch: Duration) {
    let (seconds, attoseconds) = sinceEpoch.components
    secondsSince1970 = Double(seconds) + Double(attoseconds) / 1e18
  }

  /// How long after 1970-01-01 00:00:00 UTC this moment is (negative before it).
  public var sinceEpoch: Duration { .seconds(secondsSince1970) }

  /// The system's real-time clock, read now.
  public static var now: WallClockTime { WallClockTime(secondsSince1970: WallClock.now) }

  public static func < (lhs: WallClockTime, rhs: WallClockTime) -> Bool {
    lhs.secondsSince1970 < rhs.secondsSince1970
  }

  /// The moment `seconds` after 1970-01-01 00:00:00 UTC.
  package init(secondsSince1970 seconds: Double) {
    secondsSince1970 = seconds
  }
}
