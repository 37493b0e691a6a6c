import Dialog360
import ErrorCatalog
import ErrorCatalogTesting
import GENIQ
import Testing
import WhatsApp

/// The policy as integration code runs it with no person in the loop: never sooner than the wait the
/// provider states, never a message sent twice without the caller saying that is safe, never a silent stop.
@Suite("Unattended retrying")
struct UnattendedRetryTests {
  static let rateLimit360 = Dialog360.classify(status: 400, body: AdviceTests.rateLimit360)
  static let sent = Dialog360.classify(
    status: 200, body: #"{"messaging_product":"whatsapp","messages":[{"id":"wamid.sent"}]}"#)

  @Test("360dialog's rate limit is resent no sooner than the 5 seconds its message states")
  func bodyWaitIsHonoured() async throws {
    let clock = ImmediateClock()
    let script = Script([Self.rateLimit360, Self.rateLimit360, Self.sent])
    let run = try await RetryPolicy.standard.attempt(clock: clock) { script.next() }
    #expect(run.classification.outcome == .success)
    #expect(run.attempts == 3)
    #expect(clock.sleeps.count == 2)
    #expect(clock.sleeps.allSatisfy { $0 >= .seconds(5) }, "\(clock.sleeps)")
  }

  @Test("Meta 80007: the header's minutes, else the hour window, scheduled rather than resent inside it")
  func hourLimitsAreScheduled() async throws {
    let body = Array(AdviceTests.meta80007.utf8)
    let usage = #"{"102290129340398":[{"type":"whatsapp","call_count":100,"estimated_time_to_regain_access":19}]}"#
    for (headers, wait) in [(["X-Business-Use-Case-Usage": usage], Duration.seconds(19 * 60)), ([:], .seconds(3600))] {
      let clock = ImmediateClock()
      let limited = WhatsApp.classify(status: 400, headers: headers, body: body)
      let script = Script([limited, WhatsApp.classify(status: 200, body: "{}")])
      let run = try await RetryPolicy.standard.attempt(clock: clock) { script.next() }
      #expect(run.attempts == 1)
      #expect(clock.sleeps.isEmpty)
      #expect(run.decision == .waitForReset(after: wait))
      // A policy whose cap covers the wait sleeps for all of it, then resends.
      let patient = RetryPolicy(maxDelay: .seconds(7200))
      let again = Script([limited, WhatsApp.classify(status: 200, body: "{}")])
      let waited = try await patient.attempt(clock: clock) { again.next() }
      #expect(waited.classification.outcome == .success)
      #expect(clock.sleeps == [wait])
    }
  }

  @Test("A server error on a send is not resent unless the caller says the send is idempotent")
  func unknownOutcomeNeedsIdempotency() async throws {
    let failed = WhatsApp.classify(
      status: 500,
      body: #"{"error":{"message":"(#131000) Something went wrong","type":"OAuthException","code":131000}}"#)
    let gateway = Dialog360.classify(status: 502, body: "<html><title>502 Bad Gateway</title></html>")
    for answer in [failed] {
      let script = Script([answer, WhatsApp.classify(status: 200, body: "{}")])
      let run = try await RetryPolicy.standard.attempt(clock: ImmediateClock()) { script.next() }
      #expect(run.attempts == 1)
      #expect(run.decision == .stop(.outcomeUnknown))
      var idempotent = RetryPolicy.standard
      idempotent.isIdempotent = true
      let again = Script([answer, WhatsApp.classify(status: 200, body: "{}")])
      #expect(try await idempotent.attempt(clock: ImmediateClock()) { again.next() }.attempts == 2)
    }
    let script = Script([gateway, Self.sent])
    let run = try await RetryPolicy.standard.attempt(clock: ImmediateClock()) { script.next() }
    #expect(run.decision == .stop(.outcomeUnknown))
    #expect(script.calls == 1)
  }

  @Test("No failure reported after acceptance is resent by the policy, whatever its retry value")
  func acceptedFailuresAreNeverResent() throws {
    let policy = RetryPolicy(maxAttempts: 10, isIdempotent: true)
    var checked = 0
    for entry in CatalogSamples.allEntries where entry.sample.kind != .response && entry.outcome == .failure {
      for classification in CatalogSamples.classify(entry) {
        guard let error = classification.error, error.outcome == .failure else { continue }
        checked += 1
        #expect(!policy.decision(for: error, attempt: 1).resends, "\(entry)")
      }
    }
    #expect(checked > 40)
    // Expiry is final: an expired GENIQ report, whatever its reason, and Meta 131043.
    for reason in ["", "0", "1", "8", "11", "12", "13"] {
      let report = GENIQ.classifyReport(body: "messageId=1&channel=sms&status=expired&reasonCode=\(reason)")
      let error = try #require(report.error)
      #expect(!policy.decision(for: error, attempt: 1).resends, "reason \(reason)")
    }
  }

  @Test("Every catalog sample: no decision resends sooner than the error's wait")
  func neverSoonerThanTheWait() {
    let policy = RetryPolicy(maxAttempts: 5, isIdempotent: true)
    for entry in CatalogSamples.allEntries {
      for classification in CatalogSamples.classify(entry) {
        guard let error = classification.error, let wait = error.wait else { continue }
        switch policy.decision(for: error, attempt: 1) {
        case .retry(let delay): #expect(delay >= wait.duration, "\(entry)")
        case .waitForReset(let delay): #expect(delay.map { $0 >= wait.duration } ?? false, "\(entry)")
        default: break
        }
      }
    }
  }
}
