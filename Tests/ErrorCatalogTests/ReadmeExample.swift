// The README's integration example, compiled as part of the tests. ReadmeTests checks that the README
// shows exactly the code between the markers below.
// README-EXAMPLE-BEGIN
import ErrorCatalog
import ErrorCatalogFoundation
import Foundation
import Wolkvox

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

enum NextStep {
  case done
  case retryLater(seconds: Int?)
  case waitForDailyReset
  case reauthenticate
  case fix(String)
}

func startCampaign(_ request: URLRequest) async throws -> NextStep {
  let (data, response) = try await URLSession.shared.data(for: request)
  do {
    // `get()` returns the success (with the identifiers the answer carried) or throws a `Wolkvox.Error`.
    let started = try Wolkvox.classify(response, data: data).get()
    print("started", started.references.requestID ?? "-")
    return .done
  } catch let error where Wolkvox.Code.tokenLimitExceeded ~= error {
    return .waitForDailyReset
  } catch {
    switch error.code {
    case .campaignAlreadyStarted?:
      return .done  // "THE CAMPAIGN HAS NOT BEEN STARTED" means it already was.
    case .campaignNotFound?:
      return .fix("no campaign \(error.parameters["campaignID"] ?? "?")")
    default:
      // Codes this switch does not name, and unrecognized answers, still carry a classification.
      switch error.retry {
      case .backoff: return .retryLater(seconds: error.wait?.seconds)
      case .afterReauth: return .reauthenticate
      case .notNeeded: return .done
      default: return .fix(error.entry?.remedy ?? error.description)
      }
    }
  }
}
// README-EXAMPLE-END
