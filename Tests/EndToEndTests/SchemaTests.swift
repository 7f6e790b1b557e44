import Foundation
import XCTest

/// Every file Stepwise writes matches the JSON schema it publishes: the participant and offer
/// records, the lock files, every line of the plan histories and of the audit log. The data is
/// the demo data, changed at the keyboard as a coach would: a participant added; a session
/// with the peer worker and an employer, a tagged note, a rating, the session ended with an
/// appointment; a milestone and an outcome; a suggested goal with a step for someone else, the
/// citizen's approval; a suggested step turned down with a reason; a contact with consent;
/// attendance marked in the catalogue.
final class SchemaTests: EndToEndTestCase {
    private static let validator = #"""
        import json, os, sys
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource

        data, schemas = sys.argv[1], sys.argv[2]
        def load(path):
            with open(path, encoding="utf-8") as f:
                return json.load(f)

        # Every schema, so that one may refer to another (plan-version.schema.json uses participant's).
        registry = Registry()
        loaded = {}
        for name in sorted(os.listdir(schemas)):
            if name.endswith(".schema.json"):
                schema = load(os.path.join(schemas, name))
                Draft202012Validator.check_schema(schema)
                loaded[name] = schema
                registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
        def validator(name):
            return Draft202012Validator(loaded[name], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)

        errors, counts = [], {}
        def check(v, instance, where):
            for error in sorted(v.iter_errors(instance), key=lambda e: list(e.absolute_path)):
                path = "/".join(str(p) for p in error.absolute_path) or "(top)"
                errors.append(f"{where}: {path}: {error.message}")

        def files(folder, suffix):
            folder_path = os.path.join(data, folder)
            if not os.path.isdir(folder_path):
                return []
            return sorted(n for n in os.listdir(folder_path) if n.endswith(suffix) and not n.startswith("."))

        # Whole-file records.
        for folder, suffix, schema_name in [("participants", ".json", "participant.schema.json"),
                                            ("offers", ".json", "offer.schema.json"),
                                            ("locks", ".lock", "lock.schema.json")]:
            v = validator(schema_name)
            names = files(folder, suffix)
            counts[folder] = len(names)
            for name in names:
                path = os.path.join(folder, name)
                try:
                    instance = load(os.path.join(data, path))
                except Exception as e:
                    errors.append(f"{path}: not JSON: {e}")
                    continue
                check(v, instance, path)
                if folder == "participants" and isinstance(instance.get("placements"), dict):
                    placements = instance["placements"].values()
                    counts["placements"] = counts.get("placements", 0) + len(placements)
                    counts["followUps"] = counts.get("followUps", 0) + sum(len(p.get("followUps", [])) for p in placements)
                if folder in ("participants", "offers") and instance.get("id") != name[:-len(suffix)]:
                    errors.append(f"{path}: id {instance.get('id')!r} does not match the file name")

        # JSON Lines: one object per line.
        def lines(path, v, on_line=None):
            count = 0
            with open(os.path.join(data, path), encoding="utf-8") as f:
                text = f.read()
            if text and not text.endswith("\n"):
                errors.append(f"{path}: the last line is not ended")
            for number, line in enumerate(text.split("\n")[:-1], 1):
                where = f"{path}:{number}"
                try:
                    instance = json.loads(line)
                except Exception as e:
                    errors.append(f"{where}: not JSON: {e}")
                    continue
                count += 1
                check(v, instance, where)
                if on_line:
                    on_line(instance, where, count)
            return count

        v = validator("plan-version.schema.json")
        counts["history"] = counts["historyLines"] = 0
        for name in files("history", ".jsonl"):
            previous = {}
            def on_version(instance, where, count):
                version = instance.get("version")
                plan = instance.get("plan")
                if isinstance(plan, dict) and plan.get("version") != version:
                    errors.append(f"{where}: version {version!r} but plan.version {plan.get('version')!r}")
                if "version" in previous and isinstance(version, int) and version <= previous["version"]:
                    errors.append(f"{where}: version {version} does not follow {previous['version']}")
                previous["version"] = version
            counts["history"] += 1
            counts["historyLines"] += lines(os.path.join("history", name), v, on_version)

        counts["auditLines"] = 0
        if os.path.exists(os.path.join(data, "audit.log")):
            counts["auditLines"] = lines("audit.log", validator("audit-entry.schema.json"))

