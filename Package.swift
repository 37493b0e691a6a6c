// swift-tools-version: 6.2
import PackageDescription

let providers = ["Wolkvox", "Dialog360", "Cequens", "Yeastar", "GENIQ", "WhatsApp"]

let providerDependencies: [String: [Target.Dependency]] = [
  "Dialog360": ["WhatsApp"],
  "Cequens": ["WhatsApp"],
]

let package = Package(
  name: "swift-provider-error-catalogs",
  // The floor is `Duration` and `Clock` (RetryPolicy), which these releases introduced; nothing newer is used
  // (FootprintTests guards the core and provider modules). Only Linux is built here: see README, Platforms.
  platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
  products: [
    .library(name: "ErrorCatalog", targets: ["ErrorCatalog"]),
    .library(name: "ErrorCatalogFoundation", targets: ["ErrorCatalogFoundation"]),
    .library(name: "ErrorCatalogTesting", targets: ["ErrorCatalogTesting"]),
    .executable(name: "errcat", targets: ["errcat"]),
  ] + providers.map { .library(name: $0, targets: [$0]) },
  targets: [
    .target(name: "ErrorCatalog"),
    .target(name: "ErrorCatalogFoundation", dependencies: ["ErrorCatalog"]),
    .target(
      name: "ErrorCatalogTesting",
      dependencies: ["ErrorCatalog", "ErrorCatalogFoundation"] + providers.map { .target(name: $0) }
    ),
    // The generator lays out tables with the core's own normalisation and hashing.
    .target(name: "CatalogGenerator", dependencies: ["ErrorCatalog"], path: "Sources/CatalogGenerator"),
    .executableTarget(name: "generate-catalogs", dependencies: ["CatalogGenerator"]),
    .target(
      name: "ErrcatCommand",
      dependencies: ["ErrorCatalog"] + providers.map { .target(name: $0) }
    ),
    .executableTarget(name: "errcat", dependencies: ["ErrcatCommand"]),
    .testTarget(
      name: "ErrorCatalogTests",
      dependencies: [
        "ErrorCatalog", "ErrorCatalogFoundation", "ErrorCatalogTesting", "CatalogGenerator", "ErrcatCommand",
      ]
        + providers.map { .target(name: $0) }
    ),
  ] + providers.map { .target(name: $0, dependencies: ["ErrorCatalog"] + (providerDependencies[$0] ?? [])) }
)

for target in package.targets {
  var settings = target.swiftSettings ?? []
  settings.append(.swiftLanguageMode(.v6))
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
  target.swiftSettings = settings
}
