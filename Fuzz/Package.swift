// swift-tools-version: 6.2
// libFuzzer targets for the provider error catalogs, kept out of the root package so that it stays free of
// sanitizer-only code. Build and run everything with `Scripts/fuzz.sh [SECONDS]` (see README.md here).
import Foundation
import PackageDescription

// A package depended on by path is known by its folder's name (the clone's folder), not by the name in its
// manifest, so the root's identity is read off the path.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main").lowercased()

/// Every provider module, from the catalogs (`module` in ../Catalogs/*.json), so that a new catalog is linked
/// into FuzzSeeds and FuzzErrcatRedaction with no edit here. (Fuzzing runs on Linux, where a manifest may
/// read beside its package.)
let allProviders: [String] = {
  let catalogs = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
    .appendingPathComponent("Catalogs")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: catalogs.path)) ?? []
  return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted().compactMap { name in
    guard let data = FileManager.default.contents(atPath: catalogs.appendingPathComponent(name).path),
      let catalog = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    return catalog["module"] as? String
  }
}()

/// Each fuzz target and the provider modules it drives. The executable is named after the target.
let fuzzTargets: [(name: String, modules: [String])] = [
  ("FuzzJSONReader", []),
  ("FuzzMessagePattern", []),
  ("FuzzWolkvox", ["Wolkvox"]),
  ("FuzzDialog360Response", ["Dialog360"]),
  ("FuzzDialog360Webhook", ["Dialog360"]),
  ("FuzzCequensResponse", ["Cequens"]),
  ("FuzzCequensWebhook", ["Cequens"]),
  ("FuzzYeastar", ["Yeastar"]),
  ("FuzzWhatsAppResponse", ["WhatsApp"]),
  ("FuzzWhatsAppWebhook", ["WhatsApp"]),
  ("FuzzGENIQResponse", ["GENIQ"]),
  ("FuzzGENIQReport", ["GENIQ"]),
  ("FuzzGENIQTemplate", ["GENIQ"]),
  ("FuzzLongBody", ["Wolkvox", "Yeastar"]),
  ("FuzzRetryAfter", []),
  // errcat's input reading; its sources are links to the tool's files in Sources/ErrcatCommand.
  ("FuzzErrcatInput", []),
  // errcat's masking of secrets and personal data planted in provider bodies: the whole command, linked in.
  ("FuzzErrcatRedaction", allProviders),
  // Every provider through errcat's adapters (their sources are links), so a new catalog is fuzzed at once.
  ("FuzzEveryProvider", allProviders),
]

func product(_ name: String) -> Target.Dependency { .product(name: name, package: root) }

let package = Package(
  name: "ErrorCatalogFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: [
    // Input decoding and the invariants every classifier must keep.
    .target(name: "FuzzSupport", dependencies: [product("ErrorCatalog")]),
    // Writes the seed corpora and the dictionary from the catalogs' samples (`FuzzSeeds <directory>`).
    .executableTarget(
      name: "FuzzSeeds",
      dependencies: ["FuzzSupport", product("ErrorCatalog"), product("ErrorCatalogTesting")] + allProviders.map(product)
    ),
  ]
    + fuzzTargets.map { target in
      .executableTarget(
        name: target.name, dependencies: ["FuzzSupport", product("ErrorCatalog")] + target.modules.map(product))
    }
)

// FuzzErrcatRedaction compiles the whole errcat command, whose files use the root package's `package` API
// (`JSONReader`, `CatalogMatch(entry:)`) without `@testable`, from another package: the compiler is told
// not to enforce access control for this one target (SwiftPM's own `-package-name` would win over ours).
for target in package.targets {
  var settings = target.swiftSettings ?? []
  if target.name == "FuzzErrcatRedaction" {
    settings.append(.unsafeFlags(["-Xfrontend", "-disable-access-control"]))
  }
  settings.append(.swiftLanguageMode(.v6))
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
  target.swiftSettings = settings
}
