import Foundation

/// A clock whose sleeps return at once: each one moves the clock's time forward by its duration and is
/// recorded, so tests of retrying code run without waiting and can check the delays.
///
/// ```swift
/// let clock = ImmediateClock()
/// _ = try await RetryPolicy.standard.run(clock: clock) { send() }
/// #expect(clock.sleeps.allSatisfy { $0 >= .seconds(1) })
/// ```
public final class ImmediateClock: Clock, Sendable {
  /// A point in the clock's time: how far it has advanced since the clock was made.
  public struct Instant: InstantProtocol {
    /// The time since the clock was made.
    public var offset: Duration

    /// The instant `offset` after the clock was made.
    public init(offset: Duration) {
      self.offset = offset
    }

    /// The instant `duration` after this one. The clock's time stays within `Int64.max` seconds either way
    /// of its start (about 292 billion years), so no number of sleeps overflows it.
    public func advanced(by duration: Duration) -> Instant {
      let bound = Duration.seconds(Int64.max)
      let step = min(bound, max(.zero - bound, duration))
      return Instant(offset: min(bound, max(.zero - bound, offset + step)))
    }

    /// The time from this instant to `other`.
    public func duration(to other: Instant) -> Duration {
      other.offset - offset
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
    lock.withLock {
      recorded.append(max(.zero, current.duration(to: deadline)))
      current = max(current, deadline)
    }
  }
}
