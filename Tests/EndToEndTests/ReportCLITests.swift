import Foundation
import XCTest

/// `stepwise report` on the demo data: every format holds figures and no person; CSV reads
/// with python's csv module, JSON validates against the published schema.
final class ReportCLITests: EndToEndTestCase {
    func testEveryFormatHoldsTheFiguresAndNoPerson() throws {
        try makeDemo()
        let names = participantFiles().compactMap { $0.object["name"] as? String }
        let ids = participantFiles().map { $0.url.deletingPathExtension().lastPathComponent }
        for format in ["text", "markdown", "html", "csv", "json"] {
            let result = try stepwise(["report", "--format", format])
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
            for name in names { XCTAssertFalse(result.stdout.contains(name), "\(format) names \(name)") }
            for id in ids { XCTAssertFalse(result.stdout.contains(id), "\(format) holds the id \(id)") }
            XCTAssertFalse(result.stdout.isEmpty, format)
        }
        let text = try stepwise(["report"]).stdout
        XCTAssertTrue(text.contains("Results at the end of the course"), text)
        XCTAssertTrue(text.contains("< 5"), "the demo's small groups are withheld:\n\(text)")
        let danish = try stepwise(["report", "--lang", "da"]).stdout
        XCTAssertTrue(danish.contains("Resultat ved forløbets afslutning"), danish)
    }

    func testCSVReadsWithPythonAndJSONValidatesAgainstTheSchema() throws {
        try makeDemo()
        let csvFile = data.appendingPathComponent("../report.csv").standardizedFileURL
        let jsonFile = data.appendingPathComponent("../report.json").standardizedFileURL
        XCTAssertEqual(try stepwise(["report", "--format", "csv", "--output", csvFile.path]).status, 0)
        XCTAssertEqual(try stepwise(["report", "--format", "json", "--output", jsonFile.path]).status, 0)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: jsonFile.path)[.posixPermissions] as? Int, 0o600)
        let probe = try CLI.run(["python3", "-c", "import jsonschema"], executable: "/usr/bin/env")
        guard probe.status == 0 else { throw XCTSkip("python3 with jsonschema is not installed") }
        let script = """
            import csv, json, sys, jsonschema
            rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
            assert rows, "no rows"
            assert set(rows[0]) == {"table", "row", "column", "value", "suppressed"}, rows[0]
            withheld = [r for r in rows if r["suppressed"] == "true"]
            assert withheld and all(r["value"] == "" for r in withheld), "withheld cells carry no value"
            for r in rows:
                if r["suppressed"] == "false" and r["value"] and r["column"] in ("count", "booked", "waiting", "higher", "equal", "lower", "noShows", "seats"):
                    value = float(r["value"])
                    if r["table"] not in ("offersByKind", "offersByOffer") or r["column"] in ("booked", "waiting", "noShows"):
                        assert not (0 < value < 5), ("a count of fewer than 5 people is shown", r)
            schema = json.load(open(sys.argv[3] + "/report.schema.json"))
            document = json.load(open(sys.argv[2]))
            jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
            ids = {t["id"] for t in document["tables"]}
            assert {"participants", "results", "movement", "offersByKind"} <= ids, ids
            print(len(rows), len(withheld))
            """
        let result = try CLI.run(["python3", "-c", script, csvFile.path, jsonFile.path, E2E.schemas.path], executable: "/usr/bin/env")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    /// The default period is the twelve calendar months that end on --to (or today): a leap
    /// day does not shift its first day. Hidden figures read as a word the legend explains.
    func testThePeriodIsCalendarMonthsAndHiddenFiguresAreWords() throws {
        try makeDemo()
        let json = try stepwise(["report", "--format", "json", "--to", "2028-03-01"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((document["period"] as? [String: Any])?["from"] as? String, "2027-03-02")
        for (language, word) in [("en", "“hidden”"), ("da", "“skjult”"), ("sv", "”dold”"), ("de", "„verdeckt“")] {
            let text = try stepwise(["report", "--lang", language]).stdout
            XCTAssertTrue(text.contains(word), "\(language):\n\(text)")
            XCTAssertFalse(text.contains("*"), "\(language):\n\(text)")
        }
    }

    func testFiltersAndBadUsage() throws {
        try makeDemo()
        let json = try stepwise(["report", "--format", "json", "--language", "sv", "--from", "2026-01-01", "--to", "2026-11-30"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((document["filters"] as? [String: Any])?["language"] as? String, "sv")
        XCTAssertEqual((document["period"] as? [String: Any])?["from"] as? String, "2026-01-01")
        XCTAssertEqual(try stepwise(["report", "--format", "pdf"]).status, 2)
        XCTAssertEqual(try stepwise(["report", "--from", "2026-12-01", "--to", "2026-01-01"]).status, 2)
        XCTAssertEqual(try stepwise(["report", "--cohort", "2026-01-01"]).status, 2)
        XCTAssertEqual(try stepwise(["report", "--indicators", "0"]).status, 2)
    }

    /// Without --lang the report's words follow the language setting the other commands use:
    /// $STEPWISE_LANG, then stepwise.conf, then the locale; --lang comes before them all.
    func testTheLanguageFollowsTheLanguageSetting() throws {
        try makeDemo()
        let config = root.appendingPathComponent("stepwise.conf")
        try Data("language = sv\n".utf8).write(to: config)
        let configured = ["STEPWISE_CONFIG": config.path, "HOME": root.path]
        let cases: [(arguments: [String], environment: [String: String], title: String)] = [
            ([], ["STEPWISE_LANG": "de"], "Ergebnis am Ende der Maßnahme"),
            ([], configured, "Resultat när programmet slutade"),
            ([], configured.merging(["STEPWISE_LANG": "de"]) { $1 }, "Ergebnis am Ende der Maßnahme"),
            ([], ["LANG": "da_DK.UTF-8"], "Resultat ved forløbets afslutning"),
            (["--lang", "da"], configured.merging(["STEPWISE_LANG": "de"]) { $1 }, "Resultat ved forløbets afslutning"),
        ]
        for (arguments, environment, title) in cases {
            let result = try stepwise(["report"] + arguments, environment: environment)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains(title), "\(arguments) \(environment):\n\(result.stdout)")
        }
    }
}
