import Foundation
import XCTest

/// The organisation's file, the user's file, environment variables and options, each
/// overriding the one before, as `stepwise config` shows them and the commands use them.
final class ConfigTests: EndToEndTestCase {
    var systemFile: URL { root.appendingPathComponent("etc/stepwise.conf") }
    var configHome: URL { root.appendingPathComponent("config") }
    var userFile: URL { configHome.appendingPathComponent("stepwise/stepwise.conf") }

    func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// The program with both files and no --data.
    func configured(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        try stepwise(
            arguments, data: false,
            environment: [
                "STEPWISE_CONFIG": systemFile.path, "XDG_CONFIG_HOME": configHome.path,
                "HOME": root.path,
            ].merging(environment) { $1 })
    }

    /// The row of `key` in `stepwise config`'s table, split into its columns.
    func row(_ key: String, in output: String) -> [String] {
        let line = output.split(separator: "\n").first { $0.hasPrefix(key + " ") } ?? ""
        return line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func testEachLayerAndWhereItCameFrom() throws {
        try write(
            """
            # The organisation's
            data = \(data.path)
            language = da
            [organisation]
            name = Jobcenter Vejle
            [course]
            weeks = 12
            conversations = 1, 6, 11
            [coach Anna]
            name = Anna Holm
            phone = +45 76 81 00 00
            [summary]
            signature = yes
            """, to: systemFile)
        try write("language = sv\n", to: userFile)

        var result = try configured(["config"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(systemFile.path), result.stdout)
        XCTAssertEqual(row("data", in: result.stdout), ["data", data.path, "\(systemFile.path):2"])
        XCTAssertEqual(row("language", in: result.stdout), ["language", "sv", "\(userFile.path):1"])
        XCTAssertEqual(row("organisation.name", in: result.stdout), ["organisation.name", "Jobcenter Vejle", "\(systemFile.path):5"])
        XCTAssertEqual(row("course.weeks", in: result.stdout), ["course.weeks", "12", "\(systemFile.path):7"])
        XCTAssertEqual(row("summary.signature", in: result.stdout), ["summary.signature", "yes", "\(systemFile.path):13"])
        XCTAssertEqual(row("coach.Anna.phone", in: result.stdout), ["coach.Anna.phone", "+45 76 81 00 00", "\(systemFile.path):11"])
        // The messages are in the configured language (sv).
        XCTAssertEqual(row("timezone", in: result.stdout).last, "standard (systemets)")

        result = try configured(["config", "--lang", "de"], environment: ["STEPWISE_LANG": "en", "STEPWISE_TIMEZONE": "Europe/Stockholm"])
        XCTAssertEqual(row("language", in: result.stdout), ["language", "de", "--lang"])
        XCTAssertEqual(row("timezone", in: result.stdout), ["timezone", "Europe/Stockholm", "$STEPWISE_TIMEZONE"])
        result = try configured(["config"], environment: ["STEPWISE_LANG": "en"])
        XCTAssertEqual(row("language", in: result.stdout), ["language", "en", "$STEPWISE_LANG"])

        // The commands use the configured data folder; the summary has the organisation, the
        // coach's name and phone, and lines to sign.
        result = try configured(["demo"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix(" i \(data.path)\n"), result.stdout)
        let id = try XCTUnwrap(try configured(["list", "--ids"]).stdout.split(separator: "\n").first)
        result = try configured(["summary", String(id), "--format", "markdown", "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Jobcenter Vejle"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Anna Holm** · +45 76 81 00 00"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Signatures"), result.stdout)
        try write("summary.signature = no\n", to: userFile)
        result = try configured(["summary", String(id), "--format", "markdown", "--lang", "en"])
        XCTAssertFalse(result.stdout.contains("Signatures"), result.stdout)
    }

    func testBadValuesNameTheFileLineAndKey() throws {
        try write("# ok\nlanguage = da\n", to: systemFile)
        try write("\n[course]\nweeks = 0\n", to: userFile)
        var result = try configured(["list"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: \(userFile.path):3: course.weeks: '0' is not a number of weeks from 1 to 104\n")
        XCTAssertEqual(result.stdout, "")

        try write("timezone = Europe/Aarhus\n", to: userFile)
        result = try configured(["config"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr, "stepwise: \(userFile.path):1: timezone: 'Europe/Aarhus' is not a time zone (e.g. Europe/Stockholm)\n")

        try write("", to: userFile)
        result = try configured(["list"], environment: ["STEPWISE_LANG": "fi"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: $STEPWISE_LANG: language: 'fi' is not one of the languages: da, de, en, sv\n")
        result = try configured(["config", "--lang", "xx"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "stepwise: --lang: language: 'xx' is not one of the languages: da, de, en, sv\n")
    }

    /// The example installed under share/doc/stepwise/examples is a valid file.
    func testTheExampleFileIsValid() throws {
        let example = E2E.repo.appendingPathComponent("Resources/examples/stepwise.conf")
        let result = try stepwise(["config"], data: false, environment: ["STEPWISE_CONFIG": example.path, "HOME": root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(row("data", in: result.stdout), ["data", "/srv/stepwise", "\(example.path):11"])
    }
}
