/// How many times, and how far apart, to resend a request that failed: exponential backoff with a cap and
/// jitter, read together with each error's ``Retry`` value.
///
/// A policy is a plain value; it decides, it does not sleep. Ask it what to do about an error with
/// ``decision(for:attempt:)``, or let ``run(clock:using:reauthenticate:operation:)`` resend for you.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(250), maxDelay: .seconds(20))
/// switch policy.decision(for: error, attempt: 1) {
/// case .retry(let delay): try await Task.sleep(for: delay)  // then resend
/// case .waitForReset(let delay): schedule(after: delay)
/// case .reauthenticate: try await refreshToken()  // then resend
/// case .stop(let reason): print("giving up:", reason)
/// @unknown default: break
/// }
/// ```
public struct RetryPolicy: Sendable, Hashable {
  /// The longest delay a policy uses or accepts: `Int32.max` seconds (about 68 years), the cap that
  /// `Retry-After` values have too. Longer delays, from the policy's own values or from a response, are read
  /// as this one, so that no arithmetic and no clock ever sees an out-of-range duration.
  package static let longestDelay = Duration.seconds(RetryAfter.maximumSeconds)

  // The values as stored: always in range, whether they came through the initialiser or a setter.
  private var attempts: Int
  private var base: Duration
  private var cap: Duration
  private var randomFraction: Double

  /// The most attempts made in all, the first one included. At least 1: a smaller value set here is
  /// stored as 1.
  public var maxAttempts: Int {
    get { attempts }
    set { attempts = Self.clamped(attempts: newValue) }
  }
  /// The backoff delay after the first failed attempt; each later one doubles it. From zero to `Int32.max`
  /// seconds: a negative value is stored as zero, a longer one as `Int32.max` seconds.
  public var baseDelay: Duration {
    get { base }
    set { base = Self.clamped(delay: newValue) }
  }
  /// The longest backoff delay, and the longest wait the policy accepts from `Retry-After` or a reset. From
  /// zero to `Int32.max` seconds: a negative value is stored as zero, a longer one as `Int32.max` seconds.
  public var maxDelay: Duration {
    get { cap }
    set { cap = Self.clamped(delay: newValue) }
  }
  /// The fraction of each backoff delay that is random, from 0 (none: exactly the exponential delay) to 1
  /// (full jitter: anywhere between zero and the exponential delay). A value outside `0...1` is stored as
  /// the nearer end, and not-a-number as 0.
  ///
  /// Jitter keeps many clients that failed together from retrying together. It never shortens a
  /// `Retry-After` delay.
  public var jitter: Double {
    get { randomFraction }
    set { randomFraction = Self.clamped(jitter: newValue) }
  }

  /// Creates a policy. Every value is brought into range the same way its property's setter does it, so a
  /// policy behaves the same whether it was built here or through its properties.
  ///
  /// - Parameters:
  ///   - maxAttempts: The most attempts in all, the first one included; values below 1 count as 1.
  ///   - baseDelay: The backoff delay after the first failed attempt, clamped to zero...`Int32.max` seconds.
  ///   - maxDelay: The cap on every backoff delay and on every wait the policy accepts, clamped to
  ///     zero...`Int32.max` seconds.
  ///   - jitter: The random fraction of each backoff delay, clamped to `0...1` (not-a-number counts as 0).
  public init(
    maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
    jitter: Double = 0.5
  ) {
    attempts = Self.clamped(attempts: maxAttempts)
    base = Self.clamped(delay: baseDelay)
    cap = Self.clamped(delay: maxDelay)
    randomFraction = Self.clamped(jitter: jitter)
  }

  // The one rule for each value, used by the initialiser, the setters and the arguments of `decision`.

  static func clamped(attempts: Int) -> Int { max(1, attempts) }

  /// Comparing durations never traps, whatever their size, so the clamp needs no conversion.
  static func clamped(delay: Duration) -> Duration { min(max(.zero, delay), longestDelay) }

  static func clamped(jitter: Double) -> Double { jitter.isNaN ? 0 : min(1, max(0, jitter)) }

  /// A `Retry-After` value in seconds, from any ``ProviderError`` (not only the catalogs' own, which are
  /// already capped), as a delay in range.
  static func clamped(retryAfterSeconds seconds: Int) -> Duration {
    .seconds(min(max(0, seconds), RetryAfter.maximumSeconds))
  }

