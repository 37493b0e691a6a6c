// swift-tools-version: 6.2
// Performance benchmarks for the provider error catalogs, kept out of the root package so that it stays
// dependency-free. Run from this folder: `swift package benchmark` (see README.md).
import PackageDescription

import class Foundation.ProcessInfo

// A package depended on by path is known by its folder's name (the clone's folder, `main` here), not by
// the name in its manifest, so the root's identity is read off the path.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main").lowercased()

// Malloc counts come from the benchmark package's "MallocInterposer" trait (Swift 6.3 and later; nothing to
// install, no jemalloc). The trait is named explicitly because the package's other default trait,
// "RuntimeInterposer", pulls in swift-runtime-interposer on Linux with Swift 6.3, which is not available
// offline here. Set BENCHMARK_DISABLE_MALLOC_INTERPOSER (or the older BENCHMARK_DISABLE_JEMALLOC) to build
// without malloc counting, as the benchmark package itself does.
let environment = ProcessInfo.processInfo.environment
let mallocCounting =
  environment["BENCHMARK_DISABLE_MALLOC_INTERPOSER"] == nil && environment["BENCHMARK_DISABLE_JEMALLOC"] == nil

let package = Package(
  name: "ErrorCatalogBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    mallocCounting
      ? .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"])
      : .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: []),
  ],
  targets: [
    .executableTarget(
      name: "Classification",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "ErrorCatalog", package: root),
        .product(name: "ErrorCatalogFoundation", package: root),
        .product(name: "Wolkvox", package: root),
        .product(name: "Yeastar", package: root),
        .product(name: "WhatsApp", package: root),
        .product(name: "Dialog360", package: root),
        .product(name: "GENIQ", package: root),
      ],
      path: "Benchmarks/Classification",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
