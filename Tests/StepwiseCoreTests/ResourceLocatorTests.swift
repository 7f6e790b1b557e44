import Foundation
import XCTest

@testable import StepwiseCore

/// An installed copy finds `<bin>/../share/stepwise` under any prefix (also through a symbolic
/// link to the binary), and a source checkout finds its `Resources/`.
final class ResourceLocatorTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("locator-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func make(_ path: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: url)
        return url
    }

    func testAnInstalledCopyUnderAnyPrefix() throws {
        for prefix in ["opt/stepwise", "home/anna/.local", "usr"] {
            let binary = try make("\(prefix)/bin/stepwise")
            _ = try make("\(prefix)/share/stepwise/strings/en.json")
            XCTAssertEqual(
                ResourceLocator.directory(environment: [:], executable: binary.path)?.path,
                root.appendingPathComponent("\(prefix)/share/stepwise").path)
        }
        // ~/bin/stepwise -> /opt/stepwise/bin/stepwise
        let link = root.appendingPathComponent("home/anna/bin/stepwise")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root.appendingPathComponent("opt/stepwise/bin/stepwise"))
        XCTAssertEqual(
            ResourceLocator.directory(environment: [:], executable: link.path)?.path,
            root.appendingPathComponent("opt/stepwise/share/stepwise").path)
    }

    func testASourceCheckoutAndTheVariable() throws {
        let binary = try make("checkout/.build/x86_64-unknown-linux-gnu/debug/stepwise")
        _ = try make("checkout/Resources/strings/en.json")
        XCTAssertEqual(
            ResourceLocator.directory(environment: [:], executable: binary.path)?.path,
            root.appendingPathComponent("checkout/Resources").path)
        XCTAssertEqual(ResourceLocator.directory(environment: ["STEPWISE_RESOURCES": "/x"], executable: binary.path)?.path, "/x")
    }
}
