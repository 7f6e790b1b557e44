import Foundation
import XCTest

/// Every file Stepwise writes matches the JSON schema it publishes.
final class SchemaTests: EndToEndTestCase {
    private static let validator = #"""
    import json, os, sys
    from jsonschema import Draft202012Validator

    data, schemas = sys.argv[1], sys.argv[2]
    def load(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    kinds = [("participants", ".json", "participant.schema.json"),
             ("offers", ".json", "offer.schema.json"),
             ("locks", ".lock", "lock.schema.json")]
    errors, counts = [], {}
    for folder, suffix, schema_name in kinds:
        schema = load(os.path.join(schemas, schema_name))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        names = sorted(n for n in os.listdir(os.path.join(data, folder)) if n.endswith(suffix) and not n.startswith("."))
        counts[folder] = len(names)
        for name in names:
            path = os.path.join(folder, name)
            try:
                instance = load(os.path.join(data, path))
            except Exception as e:
                errors.append(f"{path}: not JSON: {e}")
                continue
            for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
                where = "/".join(str(p) for p in error.absolute_path) or "(top)"
                errors.append(f"{path}: {where}: {error.message}")
            if folder == "participants" and instance.get("id") != name[:-len(suffix)]:
                errors.append(f"{path}: id {instance.get('id')!r} does not match the file name")
    print(json.dumps({"counts": counts, "errors": errors}, ensure_ascii=False))
    sys.exit(1 if errors else 0)
    """#

    func testEveryWrittenFileMatchesItsSchema() throws {
        try makeDemo()
        let run = try startTUI()
        let tmux = run.tmux
        tmux.waitFor(participantsLine())

        // A participant added in the caseload screen.
        tmux.send("a")
        tmux.waitFor("Add a participant")
        tmux.type("Zoë Ærøskøbing-Weiß")
        tmux.send("Tab")
        tmux.send("C-u")
        tmux.type("3/12/2026")
        tmux.send("Tab")
        tmux.type("da")
        tmux.waitFor("› Language")
        tmux.send("Enter")
        tmux.waitFor(participantsLine(added: 1))

        // A participant open, so that its lock file exists.
        tmux.send("/")
        tmux.type("jurgen")
        tmux.waitFor(oneMatch(added: 1))
        tmux.send("Enter")
        tmux.waitFor("[1 Plan]")
        let locks = data.appendingPathComponent("locks")
        let lockFiles = ((try? FileManager.default.contentsOfDirectory(atPath: locks.path)) ?? []).filter { $0.hasSuffix(".lock") }
        XCTAssertEqual(lockFiles.count, 1, "a lock is held while the participant is open")

        let script = root.appendingPathComponent("validate.py")
        try SchemaTests.validator.write(to: script, atomically: true, encoding: .utf8)
        let result = try CLI.run(["python3", script.path, data.path, E2E.schemas.path], executable: "/usr/bin/env", timeout: 60)
        guard let report = try? JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any] else {
            XCTFail("the validator did not run (exit \(result.status)):\n\(result.stdout)\n\(result.stderr)")
            return
        }
        let errors = report["errors"] as? [String] ?? []
        XCTAssertEqual(errors, [], "files that do not match their schema:\n" + errors.joined(separator: "\n"))
        XCTAssertEqual(result.status, 0, result.stderr)
        let counts = report["counts"] as? [String: Int] ?? [:]
        XCTAssertEqual(counts["participants"], demoCount + 1, "\(counts)")
        XCTAssertGreaterThan(counts["offers"] ?? 0, 0, "\(counts)")
        XCTAssertEqual(counts["locks"], 1, "\(counts)")

        tmux.send("Escape")
        tmux.waitFor("Search: jurgen")
        tmux.send("Escape")
        tmux.waitFor(participantsLine(added: 1))
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }
}