        print(json.dumps({"counts": counts, "errors": errors}, ensure_ascii=False))
        sys.exit(1 if errors else 0)
        """#

    private let citizen = "Jürgen Weiß"
    private let note = "Jürgen erzählte vom Schlaf – æøå"
    private let agreements = "Jürgen ruft Hansen an"
    private let milestone = "Vorstellungsgespräch bei Hansen"
    private let outcome = "Lager bei Hansen GmbH"
    private let goal = "Ein Praktikum ausprobieren"
    private let step = "Den Mentor anrufen"
    private let contact = "Dr. Schulz"

    func testEveryWrittenFileMatchesItsSchema() throws {
        try makeDemo()
        // The demo's own entries, so that what the keys add can be counted.
        let demoRecord = participantFile(named: citizen)?.object ?? [:]
        let demoOffers = offersWithAttendance()
        let run = try startTUI(width: 100, height: 40)
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

        // A session with the peer worker and an employer present (it holds the conversation due).
        tmux.send("s")
        tmux.waitFor("Start a session")
        tmux.send("Tab")
        tmux.waitFor("› Peer worker present")
        tmux.send("Right")
        tmux.waitFor("‹ yes ›")
        tmux.send("Tab")
        tmux.type("Mette Skov")
        tmux.waitFor("Mette Skov")
        tmux.send("Tab")
        tmux.type("Hansen GmbH")
        tmux.waitFor("Hansen GmbH")
        tmux.send("Enter")
        tmux.waitFor("Session running: ")

        // A tagged note, one standard tag and one typed.
        tmux.send("3")
        tmux.waitFor("[3 Notes]")
        tmux.send("n")
        tmux.waitFor("A new note")
        tmux.type(note)
        tmux.waitFor(note)
        tmux.send("Tab", "Tab")
        tmux.waitFor("› Tags")
        tmux.type("health, Eigenes")
        tmux.waitFor("Eigenes")
        tmux.send("Enter")
        tmux.waitFor("“\(note)”")

        // A rating: some lines scored (0 is 10), one left unrated, the coach's belief last.
        tmux.send("r")
        tmux.waitFor("How is it going?")
        tmux.send("0", "Down", "Down", "3", "Down", "7", "Down", "Down", "Down", "Down", "Down", "4")
        tmux.waitFor("████░░░░░░  4")
        tmux.send("Enter")
        tmux.waitForGone("How is it going?")

        // The session ended, with what was agreed and the next appointment.
        tmux.send("s")
        tmux.waitFor("End the session")
        tmux.type(agreements)
        tmux.waitFor(agreements)
        tmux.send("Tab")
        tmux.type("+2w")
        tmux.send("Tab")
        tmux.type("9.30")
        tmux.send("Tab")
        tmux.type("Jobhuset")
        tmux.send("Tab")
        tmux.type("Anna ruft an")
        tmux.waitFor("Anna ruft an")
        tmux.send("Enter")
        // Jürgen holds a seat in a weekly offer at that time: the clash is said once, and Enter keeps it.
        tmux.waitFor("This clashes with")
        tmux.send("Enter")
        tmux.waitForGone("End the session")
        tmux.waitForGone("Session running")

        // A milestone and the outcome, on the progress tab.
        tmux.send("4")
        tmux.waitFor("[4 Progress]")
        tmux.send("m")
        tmux.waitFor("A milestone")
        tmux.type(milestone)
        tmux.send("Tab", "Right", "Right", "Right")
        tmux.waitFor("‹ Job interview ›")
        tmux.send("Enter")
        tmux.waitForGone("A milestone")
        // The milestones stand under the charts: at the end of the tab.
        tmux.send("End")
        tmux.waitFor(milestone)
        tmux.send("o")
        tmux.waitFor("Outcome of the course")
        tmux.type(outcome)
        // A new outcome starts on "Not recorded yet": Job is the next choice.
        tmux.send("Tab", "Right")
        tmux.waitFor("‹ Job ›")
        tmux.send("Tab")
        tmux.type("25")
        tmux.send("Enter")
        // A job: follow-along support is offered at once (answered no here).
        tmux.waitFor("Agree on follow-along support?")
        tmux.send("n")
        // The outcome stands under the chart of every indicator: at the end of the tab.
        tmux.send("End")
        tmux.waitFor("25 hours a week: \(outcome)")

        // On the plan tab, in the coach's words: a suggested goal with a step someone else
        // takes; the citizen approves the plan; a contact the citizen agrees to share with.
        tmux.send("1")
        tmux.waitFor("Mandatory conversations")
        tmux.send("w")
        tmux.waitFor("[Coach]")
        tmux.send("g")
        tmux.waitFor("A new goal")
        tmux.type(goal)
        tmux.waitFor(goal)
        tmux.send("Enter")
        tmux.waitFor("suggestion · Job: \(goal)")
        tmux.send("a")
        tmux.waitFor("A new step")
        tmux.type(step)
        tmux.send("Tab", "Left")
        tmux.waitFor("‹ someone else ›")
        tmux.send("Tab")
        tmux.type("Mentor Birgit")
        tmux.send("Enter")
        tmux.waitFor("· Mentor Birgit")
        // The suggested step turned down, with the citizen's reason.
        tmux.send("d")
        tmux.waitFor("Turn down the suggestion")
        tmux.type("Birgit kenne ich nicht")
        tmux.waitFor("Birgit kenne ich nicht")
        tmux.send("Enter")
        tmux.waitForGone("Turn down the suggestion")
        tmux.send("A")
        tmux.waitFor("approve the plan")
        tmux.send("y")
        tmux.waitForGone("approve the plan")
        tmux.send("c")
        tmux.waitFor("A person or service in my life")
        tmux.type(contact)
        tmux.send("Tab", "Right", "Right")
        tmux.waitFor("‹ GP (doctor) ›")
        tmux.send("Tab")
        tmux.type("+49 30 123456")
        tmux.send("Tab")
        tmux.type("schulz@example.de")
        tmux.send("Tab", "Right")
        tmux.waitFor("‹ yes, consent given ›")
        tmux.send("Enter")
        tmux.waitFor("✓ may share since")

        let script = root.appendingPathComponent("validate.py")
        try SchemaTests.validator.write(to: script, atomically: true, encoding: .utf8)
        func validate() throws -> [String: Int] {
            let result = try CLI.run(["python3", script.path, data.path, E2E.schemas.path], executable: "/usr/bin/env", timeout: 60)
            guard let report = try? JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any] else {
                XCTFail("the validator did not run (exit \(result.status)):\n\(result.stdout)\n\(result.stderr)")
                return [:]
            }
            let errors = report["errors"] as? [String] ?? []
            XCTAssertEqual(errors, [], "files that do not match their schema:\n" + errors.joined(separator: "\n"))
            XCTAssertEqual(result.status, 0, result.stderr)
            return report["counts"] as? [String: Int] ?? [:]
        }
        var counts = try validate()
        XCTAssertEqual(counts["participants"], demoCount + 1, "\(counts)")
        XCTAssertGreaterThan(counts["offers"] ?? 0, 0, "\(counts)")
        XCTAssertEqual(counts["locks"], 1, "\(counts)")
        XCTAssertEqual(counts["history"], demoCount, "a history for every participant whose plan was saved: \(counts)")
        XCTAssertEqual(
            counts["historyLines"], demoCount + 5,
            "the session, the goal, the step, its turning down and the approval each saved a plan version: \(counts)")
        XCTAssertGreaterThan(counts["auditLines"] ?? 0, 0, "\(counts)")
        XCTAssertEqual(counts["placements"], 2, "two people placed in one internship, each with their own placement: \(counts)")
        XCTAssertGreaterThanOrEqual(counts["followUps"] ?? 0, 4, "their follow-up meetings: \(counts)")

        // What was validated really holds what the keys made.
        guard let saved = participantFile(named: citizen)?.object else { return XCTFail("\(citizen) is gone from disk") }
        for list in ["sessions", "notes", "ratings", "milestones", "contacts"] {
            XCTAssertEqual((saved[list] as? [Any])?.count, ((demoRecord[list] as? [Any])?.count ?? 0) + 1, "one entry added to \(list)")
        }
        XCTAssertNotNil((saved["sessions"] as? [[String: Any]])?.last?["next"], "the session has its next appointment")
        XCTAssertEqual(((saved["contacts"] as? [[String: Any]])?.first?["consent"] as? [Any])?.count, 1, "consent was given")
        XCTAssertNotNil(saved["outcome"])
        let plan = saved["plan"] as? [String: Any] ?? [:]
        XCTAssertEqual((plan["approvals"] as? [Any])?.count, 1, "the approval")
        let steps = (plan["goals"] as? [[String: Any]])?.last?["steps"] as? [[String: Any]]
        XCTAssertEqual((steps?.first?["who"] as? [String: Any])?["role"] as? String, "other", "the step someone else takes")
        XCTAssertEqual((steps?.first?["rejection"] as? [String: Any])?["text"] as? String, "Birgit kenne ich nicht", "the reason is kept")

        // Back in the caseload, with no participant open; attendance marked in the catalogue.
        tmux.send("Escape")
        tmux.waitFor(participantsLine(added: 1))
        tmux.send("o")
        tmux.waitFor("Offer catalogue")
        tmux.send("t")
        tmux.waitFor("(session ")
        tmux.send("1")
        tmux.waitFor("✓ came")
        tmux.send("Escape")
        tmux.waitForGone("(session ")
        tmux.send("Escape")
        tmux.waitFor(participantsLine(added: 1))
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)

        counts = try validate()
        XCTAssertEqual(counts["locks"], 0, "no lock is left behind: \(counts)")
        // The demo has marked past sessions already: the mark either adds one or replaces the
        // demo's own mark for that person and session.
        let marked = offersWithAttendance()
        XCTAssertGreaterThanOrEqual(marked.values.reduce(0, +), demoOffers.values.reduce(0, +), "no attendance mark was lost")
        XCTAssertFalse(marked.values.allSatisfy { $0 == 0 }, "attendance is marked")
    }

    /// Offer id → how many attendance marks it holds.
    private func offersWithAttendance() -> [String: Int] {
        let folder = data.appendingPathComponent("offers")
        let objects = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .compactMap { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) }
            .compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        return Dictionary(objects.map { ($0["id"] as? String ?? "?", (($0["attendance"] as? [Any]) ?? []).count) }, uniquingKeysWith: +)
    }
}
