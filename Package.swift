// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "stepwise",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stepwise", targets: ["stepwise"]),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "CStepwiseSignals", path: "Sources/CStepwiseSignals", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "CStepwiseText", path: "Sources/CStepwiseText"),
        .target(name: "CStepwiseMemory", path: "Sources/CStepwiseMemory"),
        .target(name: "StepwiseCore", dependencies: ["CStepwiseText"], path: "Sources/StepwiseCore"),
        .target(name: "StepwiseUI", dependencies: ["StepwiseCore"], path: "Sources/StepwiseUI"),
        .target(name: "StepwiseApp", dependencies: ["StepwiseCore", "StepwiseUI"], path: "Sources/StepwiseApp"),
        .target(name: "StepwiseTerminal", dependencies: ["StepwiseUI", "CNcurses"], path: "Sources/StepwiseTerminal"),
        .executableTarget(
            name: "stepwise",
            dependencies: ["StepwiseCore", "StepwiseUI", "StepwiseApp", "StepwiseTerminal", "CNcurses", "CStepwiseSignals", "CStepwiseMemory"],
            path: "Sources/stepwise"
        ),
        .executableTarget(
            name: "stepwise-bench",
            dependencies: ["StepwiseCore", "StepwiseUI", "StepwiseApp", "StepwiseTerminal", "CNcurses", "CStepwiseMemory", "StepwiseTestSupport"],
            path: "Sources/stepwise-bench"
        ),
        // What the tests and the benchmark share (snapshots, seeded random numbers, temporary
        // data folders); never a dependency of the `stepwise` executable.
        .target(name: "StepwiseTestSupport", dependencies: ["StepwiseCore"], path: "Sources/StepwiseTestSupport"),
        .testTarget(name: "StepwiseCoreTests", dependencies: ["StepwiseCore", "StepwiseTestSupport"], path: "Tests/StepwiseCoreTests", exclude: ["Snapshots"]),
        .testTarget(
            name: "StepwiseUITests",
            dependencies: ["StepwiseUI", "StepwiseCore", "StepwiseTestSupport"],
            path: "Tests/StepwiseUITests",
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "StepwiseAppTests", dependencies: ["StepwiseApp", "StepwiseUI", "StepwiseCore", "StepwiseTestSupport"],
                    path: "Tests/StepwiseAppTests"),
        .testTarget(name: "EndToEndTests", dependencies: ["StepwiseCore", "StepwiseTestSupport"], path: "Tests/EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
