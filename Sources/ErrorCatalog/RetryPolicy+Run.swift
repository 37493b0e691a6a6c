extension RetryPolicy {
  /// Runs `operation` (one request, classified) and resends it as this policy decides, until it succeeds,
  /// the policy stops, or the attempts run out; returns the last classification.
  ///
  /// After a ``Classification/failure(_:)``, ``decision(for:attempt:using:)`` decides:
  /// - ``RetryDecision/retry(after:)``: sleeps on `clock` for the delay, then runs `operation` again.
  /// - ``RetryDecision/waitForReset(after:)`` with a known delay no longer than ``maxDelay``: sleeps, then
  ///   runs `operation` again; an unknown or longer wait returns the failure, for the caller to schedule.
  /// - ``RetryDecision/reauthenticate``: calls `reauthenticate`, then runs `operation` again at once. Without
  ///   a hook, or when the attempt right after a re-authentication asks for one again, returns the failure.
  /// - ``RetryDecision/stop(_:)``: returns the failure.
  ///
  /// Success, ``Classification/partial(_:)`` and ``Classification/pending(_:)`` return at once. Errors that
  /// `operation`, `reauthenticate` or the clock throw (a transport error, `CancellationError`) are thrown
  /// as they are. The function runs on the caller's actor, so `operation` may use its state.
  ///
  /// Cancelling the task ends the run with `CancellationError` at the next wait: a sleep on `clock` (every
  /// clock of the standard library throws at once when cancelled), or a re-authentication. A cancelled
  /// task starts no re-authentication, and when the task is cancelled while `reauthenticate` runs, nothing
  /// more is sent once it returns, whatever it returned. The hook runs on the caller's task, so it may use
  /// the caller's state, and `run` waits for it to return: a hook that waits for something (a token
  /// refresh, a shared continuation) should end that wait when its task is cancelled (awaiting `Task.sleep`,
  /// `URLSession` or an `AsyncStream` does), or a cancelled run waits as long as the hook does.
  ///
  /// ```swift
  /// let outcome = try await RetryPolicy.standard.run(
  ///   reauthenticate: { try await tokens.refresh() },
  ///   operation: {
  ///     let (data, response) = try await session.data(for: request)
  ///     return Yeastar.classify(response, data: data)
  ///   })
  /// ```
  ///
  /// - Parameters:
  ///   - clock: The clock to sleep on; pass a test clock to run without real waiting.
  ///   - generator: The random source for jitter.
  ///   - reauthenticate: Gets new credentials before the next attempt, for errors whose retry is
  ///     ``Retry/afterReauth``.
  ///   - operation: Sends the request once and classifies the answer.
  /// - Returns: The last attempt's classification.
  nonisolated(nonsending)
    public func run<Failure: ProviderError>(
      clock: any Clock<Duration> = ContinuousClock(), using generator: inout some RandomNumberGenerator,
      reauthenticate: (() async throws -> Void)? = nil,
      operation: () async throws -> Classification<Failure>
    ) async throws -> Classification<Failure>
  {
    var attempt = 1
    var reauthenticatedLast = false
    while true {
      let classification = try await operation()
      guard case .failure(let error) = classification else { return classification }
      var reauthenticated = false
      switch decision(for: error, attempt: attempt, using: &generator) {
      case .retry(let delay):
        try await clock.sleep(for: delay)
      case .waitForReset(let delay?) where delay <= maxDelay:
        try await clock.sleep(for: delay)
      case .reauthenticate:
        guard let reauthenticate, !reauthenticatedLast else { return classification }
        // A cancelled task starts no renewal, and sends nothing more after one it was cancelled during.
        try Task.checkCancellation()
        try await reauthenticate()
        try Task.checkCancellation()
        reauthenticated = true
      default:
        return classification
      }
      reauthenticatedLast = reauthenticated
      attempt += 1
    }
  }

  /// Runs `operation` and resends it as this policy decides, with jitter drawn from the system's random
  /// number generator; see ``run(clock:using:reauthenticate:operation:)``.
  ///
  /// - Parameters:
  ///   - clock: The clock to sleep on; pass a test clock to run without real waiting.
  ///   - reauthenticate: Gets new credentials before the next attempt, for errors whose retry is
  ///     ``Retry/afterReauth``.
  ///   - operation: Sends the request once and classifies the answer.
  /// - Returns: The last attempt's classification.
  nonisolated(nonsending)
    public func run<Failure: ProviderError>(
      clock: any Clock<Duration> = ContinuousClock(), reauthenticate: (() async throws -> Void)? = nil,
      operation: () async throws -> Classification<Failure>
    ) async throws -> Classification<Failure>
  {
    var generator = SystemRandomNumberGenerator()
    return try await run(clock: clock, using: &generator, reauthenticate: reauthenticate, operation: operation)
  }
}