  /// Three attempts, 0.5 s doubling to at most 30 s, half of each delay random.
  public static let standard = RetryPolicy()

  /// Never resend: one attempt only.
  public static let none = RetryPolicy(maxAttempts: 1)

  /// What to do after attempt number `attempt` (1 for the first) failed with `error`, with jitter drawn from
  /// the system's random number generator.
  public func decision(for error: any ProviderError, attempt: Int) -> RetryDecision {
    var generator = SystemRandomNumberGenerator()
    return decision(for: error, attempt: attempt, using: &generator)
  }

  /// What to do after attempt number `attempt` (1 for the first) failed with `error`.
  ///
  /// The error's ``ProviderError/retry`` decides:
  /// - ``Retry/backoff``: ``RetryDecision/retry(after:)`` with the exponential delay for this attempt,
  ///   jittered and capped at ``maxDelay``, and never shorter than the response's `Retry-After`
  ///   (``ProviderError/retryAfterSeconds``). A `Retry-After` longer than ``maxDelay`` stops with
  ///   ``RetryDecision/StopReason/waitTooLong``, so that no caller sleeps for hours without deciding to.
  /// - ``Retry/afterReset``: ``RetryDecision/waitForReset(after:)``, with the `Retry-After` delay when the
  ///   response gave one.
  /// - ``Retry/afterReauth``: ``RetryDecision/reauthenticate``.
  /// - ``Retry/afterFix``, ``Retry/never`` and ``Retry/notNeeded``: ``RetryDecision/stop(_:)`` with the
  ///   matching reason, whatever the attempt.
  ///
  /// Once `attempt` reaches ``maxAttempts``, anything that would resend stops with
  /// ``RetryDecision/StopReason/attemptsExhausted`` instead.
  ///
  /// No value traps. An `attempt` below 1 counts as 1. A negative `Retry-After` counts as zero and one
  /// longer than `Int32.max` seconds as `Int32.max` seconds, so every delay in a decision is between zero
  /// and `Int32.max` seconds (a ``RetryDecision/waitForReset(after:)`` may be longer than ``maxDelay``;
  /// ``run(clock:using:reauthenticate:operation:)`` does not sleep for those).
  ///
  /// - Parameters:
  ///   - error: The classified error of the failed attempt.
  ///   - attempt: The number of the attempt that failed, 1 for the first; values below 1 count as 1.
  ///   - generator: The random source for jitter; pass a seeded one to make delays repeatable in tests.
  public func decision(
    for error: any ProviderError, attempt: Int, using generator: inout some RandomNumberGenerator
  ) -> RetryDecision {
    let attempt = Self.clamped(attempts: attempt)
    let retryAfter = error.retryAfterSeconds.map(Self.clamped(retryAfterSeconds:))
    let exhausted = attempt >= maxAttempts
    switch error.retry {
    case .backoff:
      if exhausted { return .stop(.attemptsExhausted) }
      if let retryAfter, retryAfter > maxDelay { return .stop(.waitTooLong) }
      return .retry(after: max(backoffDelay(attempt: attempt, using: &generator), retryAfter ?? .zero))
    case .afterReset:
      return exhausted ? .stop(.attemptsExhausted) : .waitForReset(after: retryAfter)
    case .afterReauth:
      return exhausted ? .stop(.attemptsExhausted) : .reauthenticate
    case .afterFix:
      return .stop(.fixRequired)
    case .never:
      return .stop(.never)
    case .notNeeded:
      return .stop(.notNeeded)
    }
  }

  /// The jittered exponential delay after attempt `attempt`: `baseDelay * 2^(attempt - 1)`, capped at
  /// ``maxDelay``, less a random part of at most ``jitter`` of it. An `attempt` below 1 counts as 1.
  package func backoffDelay(attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
    // The stored values are in range (the setters clamp them), so reading them as seconds cannot trap.
    let base = baseDelay.seconds
    let cap = maxDelay.seconds
    // With attempts clamped to 1...1024, the doubling stays finite in Double; the cap then bounds it.
    let doublings = min(Self.clamped(attempts: attempt), 1024) - 1
    let exponential = min(cap, base * Double(sign: .plus, exponent: doublings, significand: 1))
    let random = jitter == 0 ? 0 : Double.random(in: 0..<1, using: &generator)
    return .seconds(exponential * (1 - jitter * random))
  }
}

extension Duration {
  /// The duration in seconds, as a `Double`.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
