// swift-tools-version: 6.2
// The README's snippets for HTTP clients other than URLSession, and for swift-log, compiled against the
// root package. Kept out of the root so that it stays dependency-free; CI runs
// `swift build --package-path Examples`.
import PackageDescription

// A package depended on by path is known by its folder's name (the clone's folder), not by the name in its
// manifest, so the root's identity is read off the path.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main").lowercased()

let package = Package(
  name: "ErrorCatalogExamples",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
  ],
  targets: [
    .target(
      name: "Examples",
      dependencies: [
        .product(name: "ErrorCatalog", package: root),
        .product(name: "ErrorCatalogFoundation", package: root),
        .product(name: "Wolkvox", package: root),
        .product(name: "Yeastar", package: root),
        .product(name: "WhatsApp", package: root),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]
    )
  ]
)
