import ErrcatCommand
import ErrorCatalog
import Foundation
import Testing

/// Paths inside the package, found from this file so tests run from any directory.
enum PackagePaths {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let catalogs = root.appendingPathComponent("Catalogs")
  /// The project's seed documents live beside the repository in the workplace, not in a clone.
  static let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")

  /// Why a seed-coverage test did not run, shown beside the skipped test.
  static let seedsAbsent: Comment = "../shared/seeds is absent beside this clone: seed coverage is not checked"

  /// How many entries of `tables` say they were built from a seed document.
  static func seedEntryCount(_ tables: [CatalogTable], provider: ProviderID) -> Int {
    tables.filter { $0.provider == provider }.flatMap(\.entries).filter { $0.source.document != nil }.count
  }

  static func seed(_ name: String) -> String? {
    try? String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
  }
}

extension Sequence {
  /// The errors among a webhook's classifications: every event that did not succeed.
  func errors<Failure>() -> [Failure] where Element == Classification<Failure> {
    compactMap(\.error)
  }
}

@Suite("Seeds")
struct SeedPresenceTests {
  @Test(
    "CI has the seed documents beside the clone, so seed coverage is checked there",
    .enabled(if: ProcessInfo.processInfo.environment["CI"] != nil))
  func seedsArePresentInCI() {
    #expect(FileManager.default.fileExists(atPath: PackagePaths.seeds.path), "\(PackagePaths.seedsAbsent)")
  }
}

/// Suites that read `errcat --json` output.
protocol ErrcatJSONReading {}

extension ErrcatJSONReading {
  /// The output's JSON object.
  func json(_ output: Errcat.Output) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
  }
}
