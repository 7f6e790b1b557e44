import Foundation
import XCTest

/// `stepwise jobs list|import|export`, run as a script would run them.
final class JobsCLITests: EndToEndTestCase {
    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The demo data without the demo's job board, so that the board holds only the imported jobs.
    func makeDemoWithEmptyBoard() throws {
        _ = try makeDemo()
        try FileManager.default.removeItem(at: data.appendingPathComponent("jobs"))
    }

    func testImportListExportAndImportAgainGiveBackTheSameBoard() throws {
        try makeDemoWithEmptyBoard()
        let csv = try write(
            "jobs.csv",
            "id;title;employer;deadline;place;status\r\n"
                + "j-kok;Kok;Kantinen;31.12.2099;Vejle;\r\n"
                + "j-old;=1+1;-Lager A/S;2020-01-01;@Aarhus;\r\n"
                + "j-full;Pakker;Lager;;Køge;filled\r\n")
        var result = try stepwise(["jobs", "import", csv])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "imported 3 jobs from \(csv): 3 added, 0 changed, 0 unchanged\n")
        let audit = try String(contentsOf: data.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"action\":\"jobsImported\""), audit)

        result = try stepwise(["jobs", "list"])
        XCTAssertEqual(
            result.stdout.split(separator: "\n").map { $0.split(separator: " ").prefix(3).joined(separator: " ") },
            ["j-old 2020-01-01 expired", "j-kok 2099-12-31 open", "j-full no deadline"])
        result = try stepwise(["jobs", "list", "--status", "open", "--json"])
        let objects = try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]] ?? []
        XCTAssertEqual(objects.map { $0["id"] as? String }, ["j-kok"])
        XCTAssertEqual(objects.first?["applications"] as? Int, 0)
        XCTAssertEqual(try stepwise(["jobs", "list", "--status", "closed"]).status, 2)

        let exported = root.appendingPathComponent("board.csv")
        result = try stepwise(["jobs", "export", "--output", exported.path, "--separator", ";"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOf: exported, encoding: .utf8)
        XCTAssertTrue(text.contains(";'=1+1;'-Lager A/S;'@Aarhus;"), text)
        // Into a fresh folder and out again: the same bytes.
        let other = root.appendingPathComponent("other")
        XCTAssertEqual(try stepwise(["init", "--data", other.path], data: false).status, 0)
        result = try stepwise(["jobs", "import", exported.path, "--data", other.path], data: false)
        XCTAssertEqual(result.status, 0, result.stderr)
        let again = try stepwise(["jobs", "export", "--separator", ";", "--data", other.path], data: false)
        XCTAssertEqual(again.stdoutData, try Data(contentsOf: exported))
        XCTAssertEqual(try stepwise(["check"]).status, 0)
        try validateAgainstSchemas()
    }

    /// Every job file against `job.schema.json` and every audit line against its schema.
    func validateAgainstSchemas() throws {
        let probe = try CLI.run(["python3", "-c", "import jsonschema"], executable: "/usr/bin/env")
        guard probe.status == 0 else { throw XCTSkip("python3 with jsonschema is not installed") }
        let script = """
            import json, glob, sys, jsonschema
            base, schemas = sys.argv[1], sys.argv[2]
            job = jsonschema.Draft202012Validator(json.load(open(f"{schemas}/job.schema.json")), format_checker=jsonschema.FormatChecker())
            audit = jsonschema.Draft202012Validator(json.load(open(f"{schemas}/audit-entry.schema.json")))
            paths = sorted(glob.glob(f"{base}/jobs/*.json"))
            assert paths, "no job files"
            errors = [e.message for p in paths for e in job.iter_errors(json.load(open(p)))]
            errors += [e.message for line in open(f"{base}/audit.log") for e in audit.iter_errors(json.loads(line))]
            print(errors)
            sys.exit(1 if errors else 0)
            """
        let result = try CLI.run(["python3", "-c", script, data.path, E2E.schemas.path], executable: "/usr/bin/env")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    func testABadFileImportsNothingAndNamesLineAndColumn() throws {
        try makeDemoWithEmptyBoard()
        let csv = try write("bad.csv", "title,employer,deadline\nKok,Kantinen,2026-12-01\n,Bager,someday\n")
        let result = try stepwise(["jobs", "import", csv])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            """
            stepwise: \(csv): line 3, column 'deadline': "someday" is not a date (use 2026-12-18 or 18.12.2026)
            stepwise: \(csv): line 3, column 'title': is empty
            stepwise: nothing imported: 1 line with problems; fix them

            """)
        XCTAssertEqual(try stepwise(["jobs", "list"]).stdout, "")
    }
}
