import Foundation
import XCTest

/// `stepwise export` reads what the copy it makes needs, once: the record one time, and the
/// indicators' statements only for the text (the JSON gives scores by indicator id).
final class ExportReadsTests: EndToEndTestCase {
    /// The paths `stepwise arguments` opened (each `open`/`openat`, as strace saw it), and how it ended.
    private func opened(_ arguments: [String]) throws -> (status: Int32, paths: [String]) {
        let trace = root.appendingPathComponent("export.trace")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = ["-f", "-qq", "-o", trace.path, "-e", "trace=open,openat", E2E.binary] + arguments + ["--data", data.path]
        var environment = ProcessInfo.processInfo.environment
        for name in E2E.cleared { environment[name] = nil }
        process.environment = environment.merging(E2E.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let lines = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n")
        let paths = lines.compactMap { line -> String? in
            guard let open = line.range(of: "(\"") ?? line.range(of: ", \"") else { return nil }
            return line[open.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
        return (process.terminationStatus, paths)
    }

    private func firstParticipant() throws -> String {
        let list = try stepwise(["list", "--json"])
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]], list.stderr)
        return try XCTUnwrap(rows.first?["id"] as? String)
    }

    func testTheJSONCopyReadsTheRecordOnceAndNoIndicators() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else {
            throw XCTSkip("strace is not installed (apt-get install strace)")
        }
        try makeDemo()
        let id = try firstParticipant()
        let record = { (path: String) in path == "\(id).json" || path.hasSuffix("/\(id).json") }
        let indicators = { (path: String) in path.hasSuffix("indicators.json") }

        let json = try opened(["export", id, "--format", "json", "--output", root.appendingPathComponent("copy.json").path])
        XCTAssertEqual(json.status, 0)
        XCTAssertEqual(json.paths.filter(record).count, 1, "the record is read once: \(json.paths.filter(record))")
        XCTAssertEqual(json.paths.filter(indicators), [], "the JSON copy needs no indicator statements")

        let text = try opened(["export", id, "--format", "text", "--output", root.appendingPathComponent("copy.txt").path])
        XCTAssertEqual(text.status, 0)
        XCTAssertEqual(text.paths.filter(record).count, 1, "the record is read once: \(text.paths.filter(record))")
        XCTAssertEqual(text.paths.filter(indicators).count, 1, "the text names scores by the indicators' statements")
    }

    /// With a damaged indicators file, the JSON copy is still made; the text copy is refused
    /// before the audit log notes a copy.
    func testADamagedIndicatorsFileStopsOnlyTheTextCopy() throws {
        try makeDemo()
        let id = try firstParticipant()
        let resources = root.appendingPathComponent("resources")
        try FileManager.default.copyItem(at: E2E.repo.appendingPathComponent("Resources"), to: resources)
        try Data("{\"indicators\": [".utf8).write(to: resources.appendingPathComponent("indicators.json"))
        let environment = ["STEPWISE_RESOURCES": resources.path]
        let audit = data.appendingPathComponent("audit.log")
        let exported = { (try? String(contentsOf: audit, encoding: .utf8))?.split(separator: "\n").filter { $0.contains("\"exported\"") }.count ?? 0 }

        let json = try stepwise(["export", id, "--format", "json"], environment: environment)
        XCTAssertEqual(json.status, 0, json.stderr)
        let copy = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any], json.stdout)
        XCTAssertEqual((copy["record"] as? [String: Any])?["id"] as? String, id)
        XCTAssertEqual(exported(), 1)

        let text = try stepwise(["export", id, "--format", "text"], environment: environment)
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.stderr.contains("cannot read the indicators"), text.stderr)
        XCTAssertEqual(exported(), 1, "no copy was made, so none is logged")
    }
}
