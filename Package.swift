// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cjm",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "JourneyKit", targets: ["JourneyKit"]),
        .executable(name: "cjm", targets: ["cjm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // CSV tables (touchpoint sheets, KPI actuals, transitions): a maintained RFC 4180 reader
        // rather than one of our own; event logs alone are split by hand for speed (docs/observed.md).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // HTTP for `cjm serve`: pure Swift on sockets, no SwiftNIO, so it builds in seconds (docs/report.md).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libxml2, for the XML importer only (streaming reader, XSD validation, located errors).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Model, importers, validation, analysis and exporters: everything but the command line.
        .target(name: "JourneyKit", dependencies: ["CLibXML2"]),
        // Reads CSV files (sheets, KPI actuals, transitions, event logs) into JourneyKit's located
        // rows: the one place that knows the CSV library, kept out of JourneyKit, which does no
        // file I/O and does not import Foundation (the library reads an InputStream).
        .target(
            name: "JourneyCSV",
            dependencies: ["JourneyKit", .product(name: "CSV", package: "CSV.swift")]
        ),
        // The preview server of `cjm serve`: HTTP routes, Server-Sent Events and the file watcher;
        // the one place that knows the HTTP library.
        .target(
            name: "JourneyServer",
            dependencies: ["JourneyKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // The command-line tool: argument parsing, files, standard output and exit codes only.
        .executableTarget(
            name: "cjm",
            dependencies: [
                "JourneyKit",
                "JourneyCSV",
                "JourneyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: staticRuntimeOnLinux
        ),
        // The benchmark harness: `swift run -c release cjm-bench` (not part of `swift test`).
        // It depends on `cjm` so that one command also builds the binary it runs as a subprocess.
        .executableTarget(
            name: "cjm-bench",
            dependencies: ["JourneyKit", "JourneyCSV", "CLibXML2", "CBenchSupport", "cjm"]
        ),
        // The fuzz targets' work and invariants, outside the library: scripts/fuzz.sh builds it
        // into the libFuzzer binary, and the tests replay the fuzzer's findings through it.
        .target(name: "HostileInput", dependencies: ["JourneyKit"]),
        // C helpers of the benchmark (heap statistics that Swift's Glibc module does not export).
        .target(name: "CBenchSupport"),
        // One test target with a folder per stage; it depends on `cjm` so that the CLI tests
        // can run the built binary, and on `cjm-bench` to test its journey generator.
        .testTarget(
            name: "JourneyKitTests",
            dependencies: [
                "JourneyKit",
                "JourneyCSV",
                "cjm",
                "cjm-bench",
                "HostileInput",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)

/// The release `cjm` on Linux carries the Swift runtime and Foundation inside it rather than
/// loading them as 20 shared libraries at every start: `cjm --version` costs about a third less
/// CPU and 7 MB less memory, and checking 200 small files on two cores gains what the loader
/// no longer spends before the first file (docs/benchmarks.md, "Start-up: the runtime linked
/// in"). The debug build, which the tests run, stays dynamic, as does every build on macOS,
/// where the runtime is part of the system.
///
/// `-static-stdlib` alone names only the runtime's own archives; Foundation's archives also
/// need the CoreFoundation and ICU parts they were built from, named here as the 6.3 toolchain
/// ships them (another toolchain keeps the dynamic link rather than risk a failing one).
/// libcurl stays a shared library, by its run-time name, which any Swift toolchain on Linux
/// needs anyway: `cjm serve`'s HTTP library brings Foundation's URL session along.
var staticRuntimeOnLinux: [LinkerSetting] {
    #if compiler(>=6.3) && !compiler(>=6.4)
    [.unsafeFlags([
        "-static-stdlib",
        "-lCoreFoundation", "-l_CFURLSessionInterface", "-l_CFXMLInterface",
        "-l_FoundationCShims", "-l_FoundationCollections", "-l_FoundationICU",
        "-lswiftSynchronization", "-Xlinker", "-l:libcurl.so.4",
    ], .when(platforms: [.linux], configuration: .release))]
    #else
    []
    #endif
}
