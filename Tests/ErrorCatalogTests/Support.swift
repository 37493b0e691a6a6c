import ErrorCatalog
import Foundation

/// Paths inside the package, found from this file so tests run from any directory.
enum PackagePaths {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let catalogs = root.appendingPathComponent("Catalogs")
  /// The project's seed documents live beside the repository in the workplace, not in a clone.
  static let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")

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
