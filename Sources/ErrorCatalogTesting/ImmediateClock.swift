import Foundation

/// A clock whose sleeps return at once: each one moves the clock's time forward by its duration and is
/// recorded, so tests of retrying code run without waiting and can check the delays.
///
/// ```swift
/// let clock = ImmediateClock()
/// _ = try await RetryPolicy.standard.run(clock: clock) { send() }
/// #expect(clock.sleeps.allSatisfy { $0 >= .seconds(1) })
/// ```
///
/// Its time saturates instead of overflowing: offsets, sums and differences stop at plus or minus
/// `Int64.max` seconds (about 292 billion years), so any number of sleeps of any length is safe. A sleep that
/// would go past the limit moves the clock to the limit and records the part it could move.
public final class ImmediateClock: Clock, Sendable {
  /// A point in the clock's time: how far it has advanced since the clock was made.
  public struct Instant: InstantProtocol {
    /// The time since the clock was made.
    public var offset: Duration

    /// The instant `offset` after the clock was made.
    public init(offset: Duration) {
      self.offset = offset
    }

    /// The instant `duration` after this one, at most `Int64.max` seconds from the clock's start either
    /// way.
    public func advanced(by duration: Duration) -> Instant {
      Instant(offset: (offset.saturated + duration.saturated).saturated)
    }

    /// The time from this instant to `other`, at most `Int64.max` seconds either way.
    public func duration(to other: Instant) -> Duration {
      (other.offset.saturated - offset.saturated).saturated
    }

    /// Whether `lhs` comes before `rhs`.
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
      lhs.offset < rhs.offset
    }
  }

  private let lock = NSLock()
  nonisolated(unsafe) private var current = Instant(offset: .zero)
  nonisolated(unsafe) private var recorded: [Duration] = []

  /// A clock at its start, with no sleeps.
  public init() {}

  /// The clock's time: the start plus every sleep so far.
  public var now: Instant { lock.withLock { current } }

  /// Zero: the clock has no resolution limit.
  public var minimumResolution: Duration { .zero }

  /// The durations slept so far, in order.
  public var sleeps: [Duration] { lock.withLock { recorded } }

  /// Records the sleep and moves the clock's time to `deadline` at once; throws `CancellationError` when
  /// the task is cancelled.
  public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
    try Task.checkCancellation()
    let deadline = Instant(offset: deadline.offset.saturated)
    lock.withLock {
      recorded.append(max(.zero, current.duration(to: deadline)))
      current = max(current, deadline)
    }
  }
}

extension Duration {
  /// The limit of an ``ImmediateClock``'s time. `Duration` holds about 1.7e20 seconds either way, so the sum
  /// or difference of two values within this limit (9.2e18 seconds) never overflows; the result is then
  /// brought back within it.
  fileprivate static let immediateClockLimit = Duration.seconds(Int64.max)

  /// The duration, moved to the nearer limit of an ``ImmediateClock``'s time when it lies beyond one
  /// (comparisons never overflow).
  fileprivate var saturated: Duration {
    min(max(self, .zero - Self.immediateClockLimit), Self.immediateClockLimit)
  }
}
