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
        .target(name: "StepwiseCore", dependencies: ["CStepwiseText"], path: "Sources/StepwiseCore"),
        .target(name: "StepwiseUI", dependencies: ["StepwiseCore"], path: "Sources/StepwiseUI"),
        .target(name: "StepwiseApp", dependencies: ["StepwiseCore", "StepwiseUI"], path: "Sources/StepwiseApp"),
        .target(name: "StepwiseTerminal", dependencies: ["StepwiseUI", "CNcurses"], path: "Sources/StepwiseTerminal"),
        .executableTarget(
            name: "stepwise",
            dependencies: ["StepwiseCore", "StepwiseUI", "StepwiseApp", "StepwiseTerminal", "CNcurses", "CStepwiseSignals"],
            path: "Sources/stepwise"
        ),
        .executableTarget(
            name: "stepwise-bench",
            dependencies: ["StepwiseCore", "StepwiseUI", "StepwiseApp", "StepwiseTerminal", "CNcurses"],
            path: "Sources/stepwise-bench"
        ),
        .testTarget(name: "StepwiseCoreTests", dependencies: ["StepwiseCore"], path: "Tests/StepwiseCoreTests", exclude: ["Snapshots"]),
        .testTarget(
            name: "StepwiseUITests",
            dependencies: ["StepwiseUI", "StepwiseCore"],
            path: "Tests/StepwiseUITests",
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "StepwiseAppTests", dependencies: ["StepwiseApp", "StepwiseUI", "StepwiseCore"], path: "Tests/StepwiseAppTests"),
        .testTarget(name: "EndToEndTests", dependencies: ["StepwiseCore"], path: "Tests/EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
